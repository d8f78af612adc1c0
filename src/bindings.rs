//! The WebAssembly layer: JSON text in, JSON text out. Payloads arrive as UTF-8 bytes the JS layer
//! encodes with `TextEncoder` (wasm-bindgen copies a `&str` argument one char at a time in JS first,
//! which cost more than the rules on a typical payload). The JS wrapper in `pkg/` turns the result into
//! objects and adds the messages. Nothing here decides a rule.

use core::cell::Cell;

use js_sys::Date;
use wasm_bindgen::prelude::*;

use crate::clock::Clock;
use crate::options::Options;
use crate::rules::date::CivilDate;
use crate::validate::{Kind, Validator};

/// The browser's clock at one instant, and its time zone through `Date`. Each `Date` call crosses into
/// JS, so today's date is read once per validation.
struct BrowserClock {
    now_ms: i64,
    today: Cell<Option<CivilDate>>,
}

impl BrowserClock {
    fn at(now_ms: f64) -> Self {
        BrowserClock { now_ms: now_ms as i64, today: Cell::new(None) }
    }
}

impl Clock for BrowserClock {
    fn now_ms(&self) -> i64 {
        self.now_ms
    }

    fn local_midnight_ms(&self, date: CivilDate) -> i64 {
        let month = i32::from(date.month) - 1;
        if date.year >= 100 {
            return Date::new_with_year_month_day(date.year as u32, month, i32::from(date.day)).get_time() as i64;
        }
        // `new Date(y, m, d)` reads years 0–99 as 1900–1999, so those are set field by field.
        let local = Date::new(&JsValue::from_f64(0.0));
        local.set_full_year_with_month_date(date.year as u32, month, i32::from(date.day));
        local.set_hours(0);
        local.set_minutes(0);
        local.set_seconds(0);
        local.set_milliseconds(0);
        local.get_time() as i64
    }

    fn local_date(&self, ms: i64) -> CivilDate {
        if ms == self.now_ms {
            if let Some(today) = self.today.get() {
                return today;
            }
        }
        let local = Date::new(&JsValue::from_f64(ms as f64));
        let date = CivilDate {
            year: local.get_full_year() as i32,
            month: local.get_month() as u8 + 1,
            day: local.get_date() as u8,
        };
        if ms == self.now_ms {
            self.today.set(Some(date));
        }
        date
    }
}

/// A validator with its options parsed once.
#[wasm_bindgen]
pub struct Engine {
    validator: Validator,
}

#[wasm_bindgen]
impl Engine {
    /// `options` is the JSON of `{ mode, serverVersion, permissibleValues, settings }`; a bad option
    /// throws a `TypeError` naming it.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str) -> Result<Engine, JsValue> {
        match Options::from_json(options) {
            Ok(options) => Ok(Engine { validator: Validator::new(options) }),
            Err(error) => Err(js_sys::TypeError::new(&error.to_string()).into()),
        }
    }

    /// Validates a payload's JSON text, as UTF-8 bytes; `kind` is 0 user, 1 participant, 2 registration.
    /// A changed normalised value is written only `with_value` (else an empty line says it changed).
    pub fn validate(&self, kind: u8, payload: &[u8], now_ms: f64, with_value: bool) -> String {
        let clock = BrowserClock::at(now_ms);
        self.validator.validate_utf8(Kind::from_code(kind).unwrap_or(Kind::User), payload, with_value, &clock)
    }

    /// Validates a JSON list of payloads (UTF-8 bytes); a JSON list of results (`0` for valid and unchanged).
    #[wasm_bindgen(js_name = validateMany)]
    pub fn validate_many(&self, kind: u8, payloads: &[u8], now_ms: f64, with_value: bool) -> String {
        let clock = BrowserClock::at(now_ms);
        self.validator.validate_many_utf8(Kind::from_code(kind).unwrap_or(Kind::User), payloads, with_value, &clock)
    }

    /// The issues of one field, as a JSON array (`payload` may be empty).
    #[wasm_bindgen(js_name = validateField)]
    pub fn validate_field(&self, kind: u8, path: &str, value: &str, payload: &str, now_ms: f64) -> String {
        let clock = BrowserClock::at(now_ms);
        self.validator.validate_field_text(Kind::from_code(kind).unwrap_or(Kind::User), path, value, payload, &clock)
    }

    /// The serde-wasm-bindgen boundary `bench/boundary.mjs` measures against the JSON text one: the
    /// payload read from the JS object, the result (`{ valid, issues, value }`) returned as JS objects.
    #[cfg(feature = "serde-boundary")]
    #[wasm_bindgen(js_name = validateValue)]
    pub fn validate_value(&self, kind: u8, payload: JsValue, now_ms: f64) -> JsValue {
        use serde::Serialize;
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        self.check_value(kind, payload, now_ms, |outcome| outcome.serialize(&serializer).ok()).unwrap_or(JsValue::NULL)
    }

    /// serde-wasm-bindgen in, JSON text out (`Outcome::to_json`): which half of the boundary costs what.
    #[cfg(feature = "serde-boundary")]
    #[wasm_bindgen(js_name = validateValueToText)]
    pub fn validate_value_to_text(&self, kind: u8, payload: JsValue, now_ms: f64) -> String {
        self.check_value(kind, payload, now_ms, |outcome| Some(outcome.to_json())).unwrap_or_default()
    }
}

#[cfg(feature = "serde-boundary")]
impl Engine {
    /// Reads `payload` with serde-wasm-bindgen, checks it and answers with `answer` (`None` when the
    /// object cannot be read).
    fn check_value<T>(
        &self,
        kind: u8,
        payload: JsValue,
        now_ms: f64,
        answer: impl FnOnce(&crate::validate::Outcome<'_>) -> Option<T>,
    ) -> Option<T> {
        let root = serde_wasm_bindgen::from_value::<crate::json::Json<'static>>(payload).ok()?;
        let document = crate::json::Document { root, too_deep: false, has_unsupported: false };
        let clock = BrowserClock::at(now_ms);
        answer(&self.validator.check(Kind::from_code(kind).unwrap_or(Kind::User), &document, &clock))
    }
}
