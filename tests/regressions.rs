//! Inputs that once broke the validator (found by fuzzing, scripts/fuzz.sh, or by the bad-input
//! suites), kept as plain tests: each says what went wrong and holds the smallest input that showed it.

mod common;

use openspecimen_validate::json::{self, Json};
use openspecimen_validate::{FixedClock, Kind, Validator};

const NOW: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

fn clock() -> FixedClock {
    FixedClock::utc(NOW)
}

/// The issues of a `validate_field_text` answer as `(code, path JSON, reason)`.
fn field_issues(kind: Kind, path: &str, value: &str, payload: &str) -> Vec<(String, String, String)> {
    let out = Validator::default().validate_field_text(kind, path, value, payload, &clock());
    let document = json::parse(&out).expect("the answer is JSON");
    let (_, issues, _) = common::read_flat(&document.root);
    issues
        .into_iter()
        .map(|issue| {
            let params = json::parse(&issue.params).ok();
            let reason = match params.as_ref().and_then(|params| params.root.get("reason")) {
                Some(Json::String(reason)) => reason.to_string(),
                _ => String::new(),
            };
            (issue.code, issue.path, reason)
        })
        .collect()
}

/// A field path with 100,000 segments made `validate_field_text` recurse once per segment (building the
/// payload, then checking, cloning and dropping it): a stack overflow, natively and in WebAssembly, where
/// `validateField('user', 'a.'.repeat(100000) + 'a', 1)` threw a RangeError out of the module.
#[test]
fn a_field_path_deeper_than_any_payload_is_a_bad_path() {
    for path in ["a.".repeat(100_000) + "a", format!("pmis{}", "[0]".repeat(100_000))] {
        let issues = field_issues(Kind::User, &path, "1", "");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0], ("INVALID_REQUEST".into(), "[]".into(), "badPath".into()));
    }
    // 64 levels, the payload's own limit, still work.
    let path = vec!["a"; json::MAX_DEPTH].join(".");
    assert_eq!(field_issues(Kind::User, &path, "1", ""), vec![]);
}

/// `pmis[999999]` filled the list with a million `null`s (32 MB), and `a[999999][999999]…` with a million
/// per index: gigabytes for a 40-character path. The gap now counts against the text limit.
#[test]
fn a_field_index_far_beyond_the_list_is_too_large() {
    for path in ["pmis[999999]", "a[500000][500000]", "participant.pmis[999999].mrn"] {
        let issues = field_issues(Kind::Participant, path, "1", "");
        assert_eq!(issues, vec![("INVALID_REQUEST".into(), "[]".into(), "tooLarge".into())], "{path}");
    }
    // An index within reach of a payload still works, and the next row of a list is no gap at all.
    assert!(field_issues(Kind::User, "a[100000]", "1", "").is_empty());
    assert!(field_issues(Kind::User, "x[1]", "1", r#"{"x":[1]}"#).is_empty());
}

/// In a batch (`validate_many_text`), the too-deep flag is the whole batch's: one payload with a value
/// nested too deeply must not make the others report `INVALID_REQUEST` (tooDeep) at `[]`.
#[test]
fn a_too_deep_payload_in_a_batch_leaves_the_others_alone() {
    let deep = format!("{{\"x\":{}{}}}", "[".repeat(70), "]".repeat(70));
    let validator = Validator::new(openspecimen_validate::Options {
        mode: openspecimen_validate::Mode::Patch,
        ..Default::default()
    });
    let out = validator.validate_many_text(Kind::User, &format!("[{deep},{{}}]"), &clock());
    let alone = validator.validate_text(Kind::User, "{}", &clock());
    assert_eq!(alone, "", "an empty PATCH is valid");
    let document = json::parse(&out).expect("JSON");
    let Json::Array(results) = &document.root else { panic!("{out}") };
    assert_eq!(results.len(), 2);
    assert!(!common::read_flat(&results[0]).0, "{out}");
    assert_eq!(results[1], Json::Number("0".into()), "the second payload is valid and unchanged: {out}");
}

/// Unknown keys cost quadratic time: `Fields::finish` looked for a later repeat of every key among all the
/// keys after it. 80,000 unknown keys (869,000 characters, within the JS layer's 1 MiB) took 14 s in Node
/// and 3.8 s natively: a frozen tab for one paste. The same held for repeated `pmis` sites. Both are
/// linear since 78b93a8; the bound is far above linear time even in a debug build.
#[test]
fn many_unknown_keys_and_sites_take_linear_time() {
    let text = format!("{{{}}}", (0..80_000).map(|i| format!("\"k{i}\":0")).collect::<Vec<_>>().join(","));
    let validator = Validator::new(openspecimen_validate::Options {
        mode: openspecimen_validate::Mode::Patch,
        ..Default::default()
    });
    for kind in [Kind::User, Kind::Participant, Kind::Registration] {
        let started = std::time::Instant::now();
        let out = validator.validate_text(kind, &text, &clock());
        let elapsed = started.elapsed();
        assert!(out.contains("UNKNOWN_FIELD"));
        assert!(elapsed.as_secs_f64() < 3.0, "{kind:?}: {elapsed:?} for 80,000 unknown keys");
    }
    let sites = (0..30_000).map(|i| format!("{{\"siteName\":\"S{i}\",\"mrn\":\"1\"}}")).collect::<Vec<_>>();
    let text = format!("{{\"pmis\":[{}]}}", sites.join(","));
    let started = std::time::Instant::now();
    validator.validate_text(Kind::Participant, &text, &clock());
    assert!(started.elapsed().as_secs_f64() < 3.0, "{:?} for 30,000 distinct pmis sites", started.elapsed());
}

/// `validateField` keeps only the field's issues, but the rules still see the whole payload: the
/// PUT-required errors of other fields do not leak in, and a cross-field rule still applies.
#[test]
fn a_field_check_keeps_its_own_issues_and_sees_the_payload() {
    let email = field_issues(Kind::User, "emailAddress", r#""a b@x.org""#, "");
    assert_eq!(email, vec![("USER_INVALID_EMAIL".into(), r#"["emailAddress"]"#.into(), String::new())]);
    let ip = field_issues(Kind::User, "ipRange", r#""""#, r#"{"apiUser":true}"#);
    assert_eq!(ip, vec![("USER_IP_REQ".into(), r#"["ipRange"]"#.into(), String::new())]);
    assert_eq!(field_issues(Kind::User, "ipRange", r#""""#, r#"{"apiUser":false}"#), vec![]);
    // The vital status is checked beside the death date and its issues placed after it: still only
    // the field's own issues come back.
    let death = field_issues(Kind::Participant, "deathDate", r#""2020-01-01""#, r#"{"vitalStatus":"Zombie"}"#);
    assert_eq!(death, vec![]);
    let vital = field_issues(Kind::Participant, "vitalStatus", r#""Zombie""#, "");
    assert_eq!(vital, vec![("PARTICIPANT_INVALID_VITAL_STATUS".into(), r#"["vitalStatus"]"#.into(), String::new())]);
}

/// The answer without the normalised value (what a form gets on each keystroke) must say "changed"
/// exactly when the answer with the value carries one: every way a value changes, per payload kind.
#[test]
fn a_value_left_unbuilt_is_still_announced_when_it_changed() {
    let participant = r#""participant":{"firstName":"Ann","pmis":[{"siteName":"S","mrn":"1"}]}"#;
    let cases: &[(Kind, &str)] = &[
        (Kind::User, r#"{"firstName":" Ann "}"#),
        (Kind::User, r#"{"firstName":"Ann"}"#),
        (Kind::User, r#"{"firstName":"Ann","firstName":"Bo"}"#),
        (Kind::User, r#"{"type":"Regular"}"#),
        (Kind::User, r#"{"dnd":"true"}"#),
        (Kind::User, r#"{"zzz":1}"#),
        (Kind::User, r#"{"primarySite":""}"#),
        (Kind::Participant, r#"{"race":["Asian"]}"#),
        (Kind::Participant, r#"{"pmis":[{"siteName":"S","mrn":"1"},{"siteName":" ","mrn":null}]}"#),
        (Kind::Participant, r#"{"pmis":[{"siteName":"S","mrn":"1"}]}"#),
        (Kind::Participant, r#"{"pmis":[{"siteName":"S ","mrn":"1"}]}"#),
        (Kind::Participant, r#"{"birthDate":"2000-01-01"}"#),
        (Kind::Participant, r#"{"birthDate":946684800000}"#),
        (Kind::Registration, &format!("{{{participant}}}")),
        (Kind::Registration, &format!("{{{}}}", participant.replace("\"Ann\"", "\" Ann\""))),
        (Kind::Registration, &format!("{{{}}}", participant.replace("\"1\"}", "\"1\"},{}"))),
    ];
    let patch = Validator::new(openspecimen_validate::Options {
        mode: openspecimen_validate::Mode::Patch,
        ..Default::default()
    });
    let mut changed = 0;
    for (kind, payload) in cases {
        let full = patch.validate_text(*kind, payload, &clock());
        let lean = patch.validate_text_with(*kind, payload, false, &clock());
        let expected = full.split_once('\n').map_or(full.clone(), |(line, _)| format!("{line}\n"));
        assert_eq!(lean, expected, "{kind:?} {payload}: {full}");
        changed += usize::from(lean.ends_with('\n'));
    }
    assert_eq!(changed, 11, "the cases that change something do");
}
