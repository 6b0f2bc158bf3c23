//! The command line's own words in the user's language: clap's `Command` (from the binary's
//! derive) gets every about, argument help, value name and heading from the catalogue
//! (`locales/{vi,en}/cli.ftl`) at run time, before parsing. clap's built-in `--help`,
//! `--version` and `help` are replaced by ones whose words are ours.
//!
//! Ids: `cli-about` (the tool), `cli-CMD-about` (a command), `cli-CMD-ARG` (an argument of a
//! command, ARG in kebab case), else `cli-ARG` (an argument every command words alike); its
//! `.value` attribute names the argument's value (`<TỜ_KHAI>`). clap's error messages for bad
//! arguments stay clap's (English).

use crate::i18n::{self, Lang, text};
use clap::{Arg, ArgAction, ArgMatches, Command};
use std::ffi::OsString;

/// The command line: a command and the language of messages. Its words are all in the
/// catalogue ([`localise`]).
#[derive(clap::Parser)]
#[command(name = "vanban", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Commands,
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

/// The commands; each one's arguments are its library call's options (`vanban::app`).
#[derive(clap::Subcommand)]
pub enum Commands {
    Render(super::render::Options),
    Check(super::check::Options),
    Explain(super::explain::Options),
    Diff(super::diff::Options),
    Init(super::init::Options),
    Workbook(super::workbook::Options),
    Templates(super::templates::Options),
    Serve(super::serve::Options),
}

/// The language asked for on the command line (`--lang en`, `--lang=vi`), read before
/// parsing since the help's words depend on it; else the locale's ([`Lang::detect`]).
pub fn lang<I: IntoIterator<Item = OsString>>(args: I) -> Lang {
    let mut flag = None;
    let mut next_is_lang = false;
    for a in args.into_iter().skip(1) {
        let a = a.to_string_lossy().into_owned();
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if next_is_lang => Some(a.clone()),
            None => None,
        };
        next_is_lang = a == "--lang";
        if a == "--" {
            break;
        }
        match value.as_deref() {
            Some("en") => flag = Some(Lang::En),
            Some("vi") => flag = Some(Lang::Vi),
            _ => {}
        }
    }
    Lang::detect(flag)
}

/// What the command line asks for: a command to run, or help already written out.
pub enum Parsed {
    Run(ArgMatches),
    /// `vanban help [COMMAND]`: the help to print on stdout.
    Help(String),
}

/// Parses `args` with `cmd` worded in `lang`. clap's errors, `--help` and `--version` come
/// back as a `clap::Error` (its `exit()` prints them and ends the process).
pub fn try_parse<I: IntoIterator<Item = OsString>>(
    cmd: Command,
    lang: Lang,
    args: I,
) -> Result<Parsed, clap::Error> {
    let mut cmd = localise(cmd, lang);
    let matches = cmd.try_get_matches_from_mut(args)?;
    let Some(("help", help)) = matches.subcommand() else {
        return Ok(Parsed::Run(matches));
    };
    let mut target = &mut cmd;
    for name in help.get_many::<String>("command").into_iter().flatten() {
        match target.find_subcommand_mut(name) {
            Some(sub) => target = sub,
            None => {
                let message = text_with(
                    lang,
                    "cli-help-unknown",
                    crate::i18n::args! {"name" => name},
                );
                return Err(clap::Error::raw(
                    clap::error::ErrorKind::InvalidSubcommand,
                    format!("{message}\n"),
                ));
            }
        }
    }
    Ok(Parsed::Help(target.render_long_help().to_string()))
}

/// [`try_parse`] the process's arguments into `T`, or print help, version or the error and
/// exit, as clap's own `parse` does.
pub fn parse<T: clap::CommandFactory + clap::FromArgMatches>(lang: Lang) -> T {
    let parsed = try_parse(T::command(), lang, std::env::args_os());
    let matches = match parsed {
        Ok(Parsed::Run(m)) => m,
        Ok(Parsed::Help(text)) => {
            print!("{text}");
            std::process::exit(0)
        }
        Err(e) => exit_with(e, lang),
    };
    T::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(e, lang))
}

/// Prints a parse error and exits as clap does (help and version on stdout with 0, a usage
/// error on stderr with 2); a usage error in Vietnamese is worded from the catalogue.
fn exit_with(e: clap::Error, lang: Lang) -> ! {
    match (lang, usage_error(&e, lang)) {
        (Lang::Vi, Some(text)) => {
            eprint!("{text}");
            std::process::exit(2)
        }
        _ => e.exit(),
    }
}

/// A usage error in `lang`'s words: what is wrong, a suggestion or the values allowed when
/// clap knows them, and where the help is. `None` for what is not an error (help, version).
pub fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => text_with(
            lang,
            "cli-error-unknown-argument",
            crate::i18n::args! {"arg" => arg},
        ),
        ErrorKind::InvalidSubcommand => text_with(
            lang,
            "cli-error-unknown-command",
            crate::i18n::args! {"arg" => get(ContextKind::InvalidSubcommand).unwrap_or(arg)},
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => text_with(
            lang,
            "cli-error-invalid-value",
            crate::i18n::args! {"arg" => arg, "value" => get(ContextKind::InvalidValue).unwrap_or_default()},
        ),
        ErrorKind::MissingRequiredArgument => {
            text_with(lang, "cli-error-missing", crate::i18n::args! {"arg" => arg})
        }
        ErrorKind::ArgumentConflict => text_with(
            lang,
            "cli-error-conflict",
            crate::i18n::args! {"arg" => arg, "other" => get(ContextKind::PriorArg).unwrap_or_default()},
        ),
        _ => text(lang, "cli-error-other"),
    };
    let mut out = format!("{}: {what}\n", text(lang, "severity-error"));
    if let Some(s) =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand))
    {
        out.push_str(&format!(
            "  {}\n",
            text_with(
                lang,
                "cli-error-suggest",
                crate::i18n::args! {"suggestion" => s}
            )
        ));
    }
    if let Some(v) = get(ContextKind::ValidValue) {
        out.push_str(&format!(
            "  {}\n",
            text_with(lang, "cli-error-values", crate::i18n::args! {"values" => v})
        ));
    }
    out.push_str(&format!("\n{}\n", text(lang, "cli-error-more")));
    Some(out)
}

/// `cmd` worded in `lang`, with our own help and version flags and `help` command.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    let mut cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        )
        .subcommand(
            Command::new("help").arg(
                Arg::new("command")
                    .num_args(0..)
                    .action(ArgAction::Append)
                    .value_name("COMMAND"),
            ),
        );
    cmd = localise_one(cmd, None, lang);
    for name in subcommand_names(&cmd) {
        cmd = cmd.mut_subcommand(&name, |s| localise_one(s, Some(&name), lang));
    }
    // The usage line (`vanban render [OPTIONS] <PATHS>...`) is clap's, built from the
    // command; a built copy gives it, with clap's `[OPTIONS]` in our words.
    let mut built = cmd.clone();
    built.build();
    let options = i18n::text(lang, "cli-options-value");
    let usage = |c: &mut Command| {
        let text = c.render_usage().to_string();
        let text = text.split_once(": ").map_or(text.as_str(), |(_, u)| u);
        text.replace("[OPTIONS]", &options)
    };
    cmd = cmd.override_usage(usage(&mut built));
    for name in subcommand_names(&cmd) {
        if let Some(sub) = built.find_subcommand_mut(&name) {
            let u = usage(sub);
            cmd = cmd.mut_subcommand(&name, |s| s.override_usage(u));
        }
    }
    cmd
}

/// A message with its arguments.
fn text_with(lang: Lang, id: &str, args: i18n::Args) -> String {
    i18n::text_with(lang, id, &args)
}

fn subcommand_names(cmd: &Command) -> Vec<String> {
    cmd.get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}

/// The id of a command's about: `cli-about` for the tool, `cli-CMD-about` for a command.
pub fn about_id(command: Option<&str>) -> String {
    match command {
        None => "cli-about".to_string(),
        Some(c) => format!("cli-{c}-about"),
    }
}

/// The id of an argument's help: the command's own, else the one shared by every command.
pub fn arg_id(command: Option<&str>, arg: &str, lang: Lang) -> String {
    let arg = arg.replace('_', "-");
    if let Some(c) = command {
        let own = format!("cli-{c}-{arg}");
        if i18n::has(lang, &own) {
            return own;
        }
    }
    format!("cli-{arg}")
}

/// One command's words: its about, its help's layout and headings, each of its arguments.
fn localise_one(cmd: Command, command: Option<&str>, lang: Lang) -> Command {
    let t = |id: &str| i18n::text(lang, id);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t("cli-usage")
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t("cli-heading-commands"))
        .subcommand_value_name(t("cli-command-value"));
    // A command a later change adds keeps its words until the catalogue has them (the
    // test below fails meanwhile).
    let about = about_id(command);
    if i18n::has(lang, &about) {
        cmd = cmd.about(t(&about)).long_about(None::<&str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = arg_id(command, &id, lang);
        cmd = cmd.mut_arg(&id, |a| localise_arg(a, &help, lang));
    }
    cmd
}

/// An argument's help and value name from message `id`; its default and possible values,
/// which clap would print in English, are appended in our words.
fn localise_arg(arg: Arg, id: &str, lang: Lang) -> Arg {
    let heading = match arg.is_positional() {
        true => "cli-heading-arguments",
        false => "cli-heading-options",
    };
    let mut arg = arg.help_heading(i18n::text(lang, heading));
    if !i18n::has(lang, id) {
        return arg;
    }
    let mut help = i18n::text(lang, id);
    if arg.get_action().takes_values() {
        if let Some(value) = i18n::format(lang, id, Some("value"), &[]) {
            arg = arg.value_name(value);
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            let value = defaults.join(",");
            help.push(' ');
            help.push_str(&text_with(
                lang,
                "cli-default",
                crate::i18n::args! {"value" => value},
            ));
        }
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            help.push(' ');
            help.push_str(&text_with(
                lang,
                "cli-values",
                crate::i18n::args! {"values" => values.join(", ")},
            ));
        }
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg.help(help).long_help(None::<&str>)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    /// Every command (the tool itself as `None`) with its arguments' ids, as parsed.
    fn walk(cmd: &Command, name: Option<&str>, out: &mut Vec<(Option<String>, Vec<Arg>)>) {
        out.push((
            name.map(str::to_string),
            cmd.get_arguments().cloned().collect(),
        ));
        for sub in cmd.get_subcommands() {
            walk(sub, Some(sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_words_in_both_languages() {
        let mut cmd = localise(Cli::command(), Lang::Vi);
        cmd.build();
        let mut all = Vec::new();
        walk(&cmd, None, &mut all);
        assert!(all.len() > 8, "the tool, its commands and `help`");
        let mut missing = Vec::new();
        for lang in [Lang::Vi, Lang::En] {
            for (command, arguments) in &all {
                let about = about_id(command.as_deref());
                if !i18n::has(lang, &about) {
                    missing.push(format!("{}: {about}", lang.tag()));
                }
                for a in arguments {
                    let id = arg_id(command.as_deref(), a.get_id().as_str(), lang);
                    if !i18n::has(lang, &id) {
                        missing.push(format!("{}: {id}", lang.tag()));
                    } else if a.get_action().takes_values()
                        && i18n::format(lang, &id, Some("value"), &[]).is_none()
                    {
                        missing.push(format!("{}: {id}.value", lang.tag()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing in the catalogue: {missing:?}");
    }

    #[test]
    fn the_help_of_every_command_is_in_the_language_asked_for() {
        let clap_words = [
            "Usage:",
            "Commands:",
            "Options:",
            "Arguments:",
            "Print help",
            "[default:",
            "possible values",
            "[OPTIONS]",
        ];
        for lang in [Lang::Vi, Lang::En] {
            let mut cmd = localise(Cli::command(), lang);
            cmd.build();
            let mut helps = vec![cmd.render_long_help().to_string()];
            for sub in cmd.get_subcommands_mut() {
                helps.push(sub.render_help().to_string());
                helps.push(sub.render_long_help().to_string());
            }
            for help in helps {
                match lang {
                    Lang::Vi => {
                        assert!(help.contains("Cách dùng: vanban"), "{help}");
                        for w in clap_words {
                            assert!(!help.contains(w), "`{w}` in\n{help}");
                        }
                    }
                    Lang::En => assert!(help.contains("Usage: vanban"), "{help}"),
                }
            }
        }
    }

    #[test]
    fn the_language_is_read_before_parsing_and_help_names_a_command() {
        assert_eq!(lang(args(&["vanban", "--lang", "en", "check"])), Lang::En);
        assert_eq!(lang(args(&["vanban", "check", "--lang=vi"])), Lang::Vi);
        assert_eq!(lang(args(&["vanban", "--lang", "vi", "--help"])), Lang::Vi);
        let help = match try_parse(Cli::command(), Lang::Vi, args(&["vanban", "help", "init"])) {
            Ok(Parsed::Help(text)) => text,
            _ => panic!("`help init` is help"),
        };
        assert!(help.contains("Cách dùng: vanban init"), "{help}");
        assert!(help.contains("--kind <CẤP>"), "{help}");
        let unknown = try_parse(Cli::command(), Lang::En, args(&["vanban", "help", "nope"]));
        assert!(
            unknown.is_err_and(|e| e.to_string().contains("no command `nope`")),
            "an unknown command is an error"
        );
        let run = try_parse(
            Cli::command(),
            Lang::En,
            args(&["vanban", "check", "a.yaml"]),
        );
        assert!(matches!(run, Ok(Parsed::Run(m)) if m.subcommand_name() == Some("check")));
    }
}
