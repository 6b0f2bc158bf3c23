# The words around every message: severities, the help line, grouping.
severity-error = error
severity-warning = warning
severity-note = note
help-label = help
more-like-this = and { $n } more like this
