//! Update Registration (`spec/participant.md`, second table): each row, and the nested participant,
//! checked in partial mode with its paths prefixed by `participant`.

mod common;

use common::{check, labels, set, without, Checked};
use openspecimen_validate::{Kind, Param, Segment, Severity};

/// The research report's example (§3.2), with the server's seeded gender list (it sends `Male`).
const EXAMPLE: &str = r#"{ "cpId": 2, "ppid": "CP2-0007", "registrationDate": "2024-01-15",
  "site": "Site A1", "externalSubjectId": "EXT-7", "activityStatus": "Active",
  "participant": { "firstName":"John", "lastName":"Doe", "middleName":"Q",
    "birthDate":"1990-05-20", "vitalStatus":"Dead", "deathDate":"2023-02-01",
    "gender":"Male", "races":["White"], "ethnicities":["Not Hispanic or Latino"],
    "uid":"123-45-6789", "empi":"E-100",
    "pmis":[{"siteName":"Site A1","mrn":"MRN-1"}], "activityStatus":"Active" } }"#;
const SEEDED: &str = r#"{"permissibleValues":{"gender":["Male","Female","Unknown","Undifferentiated"]}}"#;

/// The smallest valid body.
const MINIMAL: &str = r#"{"participant":{}}"#;

fn reg(payload: &str) -> Checked {
    check(Kind::Registration, payload, "{}")
}

fn minimal_with(key: &str, value: &str) -> String {
    set(MINIMAL, key, value)
}

fn participant_with(key: &str, value: &str) -> String {
    set(MINIMAL, "participant", &set("{}", key, value))
}

#[test]
fn the_research_example_is_valid() {
    let result = check(Kind::Registration, EXAMPLE, SEEDED);
    assert_eq!(result.all(), labels(&[]));
    result.assert_value(EXAMPLE);
    // With the default lists, `Male` is not a gender (they say `Male Gender`).
    assert_eq!(reg(EXAMPLE).all(), labels(&["PARTICIPANT_INVALID_GENDER@participant.gender"]));
}

#[test]
fn the_participant_must_be_an_object() {
    assert_eq!(reg(MINIMAL).all(), labels(&[]));
    for missing in ["{}", r#"{"participant":null,"ppid":"P1"}"#] {
        let result = reg(missing);
        assert_eq!(result.all(), labels(&["CPR_PARTICIPANT_DETAIL_REQUIRED@participant"]), "{missing}");
        assert_eq!(result.issues[0].path, vec![Segment::from("participant")]);
        assert!(result.value.is_none());
    }
    for bad in ["\"P1\"", "[]", "[{}]", "1", "true", "\"\""] {
        let result = reg(&minimal_with("participant", bad));
        assert_eq!(result.all(), labels(&["INVALID_REQUEST@participant"]), "{bad}");
        assert_eq!(result.param("INVALID_REQUEST", "reason"), "notObject");
    }
}

#[test]
fn ids_are_integers() {
    for key in ["id", "cpId"] {
        for good in ["12", "\"12\"", "null"] {
            assert_eq!(reg(&minimal_with(key, good)).all(), labels(&[]), "{key}={good}");
        }
        for bad in ["1.5", "\"x\"", "{}", "true"] {
            assert_eq!(reg(&minimal_with(key, bad)).all(), vec![format!("INVALID_REQUEST@{key}")], "{key}={bad}");
        }
    }
}

#[test]
fn free_text_fields_take_any_text() {
    for key in ["cpTitle", "cpShortTitle", "externalSubjectId", "site", "barcode"] {
        for good in ["\"Anything <at> all\"", "\"\"", "null", "42", "false"] {
            assert_eq!(reg(&minimal_with(key, good)).all(), labels(&[]), "{key}={good}");
        }
        assert_eq!(reg(&minimal_with(key, "{}")).all(), vec![format!("INVALID_REQUEST@{key}")], "{key}");
    }
    reg(&minimal_with("barcode", "\"  B-1 \"")).assert_value(r#"{"participant":{},"barcode":"B-1"}"#);
}

#[test]
fn a_ppid_sent_must_not_be_blank() {
    assert_eq!(reg(&minimal_with("ppid", "\"CP2-0007\"")).all(), labels(&[]));
    for blank in ["\"\"", "\"  \"", "null"] {
        assert_eq!(reg(&minimal_with("ppid", blank)).all(), labels(&["CPR_PPID_REQUIRED@ppid"]), "{blank}");
    }
    assert_eq!(reg(&minimal_with("ppid", "[]")).all(), labels(&["INVALID_REQUEST@ppid"]));
}

#[test]
fn a_registration_date_sent_must_be_a_date() {
    for (form, day) in [
        ("\"2024-01-15\"", "2024-01-15"),
        ("1705276800000", "2024-01-15"),
        ("\"1705276800000\"", "2024-01-15"),
        ("\"2024-01-15T08:00:00Z\"", "2024-01-15"),
        ("\"2024-01-15T08:00:00.5Z\"", "2024-01-15"),
        // No future check for the registration date.
        ("\"2030-06-01\"", "2030-06-01"),
    ] {
        let result = reg(&minimal_with("registrationDate", form));
        assert_eq!(result.all(), labels(&[]), "{form}");
        result.assert_value(&minimal_with("registrationDate", &format!("{day:?}")));
    }
    for blank in ["\"\"", "\" \"", "null"] {
        assert_eq!(
            reg(&minimal_with("registrationDate", blank)).all(),
            labels(&["CPR_REG_DATE_REQUIRED@registrationDate"]),
            "{blank}"
        );
    }
    for bad in ["\"15-01-2024\"", "\"2024-13-01\"", "\"2024-01-32\"", "1.5", "{}"] {
        assert_eq!(
            reg(&minimal_with("registrationDate", bad)).all(),
            labels(&["INVALID_REQUEST@registrationDate"]),
            "{bad}"
        );
    }
    let result = reg(&minimal_with("registrationDate", "\"2023-02-29\""));
    assert_eq!(result.all(), labels(&["DATE_ROLLS_OVER@registrationDate"]));
    assert_eq!(result.param("DATE_ROLLS_OVER", "date"), "2023-03-01");
    result.assert_value(&minimal_with("registrationDate", "\"2023-03-01\""));
}

#[test]
fn activity_and_data_entry_statuses_are_exact() {
    for good in ["Active", "Disabled", "Closed", "", " Active "] {
        assert_eq!(reg(&minimal_with("activityStatus", &format!("{good:?}"))).all(), labels(&[]), "{good}");
    }
    for bad in ["active", "Locked", "Archived"] {
        let result = reg(&minimal_with("activityStatus", &format!("{bad:?}")));
        assert_eq!(result.all(), labels(&["ACTIVITY_STATUS_INVALID@activityStatus"]), "{bad}");
        assert_eq!(result.param("ACTIVITY_STATUS_INVALID", "status"), bad);
        assert_eq!(result.param("ACTIVITY_STATUS_INVALID", "allowed"), "Active, Disabled, Closed");
    }
    for good in ["COMPLETE", "DRAFT", "", "null"] {
        let value = if good == "null" { good.to_owned() } else { format!("{good:?}") };
        assert_eq!(reg(&minimal_with("dataEntryStatus", &value)).all(), labels(&[]), "{good}");
    }
    for bad in ["draft", "Complete", "PENDING"] {
        let result = reg(&minimal_with("dataEntryStatus", &format!("{bad:?}")));
        assert_eq!(result.all(), labels(&["COMMON_INVALID_INPUT@dataEntryStatus"]), "{bad}");
        assert_eq!(result.param("COMMON_INVALID_INPUT", "value"), bad);
        assert_eq!(result.param("COMMON_INVALID_INPUT", "allowed"), "COMPLETE, DRAFT");
    }
    assert_eq!(reg(&minimal_with("dataEntryStatus", "[]")).all(), labels(&["INVALID_REQUEST@dataEntryStatus"]));
}

#[test]
fn ignored_keys_are_silent_and_unknown_ones_warn() {
    for (key, value) in [
        ("consentDetails", r#"{"consentTierResponses":[{"statement":"x","response":"Yes"}]}"#),
        ("forceDelete", "true"),
        ("opComments", "\"merge\""),
    ] {
        assert_eq!(reg(&minimal_with(key, value)).all(), labels(&[]), "{key}");
    }
    let result = reg(&minimal_with("ppId", "\"P1\""));
    assert_eq!(result.all(), labels(&["UNKNOWN_FIELD@ppId"]));
    assert_eq!(result.issues[0].severity, Severity::Warning);
    // Output-only keys of a GET are unknown on input.
    assert_eq!(reg(&minimal_with("specimenLabelFmt", "\"x\"")).all(), labels(&["UNKNOWN_FIELD@specimenLabelFmt"]));
}

#[test]
fn participant_issues_are_prefixed_with_participant() {
    let result = reg(&participant_with(
        "pmis",
        r#"[{"siteName":"Site A","mrn":"1"},{"siteName":"Site A","mrn":"2"},{"mrn":"3","site":"B"}]"#,
    ));
    assert_eq!(
        result.all(),
        labels(&[
            "PARTICIPANT_DUP_MRN_SITE@participant.pmis[1].siteName",
            "SITE_NOT_FOUND@participant.pmis[2].siteName",
            "UNKNOWN_FIELD@participant.pmis[2].site",
        ])
    );
    assert_eq!(
        result.issues[0].path,
        vec![Segment::from("participant"), Segment::from("pmis"), Segment::Index(1), Segment::from("siteName")]
    );
    assert_eq!(result.param("PARTICIPANT_DUP_MRN_SITE", "site"), "Site A");

    assert_eq!(
        reg(&participant_with("gender", "\"x\"")).all(),
        labels(&["PARTICIPANT_INVALID_GENDER@participant.gender"])
    );
    assert_eq!(
        reg(&participant_with("races", "[\"x\"]")).all(),
        labels(&["PARTICIPANT_INVALID_RACE@participant.races[0]"])
    );
    assert_eq!(reg(&participant_with("fristName", "\"A\"")).all(), labels(&["UNKNOWN_FIELD@participant.fristName"]));
    assert_eq!(reg(&participant_with("firstName", "{}")).all(), labels(&["INVALID_REQUEST@participant.firstName"]));
    assert_eq!(
        reg(&participant_with("birthDate", "\"2026-01-02\"")).all(),
        labels(&["PARTICIPANT_INVALID_BIRTH_DATE@participant.birthDate"])
    );
    let result = reg(&participant_with("phoneNumber", &format!("{:?}", "1".repeat(40))));
    assert_eq!(result.all(), labels(&["FIELD_TOO_LONG@participant.phoneNumber"]));
    assert_eq!(result.issue("FIELD_TOO_LONG").param("max"), Some(&Param::Number(32)));
    // The participant's silent keys stay silent.
    assert_eq!(reg(&participant_with("registeredCps", "[]")).all(), labels(&[]));
}

#[test]
fn the_participant_is_always_partial() {
    // No PUT_RESETS_FIELD, whatever options.mode says (a registration update is always partial).
    for options in ["{}", r#"{"mode":"put"}"#, r#"{"mode":"patch"}"#] {
        assert_eq!(check(Kind::Registration, MINIMAL, options).all(), labels(&[]), "{options}");
    }
    // uidMandatory: only a uid sent blank is missing.
    let mandatory = r#"{"settings":{"uidMandatory":true}}"#;
    assert_eq!(check(Kind::Registration, MINIMAL, mandatory).all(), labels(&[]));
    assert_eq!(
        check(Kind::Registration, &participant_with("uid", "\"\""), mandatory).all(),
        labels(&["PARTICIPANT_UID_REQUIRED@participant.uid"])
    );
    // A death date without the vital status: the stored status is unknown, so no warning, but the
    // other checks apply.
    assert_eq!(reg(&participant_with("deathDate", "\"2020-01-01\"")).all(), labels(&[]));
    let result = reg(&participant_with("deathDate", "\"2026-02-01\""));
    assert_eq!(result.all(), labels(&["PARTICIPANT_INVALID_DEATH_DATE@participant.deathDate"]));
    assert_eq!(result.param("PARTICIPANT_INVALID_DEATH_DATE", "reason"), "future");
    // With a vital status that is not dead: ignored.
    let payload = set(MINIMAL, "participant", r#"{"vitalStatus":"Alive","deathDate":"2020-01-01"}"#);
    let result = reg(&payload);
    assert_eq!(result.all(), labels(&["DEATH_DATE_IGNORED@participant.deathDate"]));
    assert_eq!(result.issues[0].path, vec![Segment::from("participant"), Segment::from("deathDate")]);
    // Blanks are kept as null, so the server clears those fields.
    let payload = set(MINIMAL, "participant", r#"{"phoneNumber":" ","pmis":null,"races":[" White "]}"#);
    reg(&payload).assert_value(r#"{"participant":{"phoneNumber":null,"pmis":null,"races":["White"]}}"#);
    // `race` is normalised as `races` inside the participant too.
    reg(&participant_with("race", "[\"White\"]")).assert_value(r#"{"participant":{"races":["White"]}}"#);
}

#[test]
fn the_participant_follows_the_server_version() {
    let newest = reg(&participant_with("ethnicity", "\"Unknown\""));
    assert_eq!(newest.all(), labels(&["UNKNOWN_FIELD@participant.ethnicity"]));
    // sexGenotype is ignored from 5.0, but still at most 50.
    assert_eq!(reg(&participant_with("sexGenotype", "\"XY\"")).all(), labels(&[]));
    assert_eq!(
        reg(&participant_with("sexGenotype", &format!("{:?}", "X".repeat(51)))).all(),
        labels(&["FIELD_TOO_LONG@participant.sexGenotype"])
    );
    let old = r#"{"serverVersion":"4.1"}"#;
    assert_eq!(
        check(Kind::Registration, &participant_with("sexGenotype", "\"XY\""), old).all(),
        labels(&["PARTICIPANT_INVALID_GENOTYPE@participant.sexGenotype"])
    );
}

#[test]
fn issues_come_in_field_order_participant_first() {
    let payload = r#"{"dataEntryStatus":"x","activityStatus":"x","registrationDate":"","ppid":"","barcode":{},
        "cpId":"x","id":"x","participant":{"gender":"x","firstName":[]},"zzz":1}"#;
    assert_eq!(
        reg(payload).all(),
        labels(&[
            "INVALID_REQUEST@participant.firstName",
            "PARTICIPANT_INVALID_GENDER@participant.gender",
            "INVALID_REQUEST@id",
            "INVALID_REQUEST@cpId",
            "INVALID_REQUEST@barcode",
            "CPR_PPID_REQUIRED@ppid",
            "CPR_REG_DATE_REQUIRED@registrationDate",
            "ACTIVITY_STATUS_INVALID@activityStatus",
            "COMMON_INVALID_INPUT@dataEntryStatus",
            "UNKNOWN_FIELD@zzz",
        ])
    );
}

#[test]
fn a_body_that_is_not_an_object_is_invalid_request_at_the_root() {
    for body in ["[]", "null", "\"x\""] {
        assert_eq!(reg(body).all(), labels(&["INVALID_REQUEST@"]), "{body}");
    }
    // A registration without its participant but otherwise fine still says which key is missing.
    assert_eq!(reg(&without(EXAMPLE, "participant")).all(), labels(&["CPR_PARTICIPANT_DETAIL_REQUIRED@participant"]));
}
