# Bảng tính nhập liệu: đọc tệp, đọc từng ô, điền số liệu vào tờ khai, và ghi bảng tính.

-cell-figure-help = gõ số liệu bằng chữ số: 3537 hoặc 3.537 (dấu chấm ngăn hàng nghìn), 77,4 (dấu phẩy trước phần thập phân); để trống ô khi chưa có số liệu (ô trống không bao giờ được đọc là 0)
-one-row-help = mỗi tờ khai số liệu chỉ giữ một dòng

## Đọc tệp

workbook-too-large = bảng tính quá lớn: { $mb } MB
    .help = bảng tính số liệu chỉ nặng vài trăm KB: kiểm tra xem có đúng tệp không
workbook-file-unreadable = không đọc được tệp: { $detail }
    .help = kiểm tra đường dẫn bảng tính đã ghi sau --figures
csv-not-utf8 = tệp CSV không phải văn bản mã UTF-8
    .help = trong Excel, lưu lại bằng `File → Save As → "CSV UTF-8 (Comma delimited)"`, hoặc đưa cho vanban chính tệp .xlsx
csv-too-many-lines = bảng tính quá lớn: tệp CSV có { $lines } dòng (vanban chỉ đọc tối đa { $most } dòng)
    .help = bảng tính số liệu có mỗi đơn vị một dòng: kiểm tra xem có đúng tệp không, hoặc xóa các dòng dưới đơn vị cuối cùng
csv-stray-quote = dấu ngoặc kép nằm giữa một ô không mở đầu bằng dấu ngoặc kép
    .help = { -csv-quote-help }
csv-text-after-quote = có chữ sau dấu ngoặc kép đóng của một ô
    .help = { -csv-quote-help }
csv-unclosed-quote = dấu ngoặc kép mở ở đây không được đóng lại
    .help = { -csv-quote-help }
-csv-quote-help = ô có dấu ngoặc kép, dấu phẩy hoặc xuống dòng phải được đặt trọn trong ngoặc kép, dấu ngoặc kép bên trong viết hai lần ("")
sheet-too-large = bảng tính quá lớn: { $kind ->
        [cell] ô { $cell } có dữ liệu
       *[span] trang '{ $sheet }' trải từ { $from } đến { $to } ({ $rows } dòng × { $columns } cột)
    }; vanban chỉ đọc tối đa { $most_rows } dòng, { $most_columns } cột và { $most_cells } ô
    .help = bảng tính số liệu có mỗi đơn vị một dòng: xóa các dòng dưới đơn vị cuối cùng và các cột sau số liệu cuối cùng (một giá trị hay định dạng ở xa cũng làm cả vùng bị tính), lưu lại rồi đưa lại tệp
workbook-too-large-unzipped = bảng tính quá lớn: giải nén ra { $mb } MB (vanban chỉ đọc tối đa { $most } MB)
    .help = bảng tính số liệu chỉ nặng vài trăm KB: kiểm tra xem có đúng tệp không, hoặc chép các dòng đơn vị sang một bảng tính mới (`vanban workbook`)
workbook-unreadable = không đọc được bảng tính: { $detail }
    .help = { -give-xlsx-help }
workbook-has-no-sheet = không đọc được bảng tính: tệp không có trang tính nào
    .help = { -give-xlsx-help }
-give-xlsx-help = đưa tệp .xlsx đã lưu bằng Excel hoặc LibreOffice (hoặc tệp .csv); nên bắt đầu từ tệp do `vanban workbook` tạo ra

## Bố cục bảng tính

no-key-row = bảng tính không có dòng tên số liệu: không dòng nào có `{ $marker }` ở cột A
    .help = dòng 2 của bảng tính do `vanban workbook` tạo ra ghi `file`, `name` và tên từng số liệu (`data.patrols`, `unit.households`): chép lại dòng đó, hoặc bắt đầu từ một bảng tính mới
not-a-figure-key = `{ $key }` không phải là tên một số liệu của tờ khai số liệu
    .help = dòng tên số liệu ghi tên số liệu của từng cột như trong tờ khai (`data.patrols`, `unit.households`, `facts.tip_offs`, `data.areas[2024].recognised`); giữ nguyên như `vanban workbook` đã ghi
column-twice = `{ $key }` có hai cột: { $first } và { $second }
    .help = chỉ giữ một trong hai cột
row-without-sheet = dòng { $row } có số liệu nhưng cột A không ghi tờ khai số liệu: dòng này bị bỏ qua
    .help = ghi vào cột A tờ khai số liệu của dòng này (đường dẫn của tệp, như `vanban workbook` đã ghi)
more-rows-without-sheet = và { $n } dòng khác có số liệu nhưng cột A không ghi tờ khai số liệu: các dòng đó bị bỏ qua
    .help = ghi vào cột A tờ khai số liệu của từng dòng
row-twice = tờ khai số liệu `{ $key }` có hai dòng: { $first } và { $second }
    .help = { -one-row-help }
more-rows-twice = và { $n } dòng khác lặp lại tờ khai số liệu của một dòng phía trên
    .help = { -one-row-help }
row-matches-no-sheet = dòng của `{ $key }` không khớp với tờ khai số liệu nào được đưa vào: số liệu của dòng không được dùng
    .help = đối chiếu cột A với đường dẫn các tờ khai số liệu, hoặc đưa thêm tờ khai đó
more-rows-match-no-sheet = và { $n } dòng khác không khớp với tờ khai số liệu nào được đưa vào: số liệu của các dòng đó không được dùng
    .help = đối chiếu cột A với đường dẫn các tờ khai số liệu, hoặc đưa thêm các tờ khai đó
no-row-for-sheet = không dòng nào của { $workbook } dành cho tờ khai số liệu này: số liệu chỉ lấy từ tờ khai
    .help = thêm một dòng ghi đường dẫn tờ khai ở cột A (như `vanban workbook --units` ghi)

## Các ô

cell-not-a-number = "{ $text }" không phải là số
    .help = { -cell-figure-help }
cell-value-not-a-number = { $shown } không phải là số
    .help = { -cell-figure-help }
cell-holds-error = ô chứa lỗi công thức { $error }, không phải là số
    .help = { -cell-figure-help }
cell-not-finite = giá trị trong ô không phải là số
    .help = { -cell-figure-help }
cell-holds-date = ô chứa ngày { $date }, không phải là số
    .help = ô đang được định dạng ngày tháng nên số gõ vào đã thành ngày: định dạng lại ô thành số (`Format Cells → Number`) rồi gõ lại số liệu
cell-holds-formula = ô chứa công thức ={ $formula } nhưng không có giá trị
    .help = tệp được lưu bằng một chương trình không tính công thức: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc gõ thẳng số liệu
typed-not-a-whole-number = "{ $typed }" trong ô không phải là số nguyên{ $reads ->
        [yes] {" "}(đọc thành { $read })
       *[no] {""}
    }
    .help = { $comma ->
        [yes] trong ô, dấu phẩy là dấu thập phân nên "{ $typed }" là số thập phân; { -cell-figure-help }
       *[no] { -cell-figure-help }
    }
typed-not-a-number = "{ $typed }" trong ô không phải là số{ $reads ->
        [yes] {" "}(đọc thành { $read })
       *[no] {""}
    }
    .help = { $comma ->
        [yes] trong ô, dấu phẩy là dấu thập phân nên "{ $typed }" là số thập phân; { -cell-figure-help }
       *[no] { -cell-figure-help }
    }
cell-number-not-whole = { $value } không phải là số nguyên
    .help = { -cell-figure-help }

## Điền số liệu vào tờ khai

figure-group-not-a-map = `{ $group }` không phải là một nhóm mục, nên không điền được số liệu `{ $key }` từ bảng tính vào đó
    .help = viết `{ $group }:` rồi ghi các mục của nhóm ở các dòng dưới
sheet-and-workbook-differ = tờ khai số liệu ghi { $sheet } nhưng bảng tính ghi { $workbook } ({ $file }:{ $cell })
    .help = mỗi số liệu chỉ ghi ở một nơi: xóa số đó trong tờ khai (bảng tính sẽ cung cấp), hoặc sửa cho hai nơi giống nhau

## Chọn đơn vị

folder-unreadable-units = không đọc được thư mục: { $detail }
    .help = kiểm tra đường dẫn đã ghi sau --units
units-share-row = hai tờ khai số liệu sẽ dùng chung dòng `{ $key }`: { $first } và { $second }
    .help = đưa thư mục chung của chúng bằng --units THƯ_MỤC, để mỗi dòng mang tên theo đường dẫn bên trong thư mục đó
unit-sheet-unreadable = không đọc được tờ khai số liệu này ({ $n } lỗi; `vanban check` liệt kê các lỗi): dòng của nó để trống
    .help = sửa tờ khai số liệu, rồi tạo lại bảng tính để điền sẵn số liệu
unit-not-using-template = không đưa vào bảng tính: không văn bản nào của tờ khai số liệu này dùng mẫu `{ $template }`
    .help = thêm `- template: { $template }` dưới `documents:` để có dòng cho đơn vị này

## Ghi bảng tính

workbook-template-unknown = không có mẫu văn bản `{ $template }`
    .help = chạy `vanban templates` để xem danh sách
template-declares-no-figure = mẫu `{ $template }` không khai báo số liệu nào (số đếm, số thập phân, số tiền, diện tích hay tỷ lệ): bảng tính sẽ không có cột nào để điền
    .help = `vanban templates` cho biết mỗi mẫu văn bản đọc những gì
workbook-write-failed = lỗi khi ghi bảng tính: { $detail }
    .help = đây là lỗi của vanban: xin báo lại kèm theo mẫu văn bản
