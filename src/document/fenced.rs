//! Structured blocks: a fenced code block with the info string `vanban` holding ONE line of
//! JSON, `{"table": {…}}` or `{"chart": {…}}`, which templates print with the `block` filter
//! from what `table(...)` (and `chart(...)`) build. Templates never write the JSON by hand; a
//! malformed block is an error, never dropped. This is the one place that knows the kinds.

use super::Block;
use serde_json::Value;

/// The info string of a structured block.
pub const INFO: &str = "vanban";

/// A structured block's JSON value → its body block.
pub fn block_from_value(value: &Value) -> Result<Block, String> {
    let Value::Object(map) = value else {
        return Err("a vanban block must be a JSON object like {\"table\": {…}}".into());
    };
    let mut entries = map.iter();
    let (Some((kind, inner)), None) = (entries.next(), entries.next()) else {
        return Err("a vanban block must have exactly one key, `table` or `chart`".into());
    };
    match kind.as_str() {
        "table" => super::table::from_json(inner).map(Block::Table),
        "chart" => super::Chart::from_json(inner).map(Block::Chart),
        other => Err(format!(
            "`{other}` is not a kind of vanban block (known: table, chart)"
        )),
    }
}

/// The text of a fenced `vanban` block → its body block.
pub fn block_from_text(text: &str) -> Result<Block, String> {
    let value: Value = serde_json::from_str(text.trim())
        .map_err(|e| format!("a vanban block is not valid JSON: {e}"))?;
    block_from_value(&value)
}

/// `value` printed as a fenced `vanban` block (one line of JSON; JSON escapes every newline,
/// so no data can end the fence), after checking that it reads back.
pub fn fence(value: &Value) -> Result<String, String> {
    block_from_value(value)?;
    let json = serde_json::to_string(value).map_err(|e| e.to_string())?;
    Ok(format!("\n```{INFO}\n{json}\n```\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fence_round_trips() {
        let v = json!({"table": {"rows": [["a\n```\nb", "1"]]}});
        let text = fence(&v).expect("valid");
        assert_eq!(text.lines().filter(|l| l.starts_with("```")).count(), 2);
        let inner = text
            .lines()
            .find(|l| l.starts_with('{'))
            .expect("one JSON line");
        assert!(matches!(block_from_text(inner), Ok(Block::Table(_))));
    }

    #[test]
    fn unknown_kinds_and_shapes_are_errors() {
        assert!(block_from_text("[1]").is_err());
        assert!(block_from_text("{\"table\": {\"rows\": [[\"a\"]]}, \"x\": 1}").is_err());
        assert!(block_from_text("{\"graph\": {}}").is_err_and(|e| e.contains("graph")));
        assert!(block_from_text("{\"table\": ").is_err_and(|e| e.contains("not valid JSON")));
    }
}
