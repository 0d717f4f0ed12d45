//! Wall-clock timestamps for records. The engine never reads the clock; records do,
//! at the edge, and keep both a machine value and a readable UTC form.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize, Serializer};

/// Written as `{"unix": …, "utc": "…"}` so a person can read a record; only `unix` is read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub struct Stamp {
    /// Seconds since 1970-01-01 UTC.
    pub unix: i64,
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Stamp", 2)?;
        s.serialize_field("unix", &self.unix)?;
        s.serialize_field("utc", &self.utc())?;
        s.end()
    }
}

impl Stamp {
    pub fn now() -> Self {
        let unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Stamp { unix }
    }

    pub fn from_unix(unix: i64) -> Self {
        Stamp { unix }
    }

    /// Whole days since the epoch, for spacing drills.
    pub fn day(self) -> i64 {
        self.unix.div_euclid(86_400)
    }

    /// `2026-11-23T00:01:02Z`
    pub fn utc(self) -> String {
        let (y, m, d) = civil_from_days(self.day());
        let secs = self.unix.rem_euclid(86_400);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }

    /// `2026-11-23 00:01` for tables.
    pub fn short(self) -> String {
        let full = self.utc();
        format!("{} {}", &full[..10], &full[11..16])
    }

    /// `20261123T000102Z`, for file names that sort by time.
    pub fn compact(self) -> String {
        self.utc().replace(['-', ':'], "")
    }
}

/// Year, month, day of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(Stamp::from_unix(0).utc(), "1970-01-01T00:00:00Z");
        assert_eq!(Stamp::from_unix(951_782_400).utc(), "2000-02-29T00:00:00Z");
        assert_eq!(Stamp::from_unix(1_795_390_862).utc(), "2026-11-22T23:41:02Z");
        assert_eq!(Stamp::from_unix(1_795_390_862).compact(), "20261122T234102Z");
        assert_eq!(Stamp::from_unix(1_795_390_862).short(), "2026-11-22 23:41");
    }
}
