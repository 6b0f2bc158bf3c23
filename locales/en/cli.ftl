# The command line's help (`vanban --help`, `vanban COMMAND --help`): what each command does
# and each argument means; `.value` names an argument's value in the usage line.

## clap's own words
cli-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-options-value = [OPTIONS]
cli-command-value = COMMAND
cli-default = [default: { $value }]
cli-values = [possible values: { $values }]

## The tool
cli-about = Turns YAML fact sheets into Vietnamese administrative documents (ND30 DOCX and PDF)
cli-lang = The language of messages: vi (the default) or en; without it, LC_ALL, LC_MESSAGES or LANG starting with `en` choose English
    .value = LANG
cli-help = Print help
cli-version = Print version

## Arguments several commands share
cli-paths = Fact sheets, or folders searched for them; `-` reads one from standard input
    .value = PATHS
cli-templates = Folder of *.md.tera templates that override or extend the built-in ones
    .value = TEMPLATES
cli-message-format = How to print problems on stderr: human (default) or json (one object per line)
    .value = MESSAGE_FORMAT

## vanban render
cli-render-about = Render every document of the fact sheets (files, or folders searched for *.yaml, *.yml)
cli-render-out = Output folder; each fact sheet gets a subfolder named after it
    .value = OUT
cli-render-format = Formats to write, comma-separated
    .value = FORMAT
cli-render-pdf-standard = PDF standard: a-2b (PDF/A-2b, for archiving) or none
    .value = PDF_STANDARD
cli-render-force = Render every fact sheet, even those whose documents are up to date
cli-render-figures = A filled data-entry workbook (.xlsx or .csv, see `vanban workbook`): each fact sheet's figures are taken from its row
    .value = FILE

## vanban check
cli-check-about = Check fact sheets; print every problem, exit 1 if there is an error
cli-check-figures = A filled data-entry workbook (.xlsx or .csv): figures from each sheet's row
    .value = FILE

## vanban explain
cli-explain-about = Where every number of each document comes from: the typed figure (file:line:col), the children summed, the workbook cell, the computation or the template's own text
cli-explain-sheet = The fact sheet whose documents to explain
    .value = SHEET
cli-explain-document = Only the document of this template
    .value = NAME
cli-explain-format = text (default) or json
    .value = FORMAT
cli-explain-figures = The data-entry workbook the sheet is rendered with (.xlsx or .csv)
    .value = FILE

## vanban diff
cli-diff-about = Show how the documents' text changes between two versions of a fact sheet
cli-diff-old = The earlier version of the fact sheet
    .value = OLD
cli-diff-new = The later version of the fact sheet
    .value = NEW

## vanban init
cli-init-about = Print a commented fact-sheet skeleton to start from
cli-init-kind = Level of the unit: xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
    .value = KIND
cli-init-template = Print exactly what this template reads
    .value = TEMPLATE

## vanban workbook
cli-workbook-about = Write a data-entry workbook (.xlsx): a column per figure the template declares, a row per unit prefilled with its fact sheet's figures; fill it, then `render --figures`
cli-workbook-template = The template whose figures are the columns (`vanban templates` lists them)
    .value = TEMPLATE
cli-workbook-units = Fact sheets to give a row each: folders (searched recursively) or files
    .value = UNITS
cli-workbook-out = The workbook to write [default: so-lieu-TEMPLATE.xlsx]
    .value = OUT

## vanban templates
cli-templates-about = List the templates and the facts each one uses; with NAME, that template alone and the blocks a fact sheet's `sections:` can anchor to
cli-templates-context = List every variable a template can read (docs/context.md) instead of the templates
cli-templates-name = One template to show (its declarations and its blocks)
    .value = NAME

## vanban help
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-command = Print help for the subcommand(s)
    .value = COMMAND
cli-help-unknown = there is no command `{ $name }` (run `vanban help` for the list)
cli-serve-about = Open a local web editor over a folder of fact sheets, with a live preview of the documents; prints the address (with its access token) to open in the browser
cli-serve-dir = Folder of fact sheets to edit
    .value = DIR
cli-serve-port = Port on 127.0.0.1; by default a free one
    .value = PORT
cli-serve-open = Open the editor in the web browser
cli-error-unknown-argument = there is no option `{ $arg }`
cli-error-unknown-command = there is no command `{ $arg }`
cli-error-invalid-value = `{ $value }` is not a value `{ $arg }` takes
cli-error-missing = `{ $arg }` is required
cli-error-conflict = `{ $arg }` cannot be given together with `{ $other }`
cli-error-other = the arguments are not valid
cli-error-suggest = did you mean `{ $suggestion }`?
cli-error-values = the values it takes: { $values }
cli-error-more = `vanban --help` lists the commands; `vanban COMMAND --help` the options of one
