//! Any text as a date (both as a JSON string's content and as a JSON number's raw text): never a
//! panic, and every accepted value lies in the supported range (years 0000–9999) with a real day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openspecimen_validate::rules::date::{parse_date_text, parse_epoch_number, DateValue};

/// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
const MIN_EPOCH_MS: i64 = -62_167_219_200_000;
const MAX_EPOCH_MS: i64 = 253_402_300_799_999;

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fuzz_target!(|text: &str| {
    for result in [parse_date_text(text), parse_epoch_number(text)] {
        match result {
            Ok(DateValue::Instant(ms)) => {
                assert!((MIN_EPOCH_MS..=MAX_EPOCH_MS).contains(&ms), "{ms} out of range from {text:?}");
            }
            Ok(DateValue::Day { date, .. }) => {
                assert!((1..=12).contains(&date.month), "{date:?} from {text:?}");
                assert!((1..=days_in_month(date.year, date.month)).contains(&date.day), "{date:?} from {text:?}");
                assert!((0..=9999).contains(&date.year), "{date:?} from {text:?}");
            }
            Err(_) => {}
        }
    }
});
