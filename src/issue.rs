//! Issues: what the validator reports, and how a run collects them.

use std::borrow::Cow;

use crate::json::write_string;

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
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
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
}

impl Report {
    pub fn add(&mut self, code: &'static str, path: Path, severity: Severity, params: Vec<(&'static str, Param)>) {
        self.issues.push(Issue { code, path, severity, params });
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

/// Writes issues as the JSON array the JS layer reads (messages are added there, from the locale).
pub fn write_issues(issues: &[Issue], out: &mut String) {
    out.push('[');
    for (index, issue) in issues.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":\"");
        out.push_str(issue.code);
        out.push_str("\",\"path\":[");
        for (step, segment) in issue.path.iter().enumerate() {
            if step > 0 {
                out.push(',');
            }
            match segment {
                Segment::Key(key) => write_string(key, out),
                Segment::Index(index) => push_number(*index as i64, out),
            }
        }
        out.push_str("],\"field\":");
        write_string(&issue.field(), out);
        out.push_str(",\"severity\":\"");
        out.push_str(issue.severity.as_str());
        out.push('"');
        if !issue.params.is_empty() {
            out.push_str(",\"params\":{");
            for (position, (name, value)) in issue.params.iter().enumerate() {
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
        out.push('}');
    }
    out.push(']');
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
    fn numbers_without_fmt() {
        for number in [0i64, 7, -7, 1234567890, i64::MIN, i64::MAX] {
            let mut out = String::new();
            push_number(number, &mut out);
            assert_eq!(out, number.to_string());
        }
    }
}
