# A fact sheet: reading the file, its YAML, the typed fields, the rules between fields.

## Pieces of the messages below (referenced, not codes).

found-value = { $found ->
    [empty] nothing
    [list] a list
    [group] a group of keys
    [unseen] this value
    [code] `{ $value }`
   *[given] { $value }
}
kind-help = { $kind ->
    [whole-unsigned] write a whole number of 0 or more, without dots or spaces (3537, not 3.537)
    [whole-signed] write a whole number without dots or spaces (2024, not 2.024)
    [decimal] write a number with a dot for decimals (2.5)
    [bool] write true or false, without quotes
    [list] write a list: one `- item` per line below the key, or [a, b] on one line
    [text] put the text in quotes
    [group] write its keys on the lines below, indented, one `key: value` per line (see docs/fact-sheet.md)
    [date] write dates as YYYY-MM-DD, e.g. 2024-11-05
    [date-partial] write dates as YYYY-MM-DD, e.g. 2024-11-05 (or YYYY-MM for a draft)
    [choice] write one of: { $choices }
   *[choice-none] see docs/fact-sheet.md for the values allowed here
}
duplicate-times = { $n ->
    [2] twice
   *[other] { $n } times
}

## Reading the file

cannot-read-file = cannot read the file: { $detail }
    .help = check the path; fact sheets are YAML files such as data/phuong-ba-dinh-2024.yaml
file-too-large = the file is too large for a fact sheet: { $size } (the limit is { $limit })
    .help = a fact sheet is a few hundred lines (a few tens of kilobytes): check that this is the right file, not a spreadsheet or a document saved under a .yaml name
not-utf8 = the file is not UTF-8 text
    .help = save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)
empty-file = the file is empty
    .help = the file is empty: start from vanban init (`vanban init > data/phuong-x-2025.yaml` writes a commented fact sheet to fill in)
file-not-a-group = expected a group of keys, found { found-value }
    .help = a fact sheet is a group of `key: value` lines starting with `schema: 1`: start from vanban init

## YAML syntax

duplicate-key = { $shape ->
        [anonymous] a key appears twice in this group
        [bare] key `{ $key }` appears { duplicate-times }
        [one] key `{ $key }` appears { duplicate-times } (on line { $last })
       *[lines] key `{ $key }` appears { duplicate-times } (lines { $lines } and { $last })
    }
    .help = a key may appear once in a group: keep one
multiple-documents = the file holds more than one YAML document
    .help = a fact sheet is one YAML document: remove the second '---'
file-too-complex = the file is too large or too deeply nested to read
    .help = { $cause ->
        [brackets] a fact sheet is a few hundred lines: check for a block pasted by mistake, or brackets `[` `{"{"}` opened many times
       *[aliases] a fact sheet is a few hundred lines: check for a block pasted by mistake, or a `*name` that repeats a large part of the file
    }
unexpected-end = the file ends in the middle of a value
    .help = check for a missing closing quote, `]` or `{"}"}`
unknown-anchor = `*` here refers to a `&name` that is not defined above
    .help = put text that starts with `*` in quotes
merge-not-allowed = `<<` cannot be used here
    .help = write the keys out instead of merging them with `<<`
tab-indent = a tab is used to indent this line
    .help = indent with spaces (two per level), never with tabs
unclosed-quote = a quoted text is not closed
    .help = check that every opening quote `"` has its closing quote, on the line where the text ends
unclosed-bracket = a `[` or `{"{"}` is not closed, or a text inside it holds a `:`
    .help = close every `[` with `]` and `{"{"}` with `{"}"}` on the same line, and put text with `:` or `,` in quotes
yaml-syntax = { $shape ->
        [jargon] this part of the file cannot be read as YAML
       *[detail] { $detail }
    }
    .help = check the indentation (spaces, not tabs) and that every `key: value` has a space after the colon; quote text that starts with a special character such as `*`, `&`, `!`, `%`, `@` or `-`
comma-in-text = { $n ->
        [1] the text of { $last } contains a comma; inside {"{"} {"}"} a comma starts a new key, so the text must be in quotes
       *[other] the texts of { $keys } and { $last } contain commas; inside {"{"} {"}"} a comma starts a new key, so each text must be in quotes
    }
    .help = write { $n ->
        [1] { $last-fix }
       *[other] { $fixes } and { $last-fix }
    }

## Fields of the wrong kind

unknown-key = unknown key `{ $key }`
    .help = { $hint ->
        [best] did you mean `{ $best }`? (see docs/fact-sheet.md for every key)
        [allowed] keys allowed here: { $allowed }
        [row-best] did you mean `{ $best }`?
       *[row] the keys here are: { $allowed }
    }
missing-key = `{ $key }` is required here
    .help = add it (see `vanban init` for a commented example)
no-value = `{ $key }` has no value
    .help = { $kind ->
        [text] write the text after the colon, or remove the key
       *[other] { kind-help }
    }
negative-figure = { found-value } cannot be negative
    .help = { $hint ->
        [figure] write the figure as 0 or more; a fall is computed by comparing two figures
       *[whole] write a whole number of 0 or more
    }
too-large-for-figure = { found-value } is too large for this figure
    .help = check for an extra digit
not-a-whole-number = { $found ->
        [list] expected a whole number, found { found-value }
        [group] expected a whole number, found { found-value }
       *[other] { found-value } is not a whole number
    }
    .help = { $hint ->
        [thousands] write { $digits }: in a fact sheet a dot is a decimal point, so thousands are written without dots or spaces
        [vietnamese] if you meant { $shown } in the Vietnamese way, write { $digits } (no dot)
        [money] write the amount in đồng as a whole number: 9000000
        [count] counts are whole numbers: 3537 (write it without a dot; vanban prints 3.537)
       *[kind] { kind-help }
    }
not-a-number = { $found ->
        [list] expected a number, found { found-value }
        [group] expected a number, found { found-value }
       *[other] { found-value } is not a number
    }
    .help = { $hint ->
        [comma] write { $digits }: decimals take a dot
        [thousands] write { $digits }: thousands are written without dots or spaces
        [plain] write a number
        [figure] write a figure such as 12 or 2.5
        [digits] write the figure as digits (1500 or 1.500); an estimate may start with trên, hơn, gần, khoảng: `trên 1.500`, `hơn 26 nghìn`
       *[kind] { kind-help }
    }
not-true-or-false = { $found ->
        [list] true/false expected, found { found-value }
        [group] true/false expected, found { found-value }
       *[other] { found-value } is not true or false
    }
    .help = { kind-help }
not-a-date = { $found ->
        [partial] `{ $value }` is not a date: write YYYY-MM-DD (or YYYY-MM for a draft)
        [list] expected a date, found { found-value }
        [group] expected a date, found { found-value }
       *[other] { found-value } is not a date
    }
    .help = { kind-help }
not-an-allowed-value = { $found ->
        [variant] `{ $value }`
       *[other] { found-value }
    } is not one of the allowed values
    .help = { kind-help }
not-text = expected text, found { found-value }
    .help = { $hint ->
        [quote] put the text in quotes: { $key }: "{ $text }"
        [inline] write the text on the same line after the colon, and put it in quotes if it contains `: ` or starts with `-`, `[` or `{"{"}`
       *[kind] { kind-help }
    }
not-a-list = expected a list, found { found-value }
    .help = { kind-help }
not-a-group = expected a group of keys, found { found-value }
    .help = { kind-help }
does-not-fit = { found-value } does not fit here
    .help = see docs/fact-sheet.md for what `{ $key }` takes
field-rejected = { $detail }
    .help = see docs/fact-sheet.md for what `{ $key }` takes
figure-too-large = { $value } is too large for a figure in a report
    .help = check for an extra digit; figures must be below 1.000.000.000.000
text-too-long = this text is { $n } characters long; one text may have at most { $limit } (about seven pages)
    .help = split the paragraph: write each paragraph as its own `- ` entry of the list; a page holds about 3000 characters
placeholder-left = `{ $placeholder }` is a placeholder from `vanban init`: it would be printed as it stands
    .help = write the real value in its place, or delete the line (a blank figure or text is left out of the documents, never printed)

## Rules between fields

schema-unsupported = schema { $schema } is not supported by this vanban
    .help = write `schema: 1`
unit-unnamed = the unit has no name
    .help = write its proper name without the level word, e.g. `Ba Đình`
agency-unnamed = the issuing agency has no name
    .help = list its printed lines, e.g. `[BAN CHỈ ĐẠO AN NINH, TRẬT TỰ, PHƯỜNG BA ĐÌNH]`
year-unusable = { $year } is not a usable year
    .help = write the four-digit year the documents report on
period-reversed = the period ends ({ $to }) before it starts ({ $from })
    .help = swap `from` and `to`, or remove both to use TT124 Điều 8's period
months-out-of-range = { $months } is not a number of months
    .help = write 1 to 12: 6 for "6 tháng đầu năm", 12 for the whole year
area-impossible = an area of { $area } ha is not possible
    .help = write the natural area in hectares, a number above 0 (e.g. `area_ha: 385.6`), or leave the line out
fewer-people-than-households = { $population } people live in { $households } households
    .help = every household has at least one person: check that population (nhân khẩu) and households (hộ) are not swapped
no-sub-units = there are 0 { $kind }
    .help = write how many there are (1 or more), or remove the entry if the unit has none
part-exceeds-whole = { $rule ->
        [registered] { $part } { $kind } registered, but there are only { $whole }
        [recognised] { $part } { $kind } recognised, but only { $whole } registered
        [pledged] { $part } households pledged, but the unit has { $whole }
        [progressed] { $part } offenders progressed, but only { $whole } were supported
        [serious] { $part } serious cases out of { $whole } cases
        [force-majeure] { $part } force-majeure cases out of { $whole } serious cases
        [tested] { $part } tested, but only { $whole } listed
        [positive] { $part } positive, but only { $whole } tested
       *[declared] `{ $name }` ({ $part }) is more than `{ $whole-name }` ({ $whole }): a part cannot exceed its whole
    }
    .help = { $rule ->
        [registered] registered cannot exceed total: correct one of the two
        [recognised] only registered units can be recognised: recognised ≤ registered
        [pledged] households_pledged ≤ unit.households
        [progressed] offenders_progressed ≤ offenders_supported
        [serious] serious ≤ cases
        [force-majeure] serious_force_majeure ≤ serious
        [tested] tested ≤ listed
        [positive] positive ≤ tested
        [member] correct one of the two: `{ $name }` counts some of the `{ $whole-name }`
       *[declared] correct one of the two: `{ $name }` counts some of `{ $whole-name }`
    }
quantity-invalid = { $quantity } is not a quantity
    .help = write a number of 0 or more
unknown-security-event = `{ $letter }` is not a point of TT124 Điều 4 khoản 3
    .help = use the letters a, b, c, d, đ, e, g
date-outside-period = { $date } is outside the period { $from } – { $to }
    .help = check the year; facts must fall inside the period they are reported for
no-documents = no documents to issue
    .help = add at least one entry, e.g. `- template: bao-cao-ket-qua-tt124`
unknown-template = there is no template `{ $template }`
    .help = run `vanban templates` for the list, or pass --templates DIR with your own
document-number-zero = 0 is not a document number
    .help = write the number from the register of outgoing documents (1 or more), or leave it out in a draft to print `Số:      /`
document-date-year = the document is dated { $date } but reports on { $year }
    .help = check the year of the date
authority-prefix = `{ $authority }` does not start with TM., KT., Q., TL. or TUQ.
    .help = ND30 signs on behalf of a body as `TM. Ban Chỉ đạo`, for the head as `KT. Trưởng ban`
criterion-unstated = `{ $key }` is not stated: the report does not claim it, and criterion { $criterion } of TT124 Điều 5 is reported as not met (Chưa đạt)
    .help = write `{ $key }: { $example }` under facts.criteria (or what the evaluation found)
section-left-out = no figures for "{ $label }" in { $template }: the section is left out
    .help = { $section ->
        [so_ket-characteristics] write the paragraphs under narrative.characteristics, or give unit.area_ha and unit.sub_units
        [so_ket-advising] write what was advised under narrative.advising, or list the documents issued under facts.criteria.directives
        [so_ket-propaganda] give the counts under facts.propaganda (meetings, articles, broadcasts…), or write narrative.propaganda
        [so_ket-crime] list the cases by category under facts.incidents; write `incidents: []` if nothing happened
        [so_ket-models] list the community models under facts.models, or write narrative.models
        [so_ket-strengths] write the paragraphs under narrative.strengths
        [so_ket-limitations] write them under narrative.limitations, one entry each
        [so_ket-causes] write them under narrative.causes, one entry each
        [so_ket-tasks] write the tasks under narrative.tasks, one entry each
        [tt124-implementation] write what was done under narrative.implementation, or give facts.criteria (party_resolution, plan, registered)
        [tt124-propaganda] give the counts under facts.propaganda (meetings, articles, broadcasts…) or facts.households_pledged, or write narrative.propaganda
        [tt124-movement] give facts.disputes_mediated, facts.tip_offs, facts.models (or other results), or write narrative.movement
        [tt124-core_forces] give facts.core_forces, or facts.criteria.police_effective and police_disciplined, or write narrative.core_forces
       *[other] give the figures or text under { $field }
    }
