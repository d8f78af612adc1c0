//! The clock and calendar the date rules read. The core takes them as a trait so that native tests fix
//! the time, and the WASM build reads the browser's clock and time zone through js-sys.

use crate::rules::date::{civil_from_days, days_from_civil, CivilDate};

const MS_PER_DAY: i64 = 86_400_000;

pub trait Clock {
    /// Now, in epoch milliseconds.
    fn now_ms(&self) -> i64;
    /// The instant of local midnight at the start of `date` (a `yyyy-MM-dd` value means this).
    fn local_midnight_ms(&self, date: CivilDate) -> i64;
    /// The local calendar day that contains `ms`.
    fn local_date(&self, ms: i64) -> CivilDate;
}

/// A clock stopped at `now_ms` in a zone with a fixed offset from UTC (positive east of Greenwich).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    pub now_ms: i64,
    pub offset_minutes: i32,
}

impl FixedClock {
    pub fn utc(now_ms: i64) -> Self {
        FixedClock { now_ms, offset_minutes: 0 }
    }
}

impl Clock for FixedClock {
    fn now_ms(&self) -> i64 {
        self.now_ms
    }

    fn local_midnight_ms(&self, date: CivilDate) -> i64 {
        days_from_civil(date) * MS_PER_DAY - i64::from(self.offset_minutes) * 60_000
    }

    fn local_date(&self, ms: i64) -> CivilDate {
        let local = ms + i64::from(self.offset_minutes) * 60_000;
        civil_from_days(local.div_euclid(MS_PER_DAY))
    }
}
