//! The shape of a [`Table`]: where each header cell sits once spans are counted, and the
//! table block of a template (`{"table": {…}}`, see `docs/templates.md`) read into the model.

use super::{Align, HeadCell, Inline, Span, Table};
use serde::Deserialize;
use serde_json::Value;

/// One slot of the resolved header grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot<'a> {
    /// A cell starts here; `None` is a hole (a header row shorter than the table), printed as
    /// an empty cell.
    Start {
        cell: Option<&'a HeadCell>,
        colspan: usize,
        rowspan: usize,
    },
    /// Covered by the cell that starts at (`row`, `col`).
    Covered { row: usize, col: usize },
}

/// The number of columns the header rows occupy, spans counted.
pub fn head_width(head: &[Vec<HeadCell>]) -> usize {
    // `busy[c]`: the first header row in which column `c` is free again.
    let mut busy: Vec<usize> = Vec::new();
    let mut width = 0;
    for (r, row) in head.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while busy.get(c).is_some_and(|&until| until > r) {
                c += 1;
            }
            let span = cell.colspan.max(1);
            if busy.len() < c + span {
                busy.resize(c + span, 0);
            }
            for b in busy.iter_mut().skip(c).take(span) {
                *b = r + cell.rowspan.max(1);
            }
            c += span;
        }
        width = width.max(c);
    }
    width
}

/// The header as a grid of `head.len()` rows × `columns` slots. Never fails: a cell that
/// would overflow the table or overlap another is cut short, a cell with no room left is
/// dropped and a hole becomes an empty cell ([`check_head`] reports all three).
pub fn head_grid(head: &[Vec<HeadCell>], columns: usize) -> Vec<Vec<Slot<'_>>> {
    let rows = head.len();
    let mut grid: Vec<Vec<Option<Slot>>> = vec![vec![None; columns]; rows];
    for (r, row) in head.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while grid
                .get(r)
                .and_then(|g| g.get(c))
                .is_some_and(Option::is_some)
            {
                c += 1;
            }
            if c >= columns {
                break;
            }
            // As wide as asked, but never over a slot already taken in this row.
            let free = grid
                .get(r)
                .map(|g| g.iter().skip(c).take_while(|s| s.is_none()).count())
                .unwrap_or(1);
            let colspan = cell.colspan.clamp(1, free.max(1));
            let rowspan = cell.rowspan.clamp(1, rows - r);
            for (dr, g) in grid.iter_mut().skip(r).take(rowspan).enumerate() {
                for (dc, slot) in g.iter_mut().skip(c).take(colspan).enumerate() {
                    *slot = Some(if dr == 0 && dc == 0 {
                        Slot::Start {
                            cell: Some(cell),
                            colspan,
                            rowspan,
                        }
                    } else {
                        Slot::Covered { row: r, col: c }
                    });
                }
            }
            c += colspan;
        }
    }
    grid.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|s| {
                    s.unwrap_or(Slot::Start {
                        cell: None,
                        colspan: 1,
                        rowspan: 1,
                    })
                })
                .collect()
        })
        .collect()
}

/// Whether the header rows tile exactly `columns` columns: every row filled, no cell past
/// the last column or below the last header row.
pub fn check_head(head: &[Vec<HeadCell>], columns: usize) -> Result<(), String> {
    let rows = head.len();
    let mut busy = vec![0usize; columns];
    for (r, row) in head.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while busy.get(c).is_some_and(|&until| until > r) {
                c += 1;
            }
            let text = Inline::plain_text(&cell.content);
            if cell.colspan == 0 || cell.rowspan == 0 {
                return Err(format!("header cell “{text}” spans no column or row"));
            }
            if c + cell.colspan > columns {
                return Err(format!(
                    "header row {} is wider than the table's {columns} columns at “{text}”",
                    r + 1
                ));
            }
            if r + cell.rowspan > rows {
                return Err(format!(
                    "header cell “{text}” spans {} rows but the header has {}",
                    cell.rowspan,
                    rows - r
                ));
            }
            for b in busy.iter_mut().skip(c).take(cell.colspan) {
                if *b > r {
                    return Err(format!(
                        "header cell “{text}” overlaps a cell of an earlier row"
                    ));
                }
                *b = r + cell.rowspan;
            }
            c += cell.colspan;
        }
        if busy.iter().any(|&until| until <= r) {
            return Err(format!(
                "header row {} fills fewer than the table's {columns} columns",
                r + 1
            ));
        }
    }
    Ok(())
}

/// A header cell of a table block: plain text, or text with spans.
#[derive(Deserialize)]
#[serde(untagged)]
enum CellJson {
    Text(String),
    Spanned {
        text: String,
        #[serde(default = "one")]
        colspan: usize,
        #[serde(default = "one")]
        rowspan: usize,
    },
}

fn one() -> usize {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableJson {
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    align: Vec<String>,
    #[serde(default)]
    head: Vec<Vec<CellJson>>,
    rows: Vec<Vec<Option<String>>>,
    #[serde(default)]
    total: Option<Vec<Option<String>>>,
}

/// Cell text as inline content: plain, literal text (a table block never carries markup).
fn cell(text: Option<String>) -> Vec<Inline> {
    match text {
        Some(t) if !t.trim().is_empty() => vec![Inline::Text(Span::plain(t.trim()))],
        _ => Vec::new(),
    }
}

/// Reads the value of a `{"table": …}` block into a [`Table`], checking its shape: known
/// keys only, header rows that tile the columns, no row wider than the table.
pub fn from_json(value: &Value) -> Result<Table, String> {
    let t: TableJson =
        serde_json::from_value(value.clone()).map_err(|e| format!("the table block: {e}"))?;
    let head: Vec<Vec<HeadCell>> = t
        .head
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| match c {
                    CellJson::Text(text) => HeadCell {
                        content: cell(Some(text)),
                        colspan: 1,
                        rowspan: 1,
                    },
                    CellJson::Spanned {
                        text,
                        colspan,
                        rowspan,
                    } => HeadCell {
                        content: cell(Some(text)),
                        colspan,
                        rowspan,
                    },
                })
                .collect()
        })
        .collect();
    let align = t
        .align
        .iter()
        .map(|a| match a.as_str() {
            "left" => Ok(Align::Left),
            "center" => Ok(Align::Center),
            "right" => Ok(Align::Right),
            other => Err(format!(
                "the table block: alignment `{other}` is not left, center or right"
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The alignments say how many columns there are, else the header, else the rows.
    let columns = if !align.is_empty() {
        align.len()
    } else if !head.is_empty() {
        head_width(&head)
    } else {
        t.rows
            .iter()
            .chain(&t.total)
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    };
    if columns == 0 {
        return Err("the table block has no columns".into());
    }
    check_head(&head, columns).map_err(|e| format!("the table block: {e}"))?;
    let too_wide = |row: &[Option<String>]| row.len() > columns;
    if let Some(i) = t.rows.iter().position(|r| too_wide(r)) {
        return Err(format!(
            "the table block: row {} has more than the table's {columns} columns",
            i + 1
        ));
    }
    if t.total.as_deref().is_some_and(too_wide) {
        return Err(format!(
            "the table block: the total row has more than the table's {columns} columns"
        ));
    }
    Ok(Table {
        caption: t
            .caption
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
        align,
        head,
        rows: t
            .rows
            .into_iter()
            .map(|r| r.into_iter().map(cell).collect())
            .collect(),
        total: t.total.map(|r| r.into_iter().map(cell).collect()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spanned(text: &str, colspan: usize, rowspan: usize) -> HeadCell {
        HeadCell {
            colspan,
            rowspan,
            ..HeadCell::plain(text)
        }
    }

    /// `Năm` over two rows, `Khu dân cư` over three columns, then its three labels.
    fn grouped() -> Vec<Vec<HeadCell>> {
        vec![
            vec![spanned("Năm", 1, 2), spanned("Khu dân cư", 3, 1)],
            vec![
                HeadCell::plain("Tổng số"),
                HeadCell::plain("Được công nhận"),
                HeadCell::plain("Tỷ lệ"),
            ],
        ]
    }

    #[test]
    fn a_group_header_resolves_to_a_grid() {
        let head = grouped();
        assert_eq!(head_width(&head), 4);
        assert_eq!(check_head(&head, 4), Ok(()));
        let grid = head_grid(&head, 4);
        assert!(matches!(
            grid[0][0],
            Slot::Start {
                colspan: 1,
                rowspan: 2,
                ..
            }
        ));
        assert!(matches!(
            grid[0][1],
            Slot::Start {
                colspan: 3,
                rowspan: 1,
                ..
            }
        ));
        assert_eq!(grid[0][3], Slot::Covered { row: 0, col: 1 });
        assert_eq!(grid[1][0], Slot::Covered { row: 0, col: 0 });
        match grid[1][1] {
            Slot::Start {
                cell: Some(c),
                colspan: 1,
                rowspan: 1,
            } => assert_eq!(Inline::plain_text(&c.content), "Tổng số"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_headers_are_reported_and_still_laid_out() {
        let mut head = grouped();
        head[1].pop();
        assert!(check_head(&head, 4).is_err_and(|e| e.contains("fewer")));
        // The hole becomes an empty cell.
        let grid = head_grid(&head, 4);
        assert_eq!(
            grid[1][3],
            Slot::Start {
                cell: None,
                colspan: 1,
                rowspan: 1
            }
        );
        let head = vec![vec![spanned("A", 5, 1)]];
        assert!(check_head(&head, 4).is_err_and(|e| e.contains("wider")));
        assert!(matches!(
            head_grid(&head, 4)[0][0],
            Slot::Start { colspan: 4, .. }
        ));
        let head = vec![vec![spanned("A", 1, 3)], vec![HeadCell::plain("B")]];
        assert!(check_head(&head, 2).is_err_and(|e| e.contains("spans 3 rows")));
        assert!(matches!(
            head_grid(&head, 2)[0][0],
            Slot::Start { rowspan: 2, .. }
        ));
    }

    #[test]
    fn a_table_block_reads_into_the_model() {
        let t = from_json(&json!({
            "caption": "Bảng 1",
            "align": ["center", "right", "right", "right"],
            "head": [[{"text": "Năm", "rowspan": 2}, {"text": "Khu dân cư", "colspan": 3}],
                     ["Tổng số", "Được công nhận", "Tỷ lệ"]],
            "rows": [["2015", "205", "98", "47,8%"], ["2016", null, "110", null]],
            "total": ["Cộng", "", null]
        }))
        .expect("reads");
        assert_eq!(t.columns(), 4);
        assert_eq!(t.head, grouped());
        assert_eq!(t.rows[1][1], Vec::<Inline>::new());
        assert_eq!(t.total.as_ref().map(Vec::len), Some(3));
        assert_eq!(t.caption.as_deref(), Some("Bảng 1"));
    }

    #[test]
    fn malformed_table_blocks_are_errors() {
        for (bad, says) in [
            (json!({"rows": [["a"]], "colour": "red"}), "unknown field"),
            (json!({"rows": []}), "no columns"),
            (
                json!({"align": ["left"], "rows": [["a", "b"]]}),
                "row 1 has more",
            ),
            (
                json!({"align": ["up"], "rows": [["a"]]}),
                "`up` is not left",
            ),
            (
                json!({"head": [["a", "b"], ["c"]], "rows": []}),
                "fewer than",
            ),
            (json!({"head": [["a"]]}), "missing field `rows`"),
        ] {
            let e = from_json(&bad).expect_err("malformed");
            assert!(e.contains(says), "{e}");
        }
    }
}
