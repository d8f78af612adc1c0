//! Issues: what the validator reports, and how a run collects them.

use std::borrow::Cow;

use crate::json::{write_string, write_string_body};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One step of a path: an object key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(Cow<'static, str>),
    Index(usize),
}

impl From<&'static str> for Segment {
    fn from(key: &'static str) -> Self {
        Segment::Key(Cow::Borrowed(key))
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Segment::Index(index)
    }
}

pub type Path = Vec<Segment>;

/// A value a message uses (`{max}`, `{field}`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Text(String),
    Number(i64),
}

impl From<&str> for Param {
    fn from(text: &str) -> Self {
        Param::Text(text.to_owned())
    }
}

impl From<usize> for Param {
    fn from(number: usize) -> Self {
        Param::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The server's code (or one of the validator's own, see `codes`).
    pub code: &'static str,
    pub path: Path,
    pub severity: Severity,
    pub params: Vec<(&'static str, Param)>,
}

impl Issue {
    /// The path as a form field name: `participant.pmis[1].siteName`.
    pub fn field(&self) -> String {
        let mut field = String::new();
        write_field(&self.path, &mut field);
        field
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(key, _)| *key == name).map(|(_, value)| value)
    }
}

fn write_field(path: &[Segment], out: &mut String) {
    write_field_with(path, out, |key, out| out.push_str(key));
}

/// The field name as a JSON string literal, written in place (no `String` per issue).
fn write_field_json(path: &[Segment], out: &mut String) {
    out.push('"');
    write_field_with(path, out, write_string_body);
    out.push('"');
}

fn write_field_with(path: &[Segment], out: &mut String, write_key: fn(&str, &mut String)) {
    for (step, segment) in path.iter().enumerate() {
        match segment {
            Segment::Key(key) => {
                if step > 0 {
                    out.push('.');
                }
                write_key(key, out);
            }
            Segment::Index(index) => {
                out.push('[');
                push_number(*index as i64, out);
                out.push(']');
            }
        }
    }
}

/// Decimal text of an integer without `core::fmt` (kept out of the WASM build for size).
pub fn push_number(number: i64, out: &mut String) {
    if number < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut rest = number.unsigned_abs();
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in digits.iter().skip(start) {
        out.push(digit as char);
    }
}

/// The issues of one run, in the order the fields are checked.
#[derive(Debug, Default)]
pub struct Report {
    pub issues: Vec<Issue>,
    /// Whether the normalised value differs from the payload as sent (when it does not, the JS layer
    /// reuses the payload's own text and nothing more crosses the boundary).
    pub value_changed: bool,
    /// Only issues at or under this path are kept (`validateField` asks for one field's issues);
    /// empty keeps every issue. A scoped run builds no normalised value.
    pub scope: Path,
    /// Whether to leave the normalised value unbuilt (`value_changed` is still found).
    pub skip_value: bool,
}

impl Report {
    /// A report that keeps only the issues at or under `scope`.
    pub fn scoped(scope: Path) -> Self {
        Report { scope, ..Report::default() }
    }

    /// A report for issues that go into this one later (to keep the field order): the same scope.
    pub fn aside(&self) -> Self {
        Report::scoped(self.scope.clone())
    }

    pub fn add(&mut self, code: &'static str, path: Path, severity: Severity, params: Vec<(&'static str, Param)>) {
        if path.starts_with(&self.scope) {
            self.issues.push(Issue { code, path, severity, params });
        }
    }

    /// Whether the normalised value will be used: not when skipped, nor once an error is reported
    /// (the result has no value then), nor in a scoped run, so building it can be skipped.
    pub fn wants_value(&self) -> bool {
        !self.skip_value && self.scope.is_empty() && !self.has_errors()
    }

    pub fn error(&mut self, code: &'static str, path: Path) {
        self.add(code, path, Severity::Error, Vec::new());
    }

    pub fn error_with(&mut self, code: &'static str, path: Path, params: Vec<(&'static str, Param)>) {
        self.add(code, path, Severity::Error, params);
    }

    pub fn warning_with(&mut self, code: &'static str, path: Path, params: Vec<(&'static str, Param)>) {
        self.add(code, path, Severity::Warning, params);
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|issue| issue.severity == Severity::Error)
    }

    /// Whether an issue already sits at `path` or below it.
    pub fn has_issue_under(&self, path: &[Segment]) -> bool {
        self.issues.iter().any(|issue| issue.path.starts_with(path))
    }
}

/// Writes issues as a JSON array of objects: `[{"code":…,"path":[…],"field":…,"severity":…,"params":{…}}]`
/// (`params` only when there are some). The readable form, for Rust callers.
pub fn write_issues(issues: &[Issue], out: &mut String) {
    out.push('[');
    for (index, issue) in issues.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":\"");
        out.push_str(issue.code);
        out.push_str("\",\"path\":");
        write_path(&issue.path, out);
        out.push_str(",\"field\":");
        write_string(&issue.field(), out);
        out.push_str(",\"severity\":\"");
        out.push_str(issue.severity.as_str());
        out.push('"');
        if !issue.params.is_empty() {
            out.push_str(",\"params\":");
            write_params(&issue.params, out);
        }
        out.push('}');
    }
    out.push(']');
}

/// Writes the verdict and issues in the flat form the JS layer reads (it adds the messages, from the
/// locale): `[valid, code, path, field, severity, params, code, …` with `valid` and `severity` as 1 or
/// 0 (1: valid, error) and `params` an object or 0, five values per issue. The list is left open:
/// the caller may append a value, then closes it. JS parses a flat list of scalars about 40 % faster
/// than a list of objects.
pub fn write_flat(valid: bool, issues: &[Issue], out: &mut String) {
    out.push_str(if valid { "[1" } else { "[0" });
    for issue in issues {
        out.push_str(",\"");
        out.push_str(issue.code);
        out.push_str("\",");
        write_path(&issue.path, out);
        out.push(',');
        write_field_json(&issue.path, out);
        out.push_str(if issue.severity == Severity::Error { ",1," } else { ",0," });
        if issue.params.is_empty() {
            out.push('0');
        } else {
            write_params(&issue.params, out);
        }
    }
}

fn write_path(path: &[Segment], out: &mut String) {
    out.push('[');
    for (step, segment) in path.iter().enumerate() {
        if step > 0 {
            out.push(',');
        }
        match segment {
            Segment::Key(key) => write_string(key, out),
            Segment::Index(index) => push_number(*index as i64, out),
        }
    }
    out.push(']');
}

fn write_params(params: &[(&'static str, Param)], out: &mut String) {
    out.push('{');
    for (position, (name, value)) in params.iter().enumerate() {
        if position > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(name);
        out.push_str("\":");
        match value {
            Param::Text(text) => write_string(text, out),
            Param::Number(number) => push_number(*number, out),
        }
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_read_like_form_fields() {
        let issue = Issue {
            code: "SITE_NOT_FOUND",
            path: vec!["participant".into(), "pmis".into(), 1.into(), "siteName".into()],
            severity: Severity::Error,
            params: vec![],
        };
        assert_eq!(issue.field(), "participant.pmis[1].siteName");
    }

    #[test]
    fn writes_issue_json() {
        let issues = [Issue {
            code: "FIELD_TOO_LONG",
            path: vec!["pmis".into(), 0.into(), "mrn".into()],
            severity: Severity::Error,
            params: vec![("max", Param::Number(255)), ("field", "a\"b".into())],
        }];
        let mut out = String::new();
        write_issues(&issues, &mut out);
        assert_eq!(
            out,
            r#"[{"code":"FIELD_TOO_LONG","path":["pmis",0,"mrn"],"field":"pmis[0].mrn","severity":"error","params":{"max":255,"field":"a\"b"}}]"#
        );
    }

    #[test]
    fn writes_the_flat_form() {
        let issues = [
            Issue { code: "USER_IP_REQ", path: vec!["ipRange".into()], severity: Severity::Error, params: vec![] },
            Issue {
                code: "UNKNOWN_FIELD",
                path: vec!["pmis".into(), 1.into(), "x\"y".into()],
                severity: Severity::Warning,
                params: vec![("field", "x\"y".into())],
            },
        ];
        let mut out = String::new();
        write_flat(false, &issues, &mut out);
        out.push(']');
        assert_eq!(
            out,
            r#"[0,"USER_IP_REQ",["ipRange"],"ipRange",1,0,"UNKNOWN_FIELD",["pmis",1,"x\"y"],"pmis[1].x\"y",0,{"field":"x\"y"}]"#
        );
        assert_eq!(issues[1].field(), "pmis[1].x\"y", "the field name itself is not escaped");
    }

    #[test]
    fn numbers_without_fmt() {
        for number in [0i64, 7, -7, 1234567890, i64::MIN, i64::MAX] {
            let mut out = String::new();
            push_number(number, &mut out);
            assert_eq!(out, number.to_string());
        }
    }
}
