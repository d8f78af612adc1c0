//! Update User: `PUT /openspecimen/rest/ng/users/{id}` (and `PATCH`), rules of `spec/user.md`.

use std::borrow::Cow;

use crate::codes;
use crate::issue::{Param, Report, Segment};
use crate::json::Json;
use crate::options::{Mode, Options};
use crate::rules::{check_length, email, ip, java_trim, Fields, Read, Text};

/// Column length of names, email and login name.
const NAME_MAX: usize = 255;

const TYPES: &[&str] = &["SUPER", "INSTITUTE", "NONE", "CONTACT"];
const STATUSES: &[&str] = &["Active", "Locked", "Pending", "Disabled", "Closed", "Expired"];
const FLAGS: &[&str] = &["manageForms", "manageWfs", "managePrintJobs", "dnd", "downloadLabelsPrintFile"];
const FREE_TEXT: &[&str] = &["phoneNumber", "address", "timeZone", "defaultPrinter"];

/// Every key the server reads from the body.
const KNOWN: &[&str] = &[
    "id",
    "firstName",
    "lastName",
    "emailAddress",
    "loginName",
    "domainName",
    "instituteName",
    "primarySite",
    "type",
    "activityStatus",
    "apiUser",
    "ipRange",
    "manageForms",
    "manageWfs",
    "managePrintJobs",
    "dnd",
    "downloadLabelsPrintFile",
    "phoneNumber",
    "address",
    "timeZone",
    "defaultPrinter",
];
/// Keys a GET sends back, or that the server never checks: no warning.
const SILENT: &[&str] = &["opComments", "creationDate", "instituteId", "userId"];

/// The login the server reserves for itself in the `openspecimen` domain.
const SYSTEM_LOGIN: &str = "$system";
const DEFAULT_DOMAIN: &str = "openspecimen";

/// `Regular` (any case) is the UI's name for `NONE`.
fn type_alias(value: &str) -> Option<&'static str> {
    value.eq_ignore_ascii_case("Regular").then_some("NONE")
}

/// `Archived` is stored as `Closed`.
fn status_alias(value: &str) -> Option<&'static str> {
    (value == "Archived").then_some("Closed")
}

/// Checks an Update User body; returns the normalised body (when the report wants it).
pub fn check<'a>(members: &[(Cow<'a, str>, Json<'a>)], options: &Options, report: &mut Report) -> Option<Json<'a>> {
    let put = options.mode == Mode::Put;
    let mut fields = Fields::new(members, &[], !put);

    fields.integer("id", report);
    // A CONTACT user needs no login name or domain; only the payload's own type says so.
    let contact = matches!(fields.get("type"), Some(Json::String(name)) if java_trim(name) == "CONTACT");

    required_name(&mut fields, "firstName", codes::USER_FIRST_NAME_REQUIRED, put, report);
    required_name(&mut fields, "lastName", codes::USER_LAST_NAME_REQUIRED, put, report);
    check_email(&mut fields, put, report);

    let login = fields.bounded_text("loginName", NAME_MAX, report);
    if !contact && required(&login, put) {
        report.error(codes::USER_LOGIN_NAME_REQUIRED, fields.path("loginName"));
    }
    let domain = fields.text("domainName", report);
    if !contact && required(&domain, put) {
        report.error(codes::USER_DOMAIN_NAME_REQUIRED, fields.path("domainName"));
    }
    let domain_is_default = match &domain {
        Text::Value(name) => name == DEFAULT_DOMAIN,
        _ => contact,
    };
    if domain_is_default && login.value() == Some(SYSTEM_LOGIN) {
        report.error_with(
            codes::USER_SYS_LOGIN_NAME,
            fields.path("loginName"),
            vec![("loginName", SYSTEM_LOGIN.into())],
        );
    }

    let institute = fields.text("instituteName", report);
    if required(&institute, put) {
        report.error(codes::USER_INST_REQUIRED, fields.path("instituteName"));
    }
    fields.text("primarySite", report);
    warn_if_reset(&fields, "primarySite", put, report);

    let user_type = fields.enumerated("type", TYPES, type_alias, codes::USER_INVALID_TYPE, "type", report);
    warn_if_reset(&fields, "type", put, report);
    fields.enumerated("activityStatus", STATUSES, status_alias, codes::ACTIVITY_STATUS_INVALID, "status", report);
    warn_if_reset(&fields, "activityStatus", put, report);

    let api_user = fields.boolean("apiUser", report);
    let ip_range = fields.text("ipRange", report);
    if api_user == Read::Value(true) {
        match &ip_range {
            Text::Absent | Text::Blank => report.error(codes::USER_IP_REQ, fields.path("ipRange")),
            Text::Value(list) if !ip::is_valid_ip_range(list) => {
                report.error_with(
                    codes::USER_INVALID_IP,
                    fields.path("ipRange"),
                    vec![("ipRange", Param::Text(list.to_string()))],
                );
            }
            _ => {}
        }
    }

    for &flag in FLAGS {
        fields.boolean(flag, report);
    }
    // The server forces manageForms for every type but NONE, so only then does leaving it out reset it.
    if matches!(user_type, Read::Absent | Read::Blank | Read::Value("NONE")) {
        warn_if_reset(&fields, "manageForms", put, report);
    }
    for &key in FREE_TEXT {
        fields.text(key, report);
    }
    fields.finish(KNOWN, SILENT, report)
}

/// First and last name: required, at most 255 code points.
fn required_name(fields: &mut Fields<'_, '_>, key: &'static str, code: &'static str, put: bool, report: &mut Report) {
    let name = fields.bounded_text(key, NAME_MAX, report);
    if required(&name, put) {
        report.error(code, fields.path(key));
    }
}

/// The email address: blank or malformed is `USER_INVALID_EMAIL` (as on the server), then its length.
fn check_email(fields: &mut Fields<'_, '_>, put: bool, report: &mut Report) {
    match fields.text("emailAddress", report) {
        Text::Value(address) => {
            if !email::is_valid_email(&address) {
                report.error(codes::USER_INVALID_EMAIL, fields.path("emailAddress"));
            } else {
                check_length(report, fields.path("emailAddress"), &address, NAME_MAX);
            }
        }
        Text::Absent if !put => {}
        Text::Absent | Text::Blank => report.error(codes::USER_INVALID_EMAIL, fields.path("emailAddress")),
        Text::Invalid => {}
    }
}

/// Whether a required field is missing: absent from a full replacement, or sent blank.
fn required(text: &Text<'_>, put: bool) -> bool {
    match text {
        Text::Absent => put,
        Text::Blank => true,
        Text::Value(_) | Text::Invalid => false,
    }
}

/// `PUT_RESETS_FIELD` when a full replacement leaves out a field the server then resets.
pub fn warn_if_reset(fields: &Fields<'_, '_>, key: &'static str, put: bool, report: &mut Report) {
    if put && !fields.has(key) {
        let mut path = fields.base().to_vec();
        path.push(Segment::from(key));
        report.warning_with(codes::PUT_RESETS_FIELD, path, vec![("field", key.into())]);
    }
}
