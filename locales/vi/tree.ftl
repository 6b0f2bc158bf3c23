# Chạy trên nhiều tờ khai số liệu: tìm tờ khai, kết xuất hàng loạt, cây đơn vị (đơn vị cấp
# dưới, tổng hợp số liệu); giải thích một văn bản.

## Lệnh

command-failed = không thực hiện được: { $detail }
render-failed = không thành công
manifest-unwritable = không ghi được tệp kê khai kết quả: { $detail }; lần chạy sau sẽ kết xuất lại tất cả
    .help = kiểm tra xem có ghi được vào thư mục kết quả không

## Tìm tờ khai số liệu

folder-unreadable = không đọc được thư mục: { $detail }
    .help = kiểm tra tên thư mục và quyền đọc thư mục
no-sheet-in-folder = thư mục này không có tờ khai số liệu nào
    .help = tờ khai số liệu là các tệp có đuôi .yaml hoặc .yml (trong thư mục hoặc các thư mục con); kiểm tra tên thư mục
sheet-given-twice = tờ khai số liệu này được đưa vào hai lần (lần kia là { $first }); chưa kết xuất văn bản nào
    .help = mỗi tờ khai số liệu hoặc thư mục chỉ ghi một lần trên dòng lệnh
same-output-folder = sẽ ghi vào cùng thư mục { $folder } với { $first }; chưa kết xuất văn bản nào
    .help = đổi tên một trong hai tệp, hoặc kết xuất thư mục chung của chúng (`vanban render FOLDER`) để mỗi tệp giữ thư mục con riêng

## Đơn vị cấp dưới của một tờ khai

children-entry-empty = mục này của `children` đang để trống
    .help = ghi đường dẫn tờ khai số liệu của đơn vị cấp dưới, ví dụ `xa/tan-phu.yaml`, hoặc một mẫu tên như `xa/*.yaml`
children-bad-pattern = vanban không đọc được mẫu tên `{ $pattern }`: { $detail }
    .help = dùng `*` thay cho một tên bất kỳ (`xa/*.yaml`), `?` thay cho một chữ; ghi đường dẫn đầy đủ nếu chỉ có một tệp
children-pattern-matches-nothing = `{ $pattern }` không khớp với tờ khai số liệu nào
    .help = kiểm tra thư mục và mẫu tên: chúng tính từ thư mục của tờ khai này ({ $here ->
        [yes] thư mục hiện tại
       *[no] `{ $folder }`
    }), và chỉ tính các tệp .yaml và .yml
child-sheet-missing = không có tờ khai số liệu `{ $pattern }`
    .help = kiểm tra tên tệp: đường dẫn tính từ thư mục của tờ khai này ({ $here ->
        [yes] thư mục hiện tại
       *[no] `{ $folder }`
    })
child-outside-folder = `{ $child }` nằm ngoài thư mục của tờ khai này ({ $here ->
        [yes] thư mục hiện tại
       *[no] `{ $folder }`
    }): tờ khai của đơn vị cấp dưới phải ở trong thư mục của đơn vị cấp trên hoặc thư mục con
    .help = chuyển tờ khai của đơn vị vào thư mục này (hoặc một thư mục con như xa/), hoặc chuyển tờ khai này lên thư mục chứa các đơn vị của nó
child-not-a-sheet = `{ $child }` không phải là tờ khai số liệu: chỉ các tệp .yaml và .yml mới là tờ khai (không tính tệp ẩn hay tệp sao lưu của trình soạn thảo)
    .help = liệt kê tờ khai số liệu của các đơn vị (ví dụ `xa/tan-phu.yaml`); các tệp khác không được đọc
child-listed-twice = `{ $child }` được liệt kê hai lần (cả ở `children[{ $first }]`)
    .help = mỗi đơn vị cấp dưới chỉ liệt kê một lần: một mẫu tên và một đường dẫn cùng khớp một tệp thì tệp đó bị tính hai lần
child-counted-twice = `{ $child }` { $identical ->
        [yes] là cùng một tệp với
       *[no] là cùng một đơn vị ({ $level } { $name }, năm { $year }) với
    } `{ $other }`: đơn vị sẽ bị tính hai lần
    .help = mỗi đơn vị chỉ có một tờ khai số liệu: xóa bản sao (tệp lưu hai lần, ví dụ `x (1).yaml`), hoặc sửa `unit.name` nếu đó là một đơn vị khác

## Tổng hợp số liệu của đơn vị cấp dưới

child-disagrees = `{ $path }` ({ $label }) ở đây là { $stated }, nhưng { $rule ->
        [max] số lớn nhất của các đơn vị cấp dưới là
       *[sum] tổng của các đơn vị cấp dưới là
    } { $rolled }: { $names }{ $more ->
        [0] {""}
       *[other] , và { $more } đơn vị khác
    }
    .help = sửa số liệu này hoặc tờ khai sai của đơn vị cấp dưới; hoặc xóa số liệu này ở đây để dùng { $rule ->
        [max] số lớn nhất
       *[sum] tổng
    } của các đơn vị cấp dưới ({ $rolled })
children-lack-figure = `{ $path }` ({ $label }) không cộng được từ các đơn vị cấp dưới: { $n } trong { $total } đơn vị không ghi số liệu này ({ $names }{ $more ->
        [0] {""}
       *[other] , và { $more } đơn vị khác
    }); các văn bản bỏ số liệu này
    .help = ghi số liệu này vào tờ khai của các đơn vị đó để có tổng, hoặc ghi tổng ngay trong tờ khai này

## Xã chưa có kết quả đánh giá theo TT124

communes-unassessed = { $n } trong { $total } xã trực thuộc chưa được đánh giá theo TT124 Điều 5 cho { $period_vi }, nên các văn bản không kết luận về các xã này: { $groups_vi }
    .help = một xã được đánh giá khi tờ khai số liệu của chính xã ghi `facts.criteria` và ban hành, cho cùng kỳ, một văn bản đánh giá các tiêu chí (bao-cao-ket-qua-tt124, bien-ban-danh-gia)
# Các phần của `communes-unassessed`: lý do xã chưa có kết quả đánh giá, và kỳ báo cáo.
unassessed-no-document = không văn bản nào của xã đánh giá các tiêu chí (xã ban hành { $templates })
unassessed-no-criteria = tờ khai số liệu của xã không ghi `facts.criteria`
unassessed-other-period = tờ khai số liệu của xã lập cho { $period }
unassessed-and-more = và { $n } xã khác
period-year = năm { $year }
period-months = { $months } tháng đầu năm { $year }
period-range = giai đoạn { $first }-{ $year }

## Giải thích một văn bản

document-not-issued = tờ khai số liệu này không ban hành văn bản theo mẫu `{ $template }`
    .help = các văn bản của tờ khai là: { $names }
