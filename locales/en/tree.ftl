# A run over many fact sheets: finding them, rendering them as a batch, and the tree of
# units (children, roll-up); explaining a document.

## Commands

command-failed = { $detail }
render-failed = failed
manifest-unwritable = cannot write the manifest: { $detail }; the next run renders everything again
    .help = check that the output folder can be written

## Finding the fact sheets

folder-unreadable = cannot read the folder: { $detail }
    .help = check the folder's name and that you may read it
no-sheet-in-folder = no fact sheet in this folder
    .help = fact sheets are files ending in .yaml or .yml (in the folder or its subfolders); check the folder's name
sheet-given-twice = this fact sheet is given twice (also as { $first }); nothing was rendered
    .help = name each fact sheet or folder once on the command line
same-output-folder = would write the same folder { $folder } as { $first }; nothing was rendered
    .help = rename one of the two files, or render their common folder (`vanban render FOLDER`) so each keeps its subfolder

## The children of a sheet

children-entry-empty = this entry of `children` is empty
    .help = write the path of a child's fact sheet, e.g. `xa/tan-phu.yaml`, or a pattern such as `xa/*.yaml`
children-bad-pattern = `{ $pattern }` is not a pattern vanban can read: { $detail }
    .help = use `*` for any name (`xa/*.yaml`), `?` for one letter; write a plain path for one file
children-pattern-matches-nothing = `{ $pattern }` matches no fact sheet
    .help = check the folder and the pattern: they are relative to this sheet's folder ({ $here ->
        [yes] the current folder
       *[no] `{ $folder }`
    }), and only .yaml and .yml files count
child-sheet-missing = there is no fact sheet `{ $pattern }`
    .help = check the name: the path is relative to this sheet's folder ({ $here ->
        [yes] the current folder
       *[no] `{ $folder }`
    })
child-outside-folder = `{ $child }` is outside this sheet's folder ({ $here ->
        [yes] the current folder
       *[no] `{ $folder }`
    }): a child's fact sheet is in its parent's folder or below it
    .help = move the unit's fact sheet into this folder (or a subfolder such as xa/), or move this sheet up to the folder that holds its units
child-not-a-sheet = `{ $child }` is not a fact sheet: only .yaml and .yml files are (not hidden files or an editor's backups)
    .help = list the units' fact sheets (e.g. `xa/tan-phu.yaml`); other files are not read
child-listed-twice = `{ $child }` is listed twice (also by children[{ $first }])
    .help = list each child once: a pattern and a path that match the same file count it twice
child-counted-twice = `{ $child }` is { $identical ->
        [yes] the same file as
       *[no] the same unit ({ $level } { $name }, { $year }) as
    } `{ $other }`: the unit would be counted twice
    .help = a unit has one fact sheet: delete the copy (a file saved twice, e.g. `x (1).yaml`), or correct its unit.name if it is another unit

## Rolling up the children's figures

child-disagrees = `{ $path }` ({ $label }) is { $stated } here, but the children { $rule ->
        [max] reach at most
       *[sum] add up to
    } { $rolled }: { $names }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    }
    .help = correct this figure or the child sheet that is wrong; or remove it here to use the children's { $rule ->
        [max] largest figure
       *[sum] sum
    } ({ $rolled })
children-lack-figure = `{ $path }` ({ $label }) is not summed over the children: { $n } of { $total } do not give it ({ $names }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    }); the documents leave it out
    .help = add it to those sheets to get the total, or state the total in this sheet

## Communes without a TT124 verdict

communes-unassessed = { $n } of the { $total } communes below are not assessed against TT124 Điều 5 for { $period_en }, so the documents state no verdict about them: { $groups_en }
    .help = a commune is assessed when its own sheet states facts.criteria and issues, for the same period, a document that assesses them (bao-cao-ket-qua-tt124, bien-ban-danh-gia)
# The pieces of `communes-unassessed`: why a commune carries no verdict, and a period.
unassessed-no-document = none of its documents assesses the criteria (it issues { $templates })
unassessed-no-criteria = its sheet states no facts.criteria
unassessed-other-period = its sheet is for { $period }
unassessed-and-more = and { $n } more
period-year = { $year }
period-months = { $months } months of { $year }
period-range = { $first }-{ $year }

## Explaining a document

document-not-issued = this fact sheet issues no `{ $template }` document
    .help = its documents are: { $names }
