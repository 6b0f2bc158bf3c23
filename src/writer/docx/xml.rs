//! A tiny XML writer for the OOXML parts: escaped text and attributes, characters XML 1.0
//! forbids dropped, and a stack so every element is closed by name.

/// The declaration every part starts with (Word writes `standalone="yes"`).
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Whether XML 1.0 allows `c` in a document. Control characters (e.g. U+000B pasted from
/// Excel) make Word refuse the whole file, so they are dropped rather than escaped.
pub(crate) fn is_xml_char(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => true,
        '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => false,
        _ => true,
    }
}

/// Appends `s` escaped for a text node (`attribute == false`) or a double-quoted attribute.
pub(crate) fn escape_into(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars().filter(|&c| is_xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // Attribute-value normalisation would turn these into spaces.
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// Builds one XML part. Elements are opened with [`Xml::start`] and closed with [`Xml::end`];
/// the writer remembers the names, so the output is always well-formed.
pub(crate) struct Xml {
    buf: String,
    open: Vec<&'static str>,
}

impl Xml {
    pub(crate) fn new() -> Self {
        Xml {
            buf: String::from(DECLARATION),
            open: Vec::new(),
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.buf.push('<');
        self.buf.push_str(name);
        for (key, value) in attrs {
            self.buf.push(' ');
            self.buf.push_str(key);
            self.buf.push_str("=\"");
            escape_into(&mut self.buf, value, true);
            self.buf.push('"');
        }
    }

    /// Opens `<name attrs…>`.
    pub(crate) fn start(&mut self, name: &'static str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.buf.push('>');
        self.open.push(name);
        self
    }

    /// Writes `<name attrs…/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.buf.push_str("/>");
        self
    }

    /// Writes `<name attrs…>text</name>`.
    pub(crate) fn leaf(
        &mut self,
        name: &'static str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> &mut Self {
        self.start(name, attrs).text(text).end()
    }

    /// Writes escaped character data.
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.buf, text, false);
        self
    }

    /// Closes the innermost open element.
    pub(crate) fn end(&mut self) -> &mut Self {
        if let Some(name) = self.open.pop() {
            self.buf.push_str("</");
            self.buf.push_str(name);
            self.buf.push('>');
        } else {
            debug_assert!(false, "Xml::end without an open element");
        }
        self
    }

    /// Closes whatever is still open and returns the part's text.
    pub(crate) fn finish(mut self) -> String {
        debug_assert!(self.open.is_empty(), "unclosed elements: {:?}", self.open);
        while !self.open.is_empty() {
            self.end();
        }
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut x = Xml::new();
        x.start("a", &[("v", "x\"<&>'")])
            .text("<b> & \"c\" 'd'")
            .end();
        let out = x.finish();
        assert!(out.ends_with("<a v=\"x&quot;&lt;&amp;&gt;'\">&lt;b&gt; &amp; \"c\" 'd'</a>"));
    }

    #[test]
    fn drops_characters_xml_forbids() {
        let mut out = String::new();
        escape_into(
            &mut out,
            "a\u{0}b\u{B}c\u{1F}d\u{FFFE}e\u{FFFF}f\tg\nh",
            false,
        );
        assert_eq!(out, "abcdef\tg\nh");
    }

    #[test]
    fn finish_closes_in_order() {
        let mut x = Xml::new();
        x.start("a", &[])
            .start("b", &[])
            .empty("c", &[("k", "1")])
            .end()
            .end();
        assert!(x.finish().ends_with("<a><b><c k=\"1\"/></b></a>"));
    }
}
