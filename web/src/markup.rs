//! Plain HTML text for the two long, read-only parts of the page (the policy texts and the
//! printed sheet). Building them as text is much smaller in WebAssembly than the same
//! markup through `html!`, and they have no inputs of their own. Every piece of text goes
//! through [`esc`], so nothing a user types can become markup.

/// Escapes text for an HTML element's content or a quoted attribute value.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `<tag attrs>escaped text</tag>`; `attrs` is markup the caller built (already escaped).
pub fn el(tag: &str, attrs: &str, text: &str) -> String {
    let sp = if attrs.is_empty() { "" } else { " " };
    format!("<{tag}{sp}{attrs}>{}</{tag}>", esc(text))
}

/// `<tag attrs>inner</tag>` around markup the caller built.
pub fn wrap(tag: &str, attrs: &str, inner: &str) -> String {
    let sp = if attrs.is_empty() { "" } else { " " };
    format!("<{tag}{sp}{attrs}>{inner}</{tag}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(esc("<img src=x onerror=\"a\">&'"), "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
        assert_eq!(el("td", "class=\"x\"", "1 < 2"), "<td class=\"x\">1 &lt; 2</td>");
        assert_eq!(wrap("tr", "", "<td>a</td>"), "<tr><td>a</td></tr>");
    }
}
