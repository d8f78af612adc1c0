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
    let out = engine.validate(0, user(), NOW);
    assert!(out.starts_with(r#"{"valid":true,"issues":[]"#), "{out}");
    assert!(out.contains(r#""firstName":"Admin""#));
}

#[wasm_bindgen_test]
fn errors_carry_codes_and_paths() {
    let engine = Engine::new(r#"{"mode":"patch"}"#).unwrap();
    let out = engine.validate(0, r#"{"firstName":"  ","emailAddress":"a..b@x"}"#, NOW);
    assert!(
        out.contains(
            r#"{"code":"USER_FIRST_NAME_REQUIRED","path":["firstName"],"field":"firstName","severity":"error"}"#
        ),
        "{out}"
    );
    assert!(out.contains(r#""code":"USER_INVALID_EMAIL""#), "{out}");
    assert!(out.ends_with(r#""value":null}"#));
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
        let out = engine.validate(1, text, NOW);
        assert!(out.contains("INVALID_REQUEST"), "{text}: {out}");
    }
}
