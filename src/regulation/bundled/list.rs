//! GENERATED from regulations/*.toml by the test `regulation::bundled::tests::the_list_is_current`: do not edit.
//! Adding a regulation is adding its file to regulations/ (and its test): the
//! test regenerates this list.

/// The regulations bundled with merzim (`regulations/`), by id (the file stem).
#[rustfmt::skip]
pub(in crate::regulation) const BUNDLED: &[(&str, &str)] = &[
    ("akmola-2014-cadastral-value", include_str!("../../../regulations/akmola-2014-cadastral-value.toml")),
    ("akmola-2014-irrigated-land-conversion", include_str!("../../../regulations/akmola-2014-irrigated-land-conversion.toml")),
    ("akmola-2014-land-formation-projects", include_str!("../../../regulations/akmola-2014-land-formation-projects.toml")),
    ("akmola-2014-land-purpose-change", include_str!("../../../regulations/akmola-2014-land-purpose-change.toml")),
    ("akmola-2014-survey-works-permit", include_str!("../../../regulations/akmola-2014-survey-works-permit.toml")),
    ("east-kazakhstan-2016-land-purpose-change", include_str!("../../../regulations/east-kazakhstan-2016-land-purpose-change.toml")),
];
