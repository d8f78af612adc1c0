//! Helpers of the integration tests: one call validates a payload under options given as JSON (as
//! the JS layer passes them) with a fixed clock, and the outcome is owned; the flat answer's reader;
//! a small random generator for the scanners' property tests.
#![allow(dead_code)]

use openspecimen_validate::json;
use openspecimen_validate::{FixedClock, Issue, Kind, Options, Param, Severity, Validator};

/// 2026-01-01T00:00:00Z
pub const NOW: i64 = 1_767_225_600_000;

/// What one validation found, owned (the value as compact JSON text).
#[derive(Debug)]
pub struct Checked {
    pub issues: Vec<Issue>,
    /// The normalised value, when valid.
    pub value: Option<String>,
}

/// Validates `payload` (JSON text) under `options` (JSON text) at [`NOW`], in UTC.
pub fn check(kind: Kind, payload: &str, options: &str) -> Checked {
    check_at(kind, payload, options, FixedClock::utc(NOW))
}

pub fn check_at(kind: Kind, payload: &str, options: &str, clock: FixedClock) -> Checked {
    let options = Options::from_json(options).expect("valid options");
    let document = json::parse(payload).expect("test payloads are JSON");
    let outcome = Validator::new(options).check(kind, &document, &clock);
    let value = outcome.value.as_ref().map(|value| {
        let mut text = String::new();
        json::write(value, &mut text);
        text
    });
    Checked { issues: outcome.issues, value }
}

/// JSON text in the compact form the validator writes (for comparing values).
pub fn compact(text: &str) -> String {
    let mut out = String::new();
    json::write(&json::parse(text).expect("JSON").root, &mut out);
    out
}

/// `"code@field"`, the shape the assertions compare.
fn label(issue: &Issue) -> String {
    format!("{}@{}", issue.code, issue.field())
}

impl Checked {
    /// Every issue as `"code@field"` (errors and warnings, in order).
    pub fn all(&self) -> Vec<String> {
        self.issues.iter().map(label).collect()
    }

    pub fn errors(&self) -> Vec<String> {
        self.issues.iter().filter(|issue| issue.severity == Severity::Error).map(label).collect()
    }

    pub fn warnings(&self) -> Vec<String> {
        self.issues.iter().filter(|issue| issue.severity == Severity::Warning).map(label).collect()
    }

    /// The only issue with `code` (panics when there is not exactly one).
    pub fn issue(&self, code: &str) -> &Issue {
        let found: Vec<&Issue> = self.issues.iter().filter(|issue| issue.code == code).collect();
        assert_eq!(found.len(), 1, "one {code} expected in {:?}", self.all());
        found[0]
    }

    /// A text param of the only issue with `code`.
    pub fn param(&self, code: &str, name: &str) -> String {
        match self.issue(code).param(name) {
            Some(Param::Text(text)) => text.clone(),
            Some(Param::Number(number)) => number.to_string(),
            None => panic!("{code} has no param {name}: {:?}", self.issue(code)),
        }
    }

    /// The normalised value, compared with `expected` (any JSON layout).
    pub fn assert_value(&self, expected: &str) {
        assert_eq!(self.value.as_deref(), Some(compact(expected).as_str()), "issues: {:?}", self.all());
    }
}

/// Owned `"code@field"` strings from literals.
pub fn labels(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

/// `payload` (a JSON object) with member `key` set to `value` (JSON text): replaced in place, or
/// added at the end.
pub fn set(payload: &str, key: &str, value: &str) -> String {
    let mut document = json::parse(payload).expect("JSON").root;
    let value = json::parse(value).expect("JSON value").root;
    let json::Json::Object(members) = &mut document else { panic!("not an object: {payload}") };
    match members.iter_mut().find(|(name, _)| name == key) {
        Some((_, slot)) => *slot = value,
        None => members.push((key.to_owned().into(), value)),
    }
    let mut out = String::new();
    json::write(&document, &mut out);
    out
}

/// `payload` without member `key`.
pub fn without(payload: &str, key: &str) -> String {
    let mut document = json::parse(payload).expect("JSON").root;
    let json::Json::Object(members) = &mut document else { panic!("not an object: {payload}") };
    members.retain(|(name, _)| name != key);
    let mut out = String::new();
    json::write(&document, &mut out);
    out
}

/// One issue of the flat answer the JS layer reads (`Outcome::to_js`, batch entries, field checks):
/// `[valid, code, path, field, severity, params, …]`.
#[derive(Debug, PartialEq)]
pub struct WireIssue {
    pub code: String,
    /// The path as JSON text: `["pmis",1,"mrn"]`.
    pub path: String,
    pub field: String,
    pub error: bool,
    /// The params as JSON text, `""` when there are none.
    pub params: String,
}

/// Reads a flat answer: the verdict, the issues and, when the list ends with one, the value.
pub fn read_flat<'a>(list: &'a json::Json<'a>) -> (bool, Vec<WireIssue>, Option<&'a json::Json<'a>>) {
    use json::Json;
    let Json::Array(items) = list else { panic!("not a list: {list:?}") };
    let valid = match items.first() {
        Some(Json::Number(flag)) if flag == "1" || flag == "0" => flag == "1",
        other => panic!("no verdict: {other:?}"),
    };
    let text = |value: &Json<'_>| {
        let mut out = String::new();
        json::write(value, &mut out);
        out
    };
    let issues = items[1..]
        .chunks_exact(5)
        .map(|issue| {
            let (Json::String(code), Json::String(field)) = (&issue[0], &issue[2]) else { panic!("{issue:?}") };
            WireIssue {
                code: code.to_string(),
                path: text(&issue[1]),
                field: field.to_string(),
                error: issue[3] == Json::Number("1".into()),
                params: if issue[4] == Json::Number("0".into()) { String::new() } else { text(&issue[4]) },
            }
        })
        .collect();
    let value = if (items.len() - 1) % 5 == 1 { items.last() } else { None };
    (valid, issues, value)
}

/// Small deterministic generator (xorshift64), so the property tests need no dependency.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
