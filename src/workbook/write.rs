//! `vanban workbook`: the .xlsx a province sends out. One sheet (`Số liệu`): row 1 the
//! Vietnamese labels, row 2 the keys (`file`, `name`, then the fact-sheet name of each figure:
//! reading back depends on these, not on the labels), then one row per unit prefilled with
//! the figures its fact sheet already holds. One column per scalar figure the template
//! declares (count, decimal, money, area, percent — its own `data.*` ones and the catalogue's
//! `unit.*`/`facts.*` ones), and for a series one column per figure per year of the units'
//! periods (`data.areas[2024].recognised`), each with its kind as cell validation and a
//! Vietnamese input message. Tables are not columns (a table has any number of rows), nor are
//! a series' entries named by text (`6 tháng đầu năm`): they stay in the fact sheets, and a
//! second sheet (`Ghi chú`) says how to fill the workbook and lists what is left out.

use super::columns::{Spec, columns, years};
use super::key::FigureKey;
use super::units::{Sum, UnitRow, load_units, sums, unit_files, unit_row};
use super::{KEY_MARKER, NAME_MARKER, SHEET_NAME};
use crate::contract::Aggregate;
use crate::contract::{Declaration, Kind};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::factsheet::load::Loaded;
use crate::i18n::Args;
use crate::i18n::args;
use crate::rollup::figures::Plan;
use crate::template::Templates;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;
use std::path::PathBuf;

/// `vanban workbook TEMPLATE --units ...`: the workbook's bytes and the warnings about the
/// units (left out, unreadable). An unknown template, one that declares no figure, or two
/// units that would share a row are errors.
pub fn for_template(
    templates: &Templates,
    template: &str,
    units: &[PathBuf],
) -> Result<(Vec<u8>, Diagnostics), Diagnostics> {
    let whole = |code: &'static str, args: Args| {
        Diagnostics(vec![Diagnostic::new(Severity::Error, code, "", args)])
    };
    if !templates.exists(template) {
        return Err(whole(
            "workbook-template-unknown",
            args! {"template" => template},
        ));
    }
    let contract = templates.contract(template);
    let files = unit_files(units)?;
    let (units, warnings) = load_units(&files, template);
    let loaded: Vec<&Loaded> = units.iter().filter_map(|(_, l)| l.as_ref()).collect();
    let (mut specs, left_out) = columns(&contract, &years(&contract, &loaded));
    // A parent over rows: what its own templates roll up. Its children get a column for each
    // such figure (the district's summary reads data.patrols; the communes type it here).
    let plans: Vec<Vec<(String, Aggregate)>> = units
        .iter()
        .map(|(_, l)| match l {
            Some(l) if !l.sheet.children.is_empty() => {
                let (merged, _) = templates.contracts(l);
                Plan::of(&merged)
                    .scalars
                    .into_iter()
                    .map(|s| {
                        if !specs
                            .iter()
                            .any(|d| d.key.name == s.path && d.key.point.is_none())
                        {
                            specs.push(Spec {
                                key: FigureKey {
                                    name: s.path.clone(),
                                    point: None,
                                },
                                label: s.label.clone(),
                                kind: s.kind,
                            });
                        }
                        (s.path, s.rule)
                    })
                    .collect()
            }
            _ => Vec::new(),
        })
        .collect();
    if specs.is_empty() {
        return Err(whole(
            "template-declares-no-figure",
            args! {"template" => template},
        ));
    }
    let mut rows: Vec<UnitRow> = units
        .iter()
        .map(|(key, l)| unit_row(key, l.as_ref(), &specs))
        .collect();
    for (i, sums) in sums(&units, &specs, &plans).into_iter().enumerate() {
        let Some(sums) = sums else { continue };
        // A parent's figures are what its children's rows add up to, not what its sheet says.
        let values: Vec<Option<Value>> = sums
            .iter()
            .enumerate()
            .map(|(col, sum)| {
                let sum = sum.as_ref()?;
                let parts: Vec<Option<&Value>> = sum
                    .rows
                    .iter()
                    .map(|r| rows.get(*r).and_then(|u| u.values.get(col)?.as_ref()))
                    .collect();
                crate::rollup::figures::combine(&parts, sum.rule).filter(Value::is_number)
            })
            .collect();
        if let Some(row) = rows.get_mut(i) {
            row.values = values;
            row.sums = Some(sums);
        }
    }
    let bytes = write(template, &specs, &left_out, &rows)
        .map_err(|e| whole("workbook-write-failed", args! {"detail" => e.to_string()}))?;
    Ok((bytes, warnings))
}

/// A parent's cell: its children's cells combined, empty while any of them is (a partial
/// sum is not a total): `=IF(COUNT(C3,C5)=2,SUM(C3,C5),"")`.
fn sum_formula(sum: &Sum, col: u16) -> String {
    let letters = crate::diagnostic::Cell::column_letters(u32::from(col));
    let cells: Vec<String> = sum
        .rows
        .iter()
        .map(|r| format!("{letters}{}", FIRST_UNIT_ROW as usize + r + 1))
        .collect();
    let list = cells.join(",");
    let function = match sum.rule {
        Aggregate::Max => "MAX",
        _ => "SUM",
    };
    format!("=IF(COUNT({list})={},{function}({list}),\"\")", cells.len())
}

/// The rule typed into a column, for the input message.
fn rule(kind: Kind) -> &'static str {
    match kind {
        Kind::Count => "Số nguyên từ 0 trở lên, ví dụ 3537.",
        Kind::Money => "Số tiền (đồng) từ 0 trở lên.",
        Kind::Area => "Diện tích (ha), số từ 0 trở lên; phần thập phân sau dấu phẩy (12,5).",
        Kind::Percent => "Tỷ lệ phần trăm từ 0 đến 100, không gõ dấu %  (77,4).",
        _ => "Số; phần thập phân sau dấu phẩy (12,5).",
    }
}

/// Cuts a text to at most `max` UTF-16 units (Excel's limit for validation texts).
fn cut(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        used += c.len_utf16();
        if used > max {
            out.pop();
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

fn validation(d: &Spec) -> Result<DataValidation, XlsxError> {
    let v = DataValidation::new();
    let v = match d.kind {
        Kind::Count => v.allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
        Kind::Money | Kind::Area => {
            v.allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        }
        Kind::Percent => v.allow_decimal_number(DataValidationRule::Between(0.0, 100.0)),
        _ => v.allow_decimal_number(DataValidationRule::Between(-1e12, 1e12)),
    };
    let message = format!(
        "{}\n{}\nĐể trống nếu chưa có số liệu (ô trống không phải là số 0).",
        d.label,
        rule(d.kind)
    );
    // A clerk may type an estimate (`trên 1.500`): warn, do not refuse; vanban checks it.
    v.set_input_title(cut(&capitalise(d.kind.vietnamese()), 32))?
        .set_input_message(cut(&message, 255))?
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title("Giá trị chưa đúng loại")?
        .set_error_message(cut(&format!("Cột này cần: {}", rule(d.kind)), 255))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The last row Excel has (0-based): validation covers every row below the keys.
const LAST_ROW: u32 = 1_048_575;

/// The first row of units (0-based): below the labels and the keys.
pub const FIRST_UNIT_ROW: u32 = 2;

/// Writes the workbook for `template`: a column per spec, a row per unit, and the notes
/// sheet naming what is `left_out`. Same input, same bytes: the creation date is fixed.
pub fn write(
    template: &str,
    figures: &[Spec],
    left_out: &[&Declaration],
    units: &[UnitRow],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed date: the file must not change when nothing it holds changes.
    let created = ExcelDateTime::from_ymd(2024, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Số liệu: {template}"))
            .set_author("vanban")
            .set_creation_datetime(&created),
    );
    let label = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDEBF7));
    let key = Format::new()
        .set_italic()
        .set_font_size(8)
        .set_font_color(Color::RGB(0x808080));
    // With parents' rows the sheet is protected: their cells are formulas over their
    // children's rows; every other unit cell stays open for typing.
    let protect = units.iter().any(|u| u.sums.is_some());
    let open = |f: Format| if protect { f.set_unlocked() } else { f };
    let whole = open(Format::new().set_num_format("#,##0"));
    let plain = open(Format::new());
    let computed = Format::new()
        .set_num_format("#,##0")
        .set_background_color(Color::RGB(0xEDEDED))
        .set_italic();
    let mut sheet = Worksheet::new();
    sheet.set_name(SHEET_NAME)?;
    // A parent's cell whose children are not all filled holds nothing, never a 0.
    sheet.set_formula_result_default("");
    sheet.write_string_with_format(0, 0, "Tệp số liệu của đơn vị", &label)?;
    sheet.write_string_with_format(0, 1, "Đơn vị", &label)?;
    sheet.write_string_with_format(1, 0, KEY_MARKER, &key)?;
    sheet.write_string_with_format(1, 1, NAME_MARKER, &key)?;
    let key_width = units
        .iter()
        .map(|u| u.key.chars().count())
        .max()
        .unwrap_or(0);
    let name_width = units
        .iter()
        .map(|u| u.name.chars().count())
        .max()
        .unwrap_or(0);
    sheet.set_column_width(0, (key_width.max(22) + 2).min(60) as f64)?;
    sheet.set_column_width(1, (name_width.max(12) + 2).min(40) as f64)?;
    for (i, d) in figures.iter().enumerate() {
        let col = (i + 2) as u16;
        sheet.write_string_with_format(0, col, &d.label, &label)?;
        sheet.write_string_with_format(1, col, d.key.to_string(), &key)?;
        sheet.set_column_width(col, 18)?;
        sheet.add_data_validation(FIRST_UNIT_ROW, col, LAST_ROW, col, &validation(d)?)?;
    }
    sheet.set_row_height(0, 60)?;
    for (r, unit) in units.iter().enumerate() {
        let row = FIRST_UNIT_ROW + r as u32;
        sheet.write_string(row, 0, &unit.key)?;
        sheet.write_string(row, 1, &unit.name)?;
        for (i, (value, d)) in unit.values.iter().zip(figures).enumerate() {
            let col = (i + 2) as u16;
            if let Some(sums) = &unit.sums {
                match sums.get(i).and_then(Option::as_ref) {
                    Some(sum) => {
                        let formula = Formula::new(sum_formula(sum, col)).set_result(
                            value
                                .as_ref()
                                .and_then(Value::as_f64)
                                .map(|x| crate::rollup::figures::number(x).to_string())
                                .unwrap_or_default(),
                        );
                        sheet.write_formula_with_format(row, col, formula, &computed)?;
                    }
                    None => {
                        sheet.write_blank(row, col, &computed)?;
                    }
                }
                continue;
            }
            match value {
                Some(Value::Number(n)) => {
                    let x = n.as_f64().unwrap_or(0.0);
                    if matches!(d.kind, Kind::Count | Kind::Money) {
                        sheet.write_number_with_format(row, col, x, &whole)?;
                    } else {
                        sheet.write_number(row, col, x)?;
                    }
                }
                Some(Value::String(s)) => {
                    sheet.write_string_with_format(row, col, s, &plain)?;
                }
                _ if protect => {
                    sheet.write_blank(row, col, &plain)?;
                }
                _ => {}
            }
        }
    }
    if protect {
        // No password: a clerk who must can lift it (Review → Unprotect sheet).
        sheet.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        });
    }
    sheet.set_freeze_panes(FIRST_UNIT_ROW, 2)?;
    book.push_worksheet(sheet);

    let mut notes = Worksheet::new();
    notes.set_name("Ghi chú")?;
    notes.set_column_width(0, 110)?;
    let bold = Format::new().set_bold();
    let mut lines: Vec<(String, bool)> = vec![
        (format!("Số liệu cho mẫu {template}"), true),
        ("Mỗi dòng của trang \"Số liệu\" là một đơn vị; cột A là tệp số liệu (YAML) của đơn vị. Không sửa cột A và dòng 2 (tên số liệu): vanban đọc lại theo đó.".into(), false),
        ("Ô để trống là chưa có số liệu, không phải số 0.".into(), false),
        ("Số gõ kiểu Việt Nam cũng được đọc: 3.537 hoặc 3 537 là ba nghìn năm trăm ba mươi bảy; 77,4 là bảy mươi bảy phẩy bốn.".into(), false),
        ("Một số đã có trong tệp YAML thì không ghi khác đi ở đây: hai nơi ghi khác nhau là lỗi. Khi số liệu đã ở bảng này, xóa số đó trong tệp YAML.".into(), false),
        ("Sau khi điền: vanban render --figures <tệp này> <thư mục các tệp YAML>".into(), false),
    ];
    if figures.iter().any(|s| s.key.point.is_some()) {
        lines.push(("Chuỗi số liệu theo năm: một cột cho mỗi năm của kỳ báo cáo (ví dụ data.areas[2024].recognised là số của năm 2024).".into(), false));
    }
    if !left_out.is_empty() {
        lines.push((String::new(), false));
        lines.push((
            "Không nhập ở bảng này (ghi trong tệp YAML của từng đơn vị):".into(),
            true,
        ));
        for d in left_out {
            let what = if d.kind == Kind::Series {
                "chuỗi số liệu theo năm"
            } else {
                "bảng"
            };
            lines.push((format!("- {} ({}; {what})", d.label, d.name), false));
        }
    }
    for (i, (text, strong)) in lines.iter().enumerate() {
        if *strong {
            notes.write_string_with_format(i as u32, 0, text, &bold)?;
        } else {
            notes.write_string(i as u32, 0, text)?;
        }
    }
    book.push_worksheet(notes);
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::super::columns::Years;
    use super::super::columns::tests::{HEADER, keys};
    use super::*;
    use crate::contract::parse;

    #[test]
    fn same_input_same_bytes_and_it_reads_back() {
        let c = parse(HEADER).expect("header");
        let one = Years {
            years: vec![2024],
            series: ["data.monthly", "data.areas"].map(String::from).into(),
        };
        let (specs, left_out) = columns(&c, &one);
        let mut values = vec![None; specs.len()];
        values[0] = Some(serde_json::json!(1204));
        values[2] = Some(serde_json::json!(12));
        values[5] = Some(serde_json::json!("trên 1.500"));
        let units = vec![UnitRow {
            key: "xa/a.yaml".into(),
            name: "xã A".into(),
            values,
            sums: None,
        }];
        let a = write("t", &specs, &left_out, &units).expect("writes");
        let b = write("t", &specs, &left_out, &units).expect("writes");
        assert_eq!(a, b);
        let dir = std::env::temp_dir().join(format!("vanban-wb-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("w.xlsx");
        std::fs::write(&file, &a).expect("write");
        let wb = super::super::read(&file).expect("reads back");
        let read: Vec<&str> = wb.columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(read, keys(&specs));
        assert_eq!(wb.rows.len(), 1);
        assert_eq!(wb.rows[0].key, "xa/a.yaml");
        assert_eq!(wb.rows[0].row, FIRST_UNIT_ROW);
        use super::super::number::CellValue;
        assert_eq!(wb.rows[0].cells[0], CellValue::Number(1204.0));
        assert_eq!(wb.rows[0].cells[1], CellValue::Empty);
        assert_eq!(wb.rows[0].cells[2], CellValue::Number(12.0));
        assert_eq!(wb.rows[0].cells[5], CellValue::Text("trên 1.500".into()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn validation_texts_fit_excel() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
