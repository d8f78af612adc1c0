//! Update Participant (`spec/participant.md`): each row of the field table, the date forms, vital
//! status and death date, permissible values (default and the server's own lists), the uid and eMPI
//! patterns, versions, pmis, the PUT warnings, unknown keys and wrong JSON types.

mod common;

use common::{check, check_at, labels, set, without, Checked, NOW};
use openspecimen_validate::{FixedClock, Kind, Param, Segment, Severity};

/// A complete, valid PUT body (every field the server resets is sent).
const FULL: &str = r#"{"id":7,"firstName":"Ann","middleName":"Q","lastName":"Lee","uid":"123-45-6789","empi":"E-100",
    "birthDate":"1990-05-20","vitalStatus":"Alive","gender":"Female Gender","races":["Asian"],
    "ethnicities":["Not Reported"],"sexGenotype":"XX Genotype","pmis":[{"siteName":"Site A1","mrn":"MRN-1"}],
    "emailAddress":"ann@example.org","phoneNumber":"+1 555 0100","activityStatus":"Active","emailOptIn":true,
    "textOptIn":false}"#;

/// A participant who died: a death date is checked, not ignored.
const DEAD: &str = r#"{"birthDate":"1990-05-20","vitalStatus":"Dead","pmis":[],"races":[],"ethnicities":[]}"#;

const PATCH: &str = r#"{"mode":"patch"}"#;
const SSN: &str = r#"{"settings":{"uidPattern":"^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$"}}"#;

fn put(payload: &str) -> Checked {
    check(Kind::Participant, payload, "{}")
}

fn patch(payload: &str) -> Checked {
    check(Kind::Participant, payload, PATCH)
}

fn with(options: &str, payload: &str) -> Checked {
    check(Kind::Participant, payload, options)
}

fn full_with(key: &str, value: &str) -> String {
    set(FULL, key, value)
}

fn dead_with(key: &str, value: &str) -> String {
    set(DEAD, key, value)
}

fn text(value: &str) -> String {
    format!("{value:?}")
}

#[test]
fn the_documentation_example_is_valid() {
    // update-participant.txt, repaired: its second object is the request body. It sends `race` (the
    // documentation's spelling), `ethnicities` and `pmis`, so no PUT_RESETS_FIELD; no key is unknown;
    // `id` is a digit string. No warning at all is expected.
    let example = r#"{
        "firstName" : "John",
        "gender" : "Male Gender",
        "id" : "1",
        "lastName" : "Depp",
        "pmis" : [ { "mrn" : "324r6",
              "siteName" : "Lab2"
            } ],
        "race" : [ "Asian" ],
        "ethnicities" : [ "Hispanic or Latino"],
        "uid" : "123-45-6789",
        "activityStatus" : "Active"
    }"#;
    let result = put(example);
    assert_eq!(result.all(), labels(&[]));
    // `race` is written as `races`, the key the server reads.
    result.assert_value(
        r#"{"firstName":"John","gender":"Male Gender","id":"1","lastName":"Depp",
            "pmis":[{"mrn":"324r6","siteName":"Lab2"}],"ethnicities":["Hispanic or Latino"],"uid":"123-45-6789",
            "activityStatus":"Active","races":["Asian"]}"#,
    );
    // Under the documented SSN pattern too.
    assert_eq!(with(SSN, example).all(), labels(&[]));
}

#[test]
fn a_complete_body_is_valid_with_no_issue_and_unchanged() {
    let result = put(FULL);
    assert_eq!(result.all(), labels(&[]));
    result.assert_value(FULL);
}

#[test]
fn ids_are_integers_or_digit_strings() {
    for good in ["7", "\"7\"", "\" 7 \"", "null", "\"\""] {
        assert_eq!(put(&full_with("id", good)).all(), labels(&[]), "{good}");
    }
    for bad in ["1.5", "\"7a\"", "true", "[]", "{}", "1e3"] {
        let result = put(&full_with("id", bad));
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@id"]), "{bad}");
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notInteger");
    }
}

#[test]
fn names_are_free_text_of_at_most_255_code_points() {
    for key in ["firstName", "middleName", "lastName"] {
        for good in ["O'Brien; DROP TABLE x", "<b>Zoë</b>", "42", "true", "null", "\"\""] {
            let value = if good.starts_with('"') || good == "null" { good.to_owned() } else { text(good) };
            assert_eq!(put(&full_with(key, &value)).all(), labels(&[]), "{key}={good}");
        }
        assert_eq!(put(&full_with(key, &text(&"é".repeat(255)))).all(), labels(&[]));
        let result = put(&full_with(key, &text(&"😀".repeat(256))));
        assert_eq!(result.all(), vec![format!("FIELD_TOO_LONG@{key}")]);
        assert_eq!(result.issue("FIELD_TOO_LONG").param("max"), Some(&Param::Number(255)));
        assert_eq!(result.issue("FIELD_TOO_LONG").param("length"), Some(&Param::Number(256)));
    }
    // Trimmed in the value.
    put(&full_with("firstName", "\"  Ann \"")).assert_value(FULL);
}

#[test]
fn uid_follows_the_configured_pattern() {
    // No pattern: anything goes.
    assert_eq!(put(&full_with("uid", "\"not an ssn\"")).all(), labels(&[]));
    for good in ["123-45-6789", "001-01-0001", "899-99-9999", " 123-45-6789 "] {
        assert_eq!(with(SSN, &full_with("uid", &text(good))).all(), labels(&[]), "{good}");
    }
    for bad in ["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "123456789", "12-345-6789"] {
        let result = with(SSN, &full_with("uid", &text(bad)));
        assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_UID@uid"]), "{bad}");
        assert_eq!(result.param("PARTICIPANT_INVALID_UID", "uid"), bad);
    }
    // A number is its text: 123456789 does not match.
    assert_eq!(with(SSN, &full_with("uid", "123456789")).all(), labels(&["PARTICIPANT_INVALID_UID@uid"]));
    // Too long: FIELD_TOO_LONG only (the length first, then the pattern).
    let long = text(&"1".repeat(51));
    assert_eq!(with(SSN, &full_with("uid", &long)).all(), labels(&["FIELD_TOO_LONG@uid"]));
    assert_eq!(put(&full_with("uid", &text(&"1".repeat(50)))).all(), labels(&[]));
    // Blank: no pattern check.
    assert_eq!(with(SSN, &full_with("uid", "\" \"")).all(), labels(&[]));
}

#[test]
fn uid_mandatory_makes_it_required() {
    let mandatory = r#"{"settings":{"uidMandatory":true}}"#;
    assert_eq!(with(mandatory, FULL).all(), labels(&[]));
    for blank in ["\"\"", "\"  \"", "null"] {
        let result = with(mandatory, &full_with("uid", blank));
        assert_eq!(result.all(), labels(&["PARTICIPANT_UID_REQUIRED@uid"]), "{blank}");
    }
    assert_eq!(with(mandatory, &without(FULL, "uid")).all(), labels(&["PARTICIPANT_UID_REQUIRED@uid"]));
    // In a partial update only a uid sent blank is missing.
    let patch_mandatory = r#"{"mode":"patch","settings":{"uidMandatory":"true"}}"#;
    assert_eq!(with(patch_mandatory, "{}").all(), labels(&[]));
    assert_eq!(with(patch_mandatory, r#"{"uid":""}"#).all(), labels(&["PARTICIPANT_UID_REQUIRED@uid"]));
    assert_eq!(with(patch_mandatory, r#"{"uid":null}"#).all(), labels(&["PARTICIPANT_UID_REQUIRED@uid"]));
    // Not mandatory: blank is fine.
    assert_eq!(put(&full_with("uid", "\"\"")).all(), labels(&[]));
    // A uid of the wrong type is INVALID_REQUEST only.
    assert_eq!(with(mandatory, &full_with("uid", "[]")).all(), labels(&["INVALID_REQUEST@uid"]));
}

#[test]
fn empi_follows_the_configured_pattern() {
    let mpi = r#"{"settings":{"mpiPattern":"E-[0-9]+"}}"#;
    assert_eq!(put(&full_with("empi", "\"anything\"")).all(), labels(&[]));
    assert_eq!(with(mpi, &full_with("empi", "\"E-12\"")).all(), labels(&[]));
    for bad in ["E-", "e-12", "E-12x", "xE-12"] {
        let result = with(mpi, &full_with("empi", &text(bad)));
        assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_MPI@empi"]), "{bad}");
        assert_eq!(result.param("PARTICIPANT_INVALID_MPI", "empi"), bad);
    }
    let long = text(&format!("E-{}", "1".repeat(49)));
    assert_eq!(with(mpi, &full_with("empi", &long)).all(), labels(&["FIELD_TOO_LONG@empi"]));
    assert_eq!(with(mpi, &full_with("empi", "\"\"")).all(), labels(&[]));
}

#[test]
fn every_date_form_the_server_accepts() {
    let forms = [
        ("643161600000", "1990-05-20"),     // epoch milliseconds
        ("\"643161600000\"", "1990-05-20"), // a digit string, the same
        ("\"1990-05-20\"", "1990-05-20"),
        ("\" 1990-05-20 \"", "1990-05-20"),
        ("\"1990-05-20T10:30:00Z\"", "1990-05-20"),
        ("\"1990-05-20T10:30:00.123Z\"", "1990-05-20"),
        ("\"1990-05-20T10:30:00.123456789Z\"", "1990-05-20"),
        ("\"-86400000\"", "1969-12-31"),
    ];
    for (form, day) in forms {
        let result = put(&full_with("birthDate", form));
        assert_eq!(result.all(), labels(&[]), "{form}");
        result.assert_value(&full_with("birthDate", &text(day)));
    }
    // Blank means missing, and is left out of a full replacement's value.
    for blank in ["\"\"", "\"  \"", "null"] {
        let result = put(&full_with("birthDate", blank));
        assert_eq!(result.all(), labels(&[]), "{blank}");
        result.assert_value(&without(FULL, "birthDate"));
    }
}

#[test]
fn malformed_dates_are_invalid_request() {
    for bad in [
        "\"20-05-1990\"",
        "\"1990/05/20\"",
        "\"1990-5-20\"",
        "\"1990-05-20T10:30:00+01:00\"",
        "\"1990-05-20T10:30\"",
        "\"1990-05-20 10:30:00Z\"",
        "\"yesterday\"",
        "\"1990-13-01\"",
        "\"1990-00-10\"",
        "\"1990-01-00\"",
        "\"1990-01-32\"",
        "1.5",
        "true",
        "[]",
        "{}",
    ] {
        let result = put(&full_with("birthDate", bad));
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@birthDate"]), "{bad}");
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notDate", "{bad}");
    }
    // A well-formed value beyond the year 9999.
    let result = put(&full_with("birthDate", "\"99999999999999999\""));
    assert_eq!(result.all(), labels(&["INVALID_REQUEST@birthDate"]));
    assert_eq!(result.param("INVALID_REQUEST", "reason"), "dateOutOfRange");
}

#[test]
fn a_birth_date_cannot_be_in_the_future() {
    for future in ["\"2026-01-02\"", "\"2026-01-01T00:00:01Z\"", "1767225600001", "\"2099-12-31\""] {
        let result = put(&full_with("birthDate", future));
        assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_BIRTH_DATE@birthDate"]), "{future}");
    }
    // Today's date passes (compared by calendar day), as does now itself.
    for today in ["\"2026-01-01\"", "\"2026-01-01T00:00:00Z\"", "1767225600000", "\"2025-12-31T23:59:59.999Z\""] {
        assert_eq!(put(&full_with("birthDate", today)).all(), labels(&[]), "{today}");
    }
    // Later the same day, today is still today.
    let noon = FixedClock::utc(NOW + 12 * 3_600_000);
    let result = check_at(Kind::Participant, &full_with("birthDate", "\"2026-01-01\""), "{}", noon);
    assert_eq!(result.all(), labels(&[]));
    // "Today" is the validator's local day: in New York (UTC-5) it is still 2025-12-31.
    let new_york = FixedClock { now_ms: NOW, offset_minutes: -300 };
    let result = check_at(Kind::Participant, &full_with("birthDate", "\"2026-01-01\""), "{}", new_york);
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_BIRTH_DATE@birthDate"]));
    let result = check_at(Kind::Participant, &full_with("birthDate", "\"2025-12-31\""), "{}", new_york);
    assert_eq!(result.all(), labels(&[]));
}

#[test]
fn a_death_date_cannot_be_in_the_future_or_before_birth() {
    assert_eq!(put(&dead_with("deathDate", "\"2023-02-01\"")).all(), labels(&[]));
    let future = put(&dead_with("deathDate", "\"2026-01-02\""));
    assert_eq!(future.all(), labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"]));
    assert_eq!(future.param("PARTICIPANT_INVALID_DEATH_DATE", "reason"), "future");
    assert_eq!(put(&dead_with("deathDate", "\"2026-01-01\"")).all(), labels(&[]), "today");

    let before = put(&dead_with("deathDate", "\"1990-05-19\""));
    assert_eq!(before.all(), labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"]));
    assert_eq!(before.param("PARTICIPANT_INVALID_DEATH_DATE", "reason"), "beforeBirth");
    // The same day is fine.
    assert_eq!(put(&dead_with("deathDate", "\"1990-05-20\"")).all(), labels(&[]));
    assert_eq!(put(&dead_with("deathDate", "643161600000")).all(), labels(&[]));
    // Birth and death compare as instants: a death earlier on the birth day is before the birth.
    let instants = set(&dead_with("birthDate", "\"1990-05-20T10:30:00Z\""), "deathDate", "\"1990-05-20T08:00:00Z\"");
    assert_eq!(put(&instants).all(), labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"]));
    let instants = set(&dead_with("birthDate", "\"1990-05-20T10:30:00Z\""), "deathDate", "\"1990-05-20T10:30:00Z\"");
    assert_eq!(put(&instants).all(), labels(&[]));
    // Without a birth date only the future check applies.
    let no_birth = without(&dead_with("deathDate", "\"1900-01-01\""), "birthDate");
    assert_eq!(put(&no_birth).all(), labels(&[]));
}

#[test]
fn death_checks_are_skipped_when_the_birth_date_is_invalid() {
    // In the future: only the birth date's error.
    let payload = set(&dead_with("birthDate", "\"2026-06-01\""), "deathDate", "\"2026-03-01\"");
    assert_eq!(put(&payload).all(), labels(&["PARTICIPANT_INVALID_BIRTH_DATE@birthDate"]));
    // Malformed: only its INVALID_REQUEST.
    let payload = set(&dead_with("birthDate", "\"1990-05-40\""), "deathDate", "\"1980-01-01\"");
    assert_eq!(put(&payload).all(), labels(&["INVALID_REQUEST@birthDate"]));
    // A malformed death date is its own INVALID_REQUEST whatever the birth date.
    assert_eq!(put(&dead_with("deathDate", "\"soon\"")).all(), labels(&["INVALID_REQUEST@deathDate"]));
}

#[test]
fn a_death_date_without_a_dead_vital_status_is_ignored() {
    // A valid vital status that is not dead: a warning, and no other death-date check.
    for status in ["Alive", "Unknown", "Unspecified"] {
        for death in ["\"2023-02-01\"", "\"2027-01-01\"", "\"1900-01-01\""] {
            let payload = set(&dead_with("vitalStatus", &text(status)), "deathDate", death);
            let result = put(&payload);
            assert_eq!(result.all(), labels(&["DEATH_DATE_IGNORED@deathDate"]), "{status} {death}");
            assert_eq!(result.issues[0].severity, Severity::Warning);
            assert_eq!(result.issues[0].path, vec![Segment::from("deathDate")]);
            assert!(result.value.is_some(), "a warning leaves the payload valid");
        }
    }
    // PUT with the vital status left out or blank: not dead.
    let payload = without(&dead_with("deathDate", "\"2023-02-01\""), "vitalStatus");
    assert_eq!(put(&payload).all(), labels(&["DEATH_DATE_IGNORED@deathDate"]));
    for blank in ["\"\"", "null"] {
        let payload = set(&dead_with("vitalStatus", blank), "deathDate", "\"2023-02-01\"");
        assert_eq!(put(&payload).all(), labels(&["DEATH_DATE_IGNORED@deathDate"]), "{blank}");
        // A partial update that sends it blank clears it: not dead either.
        let payload = format!(r#"{{"vitalStatus":{blank},"deathDate":"2023-02-01"}}"#);
        assert_eq!(patch(&payload).all(), labels(&["DEATH_DATE_IGNORED@deathDate"]), "{blank}");
    }
    // A partial update that leaves the vital status out: the stored one is unknown, so no warning,
    // but the other death-date checks apply.
    assert_eq!(patch(r#"{"deathDate":"2023-02-01"}"#).all(), labels(&[]));
    assert_eq!(patch(r#"{"deathDate":"2026-02-01"}"#).all(), labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"]));
    assert_eq!(
        patch(r#"{"birthDate":"2000-01-01","deathDate":"1999-12-31"}"#).all(),
        labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"])
    );
    // No death date sent, or sent blank: nothing to ignore.
    assert_eq!(put(&set(FULL, "deathDate", "\"\"")).all(), labels(&[]));
}

#[test]
fn an_invalid_vital_status_is_its_only_error() {
    // The death date's own checks are skipped; the vital status's error comes after it (field order).
    let payload = set(&dead_with("vitalStatus", "\"Deceased\""), "deathDate", "\"2027-01-01\"");
    let result = put(&payload);
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_VITAL_STATUS@vitalStatus"]));
    assert_eq!(result.param("PARTICIPANT_INVALID_VITAL_STATUS", "value"), "Deceased");
    assert_eq!(result.param("PARTICIPANT_INVALID_VITAL_STATUS", "allowed"), "Alive, Dead, Unknown, Unspecified");
    let payload = set(&dead_with("vitalStatus", "{}"), "deathDate", "\"2027-01-01\"");
    assert_eq!(put(&payload).all(), labels(&["INVALID_REQUEST@vitalStatus"]));
    // Issues stay in field order: the death date before the vital status.
    let payload = set(&dead_with("vitalStatus", "\"dead\""), "deathDate", "\"never\"");
    assert_eq!(
        put(&payload).all(),
        labels(&["INVALID_REQUEST@deathDate", "PARTICIPANT_INVALID_VITAL_STATUS@vitalStatus"])
    );
}

#[test]
fn a_day_that_does_not_exist_rolls_over() {
    let result = put(&full_with("birthDate", "\"2023-02-29\""));
    assert_eq!(result.all(), labels(&["DATE_ROLLS_OVER@birthDate"]));
    assert_eq!(result.param("DATE_ROLLS_OVER", "date"), "2023-03-01");
    assert_eq!(result.issues[0].severity, Severity::Warning);
    result.assert_value(&full_with("birthDate", "\"2023-03-01\""));
    assert_eq!(put(&full_with("birthDate", "\"2024-02-29\"")).all(), labels(&[]), "a leap day");
    let result = put(&full_with("birthDate", "\"2024-04-31\""));
    assert_eq!(result.param("DATE_ROLLS_OVER", "date"), "2024-05-01");
    // The rolled-over day is the one the other checks use.
    let payload = set(&dead_with("birthDate", "\"2020-03-01\""), "deathDate", "\"2020-02-30\"");
    assert_eq!(put(&payload).all(), labels(&["DATE_ROLLS_OVER@deathDate"]), "2020-03-01: the same day");
    let payload = set(&dead_with("birthDate", "\"2019-03-02\""), "deathDate", "\"2019-02-29\"");
    assert_eq!(put(&payload).all(), labels(&["DATE_ROLLS_OVER@deathDate", "PARTICIPANT_INVALID_DEATH_DATE@deathDate"]));
    // Only days 29 to 31 roll over; an instant must be a real day.
    assert_eq!(put(&full_with("birthDate", "\"2023-02-29T00:00:00Z\"")).all(), labels(&["INVALID_REQUEST@birthDate"]));
}

#[test]
fn gender_and_vital_status_are_permissible_values() {
    for gender in ["Male Gender", "Female Gender", "Unknown", "Unspecified", " Unknown "] {
        assert_eq!(put(&full_with("gender", &text(gender))).all(), labels(&[]), "{gender}");
    }
    for bad in ["Male", "male gender", "MALE GENDER", "Female  Gender"] {
        let result = put(&full_with("gender", &text(bad)));
        assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_GENDER@gender"]), "{bad}");
        assert_eq!(result.param("PARTICIPANT_INVALID_GENDER", "value"), bad);
        assert_eq!(
            result.param("PARTICIPANT_INVALID_GENDER", "allowed"),
            "Male Gender, Female Gender, Unknown, Unspecified"
        );
    }
    // A number is its text.
    let result = put(&full_with("gender", "1"));
    assert_eq!(result.param("PARTICIPANT_INVALID_GENDER", "value"), "1");
    assert_eq!(put(&full_with("gender", "[\"Male Gender\"]")).all(), labels(&["INVALID_REQUEST@gender"]));
    assert_eq!(put(&full_with("gender", "\"\"")).all(), labels(&[]));
    for status in ["Alive", "Dead", "Unknown", "Unspecified"] {
        assert_eq!(put(&full_with("vitalStatus", &text(status))).all(), labels(&[]), "{status}");
    }
    assert_eq!(
        put(&full_with("vitalStatus", "\"alive\"")).all(),
        labels(&["PARTICIPANT_INVALID_VITAL_STATUS@vitalStatus"])
    );
}

#[test]
fn races_are_checked_item_by_item() {
    let races = |value: &str| put(&full_with("races", value));
    assert_eq!(races(r#"["Asian","White","Not Reported"]"#).all(), labels(&[]));
    assert_eq!(races(r#"["Asian","Asian"]"#).all(), labels(&[]), "a repeat is fine");
    assert_eq!(races("[]").all(), labels(&[]));
    assert_eq!(races("null").all(), labels(&[]));
    let result = races(r#"["Asian","Martian","asian"]"#);
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_RACE@races[1]", "PARTICIPANT_INVALID_RACE@races[2]"]));
    assert_eq!(result.issues[0].path, vec![Segment::from("races"), Segment::Index(1)]);
    assert_eq!(result.issues[0].param("value"), Some(&Param::Text("Martian".into())));
    assert!(
        matches!(result.issues[0].param("allowed"), Some(Param::Text(list)) if list.starts_with("American Indian"))
    );
    // A blank item is looked up like the others, and is not a race.
    let result = races(r#"["Asian",""]"#);
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_RACE@races[1]"]));
    assert_eq!(result.issues[0].param("value"), Some(&Param::Text(String::new())));
    // A number is its text; an object is the wrong type, at the item.
    assert_eq!(races(r#"["Asian",3]"#).all(), labels(&["PARTICIPANT_INVALID_RACE@races[1]"]));
    let result = races(r#"["Asian",{"value":"White"}]"#);
    assert_eq!(result.all(), labels(&["INVALID_REQUEST@races[1]"]));
    assert_eq!(result.param("INVALID_REQUEST", "reason"), "notText");
    // Not a list: INVALID_REQUEST at the field.
    for bad in ["\"Asian\"", "{}", "1", "\"\""] {
        let result = races(bad);
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@races"]), "{bad}");
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notList");
    }
    // Trimmed in the value.
    races(r#"[" Asian "]"#).assert_value(FULL);
}

#[test]
fn race_is_read_as_races() {
    let race_only = set(&without(FULL, "races"), "race", r#"["White"]"#);
    let result = put(&race_only);
    assert_eq!(result.all(), labels(&[]), "no PUT_RESETS_FIELD: race is races");
    result.assert_value(&set(&without(FULL, "races"), "races", r#"["White"]"#));
    let result = put(&set(&without(FULL, "races"), "race", r#"["White","Green"]"#));
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_RACE@race[1]"]));
    // Both sent: both checked, `races` kept.
    let both = set(FULL, "race", r#"["Green"]"#);
    let result = put(&both);
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_RACE@race[0]"]));
    let result = put(&set(FULL, "race", r#"["White"]"#));
    assert_eq!(result.all(), labels(&[]));
    result.assert_value(FULL);
    assert_eq!(put(&set(FULL, "race", "\"White\"")).all(), labels(&["INVALID_REQUEST@race"]));
    // In a partial update, `race: null` clears the races.
    patch(r#"{"race":null}"#).assert_value(r#"{"races":null}"#);
}

#[test]
fn ethnicities_follow_the_server_version() {
    let v36 = r#"{"serverVersion":"3.6"}"#;
    let v41 = r#"{"serverVersion":"4.1"}"#;
    let v4 = r#"{"serverVersion":"4"}"#;
    let single = set(&without(FULL, "ethnicities"), "ethnicity", "\"Hispanic or Latino\"");
    // Before 4.0: a single `ethnicity`.
    assert_eq!(with(v36, &set(&single, "sexGenotype", "\"XY Genotype\"")).all(), labels(&[]));
    let result = with(v36, &set(&single, "ethnicity", "\"Latino\""));
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_ETHNICITY@ethnicity"]));
    assert_eq!(result.param("PARTICIPANT_INVALID_ETHNICITY", "value"), "Latino");
    assert_eq!(with(v36, &set(&single, "ethnicity", "[\"Unknown\"]")).all(), labels(&["INVALID_REQUEST@ethnicity"]));
    assert_eq!(with(v36, FULL).all(), labels(&["PUT_RESETS_FIELD@ethnicity", "UNKNOWN_FIELD@ethnicities"]));
    // From 4.0: a list `ethnicities`.
    for options in [v4, v41, "{}"] {
        assert_eq!(with(options, FULL).all(), labels(&[]), "{options}");
        assert_eq!(
            with(options, &single).all(),
            labels(&["PUT_RESETS_FIELD@ethnicities", "UNKNOWN_FIELD@ethnicity"]),
            "{options}"
        );
    }
    let result = with(v41, &full_with("ethnicities", r#"["Unknown","Latino"]"#));
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_ETHNICITY@ethnicities[1]"]));
    assert_eq!(with(v41, &full_with("ethnicities", "\"Unknown\"")).all(), labels(&["INVALID_REQUEST@ethnicities"]));
}

#[test]
fn sex_genotype_is_checked_before_5_0_only() {
    for options in [r#"{"serverVersion":"3.6"}"#, r#"{"serverVersion":"4.1"}"#, r#"{"serverVersion":"4.9.9"}"#] {
        let single = if options.contains("3.6") {
            set(&without(FULL, "ethnicities"), "ethnicity", "\"Unknown\"")
        } else {
            FULL.to_owned()
        };
        for good in ["XX Genotype", "Klinefelter’s Syndrome", "Penta X syndrome"] {
            assert_eq!(with(options, &set(&single, "sexGenotype", &text(good))).all(), labels(&[]), "{good}");
        }
        let result = with(options, &set(&single, "sexGenotype", "\"XY\""));
        assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_GENOTYPE@sexGenotype"]), "{options}");
        assert_eq!(result.param("PARTICIPANT_INVALID_GENOTYPE", "value"), "XY");
        assert!(result.param("PARTICIPANT_INVALID_GENOTYPE", "allowed").starts_with("XX Genotype, XY Genotype"));
        // Not in the list and too long: the server's answer, the permissible-value error.
        let long = set(&single, "sexGenotype", &text(&"X".repeat(51)));
        assert_eq!(with(options, &long).all(), labels(&["PARTICIPANT_INVALID_GENOTYPE@sexGenotype"]));
    }
    // From 5.0 the server ignores it: any value, but still at most 50.
    for options in [r#"{"serverVersion":"5.0"}"#, r#"{"serverVersion":"5.0.1"}"#, r#"{"serverVersion":"11.2"}"#, "{}"] {
        assert_eq!(with(options, &full_with("sexGenotype", "\"XY\"")).all(), labels(&[]), "{options}");
        assert_eq!(with(options, &full_with("sexGenotype", &text(&"X".repeat(50)))).all(), labels(&[]));
        let result = with(options, &full_with("sexGenotype", &text(&"X".repeat(51))));
        assert_eq!(result.all(), labels(&["FIELD_TOO_LONG@sexGenotype"]), "{options}");
        assert_eq!(with(options, &full_with("sexGenotype", "{}")).all(), labels(&["INVALID_REQUEST@sexGenotype"]));
    }
}

#[test]
fn custom_permissible_values_in_the_server_shape() {
    // As GET /rest/ng/permissible-values?attribute=…&includeProps=true returns them.
    let options = r#"{"permissibleValues":{
        "vital_status":[
            {"id":1,"attribute":"vital_status","value":"Alive","activityStatus":"Active","props":{}},
            {"id":2,"attribute":"vital_status","value":"Deceased","activityStatus":"Active","props":{"dead":"true"}},
            {"id":3,"attribute":"vital_status","value":"Dead","activityStatus":"Active"}],
        "gender":[{"id":4,"value":"Male"},{"id":5,"value":"Female"},"Undifferentiated"],
        "race":["White","Black or African American"]}}"#;
    let custom = |payload: &str| with(options, payload);
    let base = r#"{"birthDate":"1990-05-20","gender":"Male","races":["White"],"pmis":[],"ethnicities":[]}"#;
    // Deceased says dead: its death date is checked, not ignored.
    let deceased = set(&set(base, "vitalStatus", "\"Deceased\""), "deathDate", "\"2023-02-01\"");
    assert_eq!(custom(&deceased).all(), labels(&[]));
    let future = set(&deceased, "deathDate", "\"2027-02-01\"");
    assert_eq!(custom(&future).all(), labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"]));
    // An object "Dead" without props is not dead.
    let dead = set(&deceased, "vitalStatus", "\"Dead\"");
    assert_eq!(custom(&dead).all(), labels(&["DEATH_DATE_IGNORED@deathDate"]));
    // The given lists replace the defaults.
    assert_eq!(custom(&set(base, "gender", "\"Undifferentiated\"")).all(), labels(&[]));
    let result = custom(&set(base, "gender", "\"Male Gender\""));
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_GENDER@gender"]));
    assert_eq!(result.param("PARTICIPANT_INVALID_GENDER", "allowed"), "Male, Female, Undifferentiated");
    let result = custom(&set(base, "races", r#"["White","Asian"]"#));
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_RACE@races[1]"]));
    assert_eq!(result.param("PARTICIPANT_INVALID_RACE", "allowed"), "White, Black or African American");
    let result = custom(&set(base, "vitalStatus", "\"Unknown\""));
    assert_eq!(result.param("PARTICIPANT_INVALID_VITAL_STATUS", "allowed"), "Alive, Deceased, Dead");
    // Lists not given keep their defaults.
    assert_eq!(custom(&set(base, "ethnicities", r#"["Not Reported"]"#)).all(), labels(&[]));
    // Plain strings: Dead is dead.
    let plain = r#"{"permissibleValues":{"vital_status":["Alive","Dead"]}}"#;
    let payload = set(&set(base, "vitalStatus", "\"Dead\""), "deathDate", "\"2027-01-01\"");
    assert_eq!(
        with(plain, &payload.replace("\"Male\"", "\"Male Gender\"")).all(),
        labels(&["PARTICIPANT_INVALID_DEATH_DATE@deathDate"])
    );
}

#[test]
fn pmis_items_need_a_site_once_each() {
    let pmis = |value: &str| put(&full_with("pmis", value));
    assert_eq!(pmis(r#"[{"siteName":"A","mrn":"1"},{"siteName":"B","mrn":"2"}]"#).all(), labels(&[]));
    assert_eq!(pmis("[]").all(), labels(&[]));
    assert_eq!(pmis("null").all(), labels(&[]));
    // A blank MRN with a site is allowed.
    assert_eq!(pmis(r#"[{"siteName":"A","mrn":""},{"siteName":"B"}]"#).all(), labels(&[]));
    // An MRN without a site.
    for site in [r#""siteName":"","#, r#""siteName":null,"#, ""] {
        let result = pmis(&format!(r#"[{{"siteName":"A","mrn":"1"}},{{{site}"mrn":"2"}}]"#));
        assert_eq!(result.all(), labels(&["SITE_NOT_FOUND@pmis[1].siteName"]), "{site}");
        assert_eq!(result.issues[0].path, vec![Segment::from("pmis"), Segment::Index(1), Segment::from("siteName")]);
    }
    // A repeated site, at every repeat, exact after trimming.
    let result = pmis(
        r#"[{"siteName":"A","mrn":"1"},{"siteName":" A ","mrn":"2"},{"siteName":"a","mrn":"3"},{"siteName":"A"}]"#,
    );
    assert_eq!(
        result.all(),
        labels(&["PARTICIPANT_DUP_MRN_SITE@pmis[1].siteName", "PARTICIPANT_DUP_MRN_SITE@pmis[3].siteName"])
    );
    assert!(result.issues.iter().all(|issue| issue.param("site") == Some(&Param::Text("A".into()))));
    // MRN length.
    assert_eq!(pmis(&format!(r#"[{{"siteName":"A","mrn":{}}}]"#, text(&"7".repeat(255)))).all(), labels(&[]));
    let result = pmis(&format!(r#"[{{"siteName":"A","mrn":{}}}]"#, text(&"7".repeat(256))));
    assert_eq!(result.all(), labels(&["FIELD_TOO_LONG@pmis[0].mrn"]));
    // Unknown keys inside an item (a typo leaves the MRN without a site).
    let result = pmis(r#"[{"siteNmae":"A","mrn":"1"}]"#);
    assert_eq!(result.all(), labels(&["SITE_NOT_FOUND@pmis[0].siteName", "UNKNOWN_FIELD@pmis[0].siteNmae"]));
    assert_eq!(result.param("UNKNOWN_FIELD", "field"), "siteNmae");
}

#[test]
fn pmis_of_the_wrong_type_are_reported_where_they_break() {
    let pmis = |value: &str| put(&full_with("pmis", value));
    for bad in ["\"A\"", "{}", "1", "\"\""] {
        let result = pmis(bad);
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@pmis"]), "{bad}");
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notList");
    }
    for bad in ["\"A\"", "null", "[]", "3"] {
        let result = pmis(&format!(r#"[{{"siteName":"A","mrn":"1"}},{bad}]"#));
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@pmis[1]"]), "{bad}");
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notObject");
    }
    // A wrong site type is INVALID_REQUEST alone (no SITE_NOT_FOUND); numbers are text.
    let result = pmis(r#"[{"siteName":{"name":"A"},"mrn":"1"},{"siteName":["B"],"mrn":{}}]"#);
    assert_eq!(
        result.all(),
        labels(&[
            "INVALID_REQUEST@pmis[0].siteName",
            "INVALID_REQUEST@pmis[1].siteName",
            "INVALID_REQUEST@pmis[1].mrn"
        ])
    );
    assert_eq!(pmis(r#"[{"siteName":12,"mrn":34}]"#).all(), labels(&[]));
}

#[test]
fn pmis_are_normalised_trimmed_without_blank_items() {
    let result = put(&full_with(
        "pmis",
        r#"[{"siteName":"  ","mrn":null},{"siteName":" A ","mrn":" 1 "},{},{"siteName":"B","mrn":"  "},{"mrn":""}]"#,
    ));
    assert_eq!(result.all(), labels(&[]));
    result.assert_value(&full_with("pmis", r#"[{"siteName":"A","mrn":"1"},{"siteName":"B"}]"#));
}

#[test]
fn email_phone_status_and_opt_ins() {
    for good in ["ann@example.org", "admin@localhost", " a.b@x.org ", "\"john doe\"@x.org"] {
        assert_eq!(put(&full_with("emailAddress", &text(good))).all(), labels(&[]), "{good}");
    }
    for blank in ["\"\"", "null"] {
        assert_eq!(put(&full_with("emailAddress", blank)).all(), labels(&[]));
    }
    for bad in ["nobody", "a..b@x", "Ann <ann@x.org>", "a@x,b@y"] {
        let result = put(&full_with("emailAddress", &text(bad)));
        assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_EMAIL_ID@emailAddress"]), "{bad}");
        assert_eq!(result.param("PARTICIPANT_INVALID_EMAIL_ID", "email"), bad);
    }
    assert_eq!(put(&full_with("phoneNumber", &text(&"1".repeat(32)))).all(), labels(&[]));
    let result = put(&full_with("phoneNumber", &text(&"1".repeat(33))));
    assert_eq!(result.all(), labels(&["FIELD_TOO_LONG@phoneNumber"]));
    assert_eq!(result.issue("FIELD_TOO_LONG").param("max"), Some(&Param::Number(32)));

    for good in ["Active", "Disabled", "Closed", "", " Closed "] {
        assert_eq!(put(&full_with("activityStatus", &text(good))).all(), labels(&[]), "{good}");
    }
    for bad in ["active", "Locked", "Archived", "Pending"] {
        let result = put(&full_with("activityStatus", &text(bad)));
        assert_eq!(result.all(), labels(&["ACTIVITY_STATUS_INVALID@activityStatus"]), "{bad}");
        assert_eq!(result.param("ACTIVITY_STATUS_INVALID", "status"), bad);
        assert_eq!(result.param("ACTIVITY_STATUS_INVALID", "allowed"), "Active, Disabled, Closed");
    }
    for key in ["emailOptIn", "textOptIn"] {
        for good in ["true", "false", "\"true\"", "null"] {
            assert_eq!(put(&full_with(key, good)).all(), labels(&[]), "{key}={good}");
        }
        for bad in ["1", "0", "\"yes\"", "[]"] {
            assert_eq!(put(&full_with(key, bad)).all(), vec![format!("INVALID_REQUEST@{key}")], "{key}={bad}");
        }
    }
}

#[test]
fn put_warns_about_the_lists_it_clears() {
    for key in ["pmis", "races", "ethnicities"] {
        let result = put(&without(FULL, key));
        assert_eq!(result.all(), vec![format!("PUT_RESETS_FIELD@{key}")], "{key}");
        assert_eq!(result.issues[0].severity, Severity::Warning);
        assert_eq!(result.param("PUT_RESETS_FIELD", "field"), key);
        // Sent as null, or empty, counts as sent.
        assert_eq!(put(&full_with(key, "null")).all(), labels(&[]), "{key}");
        assert_eq!(put(&full_with(key, "[]")).all(), labels(&[]), "{key}");
    }
    assert_eq!(
        put("{}").all(),
        labels(&["PUT_RESETS_FIELD@races", "PUT_RESETS_FIELD@ethnicities", "PUT_RESETS_FIELD@pmis"])
    );
    // PATCH never warns.
    assert_eq!(patch("{}").all(), labels(&[]));
    assert_eq!(patch(r#"{"firstName":"Ann"}"#).all(), labels(&[]));
}

#[test]
fn unknown_keys_warn_and_known_silent_ones_do_not() {
    let result = put(&full_with("fristName", "\"Ann\""));
    assert_eq!(result.all(), labels(&["UNKNOWN_FIELD@fristName"]));
    assert_eq!(result.param("UNKNOWN_FIELD", "field"), "fristName");
    assert!(result.value.as_deref().unwrap().contains(r#""fristName":"Ann""#), "kept in the value");
    // The singular `pmi` is not read by the server.
    assert_eq!(put(&full_with("pmi", "{}")).all(), labels(&["UNKNOWN_FIELD@pmi"]));
    for (key, value) in [
        ("source", "\"EPIC\""),
        ("stagedId", "12"),
        ("extensionDetail", r#"{"formId":3,"attrsMap":{"x":[1,{"y":null}]}}"#),
        ("extensionDetail", "\"anything\""),
        ("birthDateStr", "\"1990-05-20\""),
        ("deathDateStr", "null"),
        ("phiAccess", "true"),
        ("registeredCps", r#"[{"cpId":1}]"#),
        ("cpId", "\"x\""),
        ("dataEntryStatus", "\"DRAFT\""),
        ("textOptInConsent", "{}"),
        ("forceDelete", "\"yes\""),
    ] {
        let payload = full_with(key, value);
        let result = put(&payload);
        assert_eq!(result.all(), labels(&[]), "{key}={value}");
        result.assert_value(&payload);
    }
}

#[test]
fn wrong_json_types_get_one_invalid_request_each_at_their_path() {
    let payload = r#"{"id":{},"firstName":{},"uid":[],"empi":{},"birthDate":true,"deathDate":[],"vitalStatus":[],
        "gender":{},"races":{},"ethnicities":"Unknown","sexGenotype":[],"pmis":"x","emailAddress":["a@b.org"],
        "phoneNumber":{},"activityStatus":[],"emailOptIn":"yes","textOptIn":0}"#;
    let result = put(payload);
    assert_eq!(
        result.all(),
        labels(&[
            "INVALID_REQUEST@id",
            "INVALID_REQUEST@firstName",
            "INVALID_REQUEST@uid",
            "INVALID_REQUEST@empi",
            "INVALID_REQUEST@birthDate",
            "INVALID_REQUEST@deathDate",
            "INVALID_REQUEST@vitalStatus",
            "INVALID_REQUEST@gender",
            "INVALID_REQUEST@races",
            "INVALID_REQUEST@ethnicities",
            "INVALID_REQUEST@sexGenotype",
            "INVALID_REQUEST@pmis",
            "INVALID_REQUEST@emailAddress",
            "INVALID_REQUEST@phoneNumber",
            "INVALID_REQUEST@activityStatus",
            "INVALID_REQUEST@emailOptIn",
            "INVALID_REQUEST@textOptIn",
        ])
    );
    assert!(result.value.is_none());
    let reasons: Vec<String> = result
        .issues
        .iter()
        .map(|issue| match issue.param("reason") {
            Some(Param::Text(reason)) => reason.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(reasons[0], "notInteger");
    assert_eq!(reasons[1], "notText");
    assert_eq!(reasons[4], "notDate");
    assert_eq!(reasons[8], "notList");
    assert_eq!(reasons[15], "notBoolean");
}

#[test]
fn a_body_that_is_not_an_object_is_invalid_request_at_the_root() {
    for body in ["[]", "null", "1", "\"participant\"", "true"] {
        let result = put(body);
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@"]), "{body}");
        assert_eq!(result.issues[0].path, vec![]);
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notObject");
    }
}

#[test]
fn issues_come_in_the_order_of_the_field_table() {
    let payload = r#"{"textOptIn":"x","activityStatus":"x","phoneNumber":"12345678901234567890123456789012345",
        "emailAddress":"x","pmis":[{"mrn":"1"}],"sexGenotype":"","ethnicities":["x"],"races":["x"],"gender":"x",
        "vitalStatus":"x","deathDate":"x","birthDate":"2030-01-01","empi":"1234567890123456789012345678901234567890123456789012",
        "uid":"","lastName":{},"id":"x","zzz":1}"#;
    let result = with(r#"{"mode":"patch","settings":{"uidMandatory":true}}"#, payload);
    assert_eq!(
        result.all(),
        labels(&[
            "INVALID_REQUEST@id",
            "INVALID_REQUEST@lastName",
            "PARTICIPANT_UID_REQUIRED@uid",
            "FIELD_TOO_LONG@empi",
            "PARTICIPANT_INVALID_BIRTH_DATE@birthDate",
            "INVALID_REQUEST@deathDate",
            "PARTICIPANT_INVALID_VITAL_STATUS@vitalStatus",
            "PARTICIPANT_INVALID_GENDER@gender",
            "PARTICIPANT_INVALID_RACE@races[0]",
            "PARTICIPANT_INVALID_ETHNICITY@ethnicities[0]",
            "SITE_NOT_FOUND@pmis[0].siteName",
            "PARTICIPANT_INVALID_EMAIL_ID@emailAddress",
            "FIELD_TOO_LONG@phoneNumber",
            "ACTIVITY_STATUS_INVALID@activityStatus",
            "INVALID_REQUEST@textOptIn",
            "UNKNOWN_FIELD@zzz",
        ])
    );
}

#[test]
fn patch_checks_only_the_keys_present_and_keeps_blanks_as_null() {
    assert_eq!(patch("{}").all(), labels(&[]));
    patch("{}").assert_value("{}");
    let result =
        patch(r#"{"phoneNumber":"  ","gender":null,"races":null,"pmis":null,"birthDate":"","firstName":" Ann "}"#);
    assert_eq!(result.all(), labels(&[]));
    result.assert_value(
        r#"{"phoneNumber":null,"gender":null,"races":null,"pmis":null,"birthDate":null,"firstName":"Ann"}"#,
    );
    // A full replacement leaves blanks out instead: the server clears what is not sent.
    let result = put(&set(&set(FULL, "phoneNumber", "\"  \""), "races", "null"));
    assert_eq!(result.all(), labels(&[]));
    result.assert_value(&without(&without(FULL, "phoneNumber"), "races"));
    assert_eq!(patch(r#"{"gender":"Male"}"#).all(), labels(&["PARTICIPANT_INVALID_GENDER@gender"]));
}

#[test]
fn the_unchanged_payload_crosses_back_as_nothing() {
    // A valid body with no issue and nothing to normalise answers "" to the JS layer.
    let validator = openspecimen_validate::Validator::default();
    let clock = FixedClock::utc(NOW);
    let compact = common::compact(FULL);
    assert_eq!(validator.validate_text(Kind::Participant, &compact, &clock), "");
    // Changed: the result line, then the normalised value on its own line (parsed only when read).
    let trimmed = validator.validate_text(Kind::Participant, &set(FULL, "firstName", "\" Ann\""), &clock);
    let (head, value) = trimmed.split_once('\n').expect("a value line");
    assert_eq!(head, "[1]");
    assert!(value.starts_with('{') && value.contains(r#""firstName":"Ann""#), "{trimmed}");
    // Unchanged with a warning: the result line alone (the JS layer reuses the text it sent).
    let warned = validator.validate_text(Kind::Participant, &common::compact(&set(FULL, "zzz", "1")), &clock);
    assert!(warned.starts_with(r#"[1,"UNKNOWN_FIELD",["zzz"],"zzz",0,"#), "{warned}");
    assert!(!warned.contains('\n'), "{warned}");
    // Invalid: the result line alone.
    let invalid = validator.validate_text(Kind::Participant, &set(FULL, "gender", "\"Male\""), &clock);
    assert!(invalid.starts_with(r#"[0,"PARTICIPANT_INVALID_GENDER""#) && !invalid.contains('\n'), "{invalid}");
    let renamed =
        validator.validate_text(Kind::Participant, &set(&without(FULL, "races"), "race", "[\"Asian\"]"), &clock);
    assert!(renamed.contains(r#""races":["Asian"]"#) && !renamed.contains(r#""race":"#), "{renamed}");
}
