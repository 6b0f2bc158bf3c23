# Template headers (what a template reads) and the open data checked against them.

## Pieces of the messages below (referenced, not codes).

kind-described = { $kind ->
    [count] a count (whole number)
    [decimal] a number
    [money] an amount in đồng
    [area] an area in ha
    [percent] a percentage
    [text] text
    [series] a series (one entry per year or period)
    [table] a table (a list of rows)
    [record] a group of keys
    [list] a list
    [date] a date (YYYY-MM-DD)
   *[flag] true or false
}

## A template's header

header-invalid = the template header is not valid: { $detail }
    .help = the header is YAML: `reads:` then one `name: {"{"} kind: …, label: … {"}"}` per line
declared-twice = `{ $name }` is declared twice
    .help = keep one declaration
undeclarable-name = `{ $name }` is not a name a template can read
    .help = declare names under data. (your own figures, series, tables and text), narrative. (paragraphs), or the catalogue's unit. and facts.
not-in-catalogue = `{ $name }` is not in vanban's catalogue
    .help = put your own figures under data. (e.g. data.teams) and declare their kind
declaration-without-kind = `{ $name }` has no kind
    .help = { $hint ->
        [example] write e.g. `data.teams: {"{"} kind: count, label: Số tổ tự quản {"}"}`
       *[kinds] add `kind:` — count, decimal, money, area, percent, text, series or table
    }
kind-for-catalogue = `{ $name }`: kind `{ $kind }` is for the catalogue
    .help = your own data is a figure (count, decimal, money, area, percent), text, a series or a table
narrative-not-text = `{ $name }`: a narrative section is text
    .help = write `kind: text`, or put figures under data.
series-without-of = series `{ $name }` does not say what each entry holds
    .help = add `of: count` (one figure per year) or `of: {"{"} recognised: count, total: count {"}"}`
table-without-columns = table `{ $name }` has no columns
    .help = add `columns: {"{"} name: text, households: count {"}"}`
nested-kind = `{ $name }.{ $field }` cannot itself be a { $kind }
    .help = columns and series entries hold figures, text, dates or flags
part-of-not-beside = `{ $name }.{ $field }` is a part of `{ $whole }`, which is not a figure beside it
    .help = name one of: { $names }
part-of-misused = `{ $name }`: `part_of` joins two figures under data.
    .help = write e.g. `data.recognised: {"{"} kind: count, part_of: data.total {"}"}`

## The open data (`data:`, `narrative:`) against the headers

data-not-a-group = `data` should be a group of named values
    .help = write one `name: value` per line under `data:`
group-expected = each { $what ->
        [row] row
       *[entry] entry
    } should be a group of keys
    .help = write `{"{"} { $fields } {"}"}`
text-cut-at-comma = `{ $pieces }` looks like the rest of a text cut at a comma
    .help = { $hint ->
        [member] text with a comma inside {"{"} … {"}"} must be in quotes: { $field }: "{ $text }, { $pieces }"
       *[generic] text with a comma inside {"{"} … {"}"} must be in quotes: name: "a, b"
    }
member-missing = `{ $field }` is missing
    .help = add `{ $field }: …` ({ kind-described })
entry-without-at = this entry has no `at`
    .help = write the year or period it is for: `- {"{"} at: 2024, … {"}"}`
not-a-series = `{ $name }` should be a series: one entry per year
    .help = write one line per year under the key: `2023: 98` (or `2023: {"{"} recognised: 98, total: 212 {"}"}`)
year-outside-period = { $year } is outside the period ({ $shape ->
        [range] { $first } - { $last }
        [until] up to { $last }
       *[none] {""}
    })
    .help = correct the year, or the period (`period.first_year`, `period.year`)
not-a-table = `{ $name }` should be a table: a list of rows
    .help = write one `- {"{"} { $fields } {"}"}` per row
should-be-text = this should be text
    .help = write the text after the key, or a list of paragraphs (`- ...` one per line)
should-be-flag = this should be true or false
    .help = write true or false
should-be-date = this should be a date
    .help = write dates as YYYY-MM-DD, e.g. 2024-11-05
figure-out-of-range = this figure is out of range
    .help = check for extra digits
not-a-figure = { $found ->
        [flag] true/false
        [many] a list or group
       *[other] `{ $value }`
    } is not { kind-described }
    .help = { $found ->
        [flag] write a figure
        [many] write one figure on the same line as the key: `households: 3537`
       *[other] write the figure as digits (1500 or 1.500); an estimate may start with trên, hơn, gần, khoảng: `trên 1.500`, `hơn 26 nghìn`
    }
required-by-template = `{ $name }` ({ $label }) is required by template `{ $templates }`
    .help = add it ({ kind-described }); `vanban init --template { $template }` shows where
no-document-reads = no document of this fact sheet reads `{ $key }`: it will not be printed
    .help = { $hint ->
        [best] did you mean `{ $best }`? (a misspelt section is left out of the documents)
        [empty] no document of this fact sheet reads anything here; remove it, or add the document that needs it
        [names] the documents read: { $names }
       *[facts] remove it, or add the document that reports it (`vanban templates` shows what each reads)
    }
