# Mục `sections:` của tờ khai số liệu (thêm, thay thế hoặc bỏ các khối của mẫu văn bản).

## Các phần dùng chung của thông báo bên dưới (được dẫn đến, không phải mã).

suggestion-list = { $what ->
        [documents] các văn bản của tờ khai
        [series] các chuỗi đã khai báo
        [table] các bảng đã khai báo
       *[blocks] các khối
    }: { $names }
suggestion = { $hint ->
        [best] có phải ý bạn là `{ $best }`? { suggestion-list }
       *[list] { suggestion-list }
    }

## Mã

section-without-place = mục bổ sung này chưa nói đặt ở đâu
    .help = bổ sung một trong `after: BLOCK`, `before: BLOCK`, `replace: BLOCK`, `drop: BLOCK`, `rename: BLOCK` (`vanban templates NAME` liệt kê các khối)
section-two-places = mỗi mục bổ sung chỉ có một vị trí: có cả `{ $first }` và `{ $second }`
    .help = giữ lại một; viết mục thứ hai trong `sections:` cho vị trí kia
section-unknown-document = tờ khai số liệu không ban hành văn bản `{ $template }`
    .help = { suggestion }
section-unknown-block = { $whose ->
        [all] các văn bản của tờ khai số liệu này
       *[one] `{ $template }`
    } không có khối `{ $anchor }`
    .help = { suggestion } (`vanban templates NAME` liệt kê các khối)
place-in-sub-section = `{ $key }` trong mục con: mục con nằm dưới mục của nó
    .help = xóa đi, hoặc chuyển mục này lên cấp trên cùng của `sections:`
document-in-sub-section = `document` trong mục con: trường này đi cùng mục cấp trên
    .help = xóa đi; ghi `document` ở mục cấp trên cùng
sub-section-without-heading = mục con cần có `heading`
    .help = bổ sung `heading: …` (được đánh số 1., 2. dưới mục của nó)
sections-too-deep = các mục chỉ lồng nhau tối đa { $depth } cấp
    .help = chuyển mục con này lên một cấp
drop-with-content = `drop` bỏ khối đi: nhưng mục này còn có tiêu đề hoặc nội dung
    .help = xóa tiêu đề và nội dung, hoặc dùng `replace` để thay nội dung mới vào chỗ đó
rename-without-heading = `rename` cần tiêu đề mới `heading`
    .help = bổ sung `heading: …`
rename-with-content = `rename` chỉ đổi tiêu đề: nhưng mục này còn có nội dung
    .help = dùng `replace` để đổi cả tiêu đề và nội dung
section-empty = mục này không có tiêu đề cũng không có nội dung
    .help = bổ sung `heading:` và `paragraphs:` (hoặc `items:`, `table:`, `chart:`, `sections:`)
undeclared-data = `{ $name }` không phải là { $what ->
        [series] chuỗi số liệu
       *[table] bảng
    } mà mẫu văn bản của tờ khai này khai báo
    .help = { $hint ->
        [none] không mẫu văn bản nào của tờ khai này khai báo { $what ->
                [series] chuỗi số liệu
               *[table] bảng
            } dưới `data.`; hãy khai báo trong phần đầu của một mẫu (`docs/templates.md`)
       *[other] { suggestion }
    }
table-without-source = bảng cần có `series` (một chuỗi đã khai báo) hoặc `rows` (một bảng đã khai báo)
    .help = viết `series: data.areas` hoặc `rows: data.models_list`
section-data-absent = `{ $reference }` chưa có giá trị trong tờ khai số liệu này: mục sẽ trống
    .help = khai `{ $reference }` dưới `data:`, hoặc bỏ bảng hay biểu đồ khỏi mục
section-table-invalid = bảng không hợp lệ: { $detail }
    .help = { $where ->
        [columns] xem `docs/templates.md`, phần `Tables from data`, để biết các trường của một cột
       *[table] xem `docs/templates.md` để biết các tham số của bảng
    }
section-chart-invalid = biểu đồ không hợp lệ: { $detail }
    .help = xem `docs/templates.md`, phần “Charts”, để biết các tham số của biểu đồ
section-text-invalid = đoạn chữ không hợp lệ: { $detail }
    .help = viết chữ thường; chỉ *nghiêng* và **đậm** được hiểu là định dạng
section-edit-failed = không áp dụng được mục bổ sung: { $detail }
    .help = đổi khối được nêu, hoặc thứ tự các mục của `sections:` (chúng được áp dụng lần lượt)
