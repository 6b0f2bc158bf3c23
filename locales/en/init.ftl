# `vanban init`: its errors and the comments of the skeleton `init --template` prints.

init-unknown-level = --kind { $kind }: write one of xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
init-wrong-level = `{ $template }` is written for a { $levels }; pass --kind with one of them

## The skeleton's comments
init-header = vanban fact sheet for `{ $template }`
init-fill = Fill in the blanks; a blank figure is left out of the document, never printed as 0.
init-check = Check it with:   vanban check this-file.yaml
init-render = Render it with:  vanban render this-file.yaml
init-name = without "{ $word }"
init-required = required
init-per-year = one line per year
init-per-row = one line per row
init-per-paragraph = one paragraph per line: - A paragraph…
init-first-year = a review over several years: from this year to `year`
init-months = a report on the first months of the year (12: the whole year)
init-per-line = one entry per printed line; may be []
init-date = YYYY-MM-DD; YYYY-MM leaves the day blank for a draft
init-children = the units' own fact sheets to sum up (paths or patterns
init-children-more = relative to this file); what you leave out below is their sum
