# Templates: reading, parsing and rendering them.

template-unreadable = cannot read the template: { $detail }
    .help = check that the file can be read
template-not-a-file = the template is not a regular file (a folder, a device or a pipe, or a link to one)
    .help = put the template's own file in the templates folder
template-too-large = the template is too large: { $size } KB (the limit is { $limit } KB)
    .help = a template is a few pages of text (the shipped ones are under 15 KB): check that this is the right file
template-not-utf8 = the template is not UTF-8 text
    .help = save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)
template-cycle = the templates form a cycle: { $cycle } (this template { $word ->
        [include] includes
       *[extends] extends
    } `{ $first }`)
    .help = a template extends or includes only templates that do not lead back to it: remove or change this line
template-syntax = the template does not parse: { $detail }
    .help = fix the template syntax at this line (Tera 2: `{"{{"} value {"}}"}`, `{"{%"} if … {"%}"}…{"{%"} endif {"%}"}`)
template-not-loaded = the template does not load: { $detail }
    .help = a filter, test, function or component the template uses does not exist: check its spelling (`vanban templates` lists the templates; docs/templates.md the filters)
template-render-failed = in block `{ $block }`: { $detail }
    .help = a value the template reads may be absent: test it with `{"{%"} if x is not none {"%}"}`, or declare it `required: true` in the header
template-stopped = the template was stopped: { $detail }
    .help = a document renders in well under a second: look for a `for` loop over a large range or nested loops, or an `include` that writes the same text again and again
template-not-found = there is no template `{ $template }`
