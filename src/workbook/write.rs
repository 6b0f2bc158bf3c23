//! `vanban workbook`: the .xlsx a province sends out. One sheet (`Số liệu`): row 1 the
//! Vietnamese labels, row 2 the keys (`file`, `name`, then the fact-sheet name of each figure:
//! reading back depends on these, not on the labels), then one row per unit prefilled with
//! the figures its fact sheet already holds. One column per scalar figure the template
//! declares (count, decimal, money, area, percent — its own `data.*` ones and the catalogue's
//! `unit.*`/`facts.*` ones), each with its kind as cell validation and a Vietnamese input
//! message. Series and tables are not columns (a series has one entry per year of a period
//! that differs between units, a table any number of rows): they stay in the fact sheets, and
//! a second sheet (`Ghi chú`) lists them with how to fill the workbook.

use super::{KEY_MARKER, NAME_MARKER, SHEET_NAME};
use crate::contract::{Contract, Declaration, Kind};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::factsheet::load::load_file;
use crate::template::Templates;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The figures that become columns, and the series and tables that do not.
pub fn columns(contract: &Contract) -> (Vec<&Declaration>, Vec<&Declaration>) {
    let figures = contract
        .reads
        .iter()
        .filter(|d| d.kind.is_figure())
        .collect();
    let left_out = contract
        .reads
        .iter()
        .filter(|d| matches!(d.kind, Kind::Series | Kind::Table))
        .collect();
    (figures, left_out)
}

/// Editor lock and backup files, and hidden files: never fact sheets.
pub fn is_editor_file(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$") || name.ends_with('~')
}

/// The fact sheets under a folder, recursively, in path order (editor files skipped).
pub fn sheets_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if is_editor_file(&name) {
            continue;
        }
        if path.is_dir() {
            out.extend(sheets_in(&path)?);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(out)
}

/// One unit's row as written: its key (column A), its name and its current figures.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub key: String,
    pub name: String,
    pub values: Vec<Option<Value>>,
}

/// The fact sheets named by `--units` (folders expanded), each with its key: the path
/// relative to the folder given, or the file name of a sheet given as a file.
pub fn unit_files(units: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, Diagnostics> {
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    let mut errors = Vec::new();
    for given in units {
        let found: Vec<(String, PathBuf)> = if given.is_dir() {
            match sheets_in(given) {
                Ok(files) => files
                    .into_iter()
                    .map(|f| {
                        let rel = f.strip_prefix(given).unwrap_or(&f);
                        let key = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .collect::<Vec<_>>()
                            .join("/");
                        (key, f)
                    })
                    .collect(),
                Err(e) => {
                    let mut d = Diagnostic::error("", format!("cannot read the folder: {e}"))
                        .with_help("check the path given to --units");
                    d.file = given.clone();
                    errors.push(d);
                    continue;
                }
            }
        } else {
            let key = given
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            vec![(key, given.clone())]
        };
        for (key, file) in found {
            if let Some((_, first)) = out.iter().find(|(k, _)| *k == key) {
                let mut d = Diagnostic::error(
                    "",
                    format!("two fact sheets would share the row `{key}`: {} and {}", first.display(), file.display()),
                )
                .with_help("give their common folder with --units DIR, so each row is named by its path under it");
                d.file = file.clone();
                errors.push(d);
                continue;
            }
            out.push((key, file));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(errors))
    }
}

/// A figure at a dotted path of a parsed sheet, if it holds one.
fn value_at(tree: &Value, key: &str) -> Option<Value> {
    key.split('.')
        .try_fold(tree, |node, k| node.get(k))
        .filter(|v| v.is_number() || v.as_str().is_some_and(|s| !s.trim().is_empty()))
        .cloned()
}

/// The rows of the units whose documents use `template`, prefilled with the figures of
/// `keys` their sheets hold. A sheet that cannot be read gets an empty row and a warning; a
/// sheet whose documents do not use the template is left out with a warning.
pub fn unit_rows(
    files: &[(String, PathBuf)],
    template: &str,
    keys: &[&str],
) -> (Vec<UnitRow>, Diagnostics) {
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    for (key, file) in files {
        match load_file(file) {
            Ok(loaded) => {
                if !loaded
                    .sheet
                    .documents
                    .iter()
                    .any(|d| d.template == template)
                {
                    let mut d = Diagnostic::warning("documents", format!("left out of the workbook: no document of this fact sheet uses `{template}`"))
                        .with_help(format!("add `- template: {template}` under documents: to give it a row"));
                    d.file = file.clone();
                    warnings.push(d);
                    continue;
                }
                let unit = &loaded.sheet.unit;
                rows.push(UnitRow {
                    key: key.clone(),
                    name: format!("{} {}", unit.level.word(), unit.name),
                    values: keys.iter().map(|k| value_at(&loaded.tree, k)).collect(),
                });
            }
            Err(errors) => {
                let mut d = Diagnostic::warning(
                    "",
                    format!(
                        "this fact sheet cannot be read ({} error(s); `vanban check` lists them): its row is left blank",
                        errors.len()
                    ),
                )
                .with_help("correct the fact sheet, then write the workbook again to prefill its figures");
                d.file = file.clone();
                warnings.push(d);
                rows.push(UnitRow {
                    key: key.clone(),
                    name: String::new(),
                    values: vec![None; keys.len()],
                });
            }
        }
    }
    (rows, Diagnostics(warnings))
}

/// `vanban workbook TEMPLATE --units ...`: the workbook's bytes and the warnings about the
/// units (left out, unreadable). An unknown template, one that declares no figure, or two
/// units that would share a row are errors.
pub fn for_template(
    templates: &Templates,
    template: &str,
    units: &[PathBuf],
) -> Result<(Vec<u8>, Diagnostics), Diagnostics> {
    let whole = |message: String, help: &str| {
        Diagnostics(vec![Diagnostic::error("", message).with_help(help)])
    };
    if !templates.exists(template) {
        return Err(whole(
            format!("there is no template `{template}`"),
            "run `vanban templates` for the list",
        ));
    }
    let contract = templates.contract(template);
    let (figures, _) = columns(&contract);
    if figures.is_empty() {
        return Err(whole(
            format!(
                "`{template}` declares no figure (count, decimal, money, area or percent): a workbook would have no column to fill"
            ),
            "`vanban templates` shows what each template reads",
        ));
    }
    let keys: Vec<&str> = figures.iter().map(|d| d.name.as_str()).collect();
    let files = unit_files(units)?;
    let (rows, warnings) = unit_rows(&files, template, &keys);
    let bytes = write(template, &contract, &rows).map_err(|e| {
        whole(
            format!("writing the workbook: {e}"),
            "this is a fault of vanban: please report it with the template",
        )
    })?;
    Ok((bytes, warnings))
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

fn validation(d: &Declaration) -> Result<DataValidation, XlsxError> {
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

/// Writes the workbook for `template` with a row per unit. Same input, same bytes: the
/// creation date is fixed.
pub fn write(template: &str, contract: &Contract, units: &[UnitRow]) -> Result<Vec<u8>, XlsxError> {
    let (figures, left_out) = columns(contract);
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
    let whole = Format::new().set_num_format("#,##0");
    let mut sheet = Worksheet::new();
    sheet.set_name(SHEET_NAME)?;
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
        sheet.write_string_with_format(1, col, &d.name, &key)?;
        sheet.set_column_width(col, 18)?;
        sheet.add_data_validation(FIRST_UNIT_ROW, col, LAST_ROW, col, &validation(d)?)?;
    }
    sheet.set_row_height(0, 60)?;
    for (r, unit) in units.iter().enumerate() {
        let row = FIRST_UNIT_ROW + r as u32;
        sheet.write_string(row, 0, &unit.key)?;
        sheet.write_string(row, 1, &unit.name)?;
        for (i, (value, d)) in unit.values.iter().zip(&figures).enumerate() {
            let col = (i + 2) as u16;
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
                    sheet.write_string(row, col, s)?;
                }
                _ => {}
            }
        }
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
    if !left_out.is_empty() {
        lines.push((String::new(), false));
        lines.push((
            "Không nhập ở bảng này (ghi trong tệp YAML của từng đơn vị):".into(),
            true,
        ));
        for d in &left_out {
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
    use super::*;
    use crate::contract::parse;

    const HEADER: &str = "{#- vanban\nreads:\n  data.patrols: { kind: count, label: Lượt tuần tra }\n  data.rate: { kind: percent, label: Tỷ lệ }\n  data.monthly: { kind: series, of: count }\n  narrative.notes:\n  unit.households:\n-#}";

    #[test]
    fn figures_are_columns_series_are_not() {
        let c = parse(HEADER).expect("header");
        let (figures, left_out) = columns(&c);
        let names: Vec<&str> = figures.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["data.patrols", "data.rate", "unit.households"]);
        assert_eq!(left_out.len(), 1);
        assert_eq!(left_out[0].name, "data.monthly");
    }

    #[test]
    fn same_input_same_bytes_and_it_reads_back() {
        let c = parse(HEADER).expect("header");
        let units = vec![UnitRow {
            key: "xa/a.yaml".into(),
            name: "xã A".into(),
            values: vec![
                Some(serde_json::json!(1204)),
                None,
                Some(serde_json::json!("trên 1.500")),
            ],
        }];
        let a = write("t", &c, &units).expect("writes");
        let b = write("t", &c, &units).expect("writes");
        assert_eq!(a, b);
        let dir = std::env::temp_dir().join(format!("vanban-wb-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("w.xlsx");
        std::fs::write(&file, &a).expect("write");
        let wb = super::super::read(&file).expect("reads back");
        let keys: Vec<&str> = wb.columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["data.patrols", "data.rate", "unit.households"]);
        assert_eq!(wb.rows.len(), 1);
        assert_eq!(wb.rows[0].key, "xa/a.yaml");
        assert_eq!(wb.rows[0].row, FIRST_UNIT_ROW);
        use super::super::number::CellValue;
        assert_eq!(
            wb.rows[0].cells,
            [
                CellValue::Number(1204.0),
                CellValue::Empty,
                CellValue::Text("trên 1.500".into())
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn editor_files_are_skipped() {
        for name in [".#a.yaml", "~$a.yaml", "a.yaml~", ".hidden.yaml"] {
            assert!(is_editor_file(name), "{name}");
        }
        assert!(!is_editor_file("a.yaml"));
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
