//! Update Registration: `PUT /openspecimen/rest/ng/collection-protocol-registrations/{id}` (5.0 on),
//! rules of `spec/participant.md`. Always partial: only the keys present are checked, in the
//! registration and in its participant alike.

use std::borrow::Cow;

use crate::clock::Clock;
use crate::codes::{self, reason};
use crate::issue::{Report, Segment};
use crate::json::Json;
use crate::options::Options;
use crate::participant;
use crate::rules::{Fields, Read, Text};

const STATUSES: &[&str] = &["Active", "Disabled", "Closed"];
const DATA_ENTRY_STATUSES: &[&str] = &["COMPLETE", "DRAFT"];
const FREE_TEXT: &[&str] = &["cpTitle", "cpShortTitle", "externalSubjectId", "site", "barcode"];

/// Every key the server reads from the body.
const KNOWN: &[&str] = &[
    "participant",
    "id",
    "cpId",
    "cpTitle",
    "cpShortTitle",
    "externalSubjectId",
    "site",
    "barcode",
    "ppid",
    "registrationDate",
    "activityStatus",
    "dataEntryStatus",
];
/// Keys this request ignores: no warning.
const SILENT: &[&str] = &["consentDetails", "forceDelete", "opComments"];

fn no_alias(_: &str) -> Option<&'static str> {
    None
}

/// Checks an Update Registration body; returns the normalised body (when the report wants it).
pub fn check<'a>(
    members: &[(Cow<'a, str>, Json<'a>)],
    options: &Options,
    clock: &dyn Clock,
    report: &mut Report,
) -> Option<Json<'a>> {
    let mut fields = Fields::new(members, &[], true);

    // The server fails with HTTP 500 without a participant object (`{}` is enough).
    match fields.get("participant") {
        None | Some(Json::Null) => report.error(codes::CPR_PARTICIPANT_DETAIL_REQUIRED, fields.path("participant")),
        Some(Json::Object(participant)) => {
            let base = [Segment::from("participant")];
            // Not built: its changes are in the report, and the member stays as sent here.
            if let Some(value) = participant::check(participant, &base, options, true, clock, report) {
                fields.normalise("participant", Some(value));
            }
        }
        Some(other) => {
            fields.invalid::<()>("participant", other, reason::NOT_OBJECT, report);
        }
    }

    fields.integer("id", report);
    fields.integer("cpId", report);
    for &key in FREE_TEXT {
        fields.text(key, report);
    }
    if fields.text("ppid", report) == Text::Blank {
        report.error(codes::CPR_PPID_REQUIRED, fields.path("ppid"));
    }
    // No future check: the server has none for the registration date.
    if fields.date("registrationDate", clock, report) == Read::Blank {
        report.error(codes::CPR_REG_DATE_REQUIRED, fields.path("registrationDate"));
    }
    fields.enumerated("activityStatus", STATUSES, no_alias, codes::ACTIVITY_STATUS_INVALID, "status", report);
    fields.enumerated("dataEntryStatus", DATA_ENTRY_STATUSES, no_alias, codes::COMMON_INVALID_INPUT, "value", report);
    fields.finish(KNOWN, SILENT, report)
}
