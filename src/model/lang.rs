//! The languages of the interface and of translated data.

/// A supported language. English is the default and the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Italian.
    It,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Lang {
    /// All languages, English first.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::De, Lang::It, Lang::Ru, Lang::Es];

    /// The BCP 47 primary tag: `en`, `fr`, …
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::It => "it",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language of a BCP 47 tag (`fr`, `fr-CH`, `de_AT`, `RU`), if supported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// A translation of an entry's text; missing parts fall back to English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translation {
    /// Title.
    pub title: Option<String>,
    /// Short label.
    pub label: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Note on the sources.
    pub note: Option<String>,
    /// Periods only: the name of their row.
    pub group: Option<String>,
    /// The document only: actors' names in this language, `(English name, translation)`.
    pub actors: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("fr-CH"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("de_AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("pt-BR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
