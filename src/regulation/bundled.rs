//! The bundled regulations: every file of `regulations/`, embedded. The list
//! is generated (`bundled/list.rs`) and a test fails when it is stale.

mod list;

pub(super) use list::BUNDLED;

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The list's source for the files of `regulations/`, sorted by id.
    fn codegen(ids: &[String]) -> String {
        let mut o = String::from(
            "//! GENERATED from regulations/*.toml by the test `regulation::bundled::tests::the_list_is_current`: do not edit.\n\
             //! Adding a regulation is adding its file to regulations/ (and its test): the\n\
             //! test regenerates this list.\n\n\
             /// The regulations bundled with merzim (`regulations/`), by id (the file stem).\n\
             #[rustfmt::skip]\n\
             pub(in crate::regulation) const BUNDLED: &[(&str, &str)] = &[\n",
        );
        for id in ids {
            o.push_str(&format!(
                "    (\"{id}\", include_str!(\"../../../regulations/{id}.toml\")),\n"
            ));
        }
        o.push_str("];\n");
        o
    }

    #[test]
    fn the_list_is_current() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut ids: Vec<String> = std::fs::read_dir(root.join("regulations"))
            .unwrap()
            .filter_map(|e| {
                let p = e.unwrap().path();
                (p.extension()? == "toml")
                    .then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
            })
            .collect();
        ids.sort();
        let source = codegen(&ids);
        let path = root.join("src/regulation/bundled/list.rs");
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != source {
            std::fs::write(&path, &source).unwrap();
            panic!(
                "src/regulation/bundled/list.rs was stale and has been regenerated from regulations/: \
                 rebuild, run the tests again and commit it"
            );
        }
        let listed: Vec<&str> = super::BUNDLED.iter().map(|(id, _)| *id).collect();
        assert_eq!(listed, ids);
    }
}
