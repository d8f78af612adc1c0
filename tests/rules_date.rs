mod common;

use common::XorShift;
use openspecimen_validate::rules::date::{
    civil_from_days, days_from_civil, format_civil, is_valid_civil, parse_date_text, parse_epoch_number, CivilDate,
    DateError, DateValue, MAX_EPOCH_MS, MIN_EPOCH_MS,
};

const DAY_MS: i64 = 86_400_000;

fn civil(year: i32, month: u8, day: u8) -> CivilDate {
    CivilDate { year, month, day }
}

fn day(year: i32, month: u8, day: u8) -> Result<DateValue, DateError> {
    Ok(DateValue::Day { date: civil(year, month, day), rolled_over: false })
}

fn rolled(year: i32, month: u8, day: u8) -> Result<DateValue, DateError> {
    Ok(DateValue::Day { date: civil(year, month, day), rolled_over: true })
}

fn instant(ms: i64) -> Result<DateValue, DateError> {
    Ok(DateValue::Instant(ms))
}

fn formatted(date: CivilDate) -> String {
    let mut out = String::new();
    format_civil(date, &mut out);
    out
}

#[test]
fn epoch_bounds() {
    assert_eq!(MIN_EPOCH_MS, -62_167_219_200_000);
    assert_eq!(MAX_EPOCH_MS, 253_402_300_799_999);
}

#[test]
fn calendar_days() {
    assert_eq!(parse_date_text("2024-01-05"), day(2024, 1, 5));
    assert_eq!(parse_date_text("1970-01-01"), day(1970, 1, 1));
    assert_eq!(parse_date_text("2023-12-31"), day(2023, 12, 31));
    assert_eq!(parse_date_text("2024-01-01"), day(2024, 1, 1));
    assert_eq!(parse_date_text("2024-02-29"), day(2024, 2, 29));
    assert_eq!(parse_date_text("2000-02-29"), day(2000, 2, 29));
    assert_eq!(parse_date_text("0000-01-01"), day(0, 1, 1));
    assert_eq!(parse_date_text("0000-02-29"), day(0, 2, 29));
    assert_eq!(parse_date_text("9999-12-31"), day(9999, 12, 31));
    assert_eq!(parse_date_text("2024-04-30"), day(2024, 4, 30));
}

#[test]
fn roll_overs() {
    assert_eq!(parse_date_text("2024-02-30"), rolled(2024, 3, 1));
    assert_eq!(parse_date_text("2024-02-31"), rolled(2024, 3, 2));
    assert_eq!(parse_date_text("2023-02-29"), rolled(2023, 3, 1));
    assert_eq!(parse_date_text("2023-02-30"), rolled(2023, 3, 2));
    assert_eq!(parse_date_text("2023-02-31"), rolled(2023, 3, 3));
    assert_eq!(parse_date_text("1900-02-29"), rolled(1900, 3, 1));
    assert_eq!(parse_date_text("2100-02-29"), rolled(2100, 3, 1));
    assert_eq!(parse_date_text("2024-04-31"), rolled(2024, 5, 1));
    assert_eq!(parse_date_text("2024-06-31"), rolled(2024, 7, 1));
    assert_eq!(parse_date_text("2024-09-31"), rolled(2024, 10, 1));
    assert_eq!(parse_date_text("2024-11-31"), rolled(2024, 12, 1));
    assert_eq!(parse_date_text("0001-02-29"), rolled(1, 3, 1));
}

#[test]
fn epoch_digit_strings() {
    assert_eq!(parse_date_text("0"), instant(0));
    assert_eq!(parse_date_text("-0"), instant(0));
    assert_eq!(parse_date_text("1705276800000"), instant(1_705_276_800_000));
    assert_eq!(parse_date_text("-315619200000"), instant(-315_619_200_000));
    assert_eq!(parse_date_text("000123"), instant(123));
    // Eight digits are an epoch value, not a compact date.
    assert_eq!(parse_date_text("20240105"), instant(20_240_105));
    assert_eq!(parse_date_text("2024"), instant(2024));
    assert_eq!(parse_date_text("-62167219200000"), instant(MIN_EPOCH_MS));
    assert_eq!(parse_date_text("253402300799999"), instant(MAX_EPOCH_MS));
}

#[test]
fn epoch_out_of_range() {
    let out = Err(DateError::OutOfRange);
    assert_eq!(parse_date_text("-62167219200001"), out);
    assert_eq!(parse_date_text("253402300800000"), out);
    assert_eq!(parse_date_text("99999999999999999999"), out);
    assert_eq!(parse_date_text("-9999999999999999"), out);
    assert_eq!(parse_date_text("9223372036854775807"), out);
    assert_eq!(parse_date_text("9223372036854775808"), out);
    assert_eq!(parse_date_text("-9223372036854775808"), out);
    assert_eq!(parse_date_text("-9223372036854775809"), out);
    assert_eq!(parse_date_text(&"9".repeat(10_000)), out);
    assert_eq!(parse_epoch_number("99999999999999999999"), out);
    assert_eq!(parse_epoch_number("-9999999999999999"), out);
    assert_eq!(parse_epoch_number("253402300800000"), out);
}

#[test]
fn epoch_numbers() {
    assert_eq!(parse_epoch_number("0"), instant(0));
    assert_eq!(parse_epoch_number("-315619200000"), instant(-315_619_200_000));
    assert_eq!(parse_epoch_number("1705276800000"), instant(1_705_276_800_000));
    assert_eq!(parse_epoch_number("-62167219200000"), instant(MIN_EPOCH_MS));
    assert_eq!(parse_epoch_number("253402300799999"), instant(MAX_EPOCH_MS));
    let bad = Err(DateError::Malformed);
    for raw in [
        "1.5",
        "1e3",
        "1E3",
        "1e+21",
        "1.0",
        "-1.0",
        "",
        "-",
        "--5",
        "+5",
        " 5",
        "5 ",
        "0x10",
        "NaN",
        "Infinity",
        "2024-01-05",
        "2024-01-05T00:00:00Z",
        "9".repeat(100).as_str(),
    ] {
        if raw.len() == 100 {
            assert_eq!(parse_epoch_number(raw), Err(DateError::OutOfRange));
        } else {
            assert_eq!(parse_epoch_number(raw), bad, "{raw:?}");
        }
    }
}

#[test]
fn iso_instants() {
    let jan15 = 1_705_276_800_000;
    assert_eq!(parse_date_text("2024-01-15T00:00:00Z"), instant(jan15));
    assert_eq!(parse_date_text("2024-01-15t00:00:00z"), instant(jan15));
    assert_eq!(parse_date_text("2024-01-15T00:00Z"), instant(jan15));
    assert_eq!(parse_date_text("2024-01-15T10:20:30Z"), instant(jan15 + 10 * 3_600_000 + 20 * 60_000 + 30_000));
    assert_eq!(parse_date_text("2024-01-15T10:20Z"), instant(jan15 + 10 * 3_600_000 + 20 * 60_000));
    assert_eq!(parse_date_text("2024-01-15T00:00:00.1Z"), instant(jan15 + 100));
    assert_eq!(parse_date_text("2024-01-15T00:00:00.12Z"), instant(jan15 + 120));
    assert_eq!(parse_date_text("2024-01-15T00:00:00.123Z"), instant(jan15 + 123));
    assert_eq!(parse_date_text("2024-01-15T00:00:00.1239Z"), instant(jan15 + 123));
    assert_eq!(parse_date_text("2024-01-15T00:00:00.999999999Z"), instant(jan15 + 999));
    assert_eq!(parse_date_text("2024-01-15T00:00:00.000000001Z"), instant(jan15));
    assert_eq!(parse_date_text("1970-01-01T00:00:00Z"), instant(0));
    assert_eq!(parse_date_text("1969-12-31T23:59:59.999Z"), instant(-1));
    assert_eq!(parse_date_text("1960-01-01T00:00:00Z"), instant(-315_619_200_000));
    assert_eq!(parse_date_text("2024-02-29T23:59:59Z"), instant(1_709_251_199_000));
    assert_eq!(parse_date_text("2000-02-29T00:00:00Z"), instant(951_782_400_000));
    assert_eq!(parse_date_text("0000-01-01T00:00:00Z"), instant(MIN_EPOCH_MS));
    assert_eq!(parse_date_text("9999-12-31T23:59:59.999999999Z"), instant(MAX_EPOCH_MS));
}

#[test]
fn malformed_texts() {
    for text in [
        "2024-13-01",
        "2024-00-10",
        "2024-99-10",
        "2024-01-00",
        "2024-01-32",
        "2024-02-32",
        "2024-01-99",
        "2024-1-5",
        "2024-01-5",
        "2024-1-05",
        "24-01-05",
        "2024/01/05",
        "2024.01.05",
        "05-01-2024",
        "2024-01-0a",
        "2024-0a-01",
        "20a4-01-01",
        "+2024-01-05",
        "-2024-01-05",
        "10000-01-01",
        "２０２４-01-05",
        "2024-01-05T10:00:00+01:00",
        "2024-01-05T10:00:00-00:00",
        "2024-01-05T10:00:00+00:00Z",
        "2024-01-05T10:00:00",
        "2024-01-05T",
        "2024-01-05Z",
        "2024-01-05TZ",
        "2024-01-05T10Z",
        "2024-01-05T10:0Z",
        "2024-01-05T1:00:00Z",
        "2024-01-05T10:00:0Z",
        "2024-01-05T10:00:00.Z",
        "2024-01-05T10:00:00,5Z",
        "2024-01-05T10:00:00.1234567890Z",
        "2024-01-05T10:00:00.12aZ",
        "2024-01-05T10:00:00ZZ",
        "2024-01-05T10:00:00Z ",
        "2024-01-05T24:00:00Z",
        "2024-01-05T25:00:00Z",
        "2024-01-05T10:60:00Z",
        "2024-01-05T10:00:60Z",
        "2024-01-05 10:00:00Z",
        "2024-01-05X10:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-04-31T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-01-00T00:00:00Z",
        "+10000-01-01T00:00:00Z",
        "abc",
        "1e3",
        "1.5",
        "--5",
        "-",
        "+5",
        "5-",
        "1 000",
        "٣",
        "",
        "T",
        "Z",
        "2024-01-05T10:00:00.000Z\u{0}",
    ] {
        assert_eq!(parse_date_text(text), Err(DateError::Malformed), "{text:?}");
    }
}

#[test]
fn validity() {
    assert!(is_valid_civil(civil(2024, 2, 29)));
    assert!(is_valid_civil(civil(2000, 2, 29)));
    assert!(!is_valid_civil(civil(1900, 2, 29)));
    assert!(!is_valid_civil(civil(2023, 2, 29)));
    assert!(is_valid_civil(civil(0, 2, 29)));
    assert!(is_valid_civil(civil(-4, 2, 29)));
    assert!(!is_valid_civil(civil(-100, 2, 29)));
    assert!(is_valid_civil(civil(-400, 2, 29)));
    assert!(is_valid_civil(civil(2024, 12, 31)));
    assert!(is_valid_civil(civil(2024, 1, 1)));
    assert!(!is_valid_civil(civil(2024, 4, 31)));
    assert!(!is_valid_civil(civil(2024, 1, 0)));
    assert!(!is_valid_civil(civil(2024, 0, 1)));
    assert!(!is_valid_civil(civil(2024, 13, 1)));
    assert!(!is_valid_civil(civil(2024, 255, 255)));
    assert!(is_valid_civil(civil(i32::MIN, 1, 1)));
    assert!(is_valid_civil(civil(i32::MAX, 12, 31)));
}

#[test]
fn known_day_numbers() {
    assert_eq!(days_from_civil(civil(1970, 1, 1)), 0);
    assert_eq!(days_from_civil(civil(1969, 12, 31)), -1);
    assert_eq!(days_from_civil(civil(1970, 1, 2)), 1);
    assert_eq!(days_from_civil(civil(1960, 1, 1)), -3653);
    assert_eq!(days_from_civil(civil(1960, 1, 1)) * DAY_MS, -315_619_200_000);
    assert_eq!(days_from_civil(civil(2000, 1, 1)), 10_957);
    assert_eq!(days_from_civil(civil(2000, 2, 29)), 11_016);
    assert_eq!(days_from_civil(civil(2000, 3, 1)), 11_017);
    assert_eq!(days_from_civil(civil(1900, 2, 28)), -25_509);
    assert_eq!(days_from_civil(civil(1900, 3, 1)), -25_508);
    assert_eq!(days_from_civil(civil(2024, 1, 15)), 19_737);
    assert_eq!(days_from_civil(civil(2024, 3, 1)) - days_from_civil(civil(2024, 2, 28)), 2);
    assert_eq!(days_from_civil(civil(0, 1, 1)), -719_528);
    assert_eq!(days_from_civil(civil(9999, 12, 31)), 2_932_896);
    assert_eq!(civil_from_days(0), civil(1970, 1, 1));
    assert_eq!(civil_from_days(-1), civil(1969, 12, 31));
    assert_eq!(civil_from_days(11_016), civil(2000, 2, 29));
    assert_eq!(civil_from_days(-25_508), civil(1900, 3, 1));
    assert_eq!(civil_from_days(-719_528), civil(0, 1, 1));
    assert_eq!(civil_from_days(-719_529), civil(-1, 12, 31));
    assert_eq!(civil_from_days(2_932_896), civil(9999, 12, 31));
    assert_eq!(civil_from_days(2_932_897), civil(10_000, 1, 1));
}

#[test]
fn lenient_fields_carry_over() {
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 1, 32))), civil(2024, 2, 1));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 2, 30))), civil(2024, 3, 1));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 12, 32))), civil(2025, 1, 1));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 3, 0))), civil(2024, 2, 29));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 13, 1))), civil(2025, 1, 1));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 0, 1))), civil(2023, 12, 1));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 25, 1))), civil(2026, 1, 1));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 1, 255))), civil(2024, 9, 11));
    assert_eq!(civil_from_days(days_from_civil(civil(2024, 255, 255))), civil(2045, 11, 10));
}

#[test]
fn round_trip_every_day_over_ten_thousand_years() {
    let first = days_from_civil(civil(-2000, 1, 1));
    let last = days_from_civil(civil(8000, 12, 31));
    let mut previous = civil_from_days(first - 1);
    for days in first..=last {
        let date = civil_from_days(days);
        assert!(is_valid_civil(date), "{date:?}");
        assert!(date > previous, "{date:?} after {previous:?}");
        assert_eq!(days_from_civil(date), days);
        // Consecutive days: either the next day of the month, or the first of the next month.
        let next_in_month = date.year == previous.year && date.month == previous.month && date.day == previous.day + 1;
        let first_of_next = date.day == 1
            && ((date.year == previous.year && date.month == previous.month + 1)
                || (date.year == previous.year + 1 && date.month == 1 && previous.month == 12));
        assert!(next_in_month || first_of_next, "{previous:?} -> {date:?}");
        previous = date;
    }
}

#[test]
fn round_trip_sparse_over_the_whole_range() {
    let step = 7_919_i64 * 1_009;
    let mut days = days_from_civil(civil(i32::MIN, 1, 1));
    let end = days_from_civil(civil(i32::MAX, 12, 31));
    while days <= end {
        let date = civil_from_days(days);
        assert!(is_valid_civil(date), "{date:?}");
        assert_eq!(days_from_civil(date), days);
        days += step;
    }
    for date in [civil(i32::MIN, 1, 1), civil(i32::MAX, 12, 31), civil(-1, 3, 1), civil(1, 2, 28)] {
        assert_eq!(civil_from_days(days_from_civil(date)), date);
    }
}

#[test]
fn civil_from_days_saturates() {
    assert_eq!(civil_from_days(i64::MAX), civil(i32::MAX, 12, 31));
    assert_eq!(civil_from_days(i64::MIN), civil(i32::MIN, 1, 1));
    let last = days_from_civil(civil(i32::MAX, 12, 31));
    assert_eq!(civil_from_days(last + 1), civil(i32::MAX, 12, 31));
}

#[test]
fn formatting() {
    assert_eq!(formatted(civil(2024, 1, 5)), "2024-01-05");
    assert_eq!(formatted(civil(2024, 12, 31)), "2024-12-31");
    assert_eq!(formatted(civil(0, 1, 1)), "0000-01-01");
    assert_eq!(formatted(civil(5, 3, 9)), "0005-03-09");
    assert_eq!(formatted(civil(999, 10, 10)), "0999-10-10");
    assert_eq!(formatted(civil(9999, 12, 31)), "9999-12-31");
    assert_eq!(formatted(civil(12_345, 6, 7)), "12345-06-07");
    assert_eq!(formatted(civil(-1, 1, 1)), "-0001-01-01");
    assert_eq!(formatted(civil(i32::MIN, 1, 1)), "-2147483648-01-01");
    assert_eq!(formatted(civil(i32::MAX, 255, 255)), "2147483647-255-255");
    let mut out = String::from("born ");
    format_civil(civil(1990, 5, 20), &mut out);
    assert_eq!(out, "born 1990-05-20");
}

#[test]
fn parse_then_format() {
    for text in ["2024-01-05", "0000-01-01", "9999-12-31", "2000-02-29"] {
        let Ok(DateValue::Day { date, rolled_over: false }) = parse_date_text(text) else {
            panic!("{text:?}");
        };
        assert_eq!(formatted(date), text);
    }
    let Ok(DateValue::Day { date, rolled_over: true }) = parse_date_text("2023-02-29") else {
        panic!("2023-02-29");
    };
    assert_eq!(formatted(date), "2023-03-01");
}

#[test]
fn instants_agree_with_days() {
    // Every ISO midnight equals its day number times a day, for a spread of days.
    let mut text = String::new();
    let mut days = days_from_civil(civil(0, 1, 1));
    let end = days_from_civil(civil(9999, 12, 31));
    while days <= end {
        text.clear();
        format_civil(civil_from_days(days), &mut text);
        text.push_str("T00:00:00Z");
        assert_eq!(parse_date_text(&text), instant(days * DAY_MS), "{text}");
        days += 997;
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "é",
        "-é",
        "2024-01-0é",
        "2024-01-05Té",
        "2024-01-05T10:00:00.é",
        "ééééééééééé",
        "2024-01-05T10:00:00.Zé",
        "-----------",
        "::::::::::::::::::::",
        "\u{0}",
    ] {
        assert_eq!(parse_date_text(text), Err(DateError::Malformed), "{text:?}");
        assert_eq!(parse_epoch_number(text), Err(DateError::Malformed), "{text:?}");
    }
}

#[test]
fn random_instants_round_trip_through_iso_text() {
    let mut rng = XorShift(0xdead_beef_cafe_f00d);
    let span = (MAX_EPOCH_MS - MIN_EPOCH_MS) as u64 + 1;
    let mut text = String::new();
    for _ in 0..100_000 {
        let ms = MIN_EPOCH_MS + rng.below(span) as i64;
        let days = ms.div_euclid(DAY_MS);
        let in_day = ms.rem_euclid(DAY_MS);
        text.clear();
        format_civil(civil_from_days(days), &mut text);
        let (h, m, s, milli) = (in_day / 3_600_000, in_day / 60_000 % 60, in_day / 1_000 % 60, in_day % 1_000);
        let nanos_tail = rng.below(1_000_000);
        text.push_str(&format!("T{h:02}:{m:02}:{s:02}.{milli:03}{nanos_tail:06}Z"));
        assert_eq!(parse_date_text(&text), instant(ms), "{text}");
        let digits = ms.to_string();
        assert_eq!(parse_date_text(&digits), instant(ms), "{digits}");
        assert_eq!(parse_epoch_number(&digits), instant(ms), "{digits}");
    }
}

#[test]
fn every_written_day_parses_and_rolls_like_the_calendar() {
    for year in [0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9996, 9999] {
        for month in 1..=12u8 {
            for d in 1..=31u8 {
                let text = format!("{year:04}-{month:02}-{d:02}");
                let written = civil(year, month, d);
                let expected = civil_from_days(days_from_civil(written));
                let result = parse_date_text(&text);
                assert_eq!(
                    result,
                    Ok(DateValue::Day { date: expected, rolled_over: !is_valid_civil(written) }),
                    "{text}"
                );
                // A rolled day only ever moves into the next month.
                if !is_valid_civil(written) {
                    assert!(d >= 29 && expected.day <= 3, "{text}");
                }
            }
        }
    }
}

#[test]
fn random_strings_do_not_panic() {
    const ALPHABET: &[char] = &['0', '1', '2', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ', 'e', 'é', '٣'];
    let mut rng = XorShift(99);
    for _ in 0..300_000 {
        let len = rng.below(32);
        let s: String = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize]).collect();
        for result in [parse_date_text(&s), parse_epoch_number(&s)] {
            match result {
                Ok(DateValue::Instant(ms)) => assert!((MIN_EPOCH_MS..=MAX_EPOCH_MS).contains(&ms)),
                Ok(DateValue::Day { date, .. }) => {
                    assert!(is_valid_civil(date) && (0..=9999).contains(&date.year))
                }
                Err(_) => {}
            }
        }
    }
}

#[test]
fn extreme_fields_do_not_overflow() {
    for year in [i32::MIN, -1, 0, 1, i32::MAX] {
        for month in [0u8, 1, 2, 3, 12, 13, 255] {
            for d in [0u8, 1, 28, 31, 255] {
                let days = days_from_civil(civil(year, month, d));
                let back = civil_from_days(days);
                assert!(is_valid_civil(back), "{back:?}");
                let _ = is_valid_civil(civil(year, month, d));
                let mut out = String::new();
                format_civil(civil(year, month, d), &mut out);
            }
        }
    }
}
