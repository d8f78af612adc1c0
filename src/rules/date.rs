// TEMPORARY placeholder until the parser lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate { pub year: i32, pub month: u8, pub day: u8 }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue { Instant(i64), Day { date: CivilDate, rolled_over: bool } }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError { Malformed, OutOfRange }
pub fn parse_date_text(_text: &str) -> Result<DateValue, DateError> { Err(DateError::Malformed) }
pub fn parse_epoch_number(_raw: &str) -> Result<DateValue, DateError> { Err(DateError::Malformed) }
pub fn days_from_civil(_date: CivilDate) -> i64 { 0 }
pub fn civil_from_days(_days: i64) -> CivilDate { CivilDate { year: 1970, month: 1, day: 1 } }
pub fn format_civil(_date: CivilDate, out: &mut String) { out.push_str("1970-01-01") }
