//! `render` on many fact sheets: folders expanded recursively without editor files, output
//! paths that would collide refused before anything is written, one bad sheet never stopping
//! the others, the summary, the incremental manifest (`--force`, template, sheet and output
//! changes), a document made inside the parallel batch identical to one made alone, and a
//! batch killed with SIGKILL leaving nothing half-written for the next run.

use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::SystemTime;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `from` (relative to the crate) to `to`, creating folders. The Ba Đình example is
/// copied as its year-end report alone (without the recognition dossier), so each copy is one
/// document per format.
fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    let text = std::fs::read_to_string(root().join(from)).expect("read fixture");
    let text = if from == "data/phuong-ba-dinh-2024.yaml" {
        report_only(&text)
    } else {
        text
    };
    std::fs::write(to, text).expect("copy fixture");
}

/// The Ba Đình sheet issuing only its report: the dossier's documents and data removed.
fn report_only(text: &str) -> String {
    let start = text
        .find("  - template: bien-ban-danh-gia")
        .expect("dossier documents");
    let end = text.find("\nfacts:").expect("facts");
    let data = text
        .find("\n# What the dossier's documents add")
        .expect("dossier data");
    format!("{}{}", &text[..start], &text[end + 1..data + 1])
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn render(args: &[&str]) -> Output {
    let mut all = vec!["render"];
    all.extend(args);
    vanban(&all)
}

use crate::common::tmp::files_under;

/// Every file under `dir` with its modification time and bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, SystemTime, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).expect("metadata");
            let bytes = std::fs::read(&p).expect("read");
            (p, meta.modified().expect("mtime"), bytes)
        })
        .collect()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_document_made_in_the_batch_is_identical_to_one_made_alone() {
    let alone = temp_dir("batch-alone");
    let sheet = temp_dir("batch-alone-sheet").join("phuong-ba-dinh-2024.yaml");
    copy("data/phuong-ba-dinh-2024.yaml", &sheet);
    let out = render(&[s(&sheet), "-o", s(&alone), "--format", "docx,pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let dir = temp_dir("batch-many");
    for name in [
        "phuong-ba-dinh-2024",
        "huyen-yen-lac-2015-2024",
        "phuong-phuoc-long-2024",
        "xa-po-y-2024-8-thang",
    ] {
        copy(
            &format!("data/{name}.yaml"),
            &dir.join(format!("{name}.yaml")),
        );
    }
    for i in 0..4 {
        copy(
            "data/phuong-ba-dinh-2024.yaml",
            &dir.join(format!("copies/ba-dinh-{i}.yaml")),
        );
    }
    let batch = temp_dir("batch-many-out");
    let out = render(&[s(&dir), "-o", s(&batch), "--format", "docx,pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Stdout lists every file, in input order, whichever thread finished first.
    let listed: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    let expected: Vec<String> = ["copies/ba-dinh-0", "copies/ba-dinh-1"]
        .iter()
        .chain(&["copies/ba-dinh-2", "copies/ba-dinh-3"])
        .map(|k| format!("{k}/bao-cao-ket-qua-tt124"))
        .chain([
            "huyen-yen-lac-2015-2024/bao-cao-tong-ket".to_string(),
            "phuong-ba-dinh-2024/bao-cao-ket-qua-tt124".to_string(),
            "phuong-phuoc-long-2024/ke-hoach-tt124".to_string(),
            "xa-po-y-2024-8-thang/bao-cao-so-ket".to_string(),
        ])
        .flat_map(|p| ["docx", "pdf"].map(|e| format!("{}/{p}.{e}", batch.display())))
        .collect();
    assert_eq!(listed, expected);
    assert!(
        stderr(&out)
            .contains("8 fact sheets: 8 written (16 files), 0 skipped (unchanged), 0 failed"),
        "{}",
        stderr(&out)
    );
    for ext in ["docx", "pdf"] {
        let name = format!("phuong-ba-dinh-2024/bao-cao-ket-qua-tt124.{ext}");
        let one = std::fs::read(alone.join(&name)).expect("alone");
        assert!(
            one == std::fs::read(batch.join(&name)).expect("in batch"),
            "{name} differs"
        );
        let copy = format!("copies/ba-dinh-3/bao-cao-ket-qua-tt124.{ext}");
        assert!(one == std::fs::read(batch.join(copy)).expect("copy"));
    }
    let _ = std::fs::remove_dir_all(&alone);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&batch);
}

#[test]
fn colliding_outputs_are_refused_before_anything_is_written() {
    let dir = temp_dir("batch-collide");
    copy("data/phuong-ba-dinh-2024.yaml", &dir.join("both/x.yaml"));
    copy("data/xa-po-y-2024-8-thang.yaml", &dir.join("both/x.yml"));
    copy("data/phuong-ba-dinh-2024.yaml", &dir.join("one/a.yaml"));
    copy("data/xa-po-y-2024-8-thang.yaml", &dir.join("two/a.yaml"));
    copy(
        "data/phuong-phuoc-long-2024.yaml",
        &dir.join("one/good.yaml"),
    );
    let cases: [(Vec<PathBuf>, &str); 3] = [
        (vec![dir.join("both")], "would write the same folder"),
        (
            vec![dir.join("one"), dir.join("one/a.yaml")],
            "this fact sheet is given twice",
        ),
        (
            vec![dir.join("one"), dir.join("two")],
            "would write the same folder",
        ),
    ];
    for (inputs, expected) in cases {
        let out_dir = temp_dir("batch-collide-out");
        let mut args: Vec<&str> = inputs.iter().map(|p| s(p)).collect();
        args.extend(["-o", s(&out_dir), "--format", "txt"]);
        let out = render(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{inputs:?}: {err}");
        assert!(err.contains(expected), "{inputs:?}: {err}");
        assert!(err.contains("help: "), "{err}");
        assert!(out.stdout.is_empty());
        assert_eq!(files_under(&out_dir), Vec::<PathBuf>::new(), "{inputs:?}");
        let _ = std::fs::remove_dir_all(&out_dir);
    }
    // Their common folder gives each its own subfolder, once x.yaml and x.yml are apart.
    let out_dir = temp_dir("batch-collide-common");
    let out = render(&[s(&dir), "-o", s(&out_dir), "--format", "txt"]);
    assert_eq!(out.status.code(), Some(1), "both/x.* still collide");
    std::fs::remove_file(dir.join("both/x.yml")).expect("remove");
    let out = render(&[s(&dir), "-o", s(&out_dir), "--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for f in ["both/x", "one/a", "two/a", "one/good"] {
        assert!(out_dir.join(f).is_dir(), "{f}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn editor_files_are_skipped_and_an_empty_folder_is_reported() {
    let dir = temp_dir("batch-editor");
    copy("data/phuong-ba-dinh-2024.yaml", &dir.join("a.yaml"));
    copy("data/xa-po-y-2024-8-thang.yaml", &dir.join("xa/b.yml"));
    for junk in [
        ".#a.yaml",
        "~$a.yaml",
        "a.yaml~",
        ".hidden/c.yaml",
        "xa/.b.yml.swp",
    ] {
        let p = dir.join(junk);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, "not: [a fact sheet").expect("write junk");
    }
    let out_dir = temp_dir("batch-editor-out");
    let out = render(&[s(&dir), "-o", s(&out_dir), "--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written: Vec<PathBuf> = files_under(&out_dir)
        .into_iter()
        .map(|p| p.strip_prefix(&out_dir).expect("inside").to_path_buf())
        .collect();
    assert_eq!(
        written,
        [
            ".vanban-manifest.json",
            "a/bao-cao-ket-qua-tt124.txt",
            "xa/b/bao-cao-so-ket.txt"
        ]
        .map(PathBuf::from)
    );

    let empty = temp_dir("batch-empty");
    std::fs::write(empty.join("notes.txt"), "no sheet").expect("write");
    let render_empty = ["render", s(&empty), "-o", s(&out_dir)];
    let check_empty = ["check", s(&empty)];
    for args in [&render_empty[..], &check_empty[..]] {
        let out = vanban(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains(&format!(
                "{}: error: no fact sheet in this folder",
                s(&empty)
            )),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn one_bad_sheet_never_stops_the_others() {
    let dir = temp_dir("batch-bad");
    copy("data/phuong-ba-dinh-2024.yaml", &dir.join("a-good.yaml"));
    copy(
        "tests/fixtures/bad/three-mistakes.yaml",
        &dir.join("b-bad.yaml"),
    );
    copy("data/xa-po-y-2024-8-thang.yaml", &dir.join("c-good.yaml"));
    let out_dir = temp_dir("batch-bad-out");
    let out = render(&[s(&dir), "-o", s(&out_dir), "--format", "docx,txt"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for f in [
        "a-good/bao-cao-ket-qua-tt124.docx",
        "c-good/bao-cao-so-ket.txt",
    ] {
        assert!(out_dir.join(f).is_file(), "{f} missing: {err}");
    }
    assert!(!out_dir.join("b-bad").exists());
    let bad = dir.join("b-bad.yaml");
    for expected in [
        "3 fact sheets: 2 written (4 files), 0 skipped (unchanged), 1 failed".to_string(),
        format!(
            "  failed: {}:12:3: error: unit.housholds: unknown key `housholds` (and 2 more)",
            bad.display()
        ),
        format!("{}: not rendered: 3 error(s)", bad.display()),
    ] {
        assert!(err.contains(&expected), "missing `{expected}` in:\n{err}");
    }
    // JSON: diagnostics only, no summary line.
    let out = render(&[
        s(&dir),
        "-o",
        s(&out_dir),
        "--format",
        "docx,txt",
        "--message-format",
        "json",
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stderr(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    let about_bad = lines
        .iter()
        .filter(|v| {
            v["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("b-bad.yaml"))
        })
        .filter(|v| v["severity"] == "error")
        .count();
    assert_eq!(about_bad, 3, "{lines:?}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&out_dir);
}

/// Sheets written by a run, from its stdout: the output folders named.
fn written_folders(o: &Output, out_dir: &Path) -> Vec<String> {
    let mut folders: Vec<String> = stdout(o)
        .lines()
        .filter_map(|l| Path::new(l).strip_prefix(out_dir).ok())
        .filter_map(|p| p.parent())
        .map(|p| p.display().to_string())
        .collect();
    folders.dedup();
    folders
}

#[test]
fn the_manifest_skips_unchanged_work_and_catches_every_change() {
    let dir = temp_dir("batch-manifest");
    let sheets = dir.join("sheets");
    let templates = dir.join("templates");
    copy(
        "data/phuong-ba-dinh-2024.yaml",
        &sheets.join("ba-dinh.yaml"),
    );
    copy("data/xa-po-y-2024-8-thang.yaml", &sheets.join("po-y.yaml"));
    copy(
        "templates/bao-cao-so-ket.md.tera",
        &templates.join("bao-cao-so-ket.md.tera"),
    );
    let out_dir = dir.join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![
            s(&sheets),
            "-o",
            s(&out_dir),
            "--format",
            "docx,pdf",
            "--templates",
            s(&templates),
        ];
        args.extend(extra);
        let out = render(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        out
    };
    let first = run(&[]);
    assert_eq!(written_folders(&first, &out_dir), ["ba-dinh", "po-y"]);
    let manifest = out_dir.join(".vanban-manifest.json");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest).expect("manifest written")).expect("JSON");
    assert_eq!(v["entries"].as_object().map(|o| o.len()), Some(2), "{v}");

    // Nothing changed: nothing written, not even the manifest.
    let before = snapshot(&out_dir);
    let second = run(&[]);
    assert!(second.stdout.is_empty(), "{}", stdout(&second));
    assert!(
        stderr(&second)
            .contains("2 fact sheets: 0 written (0 files), 2 skipped (unchanged), 0 failed"),
        "{}",
        stderr(&second)
    );
    assert!(
        before == snapshot(&out_dir),
        "the second run touched a file"
    );

    // A template change re-renders only the sheets using it.
    let tpl = templates.join("bao-cao-so-ket.md.tera");
    let mut text = std::fs::read_to_string(&tpl).expect("template");
    text.push_str("{# edited #}\n");
    std::fs::write(&tpl, text).expect("edit template");
    let third = run(&[]);
    assert_eq!(written_folders(&third, &out_dir), ["po-y"]);
    assert!(stderr(&third).contains("1 written (2 files), 1 skipped (unchanged)"));

    // A fact-sheet change re-renders that sheet.
    let sheet = sheets.join("ba-dinh.yaml");
    let mut text = std::fs::read_to_string(&sheet).expect("sheet");
    text.push_str("# corrected\n");
    std::fs::write(&sheet, text).expect("edit sheet");
    assert_eq!(written_folders(&run(&[]), &out_dir), ["ba-dinh"]);

    // A deleted or modified output is made again.
    std::fs::remove_file(out_dir.join("po-y/bao-cao-so-ket.pdf")).expect("delete output");
    std::fs::write(out_dir.join("ba-dinh/bao-cao-ket-qua-tt124.docx"), "edited")
        .expect("modify output");
    assert_eq!(written_folders(&run(&[]), &out_dir), ["ba-dinh", "po-y"]);
    assert!(out_dir.join("po-y/bao-cao-so-ket.pdf").is_file());

    // Other render settings are other outputs.
    let txt = render(&[
        s(&sheets),
        "-o",
        s(&out_dir),
        "--format",
        "txt",
        "--templates",
        s(&templates),
    ]);
    assert_eq!(written_folders(&txt, &out_dir), ["ba-dinh", "po-y"]);

    // --force renders everything.
    let forced = run(&["--force"]);
    assert_eq!(written_folders(&forced, &out_dir), ["ba-dinh", "po-y"]);
    assert!(stderr(&forced).contains("2 written (4 files), 0 skipped"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether every output under `out` is complete: DOCX a zip with its main part, PDF ending
/// with `%%EOF`; and no temporary file anywhere.
fn all_complete(out: &Path) -> Result<usize, String> {
    let mut documents = 0;
    for p in files_under(out) {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.ends_with(".tmp") {
            return Err(format!("temporary file left: {}", p.display()));
        }
        let bytes = std::fs::read(&p).map_err(|e| e.to_string())?;
        match p.extension().and_then(|e| e.to_str()) {
            Some("docx") => {
                let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
                    .map_err(|e| format!("{}: {e}", p.display()))?;
                zip.by_name("word/document.xml")
                    .map_err(|e| format!("{}: {e}", p.display()))?;
                documents += 1;
            }
            Some("pdf") => {
                if !bytes.trim_ascii_end().ends_with(b"%%EOF") {
                    return Err(format!("{} is cut short", p.display()));
                }
                documents += 1;
            }
            Some("json") => {
                serde_json::from_slice::<serde_json::Value>(&bytes)
                    .map_err(|e| format!("{}: {e}", p.display()))?;
            }
            _ => return Err(format!("unexpected file {}", p.display())),
        }
    }
    Ok(documents)
}

#[test]
fn a_batch_killed_midway_leaves_nothing_half_written_after_the_next_run() {
    let dir = temp_dir("batch-kill");
    let sheets = dir.join("sheets");
    const COPIES: usize = 40;
    for i in 0..COPIES {
        copy(
            "data/phuong-ba-dinh-2024.yaml",
            &sheets.join(format!("p{i:02}.yaml")),
        );
    }
    let out_dir = dir.join("out");
    // What a killed writer leaves: a temporary file of a process that is gone.
    let stale = out_dir.join("p07/.bao-cao-ket-qua-tt124.pdf.99999999.tmp");

    // Kill at growing delays until one lands mid-run (some documents, not all); a machine so
    // fast or slow that none does still tests the recovery below.
    for delay_ms in [150, 400, 900, 2000] {
        let _ = std::fs::remove_dir_all(&out_dir);
        std::fs::create_dir_all(stale.parent().expect("parent")).expect("mkdir");
        std::fs::write(&stale, b"%PDF-1.7 half").expect("write stale");
        let mut child = crate::common::run::command()
            .args([
                "render",
                s(&sheets),
                "-o",
                s(&out_dir),
                "--format",
                "docx,pdf",
            ])
            .current_dir(root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn vanban");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let made = files_under(&out_dir)
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .count();
        if made > 0 && made < COPIES {
            break;
        }
    }
    // Put the stale file back in case the killed run got as far as cleaning it.
    std::fs::write(&stale, b"%PDF-1.7 half").expect("write stale");
    let out = render(&[s(&sheets), "-o", s(&out_dir), "--format", "docx,pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert_eq!(all_complete(&out_dir), Ok(2 * COPIES));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_childs_correction_rerenders_only_it_and_its_parents() {
    let dir = temp_dir("batch-tree");
    let tree = dir.join("huyen");
    crate::common::tmp::copy_tree(&root().join("tests/fixtures/rollup/huyen"), &tree);
    // The disagreeing variant is another test's: this tree is the consistent district.
    std::fs::remove_file(tree.join("dong-son-sai-so.yaml")).expect("remove variant");
    let out_dir = dir.join("out");
    let run = || {
        let out = render(&[s(&tree), "-o", s(&out_dir), "--format", "txt"]);
        assert!(out.status.success(), "{}", stderr(&out));
        out
    };
    let first = run();
    let all = written_folders(&first, &out_dir);
    assert!(all.contains(&"dong-son".to_string()), "{all:?}");
    assert!(
        written_folders(&run(), &out_dir).is_empty(),
        "nothing changed"
    );

    // One figure of one thôn: the thôn, its xã and the district are rendered again.
    let thon = tree.join("xa/dong-hoa/thon-1.yaml");
    let text = std::fs::read_to_string(&thon).expect("thôn");
    std::fs::write(&thon, format!("{text}# corrected\n")).expect("edit");
    assert_eq!(
        written_folders(&run(), &out_dir),
        ["dong-son", "xa/a-dong-hoa", "xa/dong-hoa/thon-1"]
    );

    // A new commune matching the district's glob changes the district's roll-up.
    std::fs::copy(
        tree.join("xa/c-dong-thanh.yaml"),
        tree.join("xa/d-dong-moi.yaml"),
    )
    .expect("new child");
    let text = std::fs::read_to_string(tree.join("xa/d-dong-moi.yaml")).expect("read");
    std::fs::write(
        tree.join("xa/d-dong-moi.yaml"),
        text.replace("name: Đông Thanh", "name: Đông Mới"),
    )
    .expect("rename");
    assert_eq!(
        written_folders(&run(), &out_dir),
        ["dong-son", "xa/d-dong-moi"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `render TREE -o OUT --format txt` with the test hook that saves a sheet right after the
/// run read it (`<sheet>.after-read` renamed over it: see `factsheet::load`).
fn render_saving_during_the_run(tree: &Path, out_dir: &Path) -> Output {
    crate::common::run::command()
        .args(["render", s(tree), "-o", s(out_dir), "--format", "txt"])
        .env("VANBAN_TEST_AFTER_READ", "1")
        .current_dir(root())
        .output()
        .expect("vanban runs")
}

/// The rolled-up district of tests/fixtures/rollup (without its disagreeing variant), copied.
fn district(name: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(name);
    let tree = dir.join("huyen");
    crate::common::tmp::copy_tree(&root().join("tests/fixtures/rollup/huyen"), &tree);
    std::fs::remove_file(tree.join("dong-son-sai-so.yaml")).expect("remove variant");
    (dir, tree)
}

#[test]
fn a_sheet_saved_during_the_run_is_rendered_again_by_the_next() {
    let (dir, tree) = district("batch-race");
    let out_dir = dir.join("out");
    // The clerk saves xã Đông Tiến's correction (14 → 34 tin báo) just after the run read
    // the sheet (for the district's roll-up or for itself, whichever came first).
    let sheet = tree.join("xa/b-dong-tien.yaml");
    let text = std::fs::read_to_string(&sheet).expect("sheet");
    let corrected = text.replace("tip_offs: 14", "tip_offs: 34");
    assert_ne!(text, corrected);
    std::fs::write(tree.join("xa/b-dong-tien.yaml.after-read"), &corrected).expect("write");
    let first = render_saving_during_the_run(&tree, &out_dir);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(std::fs::read_to_string(&sheet).expect("sheet"), corrected);
    let report = out_dir.join("xa/b-dong-tien/bao-cao-ket-qua-tt124.txt");
    let rendered = std::fs::read_to_string(&report).expect("report");
    assert!(rendered.contains(" 14 "), "the run rendered what it read");

    // Every document made from the old bytes is made again, from the new ones.
    let second = render(&[s(&tree), "-o", s(&out_dir), "--format", "txt"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(
        written_folders(&second, &out_dir),
        ["dong-son", "xa/b-dong-tien"]
    );
    let rendered = std::fs::read_to_string(&report).expect("report");
    assert!(
        rendered.contains(" 34 ") && !rendered.contains(" 14 "),
        "{rendered}"
    );
    let third = render(&[s(&tree), "-o", s(&out_dir), "--format", "txt"]);
    assert!(written_folders(&third, &out_dir).is_empty(), "now in step");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_workbook_given_for_the_first_time_or_changed_renders_its_rows_again() {
    let (dir, tree) = district("batch-workbook");
    let out_dir = dir.join("out");
    let figures = dir.join("so-lieu.csv");
    let run = |with: bool| {
        let mut args = vec![s(&tree), "-o", s(&out_dir), "--format", "txt"];
        if with {
            args.extend(["--figures", s(&figures)]);
        }
        let out = render(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        written_folders(&out, &out_dir)
    };
    let write = |rows: &str| {
        std::fs::write(
            &figures,
            format!("Tệp;Đơn vị;Tin báo\nfile;name;facts.tip_offs\n{rows}"),
        )
        .expect("csv")
    };
    assert_eq!(run(false).len(), 6);
    assert!(run(false).is_empty());
    // xã Đông Thanh's missing figure, given in a workbook for the first time.
    write("xa/c-dong-thanh.yaml;Đông Thanh;9\n");
    assert_eq!(
        run(true).len(),
        6,
        "a workbook given changes every sheet's figures"
    );
    let thanh = out_dir.join("xa/c-dong-thanh/bao-cao-ket-qua-tt124.txt");
    assert!(
        std::fs::read_to_string(&thanh)
            .expect("txt")
            .contains(" 09 "),
        "the workbook's figure is rendered"
    );
    assert!(run(true).is_empty());
    // A changed cell: its unit and the units above it.
    write("xa/c-dong-thanh.yaml;Đông Thanh;11\n");
    assert_eq!(run(true), ["dong-son", "xa/c-dong-thanh"]);
    // A row added for a sheet that had none (even with its cell empty).
    write("xa/c-dong-thanh.yaml;Đông Thanh;11\nxa/dong-hoa/thon-1.yaml;Thôn 1;\n");
    assert_eq!(
        run(true),
        ["dong-son", "xa/a-dong-hoa", "xa/dong-hoa/thon-1"]
    );
    // No workbook any more: the figures are the sheets' again.
    assert_eq!(run(false).len(), 6);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_copied_unit_is_an_error_naming_both_files() {
    let (dir, tree) = district("batch-copy");
    std::fs::copy(
        tree.join("xa/b-dong-tien.yaml"),
        tree.join("xa/b-dong-tien (1).yaml"),
    )
    .expect("copy");
    let district = tree.join("dong-son.yaml");
    let o = vanban(&["check", s(&district)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error: children[0]: `xa/b-dong-tien.yaml` is the same file as `xa/b-dong-tien (1).yaml`: the unit would be counted twice"
        ),
        "{err}"
    );
    assert!(err.contains("help: a unit has one fact sheet"), "{err}");
    // Another file with the same unit and period, not the same bytes.
    std::fs::remove_file(tree.join("xa/b-dong-tien (1).yaml")).expect("remove");
    let text = std::fs::read_to_string(tree.join("xa/b-dong-tien.yaml")).expect("read");
    std::fs::write(
        tree.join("xa/z-dong-tien-moi.yaml"),
        text.replace("tip_offs: 14", "tip_offs: 15"),
    )
    .expect("write");
    let err = stderr(&vanban(&["check", s(&district)]));
    assert!(
        err.contains("`xa/z-dong-tien-moi.yaml` is the same unit (xã Đông Tiến, 2024) as `xa/b-dong-tien.yaml`"),
        "{err}"
    );
    assert!(!err.contains("Đông Tiến\n"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_documents_writing_one_file_are_an_error() {
    let dir = temp_dir("batch-same-path");
    let sheet = dir.join("ba-dinh.yaml");
    copy("data/phuong-ba-dinh-2024.yaml", &sheet);
    let text = std::fs::read_to_string(&sheet).expect("read");
    let twice = text.replacen(
        "documents:\n",
        "documents:\n  - template: bao-cao-ket-qua-tt124\n    number: 94\n    date: 2024-11-05\n",
        1,
    );
    std::fs::write(&sheet, twice).expect("write");
    let out_dir = dir.join("out");
    for args in [
        vec!["render", s(&sheet), "-o", s(&out_dir), "--format", "txt"],
        vec!["check", s(&sheet)],
    ] {
        let o = vanban(&args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains(&format!(
                "{}:48:15: error: documents[1].template: documents[0] and documents[1] would both be written to `bao-cao-ket-qua-tt124.docx`",
                sheet.display()
            )),
            "{err}"
        );
        assert!(err.contains("help: a document's files are named after its template"));
    }
    assert!(files_under(&out_dir).is_empty(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn documents_no_longer_issued_are_removed_and_nothing_else() {
    let dir = temp_dir("batch-no-longer");
    let sheet = dir.join("phuong-ba-dinh-2024.yaml");
    let full = std::fs::read_to_string(root().join("data/phuong-ba-dinh-2024.yaml")).expect("read");
    std::fs::write(&sheet, &full).expect("write");
    let out_dir = dir.join("out");
    let run = |formats: &str| {
        let o = render(&[s(&sheet), "-o", s(&out_dir), "--format", formats]);
        assert!(o.status.success(), "{}", stderr(&o));
        o
    };
    run("docx,pdf");
    run("txt");
    let folder = out_dir.join("phuong-ba-dinh-2024");
    let names = || -> Vec<String> {
        files_under(&folder)
            .iter()
            .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(
        names().len(),
        12,
        "four documents in three formats: {:?}",
        names()
    );
    // Someone's own files: an edited output and a note beside them.
    std::fs::write(folder.join("to-trinh-cong-nhan.docx"), "edited").expect("edit");
    std::fs::write(folder.join("ghi-chu.txt"), "notes").expect("note");

    // The correction: the unit fails a criterion, the dossier is no longer issued.
    std::fs::write(&sheet, report_only(&full)).expect("write");
    let o = run("txt");
    assert!(
        stderr(&o).contains("3 documents no longer issued: removed"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        names(),
        [
            "bao-cao-ket-qua-tt124.docx",
            "bao-cao-ket-qua-tt124.pdf",
            "bao-cao-ket-qua-tt124.txt",
            "ghi-chu.txt",
            "to-trinh-cong-nhan.docx",
        ]
    );
    assert_eq!(
        std::fs::read(folder.join("to-trinh-cong-nhan.docx")).expect("kept"),
        b"edited"
    );
    // The report's other formats are still vanban's: a format change does not orphan them.
    let o = run("docx,pdf");
    assert!(!stderr(&o).contains("no longer issued"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}
