//! Update Participant: `PUT /openspecimen/rest/ng/participants/{id}` (servers before 5.0), and the
//! participant inside an Update Registration; rules of `spec/participant.md`.

use std::borrow::Cow;

use crate::clock::Clock;
use crate::codes;
use crate::issue::{Param, Path, Report, Segment};
use crate::json::Json;
use crate::options::Options;
use crate::rules::lists::{self, item_path, text_list, texts_to_json};
use crate::rules::pattern::Pattern;
use crate::rules::permissible::PvAttribute;
use crate::rules::{check_length, email, Date, Fields, Read, SeenSet, Text};
use crate::user::warn_if_reset;

/// Column length of the names.
const NAME_MAX: usize = 255;
/// Column length of uid, empi and sexGenotype.
const ID_MAX: usize = 50;
/// Column length of the phone number.
const PHONE_MAX: usize = 32;
/// Column length of an MRN.
const MRN_MAX: usize = 255;

const STATUSES: &[&str] = &["Active", "Disabled", "Closed"];

/// Every key the server reads from the body, in every version (the version decides between
/// `ethnicities` and `ethnicity`, added by [`check`]).
const KNOWN: &[&str] = &[
    "id",
    "firstName",
    "middleName",
    "lastName",
    "uid",
    "empi",
    "birthDate",
    "deathDate",
    "vitalStatus",
    "gender",
    "races",
    "race",
    "sexGenotype",
    "pmis",
    "emailAddress",
    "phoneNumber",
    "activityStatus",
    "emailOptIn",
    "textOptIn",
    "source",
    "stagedId",
    "extensionDetail",
];
/// Keys a GET sends back, set by the server, or never checked: no warning.
const SILENT: &[&str] = &[
    "birthDateStr",
    "deathDateStr",
    "phiAccess",
    "registeredCps",
    "cpId",
    "dataEntryStatus",
    "textOptInConsent",
    "forceDelete",
];
/// The keys of one `pmis` item.
const PMI_KNOWN: &[&str] = &["siteName", "mrn"];

fn no_alias(_: &str) -> Option<&'static str> {
    None
}

/// Checks a participant body; returns the normalised body (when the report wants it). `base`
/// prefixes every path (`[]` for the participant endpoint, `["participant"]` inside a registration);
/// `partial` checks only the keys present (PATCH mode, and always inside a registration).
pub fn check<'a>(
    members: &[(Cow<'a, str>, Json<'a>)],
    base: &[Segment],
    options: &Options,
    partial: bool,
    clock: &dyn Clock,
    report: &mut Report,
) -> Option<Json<'a>> {
    let put = !partial;
    let v4 = options.server_version.at_least(4, 0);
    let v5 = options.server_version.at_least(5, 0);
    let mut fields = Fields::new(members, base, partial);

    fields.integer("id", report);
    for key in ["firstName", "middleName", "lastName"] {
        fields.bounded_text(key, NAME_MAX, report);
    }
    check_uid(&mut fields, options, put, report);
    let mpi_pattern = options.settings.mpi_pattern.as_ref();
    check_identifier(&mut fields, "empi", mpi_pattern, codes::PARTICIPANT_INVALID_MPI, report);

    // The death date depends on the vital status, whose issues still come after it (field order).
    let birth = fields.date("birthDate", clock, report);
    let birth_valid = match birth {
        Read::Value(date) if date.is_after_now(clock) => {
            report.error(codes::PARTICIPANT_INVALID_BIRTH_DATE, fields.path("birthDate"));
            false
        }
        Read::Invalid => false,
        _ => true,
    };
    let death = fields.date("deathDate", clock, report);
    let mut vital_report = report.aside();
    let vital = permissible(&mut fields, "vitalStatus", PvAttribute::VitalStatus, options, &mut vital_report);
    if let (true, Read::Value(death)) = (birth_valid, death) {
        check_death_date(&fields, birth, death, &vital, partial, clock, report);
    }
    report.issues.append(&mut vital_report.issues);

    permissible(&mut fields, "gender", PvAttribute::Gender, options, report);

    // `race` is the documentation's spelling of `races`: checked alike, normalised as `races`.
    permissible_list(&mut fields, "races", PvAttribute::Race, options, report);
    if fields.has("race") {
        let race = permissible_list(&mut fields, "race", PvAttribute::Race, options, report);
        fields.normalise("race", None);
        if !fields.has("races") {
            let value = match &race {
                Read::Value(texts) => Some(texts_to_json(texts)),
                _ => fields.blank_value(),
            };
            fields.normalise("races", value);
        }
    } else {
        warn_if_reset(&fields, "races", put, report);
    }

    let ethnicity_key = if v4 {
        permissible_list(&mut fields, "ethnicities", PvAttribute::Ethnicity, options, report);
        "ethnicities"
    } else {
        permissible(&mut fields, "ethnicity", PvAttribute::Ethnicity, options, report);
        "ethnicity"
    };
    warn_if_reset(&fields, ethnicity_key, put, report);

    check_genotype(&mut fields, options, v5, report);

    check_pmis(&mut fields, report);
    warn_if_reset(&fields, "pmis", put, report);

    if let Text::Value(address) = fields.text("emailAddress", report) {
        if !email::is_valid_email(&address) {
            let params = vec![("email", Param::Text(address.into_owned()))];
            report.error_with(codes::PARTICIPANT_INVALID_EMAIL_ID, fields.path("emailAddress"), params);
        }
    }
    fields.bounded_text("phoneNumber", PHONE_MAX, report);
    fields.enumerated("activityStatus", STATUSES, no_alias, codes::ACTIVITY_STATUS_INVALID, "status", report);
    fields.boolean("emailOptIn", report);
    fields.boolean("textOptIn", report);

    let mut known = KNOWN.to_vec();
    known.push(ethnicity_key);
    fields.finish(&known, SILENT, report)
}

/// uid: required only when the server's `uid_mandatory` is set (in a partial update, only when sent
/// blank); then as [`check_identifier`].
fn check_uid(fields: &mut Fields<'_, '_>, options: &Options, put: bool, report: &mut Report) {
    let pattern = options.settings.uid_pattern.as_ref();
    let uid = check_identifier(fields, "uid", pattern, codes::PARTICIPANT_INVALID_UID, report);
    let missing = match uid {
        Text::Absent => put,
        Text::Blank => true,
        Text::Value(_) | Text::Invalid => false,
    };
    if missing && options.settings.uid_mandatory {
        report.error(codes::PARTICIPANT_UID_REQUIRED, fields.path("uid"));
    }
}

/// uid and empi: at most 50, then (when the server has one) the pattern, which the whole value must
/// match. The error's param is named after the field (`uid`, `empi`).
fn check_identifier<'a>(
    fields: &mut Fields<'_, 'a>,
    key: &'static str,
    pattern: Option<&Pattern>,
    code: &'static str,
    report: &mut Report,
) -> Text<'a> {
    let text = fields.text(key, report);
    if let Text::Value(value) = &text {
        if check_length(report, fields.path(key), value, ID_MAX)
            && pattern.is_some_and(|pattern| !pattern.full_match(value))
        {
            report.error_with(code, fields.path(key), vec![(key, Param::Text(value.to_string()))]);
        }
    }
    text
}

/// The death date against the vital status, now and the birth date (`birth` is valid or not sent).
///
/// - A valid vital status that is not dead (in a full replacement, also a missing or blank one): the
///   server drops the date without a word, so `DEATH_DATE_IGNORED` and nothing else.
/// - An invalid vital status: that error alone.
/// - A dead one, or none sent in a partial update (the stored one is unknown): not in the future, and
///   not before the birth date (compared as instants; the same day is fine).
fn check_death_date(
    fields: &Fields<'_, '_>,
    birth: Read<Date>,
    death: Date,
    vital: &Read<bool>,
    partial: bool,
    clock: &dyn Clock,
    report: &mut Report,
) {
    let dead = match vital {
        Read::Value(dead) => *dead,
        Read::Invalid => return,
        Read::Absent if partial => true,
        Read::Absent | Read::Blank => false,
    };
    let path = fields.path("deathDate");
    if !dead {
        report.warning_with(codes::DEATH_DATE_IGNORED, path, Vec::new());
    } else if death.is_after_now(clock) {
        report.error_with(codes::PARTICIPANT_INVALID_DEATH_DATE, path, vec![("reason", "future".into())]);
    } else if matches!(birth, Read::Value(birth) if birth.instant_ms > death.instant_ms) {
        report.error_with(codes::PARTICIPANT_INVALID_DEATH_DATE, path, vec![("reason", "beforeBirth".into())]);
    }
}

/// The error of a value outside its permissible values, with the value and the list in force.
fn report_pv(report: &mut Report, path: Path, value: &str, options: &Options, pv: PvAttribute) {
    let mut allowed = String::new();
    for (index, value) in options.permissible_values.get(pv).values().enumerate() {
        if index > 0 {
            allowed.push_str(", ");
        }
        allowed.push_str(value);
    }
    let params = vec![("value", Param::Text(value.to_owned())), ("allowed", Param::Text(allowed))];
    report.error_with(pv_code(pv), path, params);
}

fn pv_code(pv: PvAttribute) -> &'static str {
    match pv {
        PvAttribute::Gender => codes::PARTICIPANT_INVALID_GENDER,
        PvAttribute::Race => codes::PARTICIPANT_INVALID_RACE,
        PvAttribute::Ethnicity => codes::PARTICIPANT_INVALID_ETHNICITY,
        PvAttribute::VitalStatus => codes::PARTICIPANT_INVALID_VITAL_STATUS,
        PvAttribute::Genotype => codes::PARTICIPANT_INVALID_GENOTYPE,
    }
}

/// A text field whose value must be a permissible value; `Read::Value(dead)` when it is.
fn permissible(
    fields: &mut Fields<'_, '_>,
    key: &'static str,
    pv: PvAttribute,
    options: &Options,
    report: &mut Report,
) -> Read<bool> {
    match fields.text(key, report) {
        Text::Absent => Read::Absent,
        Text::Blank => Read::Blank,
        Text::Invalid => Read::Invalid,
        Text::Value(value) => match options.permissible_values.get(pv).find(&value) {
            Some(dead) => Read::Value(dead),
            None => {
                report_pv(report, fields.path(key), &value, options, pv);
                Read::Invalid
            }
        },
    }
}

/// A list of permissible values (`races`, `ethnicities`), each checked at its item. A blank item is
/// an error too: the server looks it up like the others and finds nothing.
fn permissible_list<'a>(
    fields: &mut Fields<'_, 'a>,
    key: &'static str,
    pv: PvAttribute,
    options: &Options,
    report: &mut Report,
) -> Read<Vec<Text<'a>>> {
    let read = text_list(fields, key, report);
    if let Read::Value(texts) = &read {
        let list = options.permissible_values.get(pv);
        for (index, text) in texts.iter().enumerate() {
            let value = match text {
                Text::Value(value) => value.as_ref(),
                Text::Blank | Text::Absent => "",
                Text::Invalid => continue,
            };
            if list.find(value).is_none() {
                report_pv(report, item_path(fields, key, index), value, options, pv);
            }
        }
    }
    read
}

/// sexGenotype: before 5.0 a `genotype` permissible value (the server's answer comes first); from
/// 5.0 ignored by the server. At most 50 either way.
fn check_genotype(fields: &mut Fields<'_, '_>, options: &Options, v5: bool, report: &mut Report) {
    let Text::Value(genotype) = fields.text("sexGenotype", report) else {
        return;
    };
    let list = options.permissible_values.get(PvAttribute::Genotype);
    if !v5 && list.find(&genotype).is_none() {
        report_pv(report, fields.path("sexGenotype"), &genotype, options, PvAttribute::Genotype);
    } else {
        check_length(report, fields.path("sexGenotype"), &genotype, ID_MAX);
    }
}

/// pmis: a list of `{siteName, mrn}`. An item with both blank is skipped (and left out of the
/// normalised list); an MRN needs a site; a site may appear once (every repeat is reported).
fn check_pmis(fields: &mut Fields<'_, '_>, report: &mut Report) {
    let items = match lists::list(fields, "pmis", report) {
        Read::Value(items) => items,
        Read::Blank => {
            fields.normalise_blank("pmis");
            return;
        }
        Read::Absent | Read::Invalid => return,
    };
    let mut sites = SeenSet::with_capacity(items.len());
    let mut kept = Vec::with_capacity(items.len());
    let mut dropped = false;
    for (index, item) in items.iter().enumerate() {
        let item_base = item_path(fields, "pmis", index);
        let Json::Object(members) = item else {
            // `null` included: the server fails on it with HTTP 500.
            lists::report_not_object(report, item_base, item);
            continue;
        };
        let mut pmi = Fields::new(members, &item_base, false);
        let site = pmi.text("siteName", report);
        let mrn = pmi.text("mrn", report);
        match (&site, &mrn) {
            // A repeat of an earlier entry's site (the set keeps the first).
            (Text::Value(site), _) if !sites.insert(site.clone()) => {
                let params = vec![("site", Param::Text(site.to_string()))];
                report.error_with(codes::PARTICIPANT_DUP_MRN_SITE, pmi.path("siteName"), params);
            }
            (Text::Absent | Text::Blank, Text::Value(_)) => report.error(codes::SITE_NOT_FOUND, pmi.path("siteName")),
            _ => {}
        }
        if let Text::Value(mrn) = &mrn {
            check_length(report, pmi.path("mrn"), mrn, MRN_MAX);
        }
        let both_blank = site.is_missing() && mrn.is_missing();
        let normalised = pmi.finish(PMI_KNOWN, &[], report);
        dropped |= both_blank;
        if !both_blank {
            kept.extend(normalised);
        }
    }
    if report.wants_value() {
        fields.normalise("pmis", Some(Json::Array(kept)));
    } else if dropped {
        // Each entry's own changes are already in the report; a dropped entry changes the list.
        fields.note_change();
    }
}
