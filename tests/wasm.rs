//! The WebAssembly build, driven through its bindings in Node by wasm-bindgen-test: the same JSON in
//! and out that the npm package uses, with the browser clock and time zone read through js-sys.
#![cfg(target_arch = "wasm32")]

use openspecimen_validate::bindings::Engine;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: f64 = 1_767_225_600_000.0; // 2026-01-01T00:00:00Z

fn user() -> &'static str {
    r#"{"id":1,"firstName":"Admin","lastName":"Admin","domainName":"openspecimen","emailAddress":"admin@admin.com",
        "loginName":"admin@admin.com","activityStatus":"Active","type":"SUPER","instituteName":"Hospital for Rare Diseases",
        "primarySite":"","manageForms":true}"#
}

#[wasm_bindgen_test]
fn valid_user_passes_with_its_normalised_value() {
    let engine = Engine::new("{}").unwrap();
    let out = engine.validate(0, user().as_bytes(), NOW, true);
    // The verdict line (flat: valid, then five values per issue), then the normalised value.
    let (line, value) = out.split_once('\n').expect("a value line: primarySite \"\" is dropped");
    assert_eq!(line, "[1]");
    assert!(value.starts_with('{') && value.contains(r#""firstName":"Admin""#) && !value.contains("primarySite"));
    // Without the value (every keystroke): the same line, then an empty line saying the value changed.
    assert_eq!(engine.validate(0, user().as_bytes(), NOW, false), "[1]\n");
}

#[wasm_bindgen_test]
fn errors_carry_codes_and_paths() {
    let engine = Engine::new(r#"{"mode":"patch"}"#).unwrap();
    let out = engine.validate(0, r#"{"firstName":"  ","emailAddress":"a..b@x"}"#.as_bytes(), NOW, true);
    // [valid, code, path, field, severity (1 error), params (0 none), …]
    assert!(out.starts_with(r#"[0,"USER_FIRST_NAME_REQUIRED",["firstName"],"firstName",1,0,"#), "{out}");
    assert!(out.contains(r#","USER_INVALID_EMAIL",["emailAddress"],"emailAddress",1,0"#), "{out}");
    assert!(out.ends_with(']') && !out.contains('\n'), "an invalid result has no value line: {out}");
}

#[wasm_bindgen_test]
fn bad_options_throw_a_type_error_naming_the_option() {
    let error = Engine::new(r#"{"mode":"post"}"#).err().expect("a bad mode is refused");
    let error: js_sys::TypeError = error.dyn_into().expect("a TypeError");
    assert_eq!(String::from(error.message()), "options.mode must be 'put' or 'patch'");
}

#[wasm_bindgen_test]
fn field_checks_see_the_rest_of_the_payload() {
    let engine = Engine::new("{}").unwrap();
    let issues = engine.validate_field(0, "emailAddress", r#""nobody""#, "", NOW);
    assert!(issues.contains("USER_INVALID_EMAIL"), "{issues}");
    assert!(!issues.contains("USER_FIRST_NAME_REQUIRED"), "only the field's issues: {issues}");
}

#[wasm_bindgen_test]
fn malformed_text_is_an_issue_not_a_panic() {
    let engine = Engine::new("{}").unwrap();
    for text in ["", "{", "[1,", "nul", "\"\\ud800\"", "1e999999"] {
        let out = engine.validate(1, text.as_bytes(), NOW, true);
        assert!(out.contains("INVALID_REQUEST"), "{text}: {out}");
    }
    // Bytes that are not UTF-8 (TextEncoder never sends them) are not JSON either.
    for bytes in [&b"{\"a\":\"\xff\"}"[..], b"\xc3"] {
        assert!(engine.validate(1, bytes, NOW, true).contains(r#""reason":"notJson""#));
        assert!(engine.validate_many(1, bytes, NOW, true).contains(r#""reason":"notJson""#));
    }
}

#[wasm_bindgen_test]
fn dates_use_the_browser_calendar() {
    let engine = Engine::new(r#"{"mode":"patch"}"#).unwrap();
    // A day keeps its calendar date in the value, whatever the time zone (local midnight and back).
    let out = engine.validate(
        1,
        r#"{"birthDate":"1960-02-29","deathDate":"2024-02-30","vitalStatus":"Dead"}"#.as_bytes(),
        NOW,
        true,
    );
    assert!(out.contains(r#""birthDate":"1960-02-29""#), "{out}");
    assert!(out.contains(r#""DATE_ROLLS_OVER",["deathDate"]"#), "{out}");
    assert!(out.contains(r#""deathDate":"2024-03-01""#), "{out}");
    // Today's date passes and tomorrow's does not, by the local calendar at `now`.
    let today = js_sys::Date::new(&NOW.into());
    let day = |offset: u32| {
        let date = js_sys::Date::new(&NOW.into());
        date.set_date(today.get_date() + offset);
        format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
    };
    let today_out = engine.validate(1, format!(r#"{{"birthDate":"{}"}}"#, day(0)).as_bytes(), NOW, true);
    assert!(!today_out.contains("PARTICIPANT_INVALID_BIRTH_DATE"), "{today_out}");
    let tomorrow_out = engine.validate(1, format!(r#"{{"birthDate":"{}"}}"#, day(1)).as_bytes(), NOW, true);
    assert!(tomorrow_out.contains("PARTICIPANT_INVALID_BIRTH_DATE"), "{tomorrow_out}");
}

#[wasm_bindgen_test]
fn registrations_nest_the_participant_and_patterns_run_in_wasm() {
    let engine =
        Engine::new(r#"{"settings":{"uidPattern":"^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$"}}"#)
            .unwrap();
    let good = engine.validate(2, r#"{"ppid":"P-1","participant":{"uid":"123-45-6789"}}"#.as_bytes(), NOW, true);
    assert_eq!(good, "", "valid, no issue, nothing to normalise: the empty answer");
    let bad = engine.validate(
        2,
        r#"{"ppid":"","participant":{"uid":"666-45-6789","pmis":[{"mrn":"1"}]}}"#.as_bytes(),
        NOW,
        true,
    );
    assert!(
        bad.contains(r#""PARTICIPANT_INVALID_UID",["participant","uid"],"participant.uid",1,{"uid":"666-45-6789"}"#),
        "{bad}"
    );
    assert!(bad.contains(r#","participant.pmis[0].siteName","#), "{bad}");
    assert!(bad.contains(r#""CPR_PPID_REQUIRED""#), "{bad}");
    let many = engine.validate_many(1, br#"[{},{"gender":"x"}]"#, NOW, true);
    assert!(many.starts_with(r#"[[1,"PUT_RESETS_FIELD","#), "{many}");
    assert!(many.contains(r#"[0,"PARTICIPANT_INVALID_GENDER""#), "{many}");
}

#[wasm_bindgen_test]
fn years_before_100_are_not_read_as_1900s() {
    let engine = Engine::new(r#"{"mode":"patch"}"#).unwrap();
    // Year 0050 is long before 1960: a death date then is before the birth date.
    let out = engine.validate(
        1,
        r#"{"birthDate":"1960-01-01","deathDate":"0050-06-15","vitalStatus":"Dead"}"#.as_bytes(),
        NOW,
        true,
    );
    assert!(out.contains(r#""PARTICIPANT_INVALID_DEATH_DATE""#), "{out}");
    let out = engine.validate(
        1,
        r#"{"birthDate":"0050-06-15","deathDate":"0050-06-15","vitalStatus":"Dead"}"#.as_bytes(),
        NOW,
        true,
    );
    assert_eq!(out, "", "the same day is fine: valid, with nothing to normalise");
}
