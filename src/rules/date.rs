//! Date values as the server's `JsonDateDeserializer` reads them, and proleptic Gregorian
//! civil-date arithmetic (Howard Hinnant's `days_from_civil` / `civil_from_days`).
//!
//! The server tries, in order: `yyyy-MM-dd` (lenient, so a day past the month's end rolls over),
//! `Instant.parse`, then `Long.parseLong` as epoch milliseconds. These forms do not overlap, so the
//! order does not matter here.

/// A calendar day. Ordering is chronological (year, then month, then day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// an instant in epoch milliseconds (from an integer, a digit string, or an ISO instant)
    Instant(i64),
    /// a calendar day from `yyyy-MM-dd`; `rolled_over` is true when the written day does not exist and
    /// `date` holds the rolled-over day (2024-02-30 -> 2024-03-01, 2023-02-29 -> 2023-03-01, 2024-04-31 -> 2024-05-01)
    Day { date: CivilDate, rolled_over: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// not one of the accepted forms
    Malformed,
    /// a well-formed value outside the supported range (years 0000–9999)
    OutOfRange,
}

const MS_PER_DAY: i64 = 86_400_000;

/// 0000-01-01T00:00:00.000Z
pub const MIN_EPOCH_MS: i64 = days_from_civil(CivilDate { year: 0, month: 1, day: 1 }) * MS_PER_DAY;

/// 9999-12-31T23:59:59.999Z
pub const MAX_EPOCH_MS: i64 = days_from_civil(CivilDate { year: 10_000, month: 1, day: 1 }) * MS_PER_DAY - 1;

/// Day numbers whose year fits an `i32`; `civil_from_days` clamps to them.
const MIN_DAYS: i64 = days_from_civil(CivilDate { year: i32::MIN, month: 1, day: 1 });
const MAX_DAYS: i64 = days_from_civil(CivilDate { year: i32::MAX, month: 12, day: 31 });

/// `text` is already trimmed and not blank.
pub fn parse_date_text(text: &str) -> Result<DateValue, DateError> {
    if let Some(result) = parse_epoch_digits(text) {
        return result;
    }
    match text.as_bytes().split_at_checked(10) {
        Some((day, [])) => parse_day(day),
        Some((day, time)) => parse_instant(day, time),
        None => Err(DateError::Malformed),
    }
}

/// A JSON integer (its raw text as written in the JSON, e.g. "-315619200000"), as epoch milliseconds.
/// A fraction or exponent (`1.5`, `1e3`) is `Malformed`: the server reads only JSON integers as dates.
pub fn parse_epoch_number(raw: &str) -> Result<DateValue, DateError> {
    parse_epoch_digits(raw).unwrap_or(Err(DateError::Malformed))
}

/// `Some` when `text` is ASCII digits with an optional leading `-`; `None` when it is another form.
/// A `+` sign and non-ASCII digits, which `Long.parseLong` also takes, are not accepted.
fn parse_epoch_digits(text: &str) -> Option<Result<DateValue, DateError>> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    let mut overflow = false;
    for c in digits.chars() {
        // Non-digits are checked to the end, so that `99999999999999999999x` is Malformed.
        let digit = i64::from(ascii_digit(c)?);
        if !overflow {
            // Accumulate towards the sign so that i64::MIN parses, as in Long.parseLong.
            let next =
                value.checked_mul(10).and_then(|v| if negative { v.checked_sub(digit) } else { v.checked_add(digit) });
            match next {
                Some(next) => value = next,
                None => overflow = true,
            }
        }
    }
    Some(if overflow { Err(DateError::OutOfRange) } else { instant(value) })
}

fn instant(ms: i64) -> Result<DateValue, DateError> {
    if (MIN_EPOCH_MS..=MAX_EPOCH_MS).contains(&ms) {
        Ok(DateValue::Instant(ms))
    } else {
        Err(DateError::OutOfRange)
    }
}

/// Exactly `yyyy-MM-dd`. Month 1–12 and day 1–31 are required; a day past the month's end rolls over.
fn parse_day(bytes: &[u8]) -> Result<DateValue, DateError> {
    let written = parse_ymd(bytes).ok_or(DateError::Malformed)?;
    if !(1..=12).contains(&written.month) || !(1..=31).contains(&written.day) {
        return Err(DateError::Malformed);
    }
    if is_valid_civil(written) {
        Ok(DateValue::Day { date: written, rolled_over: false })
    } else {
        // days_from_civil carries the extra days into the next month.
        Ok(DateValue::Day { date: civil_from_days(days_from_civil(written)), rolled_over: true })
    }
}

/// `yyyy-MM-ddTHH:mm[:ss[.f]]Z` as `Instant.parse` reads it (case-insensitive `T`/`Z`, 1–9
/// fraction digits). The day must exist: `Instant.parse` resolves strictly. Java also takes
/// `24:00` and a leap second `:60`, and from JDK 12 offsets; we reject all three.
fn parse_instant(day: &[u8], time: &[u8]) -> Result<DateValue, DateError> {
    let date = parse_ymd(day).ok_or(DateError::Malformed)?;
    let [b'T' | b't', h1, h2, b':', m1, m2, rest @ ..] = time else {
        return Err(DateError::Malformed);
    };
    let hour = two_digits(*h1, *h2).ok_or(DateError::Malformed)?;
    let minute = two_digits(*m1, *m2).ok_or(DateError::Malformed)?;
    let (second, millis) = match rest {
        [b'Z' | b'z'] => (0, 0),
        [b':', s1, s2, b'Z' | b'z'] => (two_digits(*s1, *s2).ok_or(DateError::Malformed)?, 0),
        [b':', s1, s2, b'.', fraction @ .., b'Z' | b'z'] => {
            (two_digits(*s1, *s2).ok_or(DateError::Malformed)?, fraction_millis(fraction).ok_or(DateError::Malformed)?)
        }
        _ => return Err(DateError::Malformed),
    };
    if !is_valid_civil(date) || hour > 23 || minute > 59 || second > 59 {
        return Err(DateError::Malformed);
    }
    let ms = days_from_civil(date)
        .checked_mul(MS_PER_DAY)
        .and_then(|ms| ms.checked_add(i64::from(hour) * 3_600_000))
        .and_then(|ms| ms.checked_add(i64::from(minute) * 60_000))
        .and_then(|ms| ms.checked_add(i64::from(second) * 1_000))
        .and_then(|ms| ms.checked_add(i64::from(millis)))
        .ok_or(DateError::OutOfRange)?;
    instant(ms)
}

/// 1–9 digits; digits past the milliseconds are truncated, as `Date.from(Instant)` does.
fn fraction_millis(fraction: &[u8]) -> Option<u16> {
    if fraction.is_empty() || fraction.len() > 9 {
        return None;
    }
    let mut millis: u16 = 0;
    let mut scale: u16 = 100;
    for &b in fraction {
        let digit = u16::from(ascii_digit(char::from(b))?);
        millis = millis.checked_add(digit.checked_mul(scale)?)?;
        scale /= 10;
    }
    Some(millis)
}

/// `yyyy-MM-dd` with ASCII digits; the ranges are checked by the caller.
fn parse_ymd(bytes: &[u8]) -> Option<CivilDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else {
        return None;
    };
    let year = i32::from(two_digits(y1, y2)?) * 100 + i32::from(two_digits(y3, y4)?);
    Some(CivilDate { year, month: two_digits(m1, m2)?, day: two_digits(d1, d2)? })
}

fn two_digits(tens: u8, ones: u8) -> Option<u8> {
    // At most 9 * 10 + 9 = 99: no overflow.
    Some(ascii_digit(char::from(tens))? * 10 + ascii_digit(char::from(ones))?)
}

fn ascii_digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        u8::try_from(c.to_digit(10)?).ok()
    } else {
        None
    }
}

/// Days since 1970-01-01 (proleptic Gregorian). Out-of-range fields are carried over like
/// `java.util.Calendar` does leniently: month 13 is January of the next year, month 0 December of
/// the previous one, day 0 the last day of the previous month, day 32 of January is February 1.
#[must_use]
pub const fn days_from_civil(date: CivilDate) -> i64 {
    // All intermediate values stay below 2^42 for any i32 year, u8 month and day.
    let months = date.month as i64 - 1;
    let month = months.rem_euclid(12) + 1;
    // Years start in March so that the leap day is the last day of the year.
    let year = date.year as i64 + months.div_euclid(12) - if month <= 2 { 1 } else { 0 };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400; // [0, 399]
    let month_from_march = (month + 9) % 12; // [0, 11]
    let day_of_year = (153 * month_from_march + 2) / 5 + date.day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day `days` after 1970-01-01. Saturates at the first day of year `i32::MIN` and the last
/// day of year `i32::MAX`, so that any input gives a date without overflow.
#[must_use]
pub fn civil_from_days(days: i64) -> CivilDate {
    // After clamping, |days| < 2^40, so nothing below can overflow.
    let shifted = days.clamp(MIN_DAYS, MAX_DAYS) + 719_468; // days since 0000-03-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097; // [0, 146096]
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365; // [0, 399]
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100); // [0, 365]
    let month_from_march = (5 * day_of_year + 2) / 153; // [0, 11]
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1; // [1, 31]
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 }; // [1, 12]
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    CivilDate {
        year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// Whether the day exists: month 1–12 and day 1 to the month's length. Any year is accepted.
#[must_use]
pub fn is_valid_civil(date: CivilDate) -> bool {
    date.day >= 1 && date.day <= days_in_month(date.year, date.month)
}

/// 0 for a month outside 1–12, so that no day is valid in it.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap_year(year: i32) -> bool {
    // `%` by a positive constant cannot overflow, and is 0 for negative multiples too.
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Appends `yyyy-MM-dd`. The year has at least 4 digits, zero-padded; a negative year gets a
/// leading `-` and a year above 9999 all its digits (neither comes from `parse_date_text`).
pub fn format_civil(date: CivilDate, out: &mut String) {
    if date.year < 0 {
        out.push('-');
    }
    push_padded(out, date.year.unsigned_abs(), 4);
    out.push('-');
    push_padded(out, u32::from(date.month), 2);
    out.push('-');
    push_padded(out, u32::from(date.day), 2);
}

/// Decimal digits of `value`, zero-padded to `width` (at most 10, the digits of `u32::MAX`).
fn push_padded(out: &mut String, value: u32, width: usize) {
    let mut digits = [0u8; 10]; // least significant first
    let mut len = 0;
    let mut rest = value;
    for slot in &mut digits {
        *slot = (rest % 10) as u8;
        rest /= 10;
        len += 1;
        if rest == 0 && len >= width {
            break;
        }
    }
    for &digit in digits.iter().take(len).rev() {
        out.push(char::from(b'0' + digit));
    }
}
