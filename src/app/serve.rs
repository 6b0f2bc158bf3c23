//! `vanban serve`'s arguments. The command itself is `crate::serve::command::run`: the
//! editor stands above the commands it reuses (init, render, diff), so its entry lives with it.

use std::path::PathBuf;

// What `serve` is asked to do (its `--help` is in the catalogue: cli-serve-*).
#[derive(clap::Args)]
pub struct Options {
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    #[arg(long)]
    pub open: bool,
    #[arg(long)]
    pub templates: Option<PathBuf>,
}
