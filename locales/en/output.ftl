# Producing a fact sheet's documents and writing their files.

context-build-failed = building the template context: { $detail }
template-markup-error = template `{ $template }`: { $detail }
    .help = { $hint }
template-needs-absent-key = `{ $key }`{ $labelled ->
        [yes] {" "}({ $label })
       *[no] {""}
    } is required by template `{ $template }`: the document cannot be written without it, and the sheet does not give it
    .help = write it in the fact sheet under { $key }; or, in the template, print it only when given (`{"{"}% if { $key } %{"}"}`) or declare it `required: true` so check asks for it
document-write-failed = writing { $file }: { $detail }
file-write-failed = { $detail }
documents-same-file = documents[{ $first }] and documents[{ $second }] would both be written to `{ $name }.docx` (and .pdf): the second would overwrite the first
    .help = a document's files are named after its template, so one fact sheet issues one document of each template: issue the other from a fact sheet of its own, or give it a template of another name that extends this one (a file `{ $name }-2.md.tera` holding `{"{"}% extends "{ $name }.md.tera" %{"}"}` in your --templates folder)
