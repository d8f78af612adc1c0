//! Any text as a payload, for every kind and under several options: never a panic, and the answer is
//! always the JSON the JS layer reads (`""`, or the flat `[valid, code, path, field, severity, params,
//! …]` with well-formed issues, then the normalised value on its own line when it changed).
//! A valid result's normalised value validates again as valid, to the same value. Without the value
//! (`validate_text_with(…, false)`), the answer is the same line and says as much about a change.
//!
//! A batch `[text,{},text]` through `validate_many_text` answers what each payload answers alone, and
//! the text itself as a batch answers a list.
//!
//! The same text also goes through `validate_field_text`: `path\nvalue\npayload` when it has newlines,
//! else the whole text as the value of a few known fields; only issues under the path may come back.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use openspecimen_validate::json::{self, Json};
use openspecimen_validate::options::ServerVersion;
use openspecimen_validate::rules::pattern::Pattern;
use openspecimen_validate::validate::parse_field_path;
use openspecimen_validate::{FixedClock, Kind, Mode, Options, Segment, Validator};

const KINDS: [Kind; 3] = [Kind::User, Kind::Participant, Kind::Registration];

/// Paths tried when the input names none.
const FIELDS: [&str; 8] =
    ["firstName", "emailAddress", "ipRange", "birthDate", "pmis[0].mrn", "races[1]", "participant.uid", "participant"];

/// Built once: compiling the patterns for every input would halve the runs per second.
fn validators() -> &'static [Validator; 3] {
    static VALIDATORS: OnceLock<[Validator; 3]> = OnceLock::new();
    VALIDATORS.get_or_init(build_validators)
}

fn build_validators() -> [Validator; 3] {
    let put = Validator::default();
    let patch = Validator::new(Options { mode: Mode::Patch, ..Options::default() });
    // An old server (ethnicity, not ethnicities) with the settings' patterns and a mandatory uid.
    let mut old = Options { mode: Mode::Patch, ..Options::default() };
    old.server_version = ServerVersion::parse("3.6").expect("a version");
    old.settings.uid_pattern = Pattern::compile("^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$").ok();
    old.settings.mpi_pattern = Pattern::compile("(a+)+$").ok();
    old.settings.uid_mandatory = true;
    [put, patch, Validator::new(old)]
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A clock east of Greenwich, so that local days and UTC days differ.
    let clock = FixedClock { now_ms: 1_700_000_000_000, offset_minutes: 330 };
    let parsed = json::parse(text);
    for validator in validators() {
        for kind in KINDS {
            // The text itself as a batch: a list of results, whatever it holds.
            let many = validator.validate_many_text(kind, text, &clock);
            let many_document = json::parse(&many).unwrap_or_else(|error| panic!("batch not JSON ({error:?}): {many}"));
            assert!(matches!(many_document.root, Json::Array(_)), "a batch result that is not a list: {many}");
            let out = validator.validate_text(kind, text, &clock);
            check_result(validator, kind, text, &out, parsed.is_ok(), &clock);
            // Without the value: the same line, and an empty line exactly when the value changed.
            let lean = validator.validate_text_with(kind, text, false, &clock);
            let expected = out.split_once('\n').map_or(out.clone(), |(line, _)| format!("{line}\n"));
            assert_eq!(lean, expected, "the answer without the value differs from {out}");
            if parsed.is_ok() {
                check_batch(validator, kind, text, &out, &clock);
            }
        }
    }
    check_fields(text, &clock);
});

/// The result text of `validate_text` is what the JS layer expects.
fn check_result(validator: &Validator, kind: Kind, text: &str, out: &str, text_is_json: bool, clock: &FixedClock) {
    if out.is_empty() {
        // Valid, no issue, unchanged: only an object payload can be that.
        let document = json::parse(text).expect("an empty result for a text that is not JSON");
        assert!(matches!(document.root, Json::Object(_)), "an empty result for a payload that is not an object");
        return;
    }
    // The result line, then (valid and changed) the normalised value on its own line.
    let (line, value_line) = match out.split_once('\n') {
        Some((line, value)) => (line, Some(value)),
        None => (out, None),
    };
    let document = json::parse(line).unwrap_or_else(|error| panic!("the result is not JSON ({error:?}): {out}"));
    assert!(!document.too_deep, "a too-deep value in the result: {out}");
    let (valid, issues, trailing) = flat(&document.root);
    assert!(trailing.is_none(), "a value inside the result line: {out}");
    let errors = issues.iter().filter(|issue| check_issue(issue) == "error").count();
    assert_eq!(valid, errors == 0, "valid is {valid} with {errors} errors: {out}");
    if !valid {
        assert_eq!(value_line, None, "an invalid result with a value: {out}");
        return;
    }
    let Some(value_text) = value_line else {
        assert!(text_is_json, "a valid, unchanged result for a text that is not JSON");
        return;
    };
    // The normalised value is itself a valid payload, and normalising it changes nothing more.
    let value = json::parse(value_text).unwrap_or_else(|error| panic!("the value is not JSON ({error:?}): {out}"));
    let again = validator.validate_text(kind, value_text, clock);
    let (again_line, again_value) = match again.split_once('\n') {
        Some((line, value)) => (line, Some(value)),
        None => (again.as_str(), None),
    };
    if again_line.is_empty() {
        return;
    }
    let again_document = json::parse(again_line).expect("the second result is JSON");
    assert!(flat(&again_document.root).0, "the normalised value {value_text} of {text} is not valid: {again}");
    if let Some(again_value) = again_value {
        let again_value = json::parse(again_value).expect("the second value is JSON");
        assert_eq!(again_value.root, value.root, "normalising twice changed {value_text}: {again}");
    }
}

/// In a batch, each payload gets the verdict and issues it gets alone (unless the batch's extra level
/// of nesting pushes a value past the depth limit).
fn check_batch(validator: &Validator, kind: Kind, text: &str, alone: &str, clock: &FixedClock) {
    let batch = format!("[{text},{{}},{text}]");
    let out = validator.validate_many_text(kind, &batch, clock);
    let document = json::parse(&out).unwrap_or_else(|error| panic!("the batch result is not JSON ({error:?}): {out}"));
    let Json::Array(results) = &document.root else { panic!("a batch result that is not a list: {out}") };
    assert_eq!(results.len(), 3, "{out}");
    // Without the values: the same entries, with `null` where a changed value was.
    let lean = validator.validate_many_text_with(kind, &batch, false, clock);
    let lean_document = json::parse(&lean).unwrap_or_else(|error| panic!("a lean batch not JSON ({error:?}): {lean}"));
    let Json::Array(lean_results) = &lean_document.root else { panic!("a lean batch not a list: {lean}") };
    assert_eq!(lean_results.len(), 3, "{lean}");
    for (full, lean_entry) in results.iter().zip(lean_results) {
        assert_eq!(verdict(full), verdict(lean_entry), "lean {lean} vs {out}");
        if full != &Json::Number("0".into()) {
            let (_, _, value) = flat(full);
            let (_, _, lean_value) = flat(lean_entry);
            assert_eq!(value.is_some(), lean_value == Some(&Json::Null), "lean {lean} vs {out}");
        }
    }
    let empty = validator.validate_text(kind, "{}", clock);
    assert_eq!(verdict(&results[1]), verdict_text(&empty), "{{}} in the batch {batch}: {out}");
    if json::parse(&batch).is_ok_and(|document| !document.too_deep) {
        assert_eq!(verdict(&results[0]), verdict_text(alone), "{text} in a batch: {out}");
        assert_eq!(verdict(&results[2]), verdict_text(alone), "{text} in a batch: {out}");
    }
}

/// `(valid, issues as JSON text)` of one result; `0` (in a batch) and `""` mean valid, no issue.
fn verdict(result: &Json<'_>) -> (bool, String) {
    if result == &Json::Number("0".into()) {
        return (true, String::new());
    }
    let (valid, issues, _) = flat(result);
    let mut text = String::new();
    for issue in issues {
        for value in issue {
            json::write(value, &mut text);
            text.push(',');
        }
    }
    (valid, text)
}

/// Reads the flat form: the verdict, the five values of each issue, and a trailing value if any.
fn flat<'j, 'a>(result: &'j Json<'a>) -> (bool, Vec<&'j [Json<'a>]>, Option<&'j Json<'a>>) {
    let Json::Array(items) = result else { panic!("a result that is not a list: {result:?}") };
    let valid = match items.first() {
        Some(Json::Number(flag)) if flag == "0" || flag == "1" => flag == "1",
        other => panic!("no verdict: {other:?} in {result:?}"),
    };
    let chunks = items[1..].chunks_exact(5);
    let trailing = match chunks.remainder() {
        [] => None,
        [value] => Some(value),
        other => panic!("{} values left over after the issues: {result:?}", other.len()),
    };
    (valid, chunks.collect(), trailing)
}

fn verdict_text(out: &str) -> (bool, String) {
    if out.is_empty() {
        return (true, String::new());
    }
    let line = out.split('\n').next().unwrap_or(out);
    verdict(&json::parse(line).expect("a result line is JSON").root)
}

/// One issue as the JS layer reads it (`code, path, field, severity, params`); returns its severity.
fn check_issue(issue: &[Json<'_>]) -> &'static str {
    let [Json::String(code), Json::Array(path), Json::String(_field), severity, params] = issue else {
        panic!("an issue that is not code, path, field, severity, params: {issue:?}")
    };
    assert!(!code.is_empty() && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'), "code {code:?}");
    for segment in path {
        assert!(matches!(segment, Json::String(_) | Json::Number(_)), "a path segment {segment:?}");
    }
    match params {
        Json::Number(zero) if zero == "0" => {}
        Json::Object(params) => {
            assert!(!params.is_empty(), "empty params are written as 0: {issue:?}");
            for (_, value) in params {
                assert!(matches!(value, Json::String(_) | Json::Number(_)), "a param {value:?}");
            }
        }
        other => panic!("params that are neither an object nor 0: {other:?}"),
    }
    match severity {
        Json::Number(flag) if flag == "1" => "error",
        Json::Number(flag) if flag == "0" => "warning",
        other => panic!("severity {other:?}"),
    }
}

/// `validate_field_text` answers a JSON list of issues, all at or under the path asked about.
fn check_fields(text: &str, clock: &FixedClock) {
    let validator = Validator::default();
    let mut calls: Vec<(&str, &str, &str)> = Vec::new();
    match text.split_once('\n') {
        Some((path, rest)) => {
            let (value, payload) = rest.split_once('\n').unwrap_or((rest, ""));
            calls.push((path, value, payload));
            calls.push((path, value, ""));
        }
        None => {
            for path in FIELDS {
                calls.push((path, text, ""));
            }
        }
    }
    for (path, value, payload) in calls {
        for kind in KINDS {
            let out = validator.validate_field_text(kind, path, value, payload, clock);
            let document = json::parse(&out).unwrap_or_else(|error| panic!("field result not JSON ({error:?}): {out}"));
            let (_, issues, trailing) = flat(&document.root);
            assert!(trailing.is_none(), "a value in a field result: {out}");
            let target = parse_field_path(path);
            for issue in issues {
                check_issue(issue);
                let Json::Array(at) = &issue[1] else { unreachable!() };
                match &target {
                    // Unreadable value or payload text: one issue at the root.
                    _ if at.is_empty() => {}
                    Some(target) => assert!(starts_with(at, target), "issue at {at:?} outside {path:?}: {out}"),
                    None => panic!("an issue at {at:?} for the bad path {path:?}"),
                }
            }
        }
    }
}

fn starts_with(at: &[Json<'_>], target: &[Segment]) -> bool {
    at.len() >= target.len()
        && at.iter().zip(target).all(|(step, segment)| match (step, segment) {
            (Json::String(key), Segment::Key(name)) => key == name,
            (Json::Number(index), Segment::Index(number)) => index.parse::<usize>().ok() == Some(*number),
            _ => false,
        })
}
