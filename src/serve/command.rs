//! The `vanban serve` command: starts the editor over a folder and prints its address.

use crate::app::serve::Options;
use crate::app::{Exit, Reporter};

/// Serves until the process is stopped; prints the address to open (with its token).
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let editor = crate::serve::Editor::new(&options.dir, options.templates.as_deref())?;
    let open = options.open;
    crate::serve::http::serve(editor, options.port, |url| {
        r.console.out(&format!("{url}\n"));
        r.console.err(&format!(
            "{}\n",
            crate::i18n::text(r.lang, "app-serve-running")
        ));
        if open {
            open_browser(url);
        }
    })?;
    Ok(Exit::Success)
}

/// Opens `url` in the desktop's browser; without one the printed address is enough.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
