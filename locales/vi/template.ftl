# Mẫu văn bản: đọc, phân tích và dựng văn bản.

template-unreadable = không đọc được mẫu văn bản: { $detail }
    .help = kiểm tra quyền đọc tệp
template-not-a-file = mẫu văn bản không phải là tệp thông thường (là thư mục, thiết bị, đường ống, hoặc liên kết tới chúng)
    .help = đặt chính tệp mẫu vào thư mục mẫu văn bản
template-too-large = mẫu văn bản quá lớn: { $size } KB (giới hạn là { $limit } KB)
    .help = mẫu văn bản chỉ vài trang chữ (các mẫu kèm theo đều dưới 15 KB): kiểm tra xem có đúng tệp không
template-not-utf8 = mẫu văn bản không phải văn bản mã UTF-8
    .help = lưu lại tệp theo mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)
template-cycle = các mẫu văn bản tạo thành vòng lặp: { $cycle } (mẫu này { $word ->
        [include] chèn
       *[extends] kế thừa
    } `{ $first }`)
    .help = mẫu chỉ được kế thừa hoặc chèn những mẫu không dẫn ngược lại nó: xóa hoặc sửa dòng này
template-syntax = mẫu văn bản sai cú pháp: { $detail }
    .help = sửa cú pháp mẫu tại dòng này (Tera 2: `{"{{"} value {"}}"}`, `{"{%"} if … {"%}"}…{"{%"} endif {"%}"}`)
template-not-loaded = không nạp được mẫu văn bản: { $detail }
    .help = mẫu dùng một bộ lọc, phép thử, hàm hoặc thành phần không tồn tại: kiểm tra chính tả (`vanban templates` liệt kê các mẫu; `docs/templates.md` liệt kê các bộ lọc)
template-render-failed = trong khối `{ $block }`: { $detail }
    .help = một giá trị mẫu đọc có thể bị trống: kiểm tra bằng `{"{%"} if x is not none {"%}"}`, hoặc khai báo `required: true` ở phần đầu
template-stopped = mẫu văn bản bị dừng: { $detail }
    .help = một văn bản được dựng trong chưa đến một giây: tìm vòng lặp `for` trên khoảng quá lớn hoặc vòng lặp lồng nhau, hoặc `include` viết lại cùng một đoạn nhiều lần
template-not-found = không có mẫu văn bản `{ $template }`
