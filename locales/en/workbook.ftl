# The data-entry workbook: reading it, its cells, filling its figures into the fact sheets,
# and writing it.

-cell-figure-help = type the figure as digits: 3537 or 3.537 (dots between thousands), 77,4 (a comma before decimals); leave the cell empty when there is no figure (an empty cell is never read as 0)
-one-row-help = keep one row per fact sheet

## Reading the file

workbook-too-large = the workbook is too large: { $mb } MB
    .help = a workbook of figures is a few hundred kilobytes: check that this is the right file
workbook-file-unreadable = cannot read the file: { $detail }
    .help = check the path of the workbook given to --figures
csv-not-utf8 = the CSV file is not UTF-8 text
    .help = in Excel save it with File → Save As → "CSV UTF-8 (Comma delimited)", or give vanban the .xlsx file itself
csv-too-many-lines = the workbook is too large: the CSV file has { $lines } lines (vanban reads at most { $most } rows)
    .help = a workbook of figures has one row per unit: check that this is the right file, or delete the lines below the last unit
csv-stray-quote = a quote inside a field that does not start with one
    .help = { -csv-quote-help }
csv-text-after-quote = text after the closing quote of a field
    .help = { -csv-quote-help }
csv-unclosed-quote = a quote opened here is never closed
    .help = { -csv-quote-help }
-csv-quote-help = a field with a quote, a comma or a line break must be wholly in quotes, with a quote inside written twice ("")
sheet-too-large = the workbook is too large: { $kind ->
        [cell] { $cell } has a value
       *[span] the sheet '{ $sheet }' spans { $from }:{ $to } ({ $rows } rows × { $columns } columns)
    }; vanban reads at most { $most_rows } rows, { $most_columns } columns and { $most_cells } cells
    .help = a workbook of figures has one row per unit: delete the rows below the last unit and the columns after the last figure (a value or a format far away makes the whole range count), save, and give it again
workbook-too-large-unzipped = the workbook is too large: it holds { $mb } MB once unzipped (vanban reads at most { $most } MB)
    .help = a workbook of figures is a few hundred kilobytes: check that this is the right file, or copy the units' rows into a new workbook (`vanban workbook`)
workbook-unreadable = cannot read the workbook: { $detail }
    .help = { -give-xlsx-help }
workbook-has-no-sheet = cannot read the workbook: it has no sheet
    .help = { -give-xlsx-help }
-give-xlsx-help = give an .xlsx file saved by Excel or LibreOffice (or a .csv file); start from the one `vanban workbook` writes

## Its layout

no-key-row = the workbook has no key row: no row has `{ $marker }` in column A
    .help = row 2 of the workbook `vanban workbook` writes holds `file`, `name` and the name of each figure (data.patrols, unit.households): copy it back, or start from a new workbook
not-a-figure-key = `{ $key }` is not the name of a figure of a fact sheet
    .help = the key row names each column's figure as the fact sheet does (data.patrols, unit.households, facts.tip_offs, data.areas[2024].recognised); leave it as `vanban workbook` wrote it
column-twice = `{ $key }` has two columns: { $first } and { $second }
    .help = keep one of the two columns
row-without-sheet = row { $row } has figures but no fact sheet in column A: it is left out
    .help = write the fact sheet the row is for in column A (its path, as `vanban workbook` wrote it)
more-rows-without-sheet = and { $n } more rows have figures but no fact sheet in column A: they are left out
    .help = write the fact sheet each row is for in column A
row-twice = the fact sheet `{ $key }` has two rows: { $first } and { $second }
    .help = { -one-row-help }
more-rows-twice = and { $n } more rows repeat a fact sheet of a row above
    .help = { -one-row-help }
row-matches-no-sheet = the row for `{ $key }` matches no fact sheet given: its figures are not used
    .help = check column A against the fact sheets' paths, or give that fact sheet too
more-rows-match-no-sheet = and { $n } more rows match no fact sheet given: their figures are not used
    .help = check column A against the fact sheets' paths, or give those fact sheets too
no-row-for-sheet = no row of { $workbook } is for this fact sheet: its figures come from the fact sheet alone
    .help = add a row with the fact sheet's path in column A (as `vanban workbook --units` writes it)

## Its cells

cell-not-a-number = "{ $text }" is not a number
    .help = { -cell-figure-help }
cell-value-not-a-number = { $shown } is not a number
    .help = { -cell-figure-help }
cell-holds-error = the error { $error } is not a number
    .help = { -cell-figure-help }
cell-not-finite = this is not a number
    .help = { -cell-figure-help }
cell-holds-date = the cell holds the date { $date }, not a number
    .help = the cell is formatted as a date, so the figure typed into it became a date: format it as a number (Format Cells → Number) and type the figure again
cell-holds-formula = the cell holds the formula ={ $formula } but no value
    .help = the file was saved by a program that does not calculate formulas: open it in Excel or LibreOffice and save it again, or type the figure itself
typed-not-a-whole-number = "{ $typed }" in the cell is not a whole number{ $reads ->
        [yes] {" "}(it reads as { $read })
       *[no] {""}
    }
    .help = { $comma ->
        [yes] in a cell a comma is the decimal point, so "{ $typed }" is a decimal; { -cell-figure-help }
       *[no] { -cell-figure-help }
    }
typed-not-a-number = "{ $typed }" in the cell is not a number{ $reads ->
        [yes] {" "}(it reads as { $read })
       *[no] {""}
    }
    .help = { $comma ->
        [yes] in a cell a comma is the decimal point, so "{ $typed }" is a decimal; { -cell-figure-help }
       *[no] { -cell-figure-help }
    }
cell-number-not-whole = { $value } is not a whole number
    .help = { -cell-figure-help }

## Filling the fact sheets

figure-group-not-a-map = `{ $group }` is not a group of keys, so the figure `{ $key }` from the workbook cannot go in it
    .help = write `{ $group }:` with its keys on the lines below
sheet-and-workbook-differ = the fact sheet says { $sheet } but the workbook says { $workbook } ({ $file }:{ $cell })
    .help = keep each figure in one place: delete it from the fact sheet (the workbook then supplies it), or make the two the same

## Choosing the units

folder-unreadable-units = cannot read the folder: { $detail }
    .help = check the path given to --units
units-share-row = two fact sheets would share the row `{ $key }`: { $first } and { $second }
    .help = give their common folder with --units DIR, so each row is named by its path under it
unit-sheet-unreadable = this fact sheet cannot be read ({ $n } error(s); `vanban check` lists them): its row is left blank
    .help = correct the fact sheet, then write the workbook again to prefill its figures
unit-not-using-template = left out of the workbook: no document of this fact sheet uses `{ $template }`
    .help = add `- template: { $template }` under documents: to give it a row

## Writing it

workbook-template-unknown = there is no template `{ $template }`
    .help = run `vanban templates` for the list
template-declares-no-figure = `{ $template }` declares no figure (count, decimal, money, area or percent): a workbook would have no column to fill
    .help = `vanban templates` shows what each template reads
workbook-write-failed = writing the workbook: { $detail }
    .help = this is a fault of vanban: please report it with the template
