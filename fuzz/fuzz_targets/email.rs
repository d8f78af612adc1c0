//! Any text as an email address: never a panic, and the answer does not depend on surrounding calls.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openspecimen_validate::rules::email::is_valid_email;

fuzz_target!(|address: &str| {
    let valid = is_valid_email(address);
    assert_eq!(valid, is_valid_email(address), "not deterministic: {address:?}");
    if valid {
        // One bare local@domain: an `@`, no ASCII whitespace or control character outside quotes.
        assert!(address.contains('@'), "valid without @: {address:?}");
        assert!(!address.starts_with('@') && !address.ends_with('@'), "an empty part: {address:?}");
    }
});
