//! The one macro behind every named enum: its names in JSON, the CLI and the
//! C API (`as_str`, `FromStr`, `Display`, serde) and the list of its values.

/// Declares an enum whose variants have stable snake_case names.
///
/// `named_enum! { /// docs  pub enum Channel ("channel") { /// docs  Provider = "provider", … } }`
/// gives `Channel::ALL`, `as_str`, `Display`, `FromStr` (the name or one of
/// its `| "alias"`es; an error lists the valid names) and serde through the
/// same names.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal $(| $alias:literal)*
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable snake_case name (JSON, CLI, C API).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> crate::Result<$name> {
                let t = s.trim();
                $(
                    if t == $text $(|| t == $alias)* {
                        return Ok($name::$variant);
                    }
                )+
                let (q, valid) = (crate::error::quoted(s), [$($text),+].join(", "));
                Err(crate::Error::invalid_input(format!(
                    "unknown {} {q}: expected {valid}", $what
                ))
                .in_kk_ru(
                    format!(
                        "«{}» мәні {q} жарамсыз: рұқсат етілген мәндер: {valid}",
                        crate::error::what_in($what, crate::Lang::Kk)
                    ),
                    format!(
                        "недопустимое значение {q} («{}»): допустимые значения: {valid}",
                        crate::error::what_in($what, crate::Lang::Ru)
                    ),
                ))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "enum": [$($text, $($alias,)*)+]
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$name, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}
