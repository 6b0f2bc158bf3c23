# Tạo các văn bản của một tờ khai số liệu và ghi các tệp của chúng.

context-build-failed = lỗi khi chuẩn bị dữ liệu cho mẫu văn bản: { $detail }
template-markup-error = mẫu văn bản `{ $template }`: { $detail }
    .help = { $hint }
template-needs-absent-key = mẫu văn bản `{ $template }` cần `{ $key }`{ $labelled ->
        [yes] {" "}({ $label })
       *[no] {""}
    }: thiếu mục này thì không viết được văn bản, mà tờ khai số liệu không ghi
    .help = ghi mục này vào tờ khai số liệu, ở `{ $key }`; hoặc, trong mẫu văn bản, chỉ hiện khi có (`{"{"}% if { $key } %{"}"}`) hay khai báo `required: true` để lệnh kiểm tra yêu cầu ghi
document-write-failed = lỗi khi ghi { $file }: { $detail }
file-write-failed = không ghi được tệp: { $detail }
documents-same-file = `documents[{ $first }]` và `documents[{ $second }]` sẽ cùng được ghi vào `{ $name }.docx` (và .pdf): văn bản sau sẽ ghi đè văn bản trước
    .help = tệp của văn bản mang tên mẫu văn bản, nên mỗi tờ khai số liệu chỉ ban hành một văn bản cho mỗi mẫu: ban hành văn bản kia từ một tờ khai riêng, hoặc dùng một mẫu văn bản tên khác kế thừa mẫu này (tệp `{ $name }-2.md.tera` chứa `{"{"}% extends "{ $name }.md.tera" %{"}"}` trong thư mục --templates của bạn)
