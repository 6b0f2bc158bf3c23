# Tờ khai số liệu: đọc tệp, cú pháp YAML, kiểu của từng trường, quy tắc giữa các trường.

## Các phần dùng chung của thông báo bên dưới (được dẫn đến, không phải mã).

found-value = { $found ->
    [empty] giá trị trống
    [list] một danh sách
    [group] một nhóm trường
    [unseen] giá trị này
    [code] “{ $value }”
   *[given] { $value }
}
kind-help = { $kind ->
    [whole-unsigned] viết số nguyên từ 0 trở lên, không dấu chấm, không dấu cách (3537, không viết 3.537)
    [whole-signed] viết số nguyên, không dấu chấm, không dấu cách (2024, không viết 2.024)
    [decimal] viết số, phần thập phân sau dấu chấm (2.5)
    [bool] viết true hoặc false, không đặt trong ngoặc kép
    [list] viết danh sách: mỗi dòng một `- mục` dưới trường, hoặc [a, b] trên một dòng
    [text] đặt đoạn chữ trong ngoặc kép
    [group] viết các trường con ở các dòng dưới, thụt vào, mỗi dòng một `key: value` (xem `docs/fact-sheet.md`)
    [date] viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-11-05
    [date-partial] viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-11-05 (hoặc YYYY-MM khi là dự thảo)
    [choice] viết một trong các giá trị: { $choices }
   *[choice-none] xem `docs/fact-sheet.md` để biết các giá trị được phép ở đây
}
duplicate-times = { $n ->
    [2] hai lần
   *[other] { $n } lần
}

## Đọc tệp

cannot-read-file = không đọc được tệp: { $detail }
    .help = kiểm tra đường dẫn; tờ khai số liệu là tệp YAML, ví dụ data/phuong-ba-dinh-2024.yaml
file-too-large = tệp quá lớn so với một tờ khai số liệu: { $size } (giới hạn là { $limit })
    .help = tờ khai số liệu chỉ vài trăm dòng (vài chục kilobyte): kiểm tra xem có đúng tệp không, hay là bảng tính hoặc văn bản lưu nhầm đuôi .yaml
not-utf8 = tệp không phải văn bản mã UTF-8
    .help = lưu lại tệp theo mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)
empty-file = tệp trống
    .help = tệp trống: hãy bắt đầu từ vanban init (`vanban init > data/phuong-x-2025.yaml` tạo tờ khai số liệu có chú thích để điền)
file-not-a-group = cần một nhóm trường, nhưng gặp { found-value }
    .help = tờ khai số liệu gồm các dòng `key: value`, bắt đầu bằng `schema: 1`: hãy bắt đầu từ vanban init

## Cú pháp YAML

duplicate-key = { $shape ->
        [anonymous] một trường xuất hiện hai lần trong nhóm này
        [bare] trường `{ $key }` xuất hiện { duplicate-times }
        [one] trường `{ $key }` xuất hiện { duplicate-times } (ở dòng { $last })
       *[lines] trường `{ $key }` xuất hiện { duplicate-times } (các dòng { $lines } và { $last })
    }
    .help = mỗi trường chỉ được xuất hiện một lần trong nhóm: giữ lại một
multiple-documents = tệp chứa nhiều hơn một khối YAML
    .help = mỗi tờ khai số liệu là một khối YAML: xóa dấu '---' thứ hai
file-too-complex = tệp quá lớn hoặc lồng nhau quá sâu, không đọc được
    .help = { $cause ->
        [brackets] tờ khai số liệu chỉ vài trăm dòng: kiểm tra có khối nào dán nhầm, hoặc dấu ngoặc `[` `{"{"}` mở quá nhiều lần
       *[aliases] tờ khai số liệu chỉ vài trăm dòng: kiểm tra có khối nào dán nhầm, hoặc `*tên` lặp lại một phần lớn của tệp
    }
unexpected-end = tệp kết thúc giữa chừng một giá trị
    .help = kiểm tra xem có thiếu dấu ngoặc kép đóng, `]` hoặc `{"}"}`
unknown-anchor = dấu `*` ở đây trỏ tới một `&tên` chưa được khai báo ở trên
    .help = đặt đoạn chữ bắt đầu bằng `*` trong ngoặc kép
merge-not-allowed = không được dùng `<<` ở đây
    .help = viết đầy đủ các trường thay vì gộp bằng `<<`
tab-indent = dòng này thụt vào bằng phím tab
    .help = thụt vào bằng dấu cách (hai dấu cách mỗi cấp), không dùng tab
unclosed-quote = đoạn chữ trong ngoặc kép chưa được đóng
    .help = kiểm tra mỗi dấu ngoặc kép mở `"` đều có dấu đóng, ở dòng mà đoạn chữ kết thúc
unclosed-bracket = dấu `[` hoặc `{"{"}` chưa được đóng, hoặc đoạn chữ bên trong có dấu `:`
    .help = đóng mỗi `[` bằng `]` và mỗi `{"{"}` bằng `{"}"}` trên cùng dòng, đặt đoạn chữ có `:` hoặc `,` trong ngoặc kép
yaml-syntax = { $shape ->
        [jargon] phần này của tệp không đọc được theo cú pháp YAML
       *[detail] lỗi cú pháp YAML: { $detail }
    }
    .help = kiểm tra thụt dòng (dấu cách, không dùng tab) và sau dấu hai chấm của mỗi `key: value` có một dấu cách; đặt trong ngoặc kép đoạn chữ bắt đầu bằng ký tự đặc biệt như `*`, `&`, `!`, `%`, `@` hoặc `-`
comma-in-text = { $n ->
        [1] đoạn chữ của { $last } có dấu phẩy; trong {"{"} {"}"} dấu phẩy mở đầu một trường mới, nên đoạn chữ phải đặt trong ngoặc kép
       *[other] các đoạn chữ của { $keys } và { $last } có dấu phẩy; trong {"{"} {"}"} dấu phẩy mở đầu một trường mới, nên mỗi đoạn chữ phải đặt trong ngoặc kép
    }
    .help = viết { $n ->
        [1] { $last-fix }
       *[other] { $fixes } và { $last-fix }
    }

## Trường sai kiểu

unknown-key = trường lạ `{ $key }`
    .help = { $hint ->
        [best] có phải ý bạn là `{ $best }`? (xem `docs/fact-sheet.md` để biết mọi trường)
        [allowed] các trường được phép ở đây: { $allowed }
        [row-best] có phải ý bạn là `{ $best }`?
       *[row] các trường ở đây là: { $allowed }
    }
missing-key = cần có `{ $key }` ở đây
    .help = bổ sung trường này (xem `vanban init` để có mẫu có chú thích)
no-value = `{ $key }` chưa có giá trị
    .help = { $kind ->
        [text] viết đoạn chữ sau dấu hai chấm, hoặc xóa trường
       *[other] { kind-help }
    }
negative-figure = { found-value } không được là số âm
    .help = { $hint ->
        [figure] viết số liệu từ 0 trở lên; mức giảm được tính bằng cách so sánh hai số liệu
       *[whole] viết số nguyên từ 0 trở lên
    }
too-large-for-figure = { found-value } quá lớn đối với số liệu này
    .help = kiểm tra xem có thừa chữ số không
not-a-whole-number = { $found ->
        [list] cần một số nguyên, nhưng gặp { found-value }
        [group] cần một số nguyên, nhưng gặp { found-value }
       *[other] { found-value } không phải là số nguyên
    }
    .help = { $hint ->
        [thousands] viết { $digits }: trong tờ khai số liệu dấu chấm là dấu thập phân, nên hàng nghìn viết liền, không dấu chấm, không dấu cách
        [vietnamese] nếu ý bạn là { $shown } theo cách viết Việt Nam, hãy viết { $digits } (không dấu chấm)
        [money] viết số tiền bằng đồng, là số nguyên: 9000000
        [count] số đếm là số nguyên: 3537 (viết không dấu chấm; vanban ghi ra 3.537)
       *[kind] { kind-help }
    }
not-a-number = { $found ->
        [list] cần một số, nhưng gặp { found-value }
        [group] cần một số, nhưng gặp { found-value }
       *[other] { found-value } không phải là số
    }
    .help = { $hint ->
        [comma] viết { $digits }: phần thập phân đặt sau dấu chấm
        [thousands] viết { $digits }: hàng nghìn viết liền, không dấu chấm, không dấu cách
        [plain] viết một số
        [figure] viết số liệu, ví dụ 12 hoặc 2.5
        [digits] viết số liệu bằng chữ số (1500 hoặc 1.500); số ước tính có thể bắt đầu bằng trên, hơn, gần, khoảng: `trên 1.500`, `hơn 26 nghìn`
       *[kind] { kind-help }
    }
not-true-or-false = { $found ->
        [list] cần true hoặc false, nhưng gặp { found-value }
        [group] cần true hoặc false, nhưng gặp { found-value }
       *[other] { found-value } không phải là true hoặc false
    }
    .help = { kind-help }
not-a-date = { $found ->
        [partial] “{ $value }” không phải là ngày: viết YYYY-MM-DD (hoặc YYYY-MM khi là dự thảo)
        [list] cần một ngày, nhưng gặp { found-value }
        [group] cần một ngày, nhưng gặp { found-value }
       *[other] { found-value } không phải là ngày
    }
    .help = { kind-help }
not-an-allowed-value = { $found ->
        [variant] “{ $value }”
       *[other] { found-value }
    } không thuộc các giá trị được phép
    .help = { kind-help }
not-text = cần đoạn chữ, nhưng gặp { found-value }
    .help = { $hint ->
        [quote] đặt đoạn chữ trong ngoặc kép: { $key }: "{ $text }"
        [inline] viết đoạn chữ trên cùng dòng sau dấu hai chấm, và đặt trong ngoặc kép nếu nó chứa `: ` hoặc bắt đầu bằng `-`, `[` hoặc `{"{"}`
       *[kind] { kind-help }
    }
not-a-list = cần một danh sách, nhưng gặp { found-value }
    .help = { kind-help }
not-a-group = cần một nhóm trường, nhưng gặp { found-value }
    .help = { kind-help }
does-not-fit = { found-value } không phù hợp ở đây
    .help = xem `docs/fact-sheet.md` để biết `{ $key }` nhận giá trị gì
field-rejected = giá trị không hợp lệ: { $detail }
    .help = xem `docs/fact-sheet.md` để biết `{ $key }` nhận giá trị gì
figure-too-large = { $value } quá lớn đối với một số liệu trong báo cáo
    .help = kiểm tra xem có thừa chữ số không; số liệu phải nhỏ hơn 1.000.000.000.000
text-too-long = đoạn chữ này dài { $n } ký tự; mỗi đoạn chữ tối đa { $limit } ký tự (khoảng bảy trang)
    .help = tách đoạn: viết mỗi đoạn thành một mục `- ` riêng của danh sách; một trang chứa khoảng 3000 ký tự
placeholder-left = `{ $placeholder }` là chỗ trống để điền do `vanban init` tạo ra: nếu để nguyên, văn bản sẽ ghi đúng như vậy
    .help = viết giá trị thật vào chỗ đó, hoặc xóa dòng (số liệu hoặc đoạn chữ để trống được bỏ qua trong văn bản, không bao giờ được ghi ra)

## Quy tắc giữa các trường

schema-unsupported = phiên bản vanban này không hỗ trợ schema { $schema }
    .help = viết `schema: 1`
unit-unnamed = đơn vị chưa có tên
    .help = viết tên riêng, không kèm từ chỉ cấp, ví dụ `Ba Đình`
agency-unnamed = cơ quan ban hành chưa có tên
    .help = liệt kê các dòng ghi trên văn bản, ví dụ `[BAN CHỈ ĐẠO AN NINH, TRẬT TỰ, PHƯỜNG BA ĐÌNH]`
year-unusable = { $year } không phải là năm hợp lệ
    .help = viết năm báo cáo bằng bốn chữ số
period-reversed = kỳ báo cáo kết thúc ({ $to }) trước khi bắt đầu ({ $from })
    .help = đổi chỗ `from` và `to`, hoặc xóa cả hai để dùng kỳ báo cáo theo Điều 8 TT124
months-out-of-range = { $months } không phải là số tháng hợp lệ
    .help = viết từ 1 đến 12: 6 cho "6 tháng đầu năm", 12 cho cả năm
area-impossible = diện tích { $area } ha là không thể có
    .help = viết diện tích tự nhiên tính bằng héc-ta, là số lớn hơn 0 (ví dụ `area_ha: 385.6`), hoặc bỏ dòng này
fewer-people-than-households = { $population } nhân khẩu sống trong { $households } hộ
    .help = mỗi hộ có ít nhất một người: kiểm tra xem số nhân khẩu và số hộ có bị đảo chỗ không
no-sub-units = có 0 { $kind }
    .help = viết số lượng (từ 1 trở lên), hoặc xóa mục này nếu đơn vị không có
part-exceeds-whole = { $rule ->
        [registered] { $part } { $kind } đăng ký, nhưng chỉ có { $whole }
        [recognised] { $part } { $kind } được công nhận, nhưng chỉ { $whole } đăng ký
        [pledged] { $part } hộ ký cam kết, nhưng đơn vị chỉ có { $whole } hộ
        [progressed] { $part } đối tượng tiến bộ, nhưng chỉ { $whole } được giúp đỡ
        [serious] { $part } vụ nghiêm trọng trên tổng số { $whole } vụ
        [force-majeure] { $part } vụ do bất khả kháng trên { $whole } vụ nghiêm trọng
        [tested] { $part } người được xét nghiệm, nhưng chỉ { $whole } người trong danh sách
        [positive] { $part } người dương tính, nhưng chỉ { $whole } người được xét nghiệm
       *[declared] `{ $name }` ({ $part }) lớn hơn `{ $whole-name }` ({ $whole }): phần không thể vượt quá tổng
    }
    .help = { $rule ->
        [registered] số đăng ký không thể vượt quá tổng số: sửa một trong hai
        [recognised] chỉ đơn vị đã đăng ký mới được công nhận: số công nhận ≤ số đăng ký
        [pledged] số hộ ký cam kết không vượt quá số hộ của đơn vị: `households_pledged` ≤ `unit.households`
        [progressed] số đối tượng tiến bộ không vượt quá số được giúp đỡ: `offenders_progressed` ≤ `offenders_supported`
        [serious] số vụ nghiêm trọng không vượt quá tổng số vụ: `serious` ≤ `cases`
        [force-majeure] số vụ bất khả kháng không vượt quá số vụ nghiêm trọng: `serious_force_majeure` ≤ `serious`
        [tested] số người được xét nghiệm không vượt quá số trong danh sách: `tested` ≤ `listed`
        [positive] số người dương tính không vượt quá số được xét nghiệm: `positive` ≤ `tested`
        [member] sửa một trong hai: `{ $name }` là một phần của `{ $whole-name }`
       *[declared] sửa một trong hai: `{ $name }` là một phần của `{ $whole-name }`
    }
quantity-invalid = { $quantity } không phải là số lượng hợp lệ
    .help = viết số từ 0 trở lên
unknown-security-event = `{ $letter }` không phải là một điểm của khoản 3 Điều 4 TT124
    .help = dùng các chữ cái a, b, c, d, đ, e, g
date-outside-period = ngày { $date } nằm ngoài kỳ báo cáo { $from } – { $to }
    .help = kiểm tra năm; sự việc phải nằm trong kỳ được báo cáo
no-documents = chưa có văn bản nào để ban hành
    .help = bổ sung ít nhất một mục, ví dụ `- template: bao-cao-ket-qua-tt124`
unknown-template = không có mẫu văn bản `{ $template }`
    .help = chạy `vanban templates` để xem danh sách, hoặc dùng --templates DIR với mẫu của bạn
document-number-zero = 0 không phải là số văn bản
    .help = viết số theo sổ văn bản đi (từ 1 trở lên), hoặc để trống khi là dự thảo để ghi `Số:      /`
document-date-year = văn bản đề ngày năm { $date } nhưng báo cáo về năm { $year }
    .help = kiểm tra năm của ngày ban hành
authority-prefix = `{ $authority }` không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.
    .help = theo Nghị định 30, ký thay mặt tập thể là `TM. Ban Chỉ đạo`, ký thay người đứng đầu là `KT. Trưởng ban`
criterion-unstated = chưa khai `{ $key }`: báo cáo không khẳng định nội dung này, và tiêu chí { $criterion } tại Điều 5 TT124 được báo cáo là Chưa đạt
    .help = viết `{ $key }: { $example }` dưới `facts.criteria` (hoặc theo kết quả đánh giá)
section-left-out = không có số liệu cho mục "{ $label }" trong { $template }: mục này bị bỏ qua
    .help = { $section ->
        [so_ket-characteristics] viết các đoạn dưới narrative.characteristics, hoặc khai unit.area_ha và unit.sub_units
        [so_ket-advising] viết nội dung tham mưu dưới narrative.advising, hoặc liệt kê văn bản đã ban hành dưới facts.criteria.directives
        [so_ket-propaganda] khai các số đếm dưới facts.propaganda (số buổi, bài viết, lượt phát thanh…), hoặc viết narrative.propaganda
        [so_ket-crime] liệt kê các vụ theo loại dưới facts.incidents; viết `incidents: []` nếu không xảy ra vụ nào
        [so_ket-models] liệt kê các mô hình dưới facts.models, hoặc viết narrative.models
        [so_ket-strengths] viết các đoạn dưới narrative.strengths
        [so_ket-limitations] viết dưới narrative.limitations, mỗi ý một mục
        [so_ket-causes] viết dưới narrative.causes, mỗi ý một mục
        [so_ket-tasks] viết các nhiệm vụ dưới narrative.tasks, mỗi nhiệm vụ một mục
        [tt124-implementation] viết nội dung đã triển khai dưới narrative.implementation, hoặc khai facts.criteria (party_resolution, plan, registered)
        [tt124-propaganda] khai các số đếm dưới facts.propaganda (số buổi, bài viết, lượt phát thanh…) hoặc facts.households_pledged, hoặc viết narrative.propaganda
        [tt124-movement] khai facts.disputes_mediated, facts.tip_offs, facts.models (hoặc kết quả khác), hoặc viết narrative.movement
        [tt124-core_forces] khai facts.core_forces, hoặc facts.criteria.police_effective và police_disciplined, hoặc viết narrative.core_forces
       *[other] khai số liệu hoặc nội dung dưới { $field }
    }
