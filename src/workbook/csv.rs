//! A small RFC 4180 reader for a workbook saved as CSV: quoted fields with `""` for a quote
//! and line breaks inside quotes, CRLF or LF. Excel saves CSV with `;` between fields where
//! the decimal mark is a comma (as in Vietnamese settings), so the separator is the one of
//! `,` `;` or a tab that the first line uses most outside quotes. A leading BOM (Excel's
//! "CSV UTF-8") is dropped.

/// Why the text is not a readable CSV table: the 0-based record and field where it fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub row: u32,
    pub column: u32,
    pub message: String,
}

/// The separator the first line uses most outside quotes (`,` when it uses none).
fn separator(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                for (sep, n) in counts.iter_mut() {
                    if *sep == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // The first of the most used, in the order listed (`,` wins a tie).
    let mut best = (',', 0);
    for (sep, n) in counts {
        if n > best.1 {
            best = (sep, n);
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
                    message: "a quote inside a field that does not start with one".into(),
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
                    message: "text after the closing quote of a field".into(),
                });
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError {
            row: quote_start.0,
            column: quote_start.1,
            message: "a quote opened here is never closed".into(),
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
    fn broken_quotes_are_located() {
        let e = parse("a,b\n1,\"open\n").expect_err("unclosed");
        assert_eq!((e.row, e.column), (1, 1));
        let e = parse("a,b\n1,x\"y\n").expect_err("stray quote");
        assert_eq!((e.row, e.column), (1, 1));
        let e = parse("\"a\"b,c\n").expect_err("text after quote");
        assert_eq!((e.row, e.column), (0, 0));
    }
}
