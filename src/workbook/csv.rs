//! A small RFC 4180 reader for a workbook saved as CSV: quoted fields with `""` for a quote
//! and line breaks inside quotes, CRLF or LF. Excel saves CSV with `;` between fields where
//! the decimal mark is a comma (as in Vietnamese settings), so the separator is the one of
//! `,` `;` or a tab that the first lines use the same number of times on the most lines
//! (outside quotes): a title line above the table, or decimal commas in a `;` file, do not
//! decide it. A leading BOM (Excel's "CSV UTF-8") is dropped.

/// Why the text is not a readable CSV table: the 0-based record and field where it fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub row: u32,
    pub column: u32,
    /// The catalogue's message for it (`csv-unclosed-quote`).
    pub code: &'static str,
}

/// How many lines [`separator`] looks at.
const SAMPLE_LINES: usize = 50;

/// The separator of `,` `;` and tab that the most of the first [`SAMPLE_LINES`] lines use
/// the same number of times (a table has as many fields on every row), outside quotes; on a
/// tie the one used more often, then `,` before `;` before tab. `,` when none is used.
fn separator(text: &str) -> char {
    const SEPARATORS: [char; 3] = [',', ';', '\t'];
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut blank = true;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                blank = false;
            }
            '\n' | '\r' if !quoted => {
                if !blank {
                    lines.push(counts);
                    if lines.len() == SAMPLE_LINES {
                        break;
                    }
                }
                counts = [0; 3];
                blank = true;
            }
            _ if !quoted => {
                for (sep, n) in SEPARATORS.iter().zip(counts.iter_mut()) {
                    if *sep == c {
                        *n += 1;
                    }
                }
                blank &= c.is_whitespace();
            }
            _ => blank = false,
        }
    }
    if !blank && lines.len() < SAMPLE_LINES {
        lines.push(counts);
    }
    let mut best = (',', (0usize, 0usize));
    for (i, sep) in SEPARATORS.iter().enumerate() {
        // The most common number of this separator on a line, and on how many lines.
        let mut frequency: std::collections::BTreeMap<usize, usize> = Default::default();
        let mut total = 0;
        for line in &lines {
            let n = line.get(i).copied().unwrap_or(0);
            total += n;
            if n > 0 {
                *frequency.entry(n).or_default() += 1;
            }
        }
        let agreeing = frequency.values().copied().max().unwrap_or(0);
        if (agreeing, total) > best.1 {
            best = (*sep, (agreeing, total));
        }
    }
    best.0
}

/// The records of a CSV text, each a list of fields.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    // Whether the current field started with a quote, and whether that quote is still open.
    let mut in_quotes = false;
    let mut was_quoted = false;
    let mut quote_start: (u32, u32) = (0, 0);
    let position = |records: &Vec<Vec<String>>, record: &Vec<String>| {
        (records.len() as u32, record.len() as u32)
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
                quote_start = position(&records, &record);
            }
            '"' => {
                let (row, column) = position(&records, &record);
                return Err(CsvError {
                    row,
                    column,
                    code: "csv-stray-quote",
                });
            }
            c if c == sep => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut field));
                was_quoted = false;
                records.push(std::mem::take(&mut record));
            }
            _ if was_quoted => {
                let (row, column) = position(&records, &record);
                return Err(CsvError {
                    row,
                    column,
                    code: "csv-text-after-quote",
                });
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError {
            row: quote_start.0,
            column: quote_start.1,
            code: "csv-unclosed-quote",
        });
    }
    if !field.is_empty() || was_quoted || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn rfc4180_fields() {
        assert_eq!(
            rows("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n1,\n"),
            [vec!["a", "b"], vec!["x, y", "say \"hi\""], vec!["1", ""],]
        );
        assert_eq!(rows("\"two\nlines\",z"), [vec!["two\nlines", "z"]]);
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(
            rows("\u{feff}a;b\n3.537;77,4\n"),
            [vec!["a", "b"], vec!["3.537", "77,4"]]
        );
        assert_eq!(rows("a\tb\n1\t2"), [vec!["a", "b"], vec!["1", "2"]]);
        // A comma inside quotes does not count for the separator.
        assert_eq!(rows("\"a,b,c\";d\n"), [vec!["a,b,c", "d"]]);
    }

    #[test]
    fn the_separator_is_the_one_every_row_agrees_on() {
        // A title line with a comma above a `;` table with decimal commas.
        let text = "Số liệu, năm 2024\nfile;name;data.x\na.yaml;A;77,4\nb.yaml;B;3\n";
        assert_eq!(separator(text), ';');
        assert_eq!(rows(text)[2], ["a.yaml", "A", "77,4"]);
        // Decimal commas on some lines only.
        assert_eq!(separator("file;x;y\na;1,5;2\nb;3;4,25\nc;5;6\n"), ';');
        // A plain comma file, a tab file, and nothing to go on.
        assert_eq!(separator("file,x\na,1\nb,2\n"), ',');
        assert_eq!(separator("file\tx\na\t1,5\n"), '\t');
        assert_eq!(separator("file\n"), ',');
        // Quoted line breaks do not end a line.
        assert_eq!(separator("\"a;\nb\",c\nd,e\n"), ',');
    }

    #[test]
    fn broken_quotes_are_located() {
        let e = parse("a,b\n1,\"open\n").expect_err("unclosed");
        assert_eq!((e.row, e.column), (1, 1));
        let e = parse("a,b\n1,x\"y\n").expect_err("stray quote");
        assert_eq!((e.row, e.column), (1, 1));
        let e = parse("\"a\"b,c\n").expect_err("text after quote");
        assert_eq!((e.row, e.column), (0, 0));
    }
}
