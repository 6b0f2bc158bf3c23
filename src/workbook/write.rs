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

use super::fill::value_of;
use super::key::FigureKey;
use super::{KEY_MARKER, NAME_MARKER, SHEET_NAME};
use crate::contract::{Contract, Declaration, Kind};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::factsheet::load::{Loaded, load_file};
use crate::template::Templates;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One column to write: its key, its label (row 1) and the kind of its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub key: FigureKey,
    pub label: String,
    pub kind: Kind,
}

/// The most years of a series the workbook gives columns: a review over a decade or two.
pub const MOST_YEARS: usize = 20;

/// Which series get a column per year, and the years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Years {
    pub years: Vec<i64>,
    /// The declared names of the series kept per year.
    pub series: BTreeSet<String>,
}

/// The columns for a template's declarations, in their order: one per scalar figure, and for
/// a series of [`Years::series`] one per figure per year; and the declarations that get none
/// (tables, and the other series).
pub fn columns<'c>(contract: &'c Contract, years: &Years) -> (Vec<Spec>, Vec<&'c Declaration>) {
    let (per_year, years) = (&years.series, &years.years);
    let mut specs = Vec::new();
    let mut left_out = Vec::new();
    for d in &contract.reads {
        match d.kind {
            k if k.is_figure() => specs.push(Spec {
                key: FigureKey {
                    name: d.name.clone(),
                    point: None,
                },
                label: d.label.clone(),
                kind: k,
            }),
            Kind::Series if per_year.contains(&d.name) && !years.is_empty() => {
                let mut any = false;
                for year in years {
                    for f in d.fields.iter().filter(|f| f.kind.is_figure()) {
                        any = true;
                        let single = d.single_figure();
                        specs.push(Spec {
                            key: FigureKey {
                                name: d.name.clone(),
                                point: Some((*year, (!single).then(|| f.name.clone()))),
                            },
                            label: if single {
                                format!("{} — {year}", d.label)
                            } else {
                                format!(
                                    "{} — {year}: {}",
                                    d.label,
                                    f.label.as_deref().unwrap_or(&f.name)
                                )
                            },
                            kind: f.kind,
                        });
                    }
                }
                if !any {
                    left_out.push(d);
                }
            }
            Kind::Series | Kind::Table => left_out.push(d),
            _ => {}
        }
    }
    (specs, left_out)
}

/// The years a series' entries are for, as a sheet writes them (`2024: …` or `- { at: 2024, … }`):
/// `None` when the sheet has none, `Some(Err(()))` when one is named by something else than a
/// year (a month, `6 tháng đầu năm`).
fn entry_years(tree: &Value, name: &str) -> Option<Result<Vec<i64>, ()>> {
    let year = |v: Option<i64>| v.filter(|y| (1900..=2200).contains(y)).ok_or(());
    let series = name.split('.').try_fold(tree, |node, k| node.get(k))?;
    let found: Result<Vec<i64>, ()> = match series {
        Value::Object(map) if !map.is_empty() => {
            map.keys().map(|k| year(k.trim().parse().ok())).collect()
        }
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| {
                year(match i.get("at") {
                    Some(Value::Number(n)) => n.as_i64(),
                    Some(Value::String(s)) => s.trim().parse().ok(),
                    _ => None,
                })
            })
            .collect(),
        _ => return None,
    };
    Some(found)
}

/// The series that get a column per year, and the years. A series is per year when the units
/// write it with years; one no unit writes is taken per year only when a unit's period spans
/// several years (a review with `period.first_year`), since a series may also be per month
/// or per named period. A series any unit writes otherwise is left out. The years are those
/// of the units' periods (`first_year`..`year`, or `year`) and of the entries they write, the
/// latest [`MOST_YEARS`].
pub fn years(contract: &Contract, units: &[&Loaded]) -> Years {
    let review = units.iter().any(|l| {
        l.sheet
            .period
            .first_year
            .is_some_and(|f| f < l.sheet.period.year)
    });
    let mut all: Vec<i64> = Vec::new();
    let mut series = BTreeSet::new();
    for d in contract.reads.iter().filter(|d| d.kind == Kind::Series) {
        let written: Vec<Result<Vec<i64>, ()>> = units
            .iter()
            .filter_map(|l| entry_years(&l.tree, &d.name))
            .collect();
        if written.iter().any(Result::is_err) || (written.is_empty() && !review) {
            continue;
        }
        all.extend(written.into_iter().flatten().flatten());
        series.insert(d.name.clone());
    }
    if series.is_empty() {
        return Years::default();
    }
    for l in units {
        let last = i64::from(l.sheet.period.year);
        let first = l.sheet.period.first_year.map_or(last, i64::from);
        all.extend(first.max(last - MOST_YEARS as i64 + 1)..=last);
    }
    all.sort_unstable();
    all.dedup();
    let skip = all.len().saturating_sub(MOST_YEARS);
    Years {
        years: all.split_off(skip),
        series,
    }
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

/// The units that get a row: the fact sheets (by key) whose documents use `template`, each
/// loaded (`None` when it cannot be read: an empty row and a warning); a sheet whose
/// documents do not use the template is left out with a warning.
pub fn load_units(
    files: &[(String, PathBuf)],
    template: &str,
) -> (Vec<(String, Option<Loaded>)>, Diagnostics) {
    let mut units = Vec::new();
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
                units.push((key.clone(), Some(loaded)));
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
                units.push((key.clone(), None));
            }
        }
    }
    (units, Diagnostics(warnings))
}

/// A unit's row, prefilled with the figures of `specs` its sheet holds.
pub fn unit_row(key: &str, loaded: Option<&Loaded>, specs: &[Spec]) -> UnitRow {
    UnitRow {
        key: key.to_string(),
        name: loaded
            .map(|l| format!("{} {}", l.sheet.unit.level.word(), l.sheet.unit.name))
            .unwrap_or_default(),
        values: specs
            .iter()
            .map(|s| {
                loaded
                    .and_then(|l| value_of(&l.tree, &s.key))
                    .filter(|v| v.is_number() || v.is_string())
                    .cloned()
            })
            .collect(),
    }
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
    let files = unit_files(units)?;
    let (units, warnings) = load_units(&files, template);
    let loaded: Vec<&Loaded> = units.iter().filter_map(|(_, l)| l.as_ref()).collect();
    let (specs, left_out) = columns(&contract, &years(&contract, &loaded));
    if specs.is_empty() {
        return Err(whole(
            format!(
                "`{template}` declares no figure (count, decimal, money, area or percent): a workbook would have no column to fill"
            ),
            "`vanban templates` shows what each template reads",
        ));
    }
    let rows: Vec<UnitRow> = units
        .iter()
        .map(|(key, l)| unit_row(key, l.as_ref(), &specs))
        .collect();
    let bytes = write(template, &specs, &left_out, &rows).map_err(|e| {
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
    use super::*;
    use crate::contract::parse;

    const HEADER: &str = "{#- vanban\nreads:\n  data.patrols: { kind: count, label: Lượt tuần tra }\n  data.rate: { kind: percent, label: Tỷ lệ }\n  data.monthly: { kind: series, label: Theo năm, of: count }\n  data.areas: { kind: series, label: Khu dân cư, of: { total: count, recognised: { kind: count, label: Được công nhận }, note: text } }\n  data.rows: { kind: table, columns: { name: text, households: count } }\n  narrative.notes:\n  unit.households:\n-#}";

    fn keys(specs: &[Spec]) -> Vec<String> {
        specs.iter().map(|s| s.key.to_string()).collect()
    }

    #[test]
    fn figures_are_columns_series_by_year_tables_are_not() {
        let c = parse(HEADER).expect("header");
        let (specs, left_out) = columns(&c, &Years::default());
        assert_eq!(
            keys(&specs),
            ["data.patrols", "data.rate", "unit.households"]
        );
        let left: Vec<&str> = left_out.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            left,
            ["data.monthly", "data.areas", "data.rows"],
            "no year, no series column"
        );

        let both = Years {
            years: vec![2023, 2024],
            series: ["data.monthly", "data.areas"].map(String::from).into(),
        };
        let (specs, left_out) = columns(&c, &both);
        assert_eq!(
            keys(&specs),
            [
                "data.patrols",
                "data.rate",
                "data.monthly[2023]",
                "data.monthly[2024]",
                "data.areas[2023].total",
                "data.areas[2023].recognised",
                "data.areas[2024].total",
                "data.areas[2024].recognised",
                "unit.households"
            ]
        );
        assert_eq!(specs[2].label, "Theo năm — 2023");
        assert_eq!(specs[5].label, "Khu dân cư — 2023: Được công nhận");
        assert_eq!(specs[1].kind, Kind::Percent);
        assert_eq!(left_out.len(), 1);
    }

    #[test]
    fn which_series_are_per_year() {
        let c = parse(HEADER).expect("header");
        let sheet = |period: &str, data: &str| {
            let text = format!(
                "schema: 1\nunit: {{ name: A, level: xa }}\nperiod: {period}\nissuer: {{ agency: [A], abbreviation: A, signer: {{ position: B }} }}\ndocuments: [{{ template: t }}]\ndata: {data}\n"
            );
            crate::factsheet::load::load_str(&text, Path::new("a.yaml")).expect("loads")
        };
        // No unit writes a series and no period spans years: none per year.
        let a = sheet("{ year: 2024 }", "{}");
        assert_eq!(years(&c, &[&a]), Years::default());
        // A review period: every series no unit writes, over its years.
        let review = sheet("{ year: 2024, first_year: 2022 }", "{}");
        let y = years(&c, &[&a, &review]);
        assert_eq!(y.years, [2022, 2023, 2024]);
        assert_eq!(y.series.len(), 2);
        // Written per year (also before the period): per year; per month: left out.
        let written = sheet(
            "{ year: 2024 }",
            "{ areas: { 2021: { total: 3 } }, monthly: [{ at: 1, value: 2 }] }",
        );
        let y = years(&c, &[&written]);
        assert_eq!(y.years, [2021, 2024]);
        assert_eq!(y.series, ["data.areas".to_string()].into());
        let long = sheet("{ year: 2024, first_year: 1990 }", "{}");
        let y = years(&c, &[&long]);
        assert_eq!(y.years.len(), MOST_YEARS);
        assert_eq!(y.years.last(), Some(&2024));
    }

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
    fn editor_files_are_skipped() {
        for name in [".#a.yaml", "~$a.yaml", "a.yaml~", ".hidden.yaml"] {
            assert!(is_editor_file(name), "{name}");
        }
        assert!(!is_editor_file("a.yaml"));
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
