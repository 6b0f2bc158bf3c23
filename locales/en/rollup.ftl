# The roll-up over a tree of fact sheets, and what the sheet's templates are written for.
template-not-for-level = `{ $template }` is written for a { $levels }, but the unit is a { $level }
    .help = set unit.level to one of those, or choose another template (`vanban templates`)
template-not-for-period = `{ $template }` (documents[{ $index }]) is not written for this period ({ $period })
    .help = it is written for the periods { $periods } (under `period:`, tt124 is `year: 2024` alone, year is `months: 12`, months is e.g. `months: 8`, years is `first_year: 2015`); change `period:` or issue this document from another fact sheet
children-loop = `{ $child }` is this sheet or a sheet above it: the children form a loop
    .help = a sheet lists only the units below it: remove this entry
child-under-two-parents = `{ $child }` is already counted under `{ $parent }`
    .help = a unit belongs to one parent: list it in one sheet only, or its figures count twice
child-has-errors = the child sheet `{ $child }` has { $n } error(s): the sums over the children cannot be made
    .help = correct the child sheet (its errors are listed with their lines), then check this sheet again
child-not-below = `{ $child }` is a { $child_level } ({ $name }): a child must be a unit below this { $level }
    .help = list only the units below this one (xã, phường, thị trấn under a huyện; khu dân cư under a xã), or correct unit.level in that sheet
