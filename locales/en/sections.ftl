# The sheet's `sections:` (sections added to, replacing or dropping a template's blocks).

## Pieces of the messages below (referenced, not codes).

suggestion-list = { $what ->
        [documents] its documents
        [series] the declared series
        [table] the declared tables
       *[blocks] the blocks
    }: { $names }
suggestion = { $hint ->
        [best] did you mean `{ $best }`? { suggestion-list }
       *[list] { suggestion-list }
    }

## Codes

section-without-place = this section does not say where it goes
    .help = add one of `after: BLOCK`, `before: BLOCK`, `replace: BLOCK`, `drop: BLOCK`, `rename: BLOCK` (`vanban templates NAME` lists the blocks)
section-two-places = a section has one place: `{ $first }` and `{ $second }` are both given
    .help = keep one of them; write a second entry of `sections:` for the other
section-unknown-document = the fact sheet issues no document `{ $template }`
    .help = { suggestion }
section-unknown-block = { $whose ->
        [all] the documents of this fact sheet
       *[one] `{ $template }`
    } has no block `{ $anchor }`
    .help = { suggestion } (`vanban templates NAME` lists them)
place-in-sub-section = `{ $key }` in a sub-section: a sub-section sits under its section
    .help = remove it, or move this entry to the top level of `sections:`
document-in-sub-section = `document` in a sub-section: it goes with its section
    .help = remove it; give `document` on the top-level entry
sub-section-without-heading = a sub-section needs a `heading`
    .help = add `heading: …` (it is numbered 1., 2. under its section)
sections-too-deep = sections nest at most { $depth } levels deep
    .help = move this sub-section up a level
drop-with-content = `drop` leaves the block out: this entry also gives a heading or content
    .help = remove the heading and content, or use `replace` to put new content in its place
rename-without-heading = `rename` needs the new `heading`
    .help = add `heading: …`
rename-with-content = `rename` changes only the heading: this entry also gives content
    .help = use `replace` to change the heading and the content
section-empty = this section has neither a heading nor content
    .help = add `heading:` and `paragraphs:` (or `items:`, `table:`, `chart:`, `sections:`)
undeclared-data = `{ $name }` is not a { $what ->
        [series] series
       *[table] table
    } a template of this fact sheet declares
    .help = { $hint ->
        [none] no template of this fact sheet declares a { $what ->
                [series] series
               *[table] table
            } under `data.`; declare one in a template's header (docs/templates.md)
       *[other] { suggestion }
    }
table-without-source = a table needs either `series` (a declared series) or `rows` (a declared table)
    .help = write `series: data.areas` or `rows: data.models_list`
section-data-absent = `{ $reference }` has no value in this fact sheet: the section would show nothing
    .help = give `{ $reference }` under `data:`, or take the table or chart out of the section
section-table-invalid = { $detail }
    .help = { $where ->
        [columns] see docs/templates.md, “Tables from data”, for the keys of a column
       *[table] see docs/templates.md for the arguments of a table
    }
section-chart-invalid = { $detail }
    .help = see docs/templates.md, “Charts”, for the arguments of a chart
section-text-invalid = { $detail }
    .help = write plain text; only *italic* and **bold** are read as formatting
section-edit-failed = { $detail }
    .help = change the block named, or the order of the entries of `sections:` (they apply one after another)
