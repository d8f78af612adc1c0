//! A settings pattern and a value: the input's first half is compiled, its second half matched. Never a
//! panic, and never slow: libFuzzer's `-timeout` (see scripts/fuzz.sh) turns a catastrophic
//! backtrack into a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openspecimen_validate::rules::pattern::Pattern;

fuzz_target!(|input: &str| {
    let mut middle = input.len() / 2;
    while !input.is_char_boundary(middle) {
        middle -= 1;
    }
    let (source, text) = input.split_at(middle);
    if let Ok(pattern) = Pattern::compile(source) {
        let matched = pattern.full_match(text);
        assert_eq!(matched, pattern.full_match(text), "not deterministic: {source:?} on {text:?}");
        // Values are at most 50 code points (uid, empi); a long value must be as safe.
        let long: String = text.chars().cycle().take(if text.is_empty() { 0 } else { 2_000 }).collect();
        let _ = pattern.full_match(&long);
    }
});
