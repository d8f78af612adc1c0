//! Rules shared by every payload: how a field of each JSON type is read (trimmed, blank, wrong type),
//! lengths, enums, permissible values and dates. Each payload module composes these.

pub mod date;
pub mod email;
pub mod ip;
pub mod lists;
pub mod pattern;
pub mod permissible;

use std::borrow::Cow;

use crate::clock::Clock;
use crate::codes::{self, reason};
use crate::issue::{Param, Path, Report, Segment};
use crate::json::Json;
use date::{CivilDate, DateError, DateValue};

/// A text field after the server's trimming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text<'a> {
    /// The key is not in the payload.
    Absent,
    /// Present, but `null` or blank after trimming (the server treats it as missing).
    Blank,
    Value(Cow<'a, str>),
    /// Of the wrong JSON type: already reported as `INVALID_REQUEST`.
    Invalid,
}

impl<'a> Text<'a> {
    pub fn value(&self) -> Option<&str> {
        match self {
            Text::Value(text) => Some(text),
            _ => None,
        }
    }

    /// Whether the field counts as missing (absent or blank), the condition of a "required" error.
    pub fn is_missing(&self) -> bool {
        matches!(self, Text::Absent | Text::Blank)
    }
}

/// A boolean, integer or date field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read<T> {
    Absent,
    Blank,
    Value(T),
    Invalid,
}

/// A date as the rules compare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The instant: for a `yyyy-MM-dd` value, local midnight at the start of that day.
    pub instant_ms: i64,
    /// The calendar day, when the value was written as `yyyy-MM-dd` (compared by day against today).
    pub day: Option<CivilDate>,
}

impl Date {
    /// "Not in the future": a day is compared with today's date, an instant with now.
    pub fn is_after_now(&self, clock: &dyn Clock) -> bool {
        match self.day {
            Some(day) => day > clock.local_date(clock.now_ms()),
            None => self.instant_ms > clock.now_ms(),
        }
    }
}

/// Java's `String.trim`: strips code points up to U+0020 at both ends. Those are single bytes in
/// UTF-8 (continuation bytes are all above them), so trimming bytes is exact.
pub fn java_trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|&b| b > b' ').unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|&b| b > b' ').map_or(start, |last| last + 1);
    text.get(start..end).unwrap_or("")
}

/// Java's `StringUtils.isBlank` on trimmed text: only `Character.isWhitespace` characters (which,
/// unlike Rust's `is_whitespace`, leaves out the no-break spaces).
fn is_blank(trimmed: &str) -> bool {
    // Trimmed text starting with ASCII starts with a visible character: the common case, decided at once.
    match trimmed.as_bytes().first() {
        None => true,
        Some(&first) if first < 0x80 => false,
        Some(_) => trimmed.chars().all(|c| {
            (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
                || ('\u{1c}'..='\u{1f}').contains(&c)
        }),
    }
}

/// Length in Unicode code points, as the spec counts: the bytes that start one (core's
/// `chars().count()` is a 0.8 KB unrolled routine in the WebAssembly build, for no gain on fields
/// this short).
pub fn length(text: &str) -> usize {
    text.bytes().filter(|&byte| byte & 0xc0 != 0x80).count()
}

/// The members of one JSON object under check, with the normalised values the rules decide.
///
/// Lookups are the hot path of every call (a form re-validates on each keystroke), so each member's key
/// is hashed once and each normalised value sits in a slot beside its member: no string comparisons
/// beyond the one that confirms a hash.
pub struct Fields<'d, 'a> {
    members: &'d [(Cow<'a, str>, Json<'a>)],
    hashes: Vec<u32>,
    /// Per member: `None` untouched by the rules (kept as sent), `Some(None)` left out, `Some(Some(v))` replaced.
    slots: Vec<Option<Option<Json<'a>>>>,
    /// Normalised values of keys that were not sent (a renamed key, such as `race` written as `races`).
    added: Vec<(&'static str, Json<'a>)>,
    base: &'d [Segment],
    /// Whether a blank field is kept as `null` in the normalised value (partial updates, where a sent
    /// blank clears the stored value) or dropped (full replacement, where leaving it out does the same).
    keep_blank_as_null: bool,
    /// Whether some normalised value differs from what was sent.
    changed: bool,
}

/// A hash of a key from its length and three of its bytes: constant time, and enough to tell a
/// payload's keys apart (a collision only costs one string comparison).
#[inline(always)]
fn key_hash(key: &str) -> u32 {
    let bytes = key.as_bytes();
    let byte = |index: usize| u32::from(bytes.get(index).copied().unwrap_or(0));
    let last = bytes.len().saturating_sub(1);
    ((bytes.len() as u32) << 24) ^ (byte(0) << 16) ^ (byte(last / 2) << 8) ^ byte(last)
}

impl<'d, 'a> Fields<'d, 'a> {
    pub fn new(members: &'d [(Cow<'a, str>, Json<'a>)], base: &'d [Segment], keep_blank_as_null: bool) -> Self {
        let hashes = members.iter().map(|(key, _)| key_hash(key)).collect();
        let slots = vec![None; members.len()];
        Fields { members, hashes, slots, added: Vec::new(), base, keep_blank_as_null, changed: false }
    }

    /// The index of the last member named `key` (Jackson keeps the last of repeated keys).
    fn position(&self, key: &str) -> Option<usize> {
        let hash = key_hash(key);
        // Slice iterators, not indexing: at opt-level "z" an index is a call, and this runs per field.
        self.hashes
            .iter()
            .zip(self.members)
            .rposition(|(&member_hash, (member_key, _))| member_hash == hash && member_key == key)
    }

    /// The last value sent under `key`.
    pub fn get(&self, key: &str) -> Option<&'d Json<'a>> {
        self.position(key).map(|index| &self.members[index].1)
    }

    pub fn has(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    pub fn path(&self, key: &'static str) -> Path {
        let mut path = self.base.to_vec();
        path.push(key.into());
        path
    }

    pub fn base(&self) -> &'d [Segment] {
        self.base
    }

    /// Sets the normalised value of `key`; `None` leaves it out. A key that was not sent is added at
    /// the end.
    pub fn normalise(&mut self, key: &'static str, value: Option<Json<'a>>) {
        match self.position(key) {
            Some(index) => self.normalise_at(index, value),
            None => {
                self.added.retain(|(name, _)| *name != key);
                if let Some(value) = value {
                    self.changed = true;
                    self.added.push((key, value));
                }
            }
        }
    }

    fn normalise_at(&mut self, index: usize, value: Option<Json<'a>>) {
        self.changed |= value.as_ref() != Some(&self.members[index].1);
        self.slots[index] = Some(value);
    }

    /// What a blank field normalises to: `null` in a partial update (it clears the stored value), else
    /// nothing (a full replacement that leaves the field out clears it too).
    pub fn blank_value(&self) -> Option<Json<'a>> {
        self.keep_blank_as_null.then_some(Json::Null)
    }

    /// Normalises `key` as a blank field.
    pub fn normalise_blank(&mut self, key: &'static str) {
        let value = self.blank_value();
        self.normalise(key, value);
    }

    fn normalise_blank_at(&mut self, index: usize) {
        let value = self.blank_value();
        self.normalise_at(index, value);
    }

    /// Records that the value differs from what was sent where no normalised value was built.
    pub fn note_change(&mut self) {
        self.changed = true;
    }

    /// Reads a text field. Numbers and booleans count as their text, as the server converts them.
    pub fn text(&mut self, key: &'static str, report: &mut Report) -> Text<'a> {
        match self.position(key) {
            Some(index) => self.text_at(index, key, report),
            None => Text::Absent,
        }
    }

    fn text_at(&mut self, index: usize, key: &'static str, report: &mut Report) -> Text<'a> {
        let path = || self.path(key);
        match read_text(&self.members[index].1, &path, report) {
            Text::Value(text) => {
                self.normalise_at(index, Some(Json::String(text.clone())));
                Text::Value(text)
            }
            Text::Blank => {
                self.normalise_blank_at(index);
                Text::Blank
            }
            other => other,
        }
    }

    /// Reads a text field that must be at most `max` code points (`FIELD_TOO_LONG` otherwise).
    pub fn bounded_text(&mut self, key: &'static str, max: usize, report: &mut Report) -> Text<'a> {
        let text = self.text(key, report);
        if let Text::Value(value) = &text {
            check_length(report, self.path(key), value, max);
        }
        text
    }

    /// Reads a text field whose value must be one of `allowed` (after `alias` maps accepted spellings),
    /// reporting `code` with the offending value as `param`.
    pub fn enumerated(
        &mut self,
        key: &'static str,
        allowed: &[&'static str],
        alias: fn(&str) -> Option<&'static str>,
        code: &'static str,
        param: &'static str,
        report: &mut Report,
    ) -> Read<&'static str> {
        let Some(index) = self.position(key) else {
            return Read::Absent;
        };
        match self.text_at(index, key, report) {
            Text::Absent => Read::Absent,
            Text::Blank => Read::Blank,
            Text::Invalid => Read::Invalid,
            Text::Value(text) => {
                match alias(&text).or_else(|| allowed.iter().copied().find(|known| *known == text.as_ref())) {
                    Some(known) => {
                        self.normalise_at(index, Some(Json::String(Cow::Borrowed(known))));
                        Read::Value(known)
                    }
                    None => {
                        let params =
                            vec![(param, Param::Text(text.into_owned())), ("allowed", Param::Text(allowed.join(", ")))];
                        report.error_with(code, self.path(key), params);
                        Read::Invalid
                    }
                }
            }
        }
    }

    /// Reads a boolean: `true`/`false` or the strings `"true"`/`"false"`.
    pub fn boolean(&mut self, key: &'static str, report: &mut Report) -> Read<bool> {
        let Some(index) = self.position(key) else {
            return Read::Absent;
        };
        let value = &self.members[index].1;
        let flag = match value {
            Json::Null => None,
            Json::Bool(flag) => Some(*flag),
            Json::String(text) => match java_trim(text) {
                "true" => Some(true),
                "false" => Some(false),
                trimmed if is_blank(trimmed) => None,
                _ => return self.invalid(key, value, reason::NOT_BOOLEAN, report),
            },
            _ => return self.invalid(key, value, reason::NOT_BOOLEAN, report),
        };
        match flag {
            Some(flag) => {
                self.normalise_at(index, Some(Json::Bool(flag)));
                Read::Value(flag)
            }
            None => {
                self.normalise_blank_at(index);
                Read::Blank
            }
        }
    }

    /// Reads an integer (a JSON integer or a string of digits, as Jackson reads a `Long`).
    pub fn integer(&mut self, key: &'static str, report: &mut Report) -> Read<i64> {
        let Some(index) = self.position(key) else {
            return Read::Absent;
        };
        let value = &self.members[index].1;
        // A number keeps its JSON text; a digit string stays a (trimmed) string, which the server reads alike.
        let (digits, normalised) = match value {
            Json::Null => (None, None),
            Json::Number(text) => (Some(text.as_ref()), Some(value.clone())),
            Json::String(text) => {
                let trimmed = java_trim(text);
                let normalised = Json::String(Cow::Owned(trimmed.to_owned()));
                (Some(trimmed).filter(|digits| !digits.is_empty()), Some(normalised))
            }
            _ => return self.invalid(key, value, reason::NOT_INTEGER, report),
        };
        let Some(digits) = digits else {
            self.normalise_blank_at(index);
            return Read::Blank;
        };
        match parse_integer(digits) {
            Some(number) => {
                self.normalise_at(index, normalised);
                Read::Value(number)
            }
            None => self.invalid(key, value, reason::NOT_INTEGER, report),
        }
    }

    /// Reads a date in any form the server accepts. A day that does not exist is read as the day it
    /// rolls over to, with a `DATE_ROLLS_OVER` warning.
    pub fn date(&mut self, key: &'static str, clock: &dyn Clock, report: &mut Report) -> Read<Date> {
        let Some(index) = self.position(key) else {
            return Read::Absent;
        };
        let value = &self.members[index].1;
        let parsed = match value {
            Json::Null => None,
            Json::Number(raw) => Some(date::parse_epoch_number(raw)),
            Json::String(text) => {
                let trimmed = java_trim(text);
                if is_blank(trimmed) {
                    None
                } else {
                    Some(date::parse_date_text(trimmed))
                }
            }
            _ => return self.invalid(key, value, reason::NOT_DATE, report),
        };
        let date = match parsed {
            None => {
                self.normalise_blank_at(index);
                return Read::Blank;
            }
            Some(Err(DateError::OutOfRange)) => return self.invalid(key, value, reason::DATE_OUT_OF_RANGE, report),
            Some(Err(DateError::Malformed)) => return self.invalid(key, value, reason::NOT_DATE, report),
            Some(Ok(DateValue::Instant(ms))) => Date { instant_ms: ms, day: None },
            Some(Ok(DateValue::Day { date, rolled_over })) => {
                if rolled_over {
                    let mut rolled = String::new();
                    date::format_civil(date, &mut rolled);
                    report.warning_with(codes::DATE_ROLLS_OVER, self.path(key), vec![("date", Param::Text(rolled))]);
                }
                Date { instant_ms: clock.local_midnight_ms(date), day: Some(date) }
            }
        };
        let mut day = String::with_capacity(10);
        date::format_civil(date.day.unwrap_or_else(|| clock.local_date(date.instant_ms)), &mut day);
        self.normalise_at(index, Some(Json::String(Cow::Owned(day))));
        Read::Value(date)
    }

    /// Reports `INVALID_REQUEST` for a value of the wrong JSON type.
    pub fn invalid<T>(&self, key: &'static str, value: &Json<'_>, why: &'static str, report: &mut Report) -> Read<T> {
        report_invalid(report, self.path(key), value, why);
        Read::Invalid
    }

    /// Reports `UNKNOWN_FIELD` for each key outside `known` and `silent`, and builds the normalised
    /// object: members in the order sent, normalised ones replaced, others kept as sent.
    /// `None` when the report does not want the value ([`Report::wants_value`]): then only the
    /// warnings, and whether the value would differ from what was sent.
    pub fn finish(self, known: &[&str], silent: &[&str], report: &mut Report) -> Option<Json<'a>> {
        let overridden = self.overridden();
        self.report_unknown(known, silent, &overridden, report);
        // A repeated key changes the value: only its last occurrence is kept.
        report.value_changed |= self.changed || overridden.contains(&true);
        if !report.wants_value() {
            return None;
        }
        let mut out: Vec<(Cow<'a, str>, Json<'a>)> = Vec::with_capacity(self.members.len() + self.added.len());
        let members = self.members.iter().zip(self.slots).zip(overridden);
        for (((key, value), slot), overridden) in members {
            match slot {
                _ if overridden => {}
                Some(Some(normalised)) => out.push((key.clone(), normalised)),
                Some(None) => {}
                None => out.push((key.clone(), value.clone())),
            }
        }
        out.extend(self.added.into_iter().map(|(name, value)| (Cow::Borrowed(name), value)));
        Some(Json::Object(out))
    }

    /// The `UNKNOWN_FIELD` warnings: each key outside `known` and `silent` the rules left untouched.
    fn report_unknown(&self, known: &[&str], silent: &[&str], overridden: &[bool], report: &mut Report) {
        let members = self.members.iter().zip(&self.slots).zip(overridden.iter().copied());
        for (((key, _), slot), overridden) in members {
            // A repeated key is warned once, at its last occurrence (the one `finish` keeps).
            if !overridden && slot.is_none() && !known.contains(&key.as_ref()) && !silent.contains(&key.as_ref()) {
                warn_unknown(self.base, key, report);
            }
        }
    }

    /// Which members a later one with the same key overrides (Jackson keeps the last).
    fn overridden(&self) -> Vec<bool> {
        if self.members.len() <= 32 {
            // Few members: the lookup of each key finds the last one.
            self.members.iter().enumerate().map(|(index, (key, _))| self.position(key) != Some(index)).collect()
        } else {
            let mut seen = SeenSet::with_capacity(self.members.len());
            let mut flags: Vec<bool> = self.members.iter().rev().map(|(key, _)| !seen.insert(key.clone())).collect();
            flags.reverse();
            flags
        }
    }
}

fn warn_unknown(base: &[Segment], key: &str, report: &mut Report) {
    let mut path = base.to_vec();
    path.push(Segment::Key(Cow::Owned(key.to_string())));
    report.warning_with(codes::UNKNOWN_FIELD, path, vec![("field", Param::Text(key.to_string()))]);
}

/// A set of the strings seen so far: finds repeats in linear time, since a pasted payload may hold
/// thousands of keys or list entries (a nested scan took seconds at 40,000).
pub struct SeenSet<'s> {
    slots: Vec<Option<Cow<'s, str>>>,
    mask: usize,
}

impl<'s> SeenSet<'s> {
    /// A set for up to `count` strings (it does not grow: open addressing at most half full).
    pub fn with_capacity(count: usize) -> Self {
        let size = count.saturating_mul(2).max(8).next_power_of_two();
        SeenSet { slots: vec![None; size], mask: size - 1 }
    }

    /// Adds `text`; `false` when it was already in the set.
    pub fn insert(&mut self, text: Cow<'s, str>) -> bool {
        let hash = text.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
        let mut slot = hash as usize & self.mask;
        loop {
            match &self.slots[slot] {
                Some(seen) if *seen == text => return false,
                Some(_) => slot = (slot + 1) & self.mask,
                None => {
                    self.slots[slot] = Some(text);
                    return true;
                }
            }
        }
    }
}

/// Reads one text value (also used for list elements).
pub fn read_text<'a>(value: &Json<'a>, path: &dyn Fn() -> Path, report: &mut Report) -> Text<'a> {
    match value {
        Json::Null => Text::Blank,
        Json::String(text) => {
            let trimmed = java_trim(text);
            if is_blank(trimmed) {
                Text::Blank
            } else if trimmed.len() == text.len() {
                Text::Value(text.clone())
            } else {
                Text::Value(match text {
                    Cow::Borrowed(text) => Cow::Borrowed(java_trim(text)),
                    Cow::Owned(_) => Cow::Owned(trimmed.to_owned()),
                })
            }
        }
        Json::Number(raw) => Text::Value(raw.clone()),
        Json::Bool(flag) => Text::Value(Cow::Borrowed(if *flag { "true" } else { "false" })),
        _ => {
            report_invalid(report, path(), value, reason::NOT_TEXT);
            Text::Invalid
        }
    }
}

/// Reports `INVALID_REQUEST`, naming the reason; values JSON cannot carry and broken text say so.
pub fn report_invalid(report: &mut Report, path: Path, value: &Json<'_>, why: &'static str) {
    let mut params = vec![("reason", Param::Text(why.to_owned())), ("type", value.type_name().into())];
    match value {
        Json::Unsupported(kind) => {
            params[0].1 = reason::UNSUPPORTED.into();
            params[1].1 = Param::Text(kind.to_string());
        }
        Json::BrokenText(_) => params[0].1 = reason::BROKEN_TEXT.into(),
        Json::TooDeep(_) => params[0].1 = reason::TOO_DEEP.into(),
        _ => {}
    }
    report.error_with(codes::INVALID_REQUEST, path, params);
}

/// `FIELD_TOO_LONG` when `text` exceeds its column.
pub fn check_length(report: &mut Report, path: Path, text: &str, max: usize) -> bool {
    if text.len() <= max {
        return true; // never more code points than bytes
    }
    let length = length(text);
    if length > max {
        report.error_with(codes::FIELD_TOO_LONG, path, vec![("max", max.into()), ("length", length.into())]);
        false
    } else {
        true
    }
}

/// An optional `-` then ASCII digits, within `i64` (a Java `Long`).
pub fn parse_integer(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || digits.len() > 19 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: i64 = 0;
    for digit in digits.bytes() {
        let digit = i64::from(digit - b'0');
        value = value.checked_mul(10)?;
        value = if negative { value.checked_sub(digit)? } else { value.checked_add(digit)? };
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_java() {
        assert_eq!(java_trim("\t a b \n"), "a b");
        assert_eq!(java_trim("\u{a0}a\u{a0}"), "\u{a0}a\u{a0}");
        assert!(is_blank(""));
        assert!(is_blank("\u{2003}"));
        assert!(!is_blank("\u{a0}"));
    }

    #[test]
    fn integers_are_longs() {
        assert_eq!(parse_integer("42"), Some(42));
        assert_eq!(parse_integer("-1"), Some(-1));
        assert_eq!(parse_integer("9223372036854775807"), Some(i64::MAX));
        assert_eq!(parse_integer("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_integer("9223372036854775808"), None);
        for bad in ["", "-", "1.5", "1e3", "+1", "0x1", " 1"] {
            assert_eq!(parse_integer(bad), None, "{bad}");
        }
    }
}
