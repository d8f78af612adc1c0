//! Permissible values: the lists gender, race, ethnicity, vital status and genotype are checked against.
//! Matching is exact and case-sensitive, as on the server's case-sensitive databases.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PvAttribute {
    Gender,
    Race,
    Ethnicity,
    VitalStatus,
    Genotype,
}

impl PvAttribute {
    /// The attribute name of `GET /rest/ng/permissible-values?attribute=…`.
    pub fn name(self) -> &'static str {
        match self {
            PvAttribute::Gender => "gender",
            PvAttribute::Race => "race",
            PvAttribute::Ethnicity => "ethnicity",
            PvAttribute::VitalStatus => "vital_status",
            PvAttribute::Genotype => "genotype",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Gender, Self::Race, Self::Ethnicity, Self::VitalStatus, Self::Genotype]
            .into_iter()
            .find(|attribute| attribute.name() == name)
    }
}

/// One attribute's values, each with whether it means "dead" (only vital statuses use that).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PvList {
    values: Vec<(String, bool)>,
}

impl PvList {
    fn of(values: &[&str]) -> Self {
        let mut list = PvList::default();
        for value in values {
            list.push_plain(value);
        }
        list
    }

    /// A plain string item: `Dead` is the dead value (spec: Configuration).
    pub fn push_plain(&mut self, value: &str) {
        self.push(value, value == "Dead");
    }

    /// An item in the server's `{value, props}` shape: dead only when `props.dead === "true"`.
    pub fn push(&mut self, value: &str, dead: bool) {
        self.values.push((value.to_owned(), dead));
    }

    /// `Some(dead)` when `value` is in the list.
    pub fn find(&self, value: &str) -> Option<bool> {
        self.values.iter().find(|(known, _)| known == value).map(|(_, dead)| *dead)
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|(value, _)| value.as_str())
    }
}

/// The lists in force: the REST documentation's defaults, each replaced by `options.permissibleValues`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissibleValues {
    gender: PvList,
    race: PvList,
    ethnicity: PvList,
    vital_status: PvList,
    genotype: PvList,
}

impl Default for PermissibleValues {
    /// The defaults of `shared/spec/permissible-values.json` (a test keeps the two in step).
    fn default() -> Self {
        PermissibleValues {
            gender: PvList::of(&["Male Gender", "Female Gender", "Unknown", "Unspecified"]),
            race: PvList::of(&[
                "American Indian or Alaska Native",
                "Asian",
                "Black or African American",
                "Native Hawaiian or other Pacific Islander",
                "Not Reported",
                "Unknown",
                "White",
            ]),
            ethnicity: PvList::of(&["Hispanic or Latino", "Not Hispanic or Latino", "Not Reported", "Unknown"]),
            vital_status: PvList::of(&["Alive", "Dead", "Unknown", "Unspecified"]),
            genotype: PvList::of(&[
                "XX Genotype",
                "XY Genotype",
                "XXX",
                "Klinefelter’s Syndrome",
                "XXXY syndrome",
                "XXYY syndrome",
                "Mosaic including XXXXY",
                "Penta X syndrome",
            ]),
        }
    }
}

impl PermissibleValues {
    pub fn get(&self, attribute: PvAttribute) -> &PvList {
        match attribute {
            PvAttribute::Gender => &self.gender,
            PvAttribute::Race => &self.race,
            PvAttribute::Ethnicity => &self.ethnicity,
            PvAttribute::VitalStatus => &self.vital_status,
            PvAttribute::Genotype => &self.genotype,
        }
    }

    pub fn replace(&mut self, attribute: PvAttribute, list: PvList) {
        let slot = match attribute {
            PvAttribute::Gender => &mut self.gender,
            PvAttribute::Race => &mut self.race,
            PvAttribute::Ethnicity => &mut self.ethnicity,
            PvAttribute::VitalStatus => &mut self.vital_status,
            PvAttribute::Genotype => &mut self.genotype,
        };
        *slot = list;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{self, Json};

    /// The defaults match the contract's `permissible-values.json` (beside the repository, as in CI).
    #[test]
    fn defaults_match_the_spec_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/spec/permissible-values.json");
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("note: {path} not found; defaults not compared");
            return;
        };
        let spec = json::parse(&text).expect("the spec file is JSON").root;
        let defaults = PermissibleValues::default();
        for attribute in [
            PvAttribute::Gender,
            PvAttribute::Race,
            PvAttribute::Ethnicity,
            PvAttribute::VitalStatus,
            PvAttribute::Genotype,
        ] {
            let Some(Json::Array(items)) = spec.get(attribute.name()) else {
                panic!("{} in the spec file", attribute.name())
            };
            let mut expected = PvList::default();
            for item in items {
                match item {
                    Json::String(value) => expected.push_plain(value),
                    object => {
                        let Some(Json::String(value)) = object.get("value") else { panic!("{object:?}") };
                        let dead = matches!(object.get("props").and_then(|props| props.get("dead")), Some(Json::String(flag)) if flag == "true");
                        expected.push(value, dead);
                    }
                }
            }
            assert_eq!(defaults.get(attribute), &expected, "{}", attribute.name());
        }
    }
}
