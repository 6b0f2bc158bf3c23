//! The words vanban says to its user, in Vietnamese and English, from one message
//! catalogue (Project Fluent files under `locales/{vi,en}/`, compiled into the binary).
//!
//! A diagnostic carries a stable `code` and its arguments; the catalogue gives the code's
//! message (`code = …`) and, as its `.help` attribute, how to fix it. Commands print in the
//! [`Lang`] the user chose (`--lang`, else `LC_ALL` / `LC_MESSAGES` / `LANG`); Vietnamese is
//! the default, since the people who write these documents read it first.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt
    #[default]
    Vi,
    /// English
    En,
}

impl Lang {
    /// The language asked for: `flag` when given, else the first set of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` — English when it starts with `en`, Vietnamese otherwise
    /// (`C`, `POSIX`, unset or any other language).
    pub fn detect(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(|| {
            Lang::from_locale(
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty())),
            )
        })
    }

    fn from_locale(value: Option<String>) -> Lang {
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// The catalogue's files, one per part of the program, the same names in both languages:
/// `files!("core", …)` compiles in `locales/vi/core.ftl` as `VI` and `locales/en/core.ftl` as
/// `EN`, and so on.
macro_rules! files {
    ($($name:literal),* $(,)?) => {
        const VI: Files = &[$(($name, include_str!(concat!("../../locales/vi/", $name, ".ftl")))),*];
        const EN: Files = &[$(($name, include_str!(concat!("../../locales/en/", $name, ".ftl")))),*];
    };
}

type Files = &'static [(&'static str, &'static str)];

files!(
    "core", "rollup", "cli", "app", "init", "workbook", "tree", "output", "sheet", "contract",
    "template", "sections",
);

/// The files of a language, by name (for the catalogue's own tests).
pub fn sources(lang: Lang) -> Files {
    match lang {
        Lang::Vi => VI,
        Lang::En => EN,
    }
}

struct Catalogue {
    vi: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue {
    vi: bundle(Lang::Vi),
    en: bundle(Lang::En),
});

/// A bundle of the compiled-in files. The files are part of the program, so a syntax error
/// in one is a bug that the catalogue's tests catch; here it is skipped, not a panic.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Vi => unic_langid::langid!("vi"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they would end up in terminals, JSON
    // and the editor's text as invisible characters.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// One argument of a message: text as it is printed, or a count (which chooses the
/// plural form in English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(usize, u64, u32, u16, u8, i64, i32);

/// A message's arguments, by name.
pub type Args = Vec<(&'static str, Arg)>;

/// `args!{"value" => v, "n" => 3}`: the arguments of a message.
macro_rules! args {
    ($($k:literal => $v:expr),* $(,)?) => {
        vec![$(($k, $crate::i18n::Arg::from($v))),*]
    };
}
pub(crate) use args;

/// Whether the catalogue has a message `id` in `lang`.
pub fn has(lang: Lang, id: &str) -> bool {
    catalogue(lang).has_message(id)
}

fn catalogue(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Vi => &CATALOGUE.vi,
        Lang::En => &CATALOGUE.en,
    }
}

/// The message `id` (or its attribute `attr`) with `args`, or `None` when the catalogue
/// has no such message.
pub fn format(lang: Lang, id: &str, attr: Option<&str>, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = catalogue(lang);
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        None => message.value()?,
        Some(a) => message.get_attribute(a)?.value(),
    };
    let mut fluent = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Text(s) => fluent.set(*k, FluentValue::from(s.as_str())),
            Arg::Count(n) => fluent.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
    Some(text.into_owned())
}

/// A message without arguments (a word of the interface), or its id when missing.
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, None, &[]).unwrap_or_else(|| id.to_string())
}

/// [`text`] with arguments.
pub fn text_with(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format(lang, id, None, args).unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests;
