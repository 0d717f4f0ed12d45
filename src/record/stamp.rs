//! Wall-clock timestamps for records. The engine never reads the clock; records do, at the
//! edge. A record keeps the UTC instant; people are shown it in their own time zone, which
//! the front ends pass in (see [`local_zone`]), so tests can fix it.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
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

/// The trainee's time zone: `TZ`, else the system's setting, else UTC. Read by the front
/// ends only; without a zoneinfo folder, named zones come from the copy built in.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

impl Stamp {
    pub fn now() -> Self {
        Stamp {
            unix: Timestamp::now().as_second(),
        }
    }

    pub fn from_unix(unix: i64) -> Self {
        Stamp { unix }
    }

    /// The instant, held to the years jiff can represent (-9999 to 9999): a record is a file
    /// anyone can edit, and a wild value must still print.
    fn instant(self) -> Timestamp {
        Timestamp::from_second(self.unix).unwrap_or(if self.unix < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        })
    }

    /// `2026-11-23T00:01:02Z`, as written in records.
    pub fn utc(self) -> String {
        self.instant().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// `20261123T000102Z`, for file names that sort by time.
    pub fn compact(self) -> String {
        self.instant().strftime("%Y%m%dT%H%M%SZ").to_string()
    }

    /// The calendar day in `zone`: drills are spaced by the trainee's days, not UTC's.
    pub fn local_day(self, zone: &TimeZone) -> Date {
        zone.to_datetime(self.instant()).date()
    }

    /// `2026-07-02 10:14 +01:00`: local time with its offset, for tables and exports.
    pub fn local_short(self, zone: &TimeZone) -> String {
        self.instant()
            .to_zoned_datetime(zone.clone())
            .strftime("%Y-%m-%d %H:%M %:z")
            .to_string()
    }

    /// `2026-07-02T10:14:05+01:00` (RFC 3339), for machine-readable exports.
    pub fn local_rfc3339(self, zone: &TimeZone) -> String {
        self.instant()
            .to_zoned_datetime(zone.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    }
}

/// `days` after `day`, held at the last date jiff knows rather than overflowing.
pub fn days_after(day: Date, days: i64) -> Date {
    day.checked_add(days.days()).unwrap_or(Date::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london() -> TimeZone {
        // a POSIX rule, so the test needs no time zone database on the machine
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("a valid rule")
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(Stamp::from_unix(0).utc(), "1970-01-01T00:00:00Z");
        assert_eq!(Stamp::from_unix(951_782_400).utc(), "2000-02-29T00:00:00Z");
        assert_eq!(Stamp::from_unix(1_795_390_862).utc(), "2026-11-22T23:41:02Z");
        assert_eq!(Stamp::from_unix(1_795_390_862).compact(), "20261122T234102Z");
    }

    #[test]
    fn local_time_carries_the_offset_of_the_season() {
        let winter = Stamp::from_unix(1_795_390_862);
        assert_eq!(winter.local_short(&london()), "2026-11-22 23:41 +00:00");
        // 2026-07-01T23:30:00Z is half past midnight on 2 July in British Summer Time
        let summer = Stamp::from_unix(1_782_948_600);
        assert_eq!(summer.utc(), "2026-07-01T23:30:00Z");
        assert_eq!(summer.local_short(&london()), "2026-07-02 00:30 +01:00");
        assert_eq!(summer.local_rfc3339(&london()), "2026-07-02T00:30:00+01:00");
        assert_eq!(summer.local_day(&london()).to_string(), "2026-07-02");
        assert_eq!(summer.local_day(&TimeZone::UTC).to_string(), "2026-07-01");
    }

    #[test]
    fn named_zones_work_without_a_zoneinfo_folder() {
        // built in, for machines (minimal containers, CI) with no /usr/share/zoneinfo
        let bundled = jiff::tz::TimeZoneDatabase::bundled();
        let london = bundled
            .get("Europe/London")
            .expect("London is in the bundled database");
        let summer = Stamp::from_unix(1_782_948_600);
        assert_eq!(summer.local_short(&london), "2026-07-02 00:30 +01:00");
    }

    #[test]
    fn a_wild_instant_from_an_edited_record_still_prints() {
        assert!(Stamp::from_unix(i64::MAX).utc().starts_with("9999-12-"));
        assert!(Stamp::from_unix(i64::MIN).utc().starts_with("-9999-01-"));
        assert_eq!(
            days_after(Stamp::from_unix(i64::MAX).local_day(&TimeZone::UTC), 14),
            Date::MAX
        );
    }
}
