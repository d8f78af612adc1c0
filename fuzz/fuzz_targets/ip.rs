//! Any text as an API user's `ipRange`: never a panic, and surrounding ASCII spaces change nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openspecimen_validate::rules::ip::is_valid_ip_range;

fuzz_target!(|list: &str| {
    let valid = is_valid_ip_range(list);
    assert_eq!(valid, is_valid_ip_range(&format!(" {list}\t")), "padding changed the answer for {list:?}");
});
