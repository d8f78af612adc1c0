//! Options: parsed and checked once (`createValidator`), then shared by every call.

use crate::json::{self, Json};
use crate::rules::pattern::{Pattern, PatternError};
use crate::rules::permissible::{PermissibleValues, PvAttribute, PvList};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A full replacement: required fields are checked whether present or not.
    #[default]
    Put,
    /// Only the keys present are checked.
    Patch,
}

/// A server version compared numerically by parts (`"4"` = `"4.0"`, `"5.0.1"` ≥ `"5.0"`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServerVersion {
    /// `None` is the newest version.
    parts: Option<Vec<u32>>,
}

impl ServerVersion {
    pub fn newest() -> Self {
        ServerVersion { parts: None }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = Vec::new();
        for part in text.trim().split('.') {
            if part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            parts.push(part.parse().ok()?);
        }
        Some(ServerVersion { parts: Some(parts) })
    }

    /// Whether this version is `major.minor` or later.
    pub fn at_least(&self, major: u32, minor: u32) -> bool {
        let Some(parts) = &self.parts else {
            return true;
        };
        let have = (parts.first().copied().unwrap_or(0), parts.get(1).copied().unwrap_or(0));
        have >= (major, minor)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub uid_pattern: Option<Pattern>,
    pub uid_mandatory: bool,
    pub mpi_pattern: Option<Pattern>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub mode: Mode,
    pub server_version: ServerVersion,
    pub permissible_values: PermissibleValues,
    pub settings: Settings,
}

/// A bad option. The message names the option, as the JS `TypeError` shows it.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OptionsError {
    #[error("options must be an object")]
    NotObject,
    #[error("options.mode must be 'put' or 'patch'")]
    Mode,
    #[error("options.serverVersion must be a version such as '4.1' or '11.2'")]
    ServerVersion,
    #[error("options.permissibleValues must be an object of lists keyed by gender, race, ethnicity, vital_status or genotype")]
    PermissibleValues,
    #[error("options.permissibleValues.{0} is not an attribute the validator checks; use gender, race, ethnicity, vital_status or genotype")]
    PvAttribute(String),
    #[error("options.permissibleValues.{0} must be a list of strings or {{ value, props }} items")]
    PvList(&'static str),
    #[error("options.settings must be an object")]
    Settings,
    #[error("options.settings.{0} must be a string")]
    PatternType(&'static str),
    #[error("options.settings.{0} is not a valid pattern: {1}")]
    Pattern(&'static str, PatternError),
    #[error("options.settings.uidMandatory must be true or false")]
    UidMandatory,
}

impl Options {
    /// Reads the options the JS layer passes as JSON (`mode`, `serverVersion`, `permissibleValues`,
    /// `settings`; the JS layer handles the others).
    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        let document = json::parse(text).map_err(|_| OptionsError::NotObject)?;
        let members = document.root.as_object().ok_or(OptionsError::NotObject)?;
        let mut options = Options::default();
        for (key, value) in members {
            match (key.as_ref(), value) {
                (_, Json::Null) => {}
                ("mode", Json::String(mode)) if mode == "put" => options.mode = Mode::Put,
                ("mode", Json::String(mode)) if mode == "patch" => options.mode = Mode::Patch,
                ("mode", _) => return Err(OptionsError::Mode),
                ("serverVersion", Json::String(text)) => {
                    options.server_version = ServerVersion::parse(text).ok_or(OptionsError::ServerVersion)?;
                }
                ("serverVersion", Json::Number(text)) => {
                    options.server_version = ServerVersion::parse(text).ok_or(OptionsError::ServerVersion)?;
                }
                ("serverVersion", _) => return Err(OptionsError::ServerVersion),
                ("permissibleValues", lists) => read_permissible_values(lists, &mut options.permissible_values)?,
                ("settings", settings) => options.settings = read_settings(settings)?,
                _ => {}
            }
        }
        Ok(options)
    }
}

fn read_permissible_values(lists: &Json<'_>, into: &mut PermissibleValues) -> Result<(), OptionsError> {
    let members = lists.as_object().ok_or(OptionsError::PermissibleValues)?;
    for (key, list) in members {
        let attribute = PvAttribute::from_name(key).ok_or_else(|| OptionsError::PvAttribute(key.to_string()))?;
        if matches!(list, Json::Null) {
            continue;
        }
        let error = || OptionsError::PvList(attribute.name());
        let Json::Array(items) = list else {
            return Err(error());
        };
        let mut values = PvList::default();
        for item in items {
            match item {
                Json::String(value) => values.push_plain(value.trim()),
                Json::Object(_) => {
                    let Some(Json::String(value)) = item.get("value") else {
                        return Err(error());
                    };
                    let dead = match item.get("props") {
                        None | Some(Json::Null) => false,
                        Some(props @ Json::Object(_)) => {
                            matches!(props.get("dead"), Some(Json::String(flag)) if flag == "true")
                        }
                        Some(_) => return Err(error()),
                    };
                    values.push(value.trim(), dead);
                }
                _ => return Err(error()),
            }
        }
        into.replace(attribute, values);
    }
    Ok(())
}

fn read_settings(settings: &Json<'_>) -> Result<Settings, OptionsError> {
    let mut read = Settings::default();
    let members = match settings {
        Json::Null => return Ok(read),
        other => other.as_object().ok_or(OptionsError::Settings)?,
    };
    for (key, value) in members {
        match key.as_ref() {
            "uidPattern" => read.uid_pattern = read_pattern("uidPattern", value)?,
            "mpiPattern" => read.mpi_pattern = read_pattern("mpiPattern", value)?,
            "uidMandatory" => {
                read.uid_mandatory = match value {
                    Json::Bool(flag) => *flag,
                    Json::Null => false,
                    Json::String(flag) if flag == "true" => true,
                    Json::String(flag) if flag == "false" => false,
                    _ => return Err(OptionsError::UidMandatory),
                }
            }
            _ => {}
        }
    }
    Ok(read)
}

/// A blank pattern means "no check", as on the server.
fn read_pattern(setting: &'static str, value: &Json<'_>) -> Result<Option<Pattern>, OptionsError> {
    match value {
        Json::Null => Ok(None),
        Json::String(source) if source.trim().is_empty() => Ok(None),
        Json::String(source) => {
            Pattern::compile(source).map(Some).map_err(|error| OptionsError::Pattern(setting, error))
        }
        _ => Err(OptionsError::PatternType(setting)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_parts() {
        let v = |text| ServerVersion::parse(text).unwrap();
        assert!(v("4").at_least(4, 0));
        assert!(v("4.0").at_least(4, 0));
        assert!(v("5.0.1").at_least(5, 0));
        assert!(!v("3.6").at_least(4, 0));
        assert!(v("11.2").at_least(5, 0));
        assert!(ServerVersion::newest().at_least(99, 0));
        assert_eq!(ServerVersion::parse("4.x"), None);
        assert_eq!(ServerVersion::parse(""), None);
    }

    #[test]
    fn bad_options_name_the_option() {
        let message = |text: &str| Options::from_json(text).unwrap_err().to_string();
        assert_eq!(message(r#"{"mode":"post"}"#), "options.mode must be 'put' or 'patch'");
        assert!(message(r#"{"serverVersion":"five"}"#).starts_with("options.serverVersion"));
        assert!(message(r#"{"permissibleValues":{"gender":"Male"}}"#).starts_with("options.permissibleValues.gender"));
        assert!(message(r#"{"permissibleValues":{"colour":[]}}"#).starts_with("options.permissibleValues.colour"));
        assert!(message(r#"{"settings":{"uidPattern":"("}}"#).starts_with("options.settings.uidPattern"));
        assert!(message(r#"{"settings":{"uidMandatory":1}}"#).starts_with("options.settings.uidMandatory"));
        assert_eq!(message("[]"), "options must be an object");
    }

    #[test]
    fn reads_server_shaped_lists() {
        let options = Options::from_json(
            r#"{"permissibleValues":{"vital_status":[{"value":"Alive"},{"value":"Deceased","props":{"dead":"true"}},"Dead"]}}"#,
        )
        .unwrap();
        let list = options.permissible_values.get(PvAttribute::VitalStatus);
        assert_eq!(list.find("Deceased"), Some(true));
        assert_eq!(list.find("Alive"), Some(false));
        assert_eq!(list.find("Dead"), Some(true), "a plain string Dead is dead");
        assert_eq!(list.find("Unknown"), None, "the given list replaces the default one");
    }
}
