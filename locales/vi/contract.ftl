# Phần đầu của mẫu văn bản (mẫu đọc những gì) và phần số liệu mở được kiểm tra theo đó.

## Các phần dùng chung của thông báo bên dưới (được dẫn đến, không phải mã).

kind-described = { $kind ->
    [count] một số đếm (số nguyên)
    [decimal] một số
    [money] một số tiền bằng đồng
    [area] một diện tích tính bằng ha
    [percent] một tỷ lệ phần trăm
    [text] đoạn chữ
    [series] một chuỗi số liệu (mỗi năm hoặc mỗi kỳ một mục)
    [table] một bảng (danh sách các dòng)
    [record] một nhóm trường
    [list] một danh sách
    [date] một ngày (YYYY-MM-DD)
   *[flag] true hoặc false
}

## Phần đầu của mẫu văn bản

header-invalid = phần đầu của mẫu văn bản không hợp lệ: { $detail }
    .help = phần đầu viết theo YAML: `reads:` rồi mỗi dòng một `name: {"{"} kind: …, label: … {"}"}`
declared-twice = `{ $name }` được khai báo hai lần
    .help = giữ lại một khai báo
undeclarable-name = `{ $name }` không phải là tên mà mẫu văn bản có thể đọc
    .help = khai báo tên dưới `data.` (số liệu, chuỗi, bảng và đoạn chữ riêng), `narrative.` (các đoạn văn), hoặc `unit.` và `facts.` của danh mục
not-in-catalogue = `{ $name }` không có trong danh mục của vanban
    .help = đặt số liệu riêng dưới `data.` (ví dụ `data.teams`) và khai báo loại của nó
declaration-without-kind = `{ $name }` chưa có loại
    .help = { $hint ->
        [example] viết ví dụ `data.teams: {"{"} kind: count, label: Số tổ tự quản {"}"}`
       *[kinds] bổ sung `kind:` — count, decimal, money, area, percent, text, series hoặc table
    }
kind-for-catalogue = `{ $name }`: loại `{ $kind }` chỉ dành cho danh mục
    .help = số liệu riêng là một số liệu (count, decimal, money, area, percent), đoạn chữ, một chuỗi hoặc một bảng
narrative-not-text = `{ $name }`: mục trình bày phải là đoạn chữ
    .help = viết `kind: text`, hoặc đặt số liệu dưới `data.`
series-without-of = chuỗi `{ $name }` chưa nói mỗi mục chứa gì
    .help = bổ sung `of: count` (mỗi năm một số liệu) hoặc `of: {"{"} recognised: count, total: count {"}"}`
table-without-columns = bảng `{ $name }` chưa có cột
    .help = bổ sung `columns: {"{"} name: text, households: count {"}"}`
nested-kind = `{ $name }.{ $field }` không thể lại là loại { $kind }
    .help = cột của bảng và mục của chuỗi chứa số liệu, đoạn chữ, ngày hoặc true/false
part-of-not-beside = `{ $name }.{ $field }` là một phần của `{ $whole }`, nhưng đó không phải là số liệu cùng nhóm
    .help = chọn một trong: { $names }
part-of-misused = `{ $name }`: `part_of` chỉ nối hai số liệu dưới `data.`
    .help = viết ví dụ `data.recognised: {"{"} kind: count, part_of: data.total {"}"}`

## Phần số liệu mở (`data:`, `narrative:`) so với phần đầu của mẫu

data-not-a-group = `data` phải là một nhóm giá trị có tên
    .help = mỗi dòng viết một `name: value` dưới `data:`
group-expected = mỗi { $what ->
        [row] dòng
       *[entry] mục
    } phải là một nhóm trường
    .help = viết `{"{"} { $fields } {"}"}`
text-cut-at-comma = `{ $pieces }` có vẻ là phần còn lại của đoạn chữ bị cắt tại dấu phẩy
    .help = { $hint ->
        [member] đoạn chữ có dấu phẩy bên trong {"{"} … {"}"} phải đặt trong ngoặc kép: { $field }: "{ $text }, { $pieces }"
       *[generic] đoạn chữ có dấu phẩy bên trong {"{"} … {"}"} phải đặt trong ngoặc kép: name: "a, b"
    }
member-missing = thiếu `{ $field }`
    .help = bổ sung `{ $field }: …` ({ kind-described })
entry-without-at = mục này chưa có `at`
    .help = viết năm hoặc kỳ của mục: `- {"{"} at: 2024, … {"}"}`
not-a-series = `{ $name }` phải là một chuỗi số liệu: mỗi năm một mục
    .help = dưới trường, mỗi năm viết một dòng: `2023: 98` (hoặc `2023: {"{"} recognised: 98, total: 212 {"}"}`)
year-outside-period = năm { $year } nằm ngoài kỳ báo cáo ({ $shape ->
        [range] { $first } - { $last }
        [until] đến { $last }
       *[none] {""}
    })
    .help = sửa năm, hoặc sửa kỳ báo cáo (`period.first_year`, `period.year`)
not-a-table = `{ $name }` phải là một bảng: danh sách các dòng
    .help = mỗi dòng của bảng viết một `- {"{"} { $fields } {"}"}`
should-be-text = ở đây cần đoạn chữ
    .help = viết đoạn chữ sau trường, hoặc một danh sách đoạn văn (mỗi dòng một `- ...`)
should-be-flag = ở đây cần true hoặc false
    .help = viết true hoặc false
should-be-date = ở đây cần một ngày
    .help = viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-11-05
figure-out-of-range = số liệu này vượt quá giới hạn
    .help = kiểm tra xem có thừa chữ số không
not-a-figure = { $found ->
        [flag] true/false
        [many] danh sách hoặc nhóm trường
       *[other] “{ $value }”
    } không phải là { kind-described }
    .help = { $found ->
        [flag] viết một số liệu
        [many] viết một số liệu trên cùng dòng với trường: `households: 3537`
       *[other] viết số liệu bằng chữ số (1500 hoặc 1.500); số ước tính có thể bắt đầu bằng trên, hơn, gần, khoảng: `trên 1.500`, `hơn 26 nghìn`
    }
required-by-template = mẫu văn bản `{ $templates }` cần `{ $name }` ({ $label })
    .help = bổ sung trường này ({ kind-described }); `vanban init --template { $template }` cho biết chỗ viết
no-document-reads = không văn bản nào của tờ khai số liệu này đọc `{ $key }`: giá trị sẽ không được ghi ra văn bản
    .help = { $hint ->
        [best] có phải ý bạn là `{ $best }`? (mục viết sai tên sẽ bị bỏ khỏi văn bản)
        [empty] không văn bản nào của tờ khai số liệu này đọc gì ở đây; hãy xóa, hoặc bổ sung văn bản cần đến nó
        [names] các văn bản đọc: { $names }
       *[facts] hãy xóa, hoặc bổ sung văn bản báo cáo nội dung này (`vanban templates` cho biết mỗi mẫu đọc gì)
    }
