# What the commands print besides diagnostics: a line per sheet, the batch's summary,
# errors about the command itself.

app-ok = { $file }: ok
app-errors = { $file }: { $n } error(s)
app-not-rendered = { $file }: not rendered: { $n } error(s)
app-not-used = { $file }: not used: { $n } error(s)
app-fatal = error: { $detail }
app-usage = error: { $message }
app-stdin-alone = `-` (a fact sheet on standard input) is rendered alone

## The batch of `render`
app-batch-summary = { $sheets ->
        [one] { $sheets } fact sheet
       *[other] { $sheets } fact sheets
    }: { $written } written ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }), { $skipped } skipped (unchanged), { $failed } failed
app-batch-removed = { $n ->
        [one] { $n } document
       *[other] { $n } documents
    } no longer issued: removed
app-batch-failed = failed: { $line }
app-batch-failed-more = failed: { $line } (and { $n } more)

## Unknown names
app-no-template = there is no template `{ $name }` (run `vanban templates` for the list)
app-no-template-best = there is no template `{ $name }`; did you mean `{ $best }`? (run `vanban templates` for the list)

## vanban templates
app-templates-for = for: { $levels }
app-templates-periods = periods: { $periods }
app-templates-problem = problem: { $problem }
app-templates-required = (required)
app-templates-blocks = blocks (sections: after, before, replace, drop, rename):
app-serve-running = The vanban editor is running: open the address above in a browser; Ctrl+C stops it.
app-progress-sheets = fact sheets
