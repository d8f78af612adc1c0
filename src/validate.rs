//! The entry points: a payload's text in, the result's JSON text out (messages are added by the JS
//! layer from its locale tables, so no message text lives here).

use std::borrow::Cow;

use crate::clock::Clock;
use crate::codes::{self, reason};
use crate::issue::{write_flat, Issue, Param, Path, Report, Segment, Severity};
use crate::json::{self, Document, Json, ParseError};
use crate::options::{Mode, Options};
use crate::rules::report_invalid;
use crate::{participant, registration, user};

/// Which request a payload is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `PUT /rest/ng/users/{id}`
    User,
    /// `PUT /rest/ng/participants/{id}` (servers before 5.0)
    Participant,
    /// `PUT /rest/ng/collection-protocol-registrations/{id}` (5.0 on)
    Registration,
}

impl Kind {
    pub fn from_code(code: u8) -> Option<Kind> {
        match code {
            0 => Some(Kind::User),
            1 => Some(Kind::Participant),
            2 => Some(Kind::Registration),
            _ => None,
        }
    }
}

/// What one validation found.
#[derive(Debug)]
pub struct Outcome<'a> {
    pub issues: Vec<Issue>,
    /// Whether no issue is an error.
    pub valid: bool,
    /// The normalised payload, when valid (and asked for: see [`Validator::validate_text_with`]).
    pub value: Option<Json<'a>>,
    /// Whether the normalised payload differs from the text sent (when not, the text is the value).
    pub value_changed: bool,
}

impl Outcome<'_> {
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// Whether the payload is valid, has no issue and needs no normalising: the common case on every
    /// keystroke, answered with nothing to copy back.
    fn is_clean(&self) -> bool {
        self.is_valid() && !self.value_changed && self.issues.is_empty()
    }

    /// `{"valid":…,"issues":[…],"value":…}`: the readable form, for Rust callers.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256);
        out.push_str(if self.is_valid() { "{\"valid\":true,\"issues\":" } else { "{\"valid\":false,\"issues\":" });
        crate::issue::write_issues(&self.issues, &mut out);
        out.push_str(",\"value\":");
        match &self.value {
            Some(value) => json::write(value, &mut out),
            None => out.push_str("null"),
        }
        out.push('}');
        out
    }

    /// The result as the JS layer reads it: `""` when [clean](Outcome::is_clean); else the line
    /// [`write_flat`] writes, followed, when the payload is valid and its normalised value differs, by
    /// a newline and that value (if it was built). The line holds no raw newline: JSON escapes it.
    pub fn to_js(&self) -> String {
        if self.is_clean() {
            return String::new();
        }
        let mut out = String::with_capacity(256);
        write_flat(self.is_valid(), &self.issues, &mut out);
        out.push(']');
        if self.is_valid() && self.value_changed {
            out.push('\n');
            if let Some(value) = &self.value {
                json::write(value, &mut out);
            }
        }
        out
    }

    /// One entry of a batch result: `0` when clean, else the [`write_flat`] list, with one more
    /// element when the payload is valid and its normalised value differs: the value, or `null` when
    /// it was not built (a valid payload's value is an object, never `null`).
    fn write_batch_entry(&self, out: &mut String) {
        if self.is_clean() {
            out.push('0');
            return;
        }
        write_flat(self.is_valid(), &self.issues, out);
        if self.is_valid() && self.value_changed {
            out.push(',');
            match &self.value {
                Some(value) => json::write(value, out),
                None => out.push_str("null"),
            }
        }
        out.push(']');
    }
}

/// Validates payloads under one set of options.
#[derive(Debug, Clone, Default)]
pub struct Validator {
    pub options: Options,
}

impl Validator {
    pub fn new(options: Options) -> Self {
        Validator { options }
    }

    /// Validates a payload given as JSON text; the answer ([`Outcome::to_js`]) holds the normalised
    /// value when it changed.
    pub fn validate_text(&self, kind: Kind, text: &str, clock: &dyn Clock) -> String {
        self.validate_text_with(kind, text, true, clock)
    }

    /// [`Validator::validate_text`], building the normalised value only when `with_value`: without
    /// it, a changed value is announced by an empty line and asked for again when read. A form checks
    /// on every keystroke and reads the value on submit; building and writing the value was a third
    /// of the work of a valid call.
    pub fn validate_text_with(&self, kind: Kind, text: &str, with_value: bool, clock: &dyn Clock) -> String {
        self.answer(kind, json::parse(text), with_value, clock)
    }

    /// [`Validator::validate_text_with`] of UTF-8 bytes (bytes that are not UTF-8 are not JSON).
    pub fn validate_utf8(&self, kind: Kind, bytes: &[u8], with_value: bool, clock: &dyn Clock) -> String {
        self.answer(kind, json::parse_utf8(bytes), with_value, clock)
    }

    /// [`Validator::validate_many_text_with`] of UTF-8 bytes.
    pub fn validate_many_utf8(&self, kind: Kind, bytes: &[u8], with_value: bool, clock: &dyn Clock) -> String {
        self.answer_many(kind, json::parse_utf8(bytes), with_value, clock)
    }

    /// [`Outcome::to_js`] of a parsed payload, or of why it could not be read.
    fn answer(
        &self,
        kind: Kind,
        parsed: Result<Document<'_>, ParseError>,
        with_value: bool,
        clock: &dyn Clock,
    ) -> String {
        match parsed {
            Ok(document) => {
                let report = Report { skip_value: !with_value, ..Report::default() };
                self.check_in(kind, &document, clock, report).to_js()
            }
            Err(error) => unreadable(error).to_js(),
        }
    }

    /// Validates a JSON list of payloads in one call (one copy across the boundary for the whole
    /// batch). Returns a JSON list with one entry per payload (see [`Outcome::write_batch_entry`]). A
    /// text that is not a list is validated as one payload, in a list of one.
    pub fn validate_many_text(&self, kind: Kind, text: &str, clock: &dyn Clock) -> String {
        self.validate_many_text_with(kind, text, true, clock)
    }

    /// [`Validator::validate_many_text`], building changed values only `with_value`.
    pub fn validate_many_text_with(&self, kind: Kind, text: &str, with_value: bool, clock: &dyn Clock) -> String {
        self.answer_many(kind, json::parse(text), with_value, clock)
    }

    /// The batch answer of a parsed list of payloads, or of why it could not be read.
    fn answer_many(
        &self,
        kind: Kind,
        parsed: Result<Document<'_>, ParseError>,
        with_value: bool,
        clock: &dyn Clock,
    ) -> String {
        let report = || Report { skip_value: !with_value, ..Report::default() };
        let mut out = String::from("[");
        match parsed {
            Err(error) => unreadable(error).write_batch_entry(&mut out),
            Ok(Document { root: Json::Array(items), too_deep, has_unsupported }) => {
                out.reserve(items.len() * 2);
                for (index, root) in items.into_iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    let single = Document { root, too_deep, has_unsupported };
                    self.check_in(kind, &single, clock, report()).write_batch_entry(&mut out);
                }
            }
            Ok(document) => self.check_in(kind, &document, clock, report()).write_batch_entry(&mut out),
        }
        out.push(']');
        out
    }

    /// Validates a parsed payload.
    pub fn check<'a>(&self, kind: Kind, document: &Document<'a>, clock: &dyn Clock) -> Outcome<'a> {
        self.check_in(kind, document, clock, Report::default())
    }

    /// Validates a parsed payload into `report` (which may keep only one field's issues).
    fn check_in<'a>(&self, kind: Kind, document: &Document<'a>, clock: &dyn Clock, mut report: Report) -> Outcome<'a> {
        let value = match &document.root {
            Json::Object(members) => match kind {
                Kind::User => user::check(members, &self.options, &mut report),
                Kind::Participant => participant::check(
                    members,
                    &[],
                    &self.options,
                    self.options.mode == Mode::Patch,
                    clock,
                    &mut report,
                ),
                Kind::Registration => registration::check(members, &self.options, clock, &mut report),
            },
            other => {
                report_invalid(&mut report, Vec::new(), other, reason::NOT_OBJECT);
                None
            }
        };
        if document.too_deep {
            report_too_deep(&document.root, &mut report);
        }
        let valid = !report.has_errors();
        let value = if report.wants_value() { value } else { None };
        let value_changed = report.value_changed || document.has_unsupported;
        Outcome { issues: report.issues, valid, value, value_changed }
    }

    /// The issues of one field: `value` replaces the field's value in `payload` (or in an empty
    /// payload), the whole payload is checked, so cross-field rules see the rest, and only the issues at
    /// or under `path` are kept. Returns them in the [`write_flat`] form (its verdict: no error).
    pub fn validate_field_text(&self, kind: Kind, path: &str, value: &str, payload: &str, clock: &dyn Clock) -> String {
        let issues = match self.field_issues(kind, path, value, payload, clock) {
            Ok(issues) => issues,
            Err(error) => unreadable(error).issues,
        };
        let mut out = String::new();
        write_flat(!issues.iter().any(|issue| issue.severity == Severity::Error), &issues, &mut out);
        out.push(']');
        out
    }

    fn field_issues(
        &self,
        kind: Kind,
        path: &str,
        value: &str,
        payload: &str,
        clock: &dyn Clock,
    ) -> Result<Vec<Issue>, ParseError> {
        let Some(target) = parse_field_path(path) else {
            return Ok(vec![Issue {
                code: codes::INVALID_REQUEST,
                path: Vec::new(),
                severity: Severity::Error,
                params: vec![("reason", "badPath".into()), ("path", path.into())],
            }]);
        };
        let value_document = json::parse(value)?;
        let mut document = if payload.is_empty() {
            Document { root: Json::Object(Vec::new()), too_deep: false, has_unsupported: false }
        } else {
            json::parse(payload)?
        };
        // The `null`s that fill a list up to the path's index count against the text limit, as the text
        // `null,` each: `pmis[999999]` on an empty payload must not allocate a million values.
        let length = payload.len() + value.len() + gap_to(&document.root, &target).saturating_mul("null,".len());
        if length > json::MAX_TEXT_BYTES {
            let mut outcome = unreadable(ParseError::TooLarge);
            outcome.issues[0].params.push(("length", length.into()));
            return Ok(outcome.issues);
        }
        document.too_deep |= value_document.too_deep;
        set_at(&mut document.root, &target, value_document.root);
        Ok(self.check_in(kind, &document, clock, Report::scoped(target)).issues)
    }
}

/// The result for a text that is not JSON or too large.
fn unreadable(error: ParseError) -> Outcome<'static> {
    let why = match error {
        ParseError::Syntax => reason::NOT_JSON,
        ParseError::TooLarge => reason::TOO_LARGE,
    };
    let mut params = vec![("reason", Param::Text(why.to_owned()))];
    if error == ParseError::TooLarge {
        params.push(("max", json::MAX_TEXT_BYTES.into()));
    }
    let issue = Issue { code: codes::INVALID_REQUEST, path: Vec::new(), severity: Severity::Error, params };
    Outcome { issues: vec![issue], valid: false, value: None, value_changed: false }
}

/// Reports the first value nested too deeply, unless its field already has an error.
fn report_too_deep(root: &Json<'_>, report: &mut Report) {
    let mut path: Path = Vec::new();
    let mut node = root;
    loop {
        let next = match node {
            Json::Object(members) => members
                .iter()
                .enumerate()
                .find(|(_, (_, value))| contains_too_deep(value))
                .map(|(_, (key, value))| (Segment::Key(Cow::Owned(key.to_string())), value)),
            Json::Array(items) => items
                .iter()
                .enumerate()
                .find(|(_, value)| contains_too_deep(value))
                .map(|(index, value)| (Segment::Index(index), value)),
            _ => None,
        };
        let Some((segment, value)) = next else { break };
        path.push(segment);
        node = value;
    }
    if !matches!(node, Json::TooDeep(_)) {
        return; // in a batch, the deep value may be in another payload
    }
    let already = report.issues.iter().any(|issue| issue.severity == Severity::Error && path.starts_with(&issue.path));
    if !already {
        report_invalid(report, path, node, reason::TOO_DEEP);
    }
}

/// Whether a value is, or holds, a too-deep value. The depth is bounded by the parser's limit.
fn contains_too_deep(value: &Json<'_>) -> bool {
    match value {
        Json::TooDeep(_) => true,
        Json::Object(members) => members.iter().any(|(_, value)| contains_too_deep(value)),
        Json::Array(items) => items.iter().any(contains_too_deep),
        _ => false,
    }
}

/// Reads a form field name: `firstName`, `pmis[1].siteName`, `participant.races[0]`. A path deeper than
/// [`json::MAX_DEPTH`] is no field of a payload (and would make the check recurse without bound).
pub fn parse_field_path(path: &str) -> Option<Path> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (part.get(..at)?, part.get(at..)?),
            None => (part, ""),
        };
        if key.is_empty() && (segments.is_empty() || rest.is_empty()) {
            return None;
        }
        if !key.is_empty() {
            segments.push(Segment::Key(Cow::Owned(key.to_owned())));
            if segments.len() > json::MAX_DEPTH {
                return None;
            }
        }
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let index = rest.get(1..close)?;
            if index.is_empty() || index.len() > 6 || !index.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            segments.push(Segment::Index(index.parse().ok()?));
            if segments.len() > json::MAX_DEPTH {
                return None;
            }
            rest = rest.get(close + 1..)?;
            if !rest.is_empty() && !rest.starts_with('[') {
                return None;
            }
        }
    }
    (!segments.is_empty()).then_some(segments)
}

/// How many `null`s [`set_at`] adds to fill lists up to the indexes of `path`.
fn gap_to(root: &Json<'_>, path: &[Segment]) -> usize {
    let mut gap = 0usize;
    let mut node = Some(root);
    for segment in path {
        node = match (segment, node) {
            (Segment::Key(key), Some(Json::Object(members))) => {
                members.iter().rev().find(|(name, _)| name == key).map(|(_, value)| value)
            }
            (Segment::Index(index), Some(Json::Array(items))) if *index < items.len() => Some(&items[*index]),
            (Segment::Index(index), Some(Json::Array(items))) => {
                gap = gap.saturating_add(index - items.len());
                None
            }
            (Segment::Index(index), _) => {
                gap = gap.saturating_add(*index);
                None
            }
            (Segment::Key(_), _) => None,
        };
    }
    gap
}

/// Puts `value` at `path`, creating the objects and lists on the way (list gaps are `null`).
fn set_at<'a>(root: &mut Json<'a>, path: &[Segment], value: Json<'a>) {
    let Some((first, rest)) = path.split_first() else {
        *root = value;
        return;
    };
    let slot: &mut Json<'a> = match first {
        Segment::Key(key) => {
            if !matches!(root, Json::Object(_)) {
                *root = Json::Object(Vec::new());
            }
            let Json::Object(members) = root else { return };
            let position = match members.iter().rposition(|(name, _)| name == key) {
                Some(position) => position,
                None => {
                    members.push((Cow::Owned(key.to_string()), Json::Null));
                    members.len() - 1
                }
            };
            &mut members[position].1
        }
        Segment::Index(index) => {
            if !matches!(root, Json::Array(_)) {
                *root = Json::Array(Vec::new());
            }
            let Json::Array(items) = root else { return };
            if items.len() <= *index {
                items.resize(index + 1, Json::Null);
            }
            &mut items[*index]
        }
    };
    set_at(slot, rest, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_field_paths() {
        let path = parse_field_path("participant.pmis[1].siteName").unwrap();
        assert_eq!(path, vec!["participant".into(), "pmis".into(), 1.into(), "siteName".into()]);
        assert_eq!(parse_field_path("races[0]").unwrap(), vec!["races".into(), 0.into()]);
        for bad in ["", ".", "a..b", "[0]", "a[", "a[x]", "a[1]b", "a[]", "a[9999999]"] {
            assert_eq!(parse_field_path(bad), None, "{bad}");
        }
        let deepest = vec!["a"; json::MAX_DEPTH].join(".");
        assert_eq!(parse_field_path(&deepest).map(|path| path.len()), Some(json::MAX_DEPTH));
        assert_eq!(parse_field_path(&format!("{deepest}.a")), None);
        assert_eq!(parse_field_path(&format!("{deepest}[0]")), None);
    }

    #[test]
    fn counts_the_gaps_a_path_fills() {
        let root = json::parse(r#"{"pmis":[{"mrn":"1"},{}],"races":"x"}"#).unwrap().root;
        let gap = |path: &str| gap_to(&root, &parse_field_path(path).unwrap());
        assert_eq!(gap("pmis[1].mrn"), 0);
        assert_eq!(gap("pmis[2].mrn"), 0, "the next row: no gap");
        assert_eq!(gap("pmis[5]"), 3);
        assert_eq!(gap("races[3]"), 3, "a string becomes a list");
        assert_eq!(gap("x[2][3].y[4]"), 9);
    }
}
