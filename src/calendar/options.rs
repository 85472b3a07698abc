//! The choices a calendar is built with: the working week and the horizon.

named_enum! {
    /// How far the calendar answers.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum Horizon ("horizon") {
        /// Only the dates the data covers (2000-01-01 to 2027-12-31 for the embedded
        /// data); anything else is an [`ErrorKind::OutOfCoverage`](crate::ErrorKind) error. The default.
        #[default]
        Coverage = "coverage",
        /// The statutory rules extended beyond coverage up to 2100-12-31; every
        /// result that depends on a day past coverage is marked provisional.
        Provisional = "provisional",
    }
}
