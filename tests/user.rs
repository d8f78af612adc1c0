//! Update User (`spec/user.md`): each row of the field table, the aliases, the warnings, the boundaries.

use openspecimen_validate::json::{self, Json};
use openspecimen_validate::{FixedClock, Kind, Options, Outcome, Param, Severity, Validator};

const NOW: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

fn validator(options: &str) -> Validator {
    Validator::new(Options::from_json(options).expect("valid options"))
}

/// Validates `payload` and returns the outcome's issues as `(code, field, severity)` plus the outcome.
fn check_with(options: &str, payload: &str) -> (Vec<(String, String, Severity)>, String) {
    let document = json::parse(payload).expect("test payloads are JSON");
    let outcome: Outcome<'_> = validator(options).check(Kind::User, &document, &FixedClock::utc(NOW));
    let issues = outcome.issues.iter().map(|issue| (issue.code.to_owned(), issue.field(), issue.severity)).collect();
    (issues, outcome.to_json())
}

fn errors(options: &str, payload: &str) -> Vec<(String, String)> {
    check_with(options, payload)
        .0
        .into_iter()
        .filter(|(_, _, severity)| *severity == Severity::Error)
        .map(|(code, field, _)| (code, field))
        .collect()
}

fn warnings(options: &str, payload: &str) -> Vec<(String, String)> {
    check_with(options, payload)
        .0
        .into_iter()
        .filter(|(_, _, severity)| *severity == Severity::Warning)
        .map(|(code, field, _)| (code, field))
        .collect()
}

fn pair(code: &str, field: &str) -> (String, String) {
    (code.to_owned(), field.to_owned())
}

/// A complete, valid PUT body (every field the server resets is sent).
const FULL: &str = r#"{"id":7,"firstName":"Ann","lastName":"Lee","emailAddress":"ann.lee@example.org","loginName":"alee",
    "domainName":"openspecimen","instituteName":"Inst A","primarySite":"Site A1","type":"NONE","activityStatus":"Active",
    "manageForms":false,"dnd":false,"phoneNumber":"+1 555 0100","timeZone":"America/New_York","address":"1 Main St"}"#;

/// `FULL` with one member replaced (or added) as `"key": value`.
fn full_with(key: &str, value: &str) -> String {
    let mut document = json::parse(FULL).unwrap().root;
    let Json::Object(members) = &mut document else { unreachable!() };
    members.retain(|(name, _)| name != key);
    let member = format!("{{\"{key}\":{value}}}");
    let parsed = json::parse(&member).unwrap().root;
    let Json::Object(mut added) = parsed else { unreachable!() };
    let added = added.remove(0);
    let mut text = String::from("{");
    for (index, (name, value)) in members.iter().chain(std::iter::once(&added)).enumerate() {
        if index > 0 {
            text.push(',');
        }
        json::write_string(name, &mut text);
        text.push(':');
        json::write(value, &mut text);
    }
    text.push('}');
    text
}

fn full_without(key: &str) -> String {
    let document = json::parse(FULL).unwrap().root;
    let Json::Object(members) = document else { unreachable!() };
    let kept: Vec<_> = members.into_iter().filter(|(name, _)| name != key).collect();
    let mut text = String::new();
    json::write(&Json::Object(kept), &mut text);
    text
}

#[test]
fn the_documentation_example_is_valid() {
    let example = r#"{
        "id": 1, "lastName": "Admin", "firstName": "Admin", "domainName": "openspecimen",
        "emailAddress": "admin@admin.com", "phoneNumber": "1234567890", "loginName": "admin@admin.com",
        "activityStatus": "Active", "type": "SUPER", "instituteName": "Hospital for Rare Diseases",
        "address": "HRD, New City"
    }"#;
    assert_eq!(errors("{}", example), vec![]);
    // The example leaves out primarySite, which a PUT then clears (manageForms is forced for SUPER).
    assert_eq!(warnings("{}", example), vec![pair("PUT_RESETS_FIELD", "primarySite")]);
}

#[test]
fn a_complete_body_is_valid_with_no_warning() {
    let (issues, json) = check_with("{}", FULL);
    assert_eq!(issues, vec![]);
    assert!(json.starts_with(r#"{"valid":true,"issues":[],"value":{"id":7,"firstName":"Ann""#), "{json}");
}

#[test]
fn put_requires_every_required_field() {
    assert_eq!(
        errors("{}", "{}"),
        vec![
            pair("USER_FIRST_NAME_REQUIRED", "firstName"),
            pair("USER_LAST_NAME_REQUIRED", "lastName"),
            pair("USER_INVALID_EMAIL", "emailAddress"),
            pair("USER_LOGIN_NAME_REQUIRED", "loginName"),
            pair("USER_DOMAIN_NAME_REQUIRED", "domainName"),
            pair("USER_INST_REQUIRED", "instituteName"),
        ]
    );
}

#[test]
fn blank_and_null_count_as_missing() {
    for blank in [r#""""#, r#""   ""#, r#""\t\n""#, "null", r#""\u2003""#] {
        assert_eq!(
            errors("{}", &full_with("firstName", blank)),
            vec![pair("USER_FIRST_NAME_REQUIRED", "firstName")],
            "{blank}"
        );
        assert_eq!(errors("{}", &full_with("lastName", blank)), vec![pair("USER_LAST_NAME_REQUIRED", "lastName")]);
        assert_eq!(errors("{}", &full_with("instituteName", blank)), vec![pair("USER_INST_REQUIRED", "instituteName")]);
        assert_eq!(errors("{}", &full_with("loginName", blank)), vec![pair("USER_LOGIN_NAME_REQUIRED", "loginName")]);
        assert_eq!(
            errors("{}", &full_with("domainName", blank)),
            vec![pair("USER_DOMAIN_NAME_REQUIRED", "domainName")]
        );
        // A blank email is USER_INVALID_EMAIL, as on the server.
        assert_eq!(errors("{}", &full_with("emailAddress", blank)), vec![pair("USER_INVALID_EMAIL", "emailAddress")]);
    }
    // A no-break space is not blank for Java's isBlank.
    assert_eq!(errors("{}", &full_with("firstName", r#""\u00a0""#)), vec![]);
}

#[test]
fn strings_are_trimmed_in_the_normalised_value() {
    let (_, json) = check_with("{}", &full_with("firstName", r#""  Ann  ""#));
    assert!(json.contains(r#""firstName":"Ann""#), "{json}");
}

#[test]
fn names_email_and_login_are_at_most_255_code_points() {
    let at = |n: usize| format!("\"{}\"", "é".repeat(n));
    for key in ["firstName", "lastName", "loginName"] {
        assert_eq!(errors("{}", &full_with(key, &at(255))), vec![], "{key}");
        assert_eq!(errors("{}", &full_with(key, &at(256))), vec![pair("FIELD_TOO_LONG", key)], "{key}");
    }
    let email = |n: usize| format!("\"{}@example.org\"", "a".repeat(n - "@example.org".len()));
    assert_eq!(errors("{}", &full_with("emailAddress", &email(255))), vec![]);
    assert_eq!(errors("{}", &full_with("emailAddress", &email(256))), vec![pair("FIELD_TOO_LONG", "emailAddress")]);
}

#[test]
fn too_long_carries_max_and_length() {
    let payload = full_with("firstName", &format!("\"{}\"", "x".repeat(300)));
    let document = json::parse(&payload).unwrap();
    let outcome = validator("{}").check(Kind::User, &document, &FixedClock::utc(NOW));
    let issue = &outcome.issues[0];
    assert_eq!(issue.param("max"), Some(&Param::Number(255)));
    assert_eq!(issue.param("length"), Some(&Param::Number(300)));
}

#[test]
fn email_addresses_follow_the_server_parser() {
    for good in [
        "admin@localhost",
        "admin@admin.com",
        "a.b-c+d@sub.example.org",
        "\"john doe\"@x.org",
        "josé@exämple.de",
        "x@[10.0.0.1]",
    ] {
        assert_eq!(errors("{}", &full_with("emailAddress", &format!("{good:?}"))), vec![], "{good}");
    }
    for bad in
        ["a..b@x", "nobody", "@x.org", "a@", ".a@x", "a.@x", "a@x.", "a b@x", "Ann <ann@x.org>", "a@x,b@y", "a@b@c"]
    {
        assert_eq!(
            errors("{}", &full_with("emailAddress", &format!("{bad:?}"))),
            vec![pair("USER_INVALID_EMAIL", "emailAddress")],
            "{bad}"
        );
    }
}

#[test]
fn contact_users_need_no_login_or_domain() {
    let contact = r#"{"firstName":"C","lastName":"D","emailAddress":"c@d.org","instituteName":"I","type":"CONTACT",
        "primarySite":null,"activityStatus":"Active"}"#;
    assert_eq!(errors("{}", contact), vec![]);
    // A PATCH that does not say CONTACT gets no exemption for a blank login name.
    assert_eq!(
        errors(r#"{"mode":"patch"}"#, r#"{"loginName":""}"#),
        vec![pair("USER_LOGIN_NAME_REQUIRED", "loginName")]
    );
    assert_eq!(errors(r#"{"mode":"patch"}"#, r#"{"loginName":"","type":"CONTACT"}"#), vec![]);
}

#[test]
fn user_types_are_exact_but_regular_is_any_case() {
    for good in ["SUPER", "INSTITUTE", "NONE", "CONTACT"] {
        let payload = full_with("type", &format!("{good:?}"));
        assert!(errors("{}", &payload).is_empty(), "{good}");
    }
    for alias in ["Regular", "regular", "REGULAR", " Regular "] {
        let (issues, json) = check_with("{}", &full_with("type", &format!("{alias:?}")));
        assert!(issues.is_empty(), "{alias}");
        assert!(json.contains(r#""type":"NONE""#), "{json}");
    }
    for bad in ["super", "Admin", "1"] {
        assert_eq!(
            errors("{}", &full_with("type", &format!("{bad:?}"))),
            vec![pair("USER_INVALID_TYPE", "type")],
            "{bad}"
        );
    }
    let payload = full_with("type", "\"admin\"");
    let document = json::parse(&payload).unwrap();
    let outcome = validator("{}").check(Kind::User, &document, &FixedClock::utc(NOW));
    assert_eq!(outcome.issues[0].param("type"), Some(&Param::Text("admin".into())));
}

#[test]
fn activity_statuses_are_exact_and_archived_means_closed() {
    for good in ["Active", "Locked", "Pending", "Disabled", "Closed", "Expired"] {
        assert!(errors("{}", &full_with("activityStatus", &format!("{good:?}"))).is_empty(), "{good}");
    }
    let (issues, json) = check_with("{}", &full_with("activityStatus", "\"Archived\""));
    assert!(issues.is_empty());
    assert!(json.contains(r#""activityStatus":"Closed""#));
    for bad in ["active", "archived", "Deleted"] {
        assert_eq!(
            errors("{}", &full_with("activityStatus", &format!("{bad:?}"))),
            vec![pair("ACTIVITY_STATUS_INVALID", "activityStatus")],
            "{bad}"
        );
    }
    // Blank means Active: no error.
    assert!(errors("{}", &full_with("activityStatus", "\"\"")).is_empty());
}

#[test]
fn api_users_need_a_valid_ip_range() {
    let with_api = |ip: &str| {
        let payload = full_with("apiUser", "true");
        let payload = payload.trim_end_matches('}').to_owned();
        if ip.is_empty() {
            format!("{payload}}}")
        } else {
            format!("{payload},\"ipRange\":{ip}}}")
        }
    };
    assert_eq!(errors("{}", &with_api("")), vec![pair("USER_IP_REQ", "ipRange")]);
    assert_eq!(errors("{}", &with_api("\" \"")), vec![pair("USER_IP_REQ", "ipRange")]);
    for good in ["*", "10.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32", "10.0.0.0/8, 192.168.1.5 ,::1"] {
        assert_eq!(errors("{}", &with_api(&format!("{good:?}"))), vec![], "{good}");
    }
    for bad in ["*,10.0.0.1", "256.0.0.1", "10.0.0.0/33", "host.example.org", "10.0.0.1,"] {
        assert_eq!(errors("{}", &with_api(&format!("{bad:?}"))), vec![pair("USER_INVALID_IP", "ipRange")], "{bad}");
    }
    // Not an API user: the range is not checked.
    let not_api = full_with("ipRange", "\"garbage\"");
    assert_eq!(errors("{}", &not_api), vec![]);
    // apiUser must be a boolean.
    assert_eq!(errors("{}", &full_with("apiUser", "\"yes\"")), vec![pair("INVALID_REQUEST", "apiUser")]);
}

#[test]
fn booleans_take_true_false_and_their_strings_only() {
    for key in ["manageForms", "manageWfs", "managePrintJobs", "dnd", "downloadLabelsPrintFile"] {
        for good in ["true", "false", "\"true\"", "\"false\"", "null"] {
            assert_eq!(errors("{}", &full_with(key, good)), vec![], "{key}={good}");
        }
        for bad in ["0", "1", "\"yes\"", "\"TRUE\"", "[]", "{}"] {
            assert_eq!(errors("{}", &full_with(key, bad)), vec![pair("INVALID_REQUEST", key)], "{key}={bad}");
        }
    }
    let (_, json) = check_with("{}", &full_with("dnd", "\"true\""));
    assert!(json.contains(r#""dnd":true"#), "{json}");
}

#[test]
fn wrong_json_types_are_invalid_request_at_the_field_and_nothing_else() {
    assert_eq!(errors("{}", &full_with("firstName", "{}")), vec![pair("INVALID_REQUEST", "firstName")]);
    assert_eq!(
        errors("{}", &full_with("emailAddress", "[\"a@b.org\"]")),
        vec![pair("INVALID_REQUEST", "emailAddress")]
    );
    assert_eq!(errors("{}", &full_with("id", "1.5")), vec![pair("INVALID_REQUEST", "id")]);
    assert_eq!(errors("{}", &full_with("id", "\"12a\"")), vec![pair("INVALID_REQUEST", "id")]);
    assert_eq!(errors("{}", &full_with("id", "\"12\"")), vec![]);
    assert_eq!(errors("{}", &full_with("phoneNumber", "[1]")), vec![pair("INVALID_REQUEST", "phoneNumber")]);
    // Numbers and booleans in text fields are their text, as the server converts them.
    assert_eq!(errors("{}", &full_with("firstName", "42")), vec![]);
    assert_eq!(errors("{}", &full_with("instituteName", "true")), vec![]);
}

#[test]
fn a_body_that_is_not_an_object_is_invalid_request_at_the_root() {
    for body in ["[]", "null", "1", "\"user\"", "true"] {
        assert_eq!(errors("{}", body), vec![pair("INVALID_REQUEST", "")], "{body}");
    }
}

#[test]
fn the_system_login_is_reserved_in_the_openspecimen_domain() {
    let system = full_with("loginName", "\"$system\"");
    assert_eq!(errors("{}", &system), vec![pair("USER_SYS_LOGIN_NAME", "loginName")]);
    let elsewhere = system.replace("\"openspecimen\"", "\"ldap\"");
    assert_eq!(errors("{}", &elsewhere), vec![]);
}

#[test]
fn put_warns_about_fields_it_resets() {
    for key in ["type", "activityStatus", "primarySite", "manageForms"] {
        assert_eq!(warnings("{}", &full_without(key)), vec![pair("PUT_RESETS_FIELD", key)], "{key}");
    }
    // Sent as null or blank counts as sent.
    assert_eq!(warnings("{}", &full_with("primarySite", "null")), vec![]);
    assert_eq!(warnings("{}", &full_with("primarySite", "\"\"")), vec![]);
    // manageForms is forced for SUPER, INSTITUTE and CONTACT, so leaving it out resets nothing.
    let admin = full_without("manageForms").replace("\"NONE\"", "\"SUPER\"");
    assert_eq!(warnings("{}", &admin), vec![]);
    // PATCH never warns.
    assert_eq!(warnings(r#"{"mode":"patch"}"#, r#"{"firstName":"Ann"}"#), vec![]);
}

#[test]
fn unknown_keys_warn_but_get_fields_do_not() {
    let payload = full_with("fristName", "\"Ann\"");
    assert_eq!(warnings("{}", &payload), vec![pair("UNKNOWN_FIELD", "fristName")]);
    for silent in ["creationDate", "instituteId", "userId", "opComments"] {
        assert_eq!(warnings("{}", &full_with(silent, "1548909110207")), vec![], "{silent}");
    }
    // Unknown keys stay in the normalised value: nothing is lost.
    let (_, json) = check_with("{}", &payload);
    assert!(json.contains(r#""fristName":"Ann""#), "{json}");
}

#[test]
fn patch_checks_only_the_keys_present() {
    assert_eq!(errors(r#"{"mode":"patch"}"#, "{}"), vec![]);
    assert_eq!(
        errors(r#"{"mode":"patch"}"#, r#"{"emailAddress":"nobody"}"#),
        vec![pair("USER_INVALID_EMAIL", "emailAddress")]
    );
    assert_eq!(
        errors(r#"{"mode":"patch"}"#, r#"{"firstName":null}"#),
        vec![pair("USER_FIRST_NAME_REQUIRED", "firstName")]
    );
    // In a partial update a blank is kept as null, so the server clears the field.
    let (_, json) = check_with(r#"{"mode":"patch"}"#, r#"{"phoneNumber":"  "}"#);
    assert!(json.contains(r#""value":{"phoneNumber":null}"#), "{json}");
}

#[test]
fn issues_come_in_field_order() {
    let payload = r#"{"type":"bad","firstName":"","emailAddress":"x","instituteName":"I","loginName":"l","domainName":"d","lastName":"L"}"#;
    let codes: Vec<String> = errors("{}", payload).into_iter().map(|(code, _)| code).collect();
    assert_eq!(codes, ["USER_FIRST_NAME_REQUIRED", "USER_INVALID_EMAIL", "USER_INVALID_TYPE"]);
}

#[test]
fn a_batch_gives_each_payload_its_own_result() {
    let text = format!("[{FULL},{{}},{}]", full_with("firstName", "\"  Ann \""));
    let out = validator("{}").validate_many_text(Kind::User, &text, &FixedClock::utc(NOW));
    let results = json::parse(&out).unwrap().root;
    let Json::Array(results) = results else { panic!("a list: {out}") };
    assert_eq!(results.len(), 3);
    assert_eq!(results[0], Json::Number("0".into()), "valid and unchanged");
    // The flat form: [valid, code, path, field, severity, params, …], then the value when it changed.
    let Json::Array(invalid) = &results[1] else { panic!("{out}") };
    assert_eq!(invalid[0], Json::Number("0".into()), "not valid: {out}");
    assert_eq!(invalid.len(), 1 + 5 * 10, "six required fields and four reset fields, five values each: {out}");
    let Json::Array(trimmed) = &results[2] else { panic!("{out}") };
    assert_eq!(trimmed.len(), 2, "valid, no issue, then the value: {out}");
    assert_eq!(trimmed[0], Json::Number("1".into()));
    assert_eq!(trimmed[1].get("firstName"), Some(&Json::String("Ann".into())), "the trimmed value: {out}");
}

#[test]
fn a_repeated_key_counts_once_the_last_value_wins_in_small_and_large_bodies() {
    for extra in [0usize, 100] {
        let mut text = String::from(r#"{"mode":1,"type":"bad""#);
        for index in 0..extra {
            text.push_str(&format!(",\"k{index}\":{index}"));
        }
        text.push_str(r#","type":"SUPER"}"#);
        let (issues, json) = check_with(r#"{"mode":"patch"}"#, &text);
        assert!(issues.iter().all(|(code, _, _)| code == "UNKNOWN_FIELD"), "{extra}: {issues:?}");
        assert_eq!(json.matches("\"type\"").count(), 1, "{extra}: one type in the value");
        assert!(json.contains(r#""type":"SUPER""#), "{extra}");
    }
}

/// An unknown key is warned once, at its last occurrence, whether or not the payload has errors (with
/// errors the normalised value is never built, so the warnings come from a separate pass).
#[test]
fn unknown_keys_are_warned_once_with_or_without_errors() {
    let valid = r#"{"firstName":"A","lastName":"B","emailAddress":"a@b.org","loginName":"ab","domainName":"openspecimen","instituteName":"I","primarySite":"S","type":"SUPER","activityStatus":"Active","zzz":1,"zzz":2}"#;
    let (issues, out) = check_with(r#"{"mode":"patch"}"#, valid);
    assert_eq!(issues, vec![("UNKNOWN_FIELD".to_owned(), "zzz".to_owned(), Severity::Warning)]);
    assert!(out.contains(r#""zzz":2"#) && !out.contains(r#""zzz":1"#), "the last occurrence is kept: {out}");

    let invalid = valid.replace(r#""a@b.org""#, r#""a@@b.org""#);
    assert_eq!(errors(r#"{"mode":"patch"}"#, &invalid), vec![pair("USER_INVALID_EMAIL", "emailAddress")]);
    assert_eq!(warnings(r#"{"mode":"patch"}"#, &invalid), vec![pair("UNKNOWN_FIELD", "zzz")]);
}
