//! The data-entry workbook end to end: `vanban workbook` writes an .xlsx for a template and a
//! folder of three units (tests/fixtures/workbook); the test fills it as a clerk would — a
//! number typed the Vietnamese way as text (`3.537`) and one word in a count column
//! (`nhiều`) — and `render --figures` renders the good units with the figure and reports the
//! bad cell by its address; the same through a CSV file; a figure in both places, a row
//! without a sheet and a sheet without a row are reported.

use crate::common::ooxml::{docx_parts, part, plain_text};
use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::path::{Path, PathBuf};

const TEMPLATES: &str = "tests/fixtures/open/templates";
const UNITS: &str = "tests/fixtures/workbook";
const SHEET: &str = "Số liệu";

/// The workbook `vanban workbook` writes for the fixture units, at `out`.
fn write_workbook(out: &Path) {
    let o = vanban(&[
        "workbook",
        "bao-cao-tuan-tra",
        "--templates",
        TEMPLATES,
        "--units",
        UNITS,
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        out.display().to_string()
    );
}

/// Every cell of the workbook's sheet as text (numbers as Rust prints them), row by row.
fn cells(file: &Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(file).expect("opens");
    assert_eq!(book.sheet_names()[0], SHEET);
    let range = book.worksheet_range(SHEET).expect("sheet");
    assert_eq!(range.start(), Some((0, 0)));
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(x) => x.to_string(),
                    Data::Int(i) => i.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The 0-based column of a key in the key row.
fn column(grid: &[Vec<String>], key: &str) -> usize {
    grid[1]
        .iter()
        .position(|k| k == key)
        .unwrap_or_else(|| panic!("no column {key}"))
}

/// The row of a unit.
fn row(grid: &[Vec<String>], unit: &str) -> usize {
    grid.iter()
        .position(|r| r[0] == unit)
        .unwrap_or_else(|| panic!("no row {unit}"))
}

/// The grid with a few cells changed, as a clerk fills it.
fn fill(grid: &[Vec<String>], edits: &[(&str, &str, &str)]) -> Vec<Vec<String>> {
    let mut out = grid.to_vec();
    for (unit, key, value) in edits {
        let (r, c) = (row(grid, unit), column(grid, key));
        out[r][c] = value.to_string();
    }
    out
}

/// Writes the filled grid back as .xlsx: text typed by the clerk stays text (so `3.537` is a
/// text cell, as Excel keeps it in a text-formatted cell), other figures are numbers.
fn save_xlsx(grid: &[Vec<String>], file: &Path, as_text: &[(usize, usize)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).expect("name");
    for (r, row) in grid.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let (rr, cc) = (r as u32, c as u16);
            match value.parse::<f64>() {
                Ok(x) if r > 1 && c > 1 && !as_text.contains(&(r, c)) => {
                    sheet.write_number(rr, cc, x).expect("number");
                }
                _ => {
                    sheet.write_string(rr, cc, value).expect("text");
                }
            }
        }
    }
    book.save(file).expect("saves");
}

/// The paths `render` printed.
/// The text output of `unit` (part of its file name) among the written files.
fn text_of<'a>(paths: &'a [PathBuf], unit: &str) -> &'a PathBuf {
    paths
        .iter()
        .find(|p| p.to_string_lossy().contains(unit) && p.extension().is_some_and(|e| e == "txt"))
        .unwrap_or_else(|| panic!("no text output of {unit} among {paths:?}"))
}

fn written(o: &std::process::Output) -> Vec<PathBuf> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(PathBuf::from)
        .collect()
}

fn render(figures: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "render",
        "--figures",
        figures.to_str().expect("utf-8"),
        "--templates",
        TEMPLATES,
        "--format",
        "txt,docx",
        "-o",
        out.to_str().expect("utf-8"),
        "tests/fixtures/workbook/phuong-an-binh.yaml",
        "tests/fixtures/workbook/xa",
    ];
    args.extend(extra);
    vanban(&args)
}

#[test]
fn a_filled_workbook_renders_the_good_units_and_names_the_bad_cell() {
    let dir = temp_dir("workbook");
    let file = dir.join("so-lieu.xlsx");
    write_workbook(&file);
    // Same input, same bytes.
    let again = dir.join("again.xlsx");
    write_workbook(&again);
    assert_eq!(
        std::fs::read(&file).expect("read"),
        std::fs::read(&again).expect("read")
    );

    let grid = cells(&file);
    assert_eq!(grid[1][..3], ["file", "name", "data.patrols"]);
    assert_eq!(grid[0][2], "Lượt tuần tra", "labels in row 1");
    let units: Vec<&str> = grid[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        units,
        [
            "phuong-an-binh.yaml",
            "xa/xa-binh-minh.yaml",
            "xa/xa-hoa-binh.yaml"
        ],
        "a row per unit, by path under the folder"
    );
    assert_eq!(grid[2][1], "phường An Bình");
    // Prefilled with what the sheet holds; the rest is empty, never 0.
    assert_eq!(grid[2][column(&grid, "data.road_km")], "12.5");
    assert_eq!(grid[2][column(&grid, "data.patrols")], "");
    for key in ["data.monthly", "data.teams", "narrative.notes"] {
        assert!(!grid[1].iter().any(|k| k == key), "{key} is no column");
    }

    let filled = fill(
        &grid,
        &[
            ("phuong-an-binh.yaml", "data.patrols", "3.537"),
            ("phuong-an-binh.yaml", "data.fines", "86.500.000"),
            ("xa/xa-binh-minh.yaml", "data.patrols", "1204"),
            ("xa/xa-hoa-binh.yaml", "data.patrols", "nhiều"),
        ],
    );
    let an_binh = row(&grid, "phuong-an-binh.yaml");
    let patrols = column(&grid, "data.patrols");
    let fines = column(&grid, "data.fines");
    let filled_file = dir.join("filled.xlsx");
    save_xlsx(
        &filled,
        &filled_file,
        &[(an_binh, patrols), (an_binh, fines)],
    );

    let out = dir.join("out");
    let o = render(&filled_file, &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let bad_row = row(&grid, "xa/xa-hoa-binh.yaml") + 1;
    let address = format!("'{SHEET}'!C{bad_row}");
    assert_eq!(address, "'Số liệu'!C5");
    assert!(
        err.contains(&format!(
            "{}:{address}: error: data.patrols: \"nhiều\" is not a number",
            filled_file.display()
        )),
        "{err}"
    );
    assert!(err.contains("help: type the figure as digits"), "{err}");
    assert!(
        !err.contains("is required"),
        "one error for the bad cell: {err}"
    );
    assert!(
        err.contains("xa-hoa-binh.yaml: not rendered: 1 error(s)"),
        "{err}"
    );

    let paths = written(&o);
    assert_eq!(paths.len(), 4, "two units, txt and docx: {paths:?}");
    let txt = text_of(&paths, "phuong-an-binh");
    let text = std::fs::read_to_string(txt).expect("txt");
    assert!(
        text.contains("tổ chức 3.537 lượt tuần tra trên 12,5 km đường"),
        "{text}"
    );
    let docx = txt.with_extension("docx");
    let doc = plain_text(part(
        &docx_parts(&std::fs::read(&docx).expect("docx")),
        "word/document.xml",
    ));
    assert!(doc.contains("3.537 lượt tuần tra"), "{doc}");
    let minh = text_of(&paths, "xa-binh-minh");
    assert!(
        std::fs::read_to_string(minh)
            .expect("txt")
            .contains("1.204 lượt tuần tra")
    );

    // The JSON form carries the cell.
    let o = render(
        &filled_file,
        &dir.join("out-json"),
        &["--message-format", "json"],
    );
    let line = stderr(&o)
        .lines()
        .find(|l| l.contains("nhiều"))
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .expect("a JSON diagnostic");
    assert_eq!(line["cell"], address);
    assert_eq!(line["file"], filled_file.display().to_string());
    assert!(line["line"].is_null());
}

/// The grid as a CSV text, as Excel saves it with Vietnamese settings: `;` between fields.
fn csv(grid: &[Vec<String>]) -> String {
    grid.iter()
        .map(|row| {
            row.iter()
                .map(|v| {
                    if v.contains([';', '"', '\n']) {
                        format!("\"{}\"", v.replace('"', "\"\""))
                    } else {
                        v.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(";")
        })
        .map(|line| line + "\r\n")
        .collect()
}

#[test]
fn a_csv_file_reads_the_same_way() {
    let dir = temp_dir("workbook-csv");
    let file = dir.join("so-lieu.xlsx");
    write_workbook(&file);
    let grid = cells(&file);
    let filled = fill(
        &grid,
        &[
            ("phuong-an-binh.yaml", "data.patrols", "3 537"),
            ("phuong-an-binh.yaml", "data.road_km", "12,5"),
            ("xa/xa-binh-minh.yaml", "data.patrols", "1.204"),
            ("xa/xa-hoa-binh.yaml", "data.patrols", "nhiều"),
        ],
    );
    let csv_file = dir.join("so-lieu.csv");
    std::fs::write(&csv_file, format!("\u{feff}{}", csv(&filled))).expect("csv");
    let o = render(&csv_file, &dir.join("out"), &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{}:C5: error: data.patrols: \"nhiều\" is not a number",
            csv_file.display()
        )),
        "{err}"
    );
    assert!(
        !err.contains("fact sheet says"),
        "12,5 is the sheet's 12.5: {err}"
    );
    let paths = written(&o);
    assert_eq!(paths.len(), 4, "{paths:?}\n{err}");
    let txt = text_of(&paths, "phuong-an-binh");
    assert!(
        std::fs::read_to_string(txt)
            .expect("txt")
            .contains("3.537 lượt tuần tra")
    );
}

#[test]
fn both_places_a_row_without_a_sheet_and_a_sheet_without_a_row() {
    let dir = temp_dir("workbook-places");
    let file = dir.join("so-lieu.xlsx");
    write_workbook(&file);
    let mut grid = fill(
        &cells(&file),
        &[
            ("phuong-an-binh.yaml", "data.patrols", "3537"),
            ("phuong-an-binh.yaml", "data.road_km", "13"),
            ("xa/xa-binh-minh.yaml", "data.patrols", "1204"),
        ],
    );
    // Hòa Bình's row is renamed to a sheet that does not exist.
    let r = row(&grid, "xa/xa-hoa-binh.yaml");
    grid[r][0] = "xa/xa-khong-co.yaml".into();
    let road = column(&grid, "data.road_km");
    let csv_file = dir.join("so-lieu.csv");
    std::fs::write(&csv_file, csv(&grid)).expect("csv");
    let o = vanban(&[
        "check",
        "--figures",
        csv_file.to_str().expect("utf-8"),
        "--templates",
        TEMPLATES,
        "tests/fixtures/workbook/phuong-an-binh.yaml",
        "tests/fixtures/workbook/xa",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let cell = format!("{}1", (b'A' + road as u8) as char);
    let cell = cell.replace('1', &(row(&grid, "phuong-an-binh.yaml") + 1).to_string());
    assert!(
        err.contains(&format!(
            "tests/fixtures/workbook/phuong-an-binh.yaml:15:12: error: data.road_km: the fact sheet says 12,5 but the workbook says 13 ({}:{cell})",
            csv_file.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("tests/fixtures/workbook/xa/xa-hoa-binh.yaml: warning: no row of"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:A5: warning: the row for `xa/xa-khong-co.yaml` matches no fact sheet given",
            csv_file.display()
        )),
        "{err}"
    );
    assert!(err.contains("xa/xa-binh-minh.yaml: ok"), "{err}");
}

#[test]
fn a_review_series_has_a_column_per_year_and_the_prefilled_workbook_changes_nothing() {
    const SHEET_FILE: &str = "data/huyen-yen-lac-2015-2024.yaml";
    let dir = temp_dir("workbook-series");
    let file = dir.join("tong-ket.xlsx");
    let o = vanban(&[
        "workbook",
        "bao-cao-tong-ket",
        "--units",
        SHEET_FILE,
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let grid = cells(&file);
    let keys = &grid[1];
    for key in [
        "unit.households",
        "data.areas[2015].total",
        "data.areas[2024].recognised",
        "data.forces[2024].models",
        "data.tip_offs",
    ] {
        assert!(keys.iter().any(|k| k == key), "no column {key}: {keys:?}");
    }
    assert!(
        !keys.iter().any(|k| k.starts_with("data.areas[2014]")),
        "{keys:?}"
    );
    assert!(
        !keys.iter().any(|k| k.starts_with("data.models_list")),
        "a table is no column"
    );
    let unit = row(&grid, "huyen-yen-lac-2015-2024.yaml");
    assert_eq!(
        grid[unit][column(&grid, "data.areas[2024].recognised")],
        "161"
    );
    assert_eq!(grid[unit][column(&grid, "data.tip_offs")], "trên 1.500");

    // The workbook as written holds what the sheet holds: the same document.
    let text = |figures: Option<&Path>, out: &Path| {
        let mut args = vec![
            "render",
            SHEET_FILE,
            "--format",
            "txt",
            "-o",
            out.to_str().expect("utf-8"),
        ];
        if let Some(f) = figures {
            args.extend(["--figures", f.to_str().expect("utf-8")]);
        }
        let o = vanban(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(&written(&o)[0]).expect("txt")
    };
    let alone = text(None, &dir.join("alone"));
    assert_eq!(text(Some(&file), &dir.join("with")), alone);
    assert!(alone.contains("161"), "{alone}");

    // A year changed in the workbook but not in the sheet: both places.
    let changed = fill(
        &grid,
        &[(
            "huyen-yen-lac-2015-2024.yaml",
            "data.areas[2024].recognised",
            "165",
        )],
    );
    let changed_file = dir.join("changed.xlsx");
    save_xlsx(&changed, &changed_file, &[]);
    let o = vanban(&[
        "check",
        SHEET_FILE,
        "--figures",
        changed_file.to_str().expect("utf-8"),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let cell = column(&grid, "data.areas[2024].recognised");
    let letters = vanban::diagnostic::Cell::column_letters(cell as u32);
    // The line of the 2024 point in the sheet (the example grows above it).
    let line = std::fs::read_to_string(SHEET_FILE)
        .expect("sheet")
        .lines()
        .position(|l| l.contains("2024: { total: 212, recognised: 161 }"))
        .expect("the 2024 point")
        + 1;
    assert!(
        err.contains(&format!(
            "{SHEET_FILE}:{line}:37: error: data.areas.2024.recognised: the fact sheet says 161 but the workbook says 165 ({}:'{SHEET}'!{letters}{})",
            changed_file.display(),
            unit + 1
        )),
        "{err}"
    );
}

/// The Thạch Thành district with its communes' households left out of their sheets, and a
/// CSV that gives them (`households` in the row of each commune).
fn district_from_csv(name: &str, households: [&str; 4]) -> (PathBuf, PathBuf) {
    let dir = temp_dir(name);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    crate::common::tmp::copy_tree_with(
        &root.join("data/huyen-thach-thanh-2024-tong-hop"),
        &dir.join("t"),
        &|text| {
            text.lines()
                .filter(|l| !l.starts_with("  households:"))
                .map(|l| format!("{l}\n"))
                .collect()
        },
    );
    let units = ["thach-binh", "thach-dong", "thanh-vinh", "tt-kim-tan"];
    let mut text = String::from("Tệp,Tên,Số hộ\nfile,name,unit.households\n");
    for (u, h) in units.iter().zip(households) {
        text.push_str(&format!("xa/{u}.yaml,{u},\"{h}\"\n"));
    }
    let csv = dir.join("so-lieu.csv");
    std::fs::write(&csv, text).expect("write");
    (dir.join("t/huyen-thach-thanh.yaml"), csv)
}

#[test]
fn a_parent_over_children_filled_from_the_workbook() {
    let (district, csv) = district_from_csv("wb-parent", ["1842", "1.520", "1310", "3 105"]);
    let o = vanban(&[
        "check",
        "--figures",
        csv.to_str().expect("utf-8"),
        district.to_str().expect("utf-8"),
    ]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    // The children's rows are used by the roll-up: no "matches no fact sheet", and the
    // parent, whose figures are its children's sums, is not asked for a row.
    assert!(!err.contains("matches no fact sheet"), "{err}");
    assert!(!err.contains("no row of"), "{err}");
    assert!(!err.contains("warning"), "{err}");

    // A district figure that disagrees: each child's figure is cited at its cell.
    let text = std::fs::read_to_string(&district).expect("read");
    std::fs::write(
        &district,
        text.replacen(
            "  located_in: tỉnh Thanh Hóa\n",
            "  located_in: tỉnh Thanh Hóa\n  households: 9999\n",
            1,
        ),
    )
    .expect("write");
    let o = vanban(&[
        "check",
        "--figures",
        csv.to_str().expect("utf-8"),
        district.to_str().expect("utf-8"),
    ]);
    let err = stderr(&o);
    let shown = csv.display().to_string();
    for part in [
        format!("{shown}:C3 gives 1842"),
        format!("{shown}:C4 gives 1520"),
        format!("{shown}:C6 gives 3105"),
    ] {
        assert!(err.contains(&part), "no `{part}` in {err}");
    }
    assert!(!err.contains("thach-binh.yaml:"), "{err}");
}

#[test]
fn a_comma_in_a_cell_gets_the_help_for_cells() {
    let (district, csv) = district_from_csv("wb-comma", ["1842", "1520", "1,310", "3105"]);
    let o = vanban(&[
        "check",
        "--figures",
        csv.to_str().expect("utf-8"),
        district.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let line = err
        .lines()
        .position(|l| l.contains(":C5: error: unit.households:"))
        .unwrap_or_else(|| panic!("{err}"));
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[line].ends_with("\"1,310\" in the cell is not a whole number (it reads as 1,31)"),
        "{}",
        lines[line]
    );
    let help = lines[line + 1];
    assert!(
        help.contains("in a cell a comma is the decimal point") && !help.contains("fact sheet"),
        "{help}"
    );
}

#[test]
fn a_parents_row_shows_its_childrens_sums_and_children_get_its_columns() {
    let dir = temp_dir("wb-parent-row");
    let file = dir.join("so-lieu.xlsx");
    let o = vanban(&[
        "workbook",
        "bao-cao-ket-qua-tt124",
        "--units",
        "data/huyen-thach-thanh-2024-tong-hop",
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    // The district does not issue the commune report, but its row is its communes' sums.
    assert!(!err.contains("left out of the workbook"), "{err}");
    let grid = cells(&file);
    // data.patrols is read by the district's summary only: the communes get its column.
    let patrols = column(&grid, "data.patrols");
    let households = column(&grid, "unit.households");
    let district = row(&grid, "huyen-thach-thanh.yaml");
    let communes: Vec<usize> = ["thach-binh", "thach-dong", "thanh-vinh", "tt-kim-tan"]
        .iter()
        .map(|c| row(&grid, &format!("xa/{c}.yaml")))
        .collect();
    let sum: f64 = communes
        .iter()
        .map(|r| grid[*r][households].parse::<f64>().expect("a number"))
        .sum();
    assert_eq!(grid[district][households], sum.to_string());
    // No commune gives patrols yet: the district's cell is empty, never 0.
    assert_eq!(grid[district][patrols], "");

    // The cells are formulas over the children's rows, locked; the children's are open.
    let xml = {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).expect("open")).expect("zip");
        let mut s = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .expect("sheet")
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    assert!(xml.contains("<sheetProtection"), "protected");
    let letters = |c: usize| {
        let mut n = c + 1;
        let mut s = String::new();
        while n > 0 {
            s.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
            n = (n - 1) / 26;
        }
        s
    };
    let h = letters(households);
    let list: Vec<String> = communes.iter().map(|r| format!("{h}{}", r + 1)).collect();
    let formula = format!("<f>IF(COUNT({0})=4,SUM({0}),\"\")</f>", list.join(","));
    assert!(xml.contains(&formula), "no {formula}");

    // Read back as written, the tree checks clean: the parent's row agrees with its roll-up.
    let o = vanban(&[
        "check",
        "--figures",
        file.to_str().expect("utf-8"),
        "data/huyen-thach-thanh-2024-tong-hop",
    ]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("warning"), "{err}");
}
