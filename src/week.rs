//! The working week (RULES.md §1): which weekdays are weekly days off.

use chrono::Weekday;

named_enum! {
    /// Which working week the calendar counts (RULES.md §1).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum Week ("week") {
        /// Monday–Friday; Saturday and Sunday off; transfer acts apply. The default.
        #[default]
        FiveDay = "five" | "five_day" | "5",
        /// Monday–Saturday; only Sunday off; substitutes only for Sunday holidays;
        /// transfer acts apply when they say so (the data lists the weeks of each act).
        SixDay = "six" | "six_day" | "6",
    }
}

impl Week {
    /// Whether `weekday` is a weekly day of rest in this week (Labour Code
    /// art. 84): Saturday and Sunday in the five-day week, Sunday in the
    /// six-day week.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use merzim::Week;
    /// assert!(Week::FiveDay.is_rest_day(Weekday::Sat));
    /// assert!(!Week::SixDay.is_rest_day(Weekday::Sat));
    /// ```
    #[inline]
    pub fn is_rest_day(self, weekday: Weekday) -> bool {
        match self {
            Week::SixDay => weekday == Weekday::Sun,
            Week::FiveDay => matches!(weekday, Weekday::Sat | Weekday::Sun),
        }
    }
}
