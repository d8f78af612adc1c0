//! List fields (`races`, `ethnicities`, `pmis`): a JSON list, or `null`, which the server reads as an
//! empty list. Anything else, a string included, is `INVALID_REQUEST` (`notList`) at the field; a
//! wrong element is reported at the element, so the rest of the list is still checked.

use crate::codes::reason;
use crate::issue::{Path, Report, Segment};
use crate::json::Json;

use super::{read_text, report_invalid, Fields, Read, Text};

/// The items of a list field. `null` is [`Read::Blank`]; another type is reported and [`Read::Invalid`].
/// Nothing is normalised here: the caller decides each item's normalised form.
pub fn list<'d, 'a>(fields: &Fields<'d, 'a>, key: &'static str, report: &mut Report) -> Read<&'d [Json<'a>]> {
    match fields.get(key) {
        None => Read::Absent,
        Some(Json::Null) => Read::Blank,
        Some(Json::Array(items)) => Read::Value(items),
        Some(other) => fields.invalid(key, other, reason::NOT_LIST, report),
    }
}

/// The path of item `index` of the list field `key`.
pub fn item_path(fields: &Fields<'_, '_>, key: &'static str, index: usize) -> Path {
    let mut path = fields.path(key);
    path.push(Segment::Index(index));
    path
}

/// Reads a list of texts: each item trimmed as a text field is (numbers and booleans are their text,
/// `null` or blank is [`Text::Blank`], another type is `INVALID_REQUEST` at the item). The field is
/// normalised to the list of trimmed texts (blank items as `null`); a `null` list as a blank field
/// ([`Fields::blank_value`]).
pub fn text_list<'a>(fields: &mut Fields<'_, 'a>, key: &'static str, report: &mut Report) -> Read<Vec<Text<'a>>> {
    let items = match list(fields, key, report) {
        Read::Value(items) => items,
        Read::Blank => {
            fields.normalise_blank(key);
            return Read::Blank;
        }
        Read::Absent => return Read::Absent,
        Read::Invalid => return Read::Invalid,
    };
    let mut texts = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        texts.push(read_text(item, &|| item_path(fields, key, index), report));
    }
    fields.normalise(key, Some(texts_to_json(&texts)));
    Read::Value(texts)
}

/// The normalised form of a list of texts: trimmed strings, blank items as `null`. (Items of the
/// wrong type are already errors, so the value is never used; they are written as `null` too.)
pub fn texts_to_json<'a>(texts: &[Text<'a>]) -> Json<'a> {
    let mut items = Vec::with_capacity(texts.len());
    for text in texts {
        items.push(match text {
            Text::Value(value) => Json::String(value.clone()),
            _ => Json::Null,
        });
    }
    Json::Array(items)
}

/// Reports `INVALID_REQUEST` (`notObject`) for a list item that is not an object.
pub fn report_not_object(report: &mut Report, path: Path, item: &Json<'_>) {
    report_invalid(report, path, item, reason::NOT_OBJECT);
}
