# Hướng dẫn sử dụng của dòng lệnh (`vanban --help`, `vanban LỆNH --help`): mỗi lệnh làm gì,
# mỗi tham số có nghĩa gì; `.value` là tên giá trị của tham số trong dòng cách dùng.

## Những từ chung của phần hướng dẫn
cli-usage = Cách dùng:
cli-heading-commands = Các lệnh
cli-heading-arguments = Tham số
cli-heading-options = Tùy chọn
cli-options-value = [TÙY_CHỌN]
cli-command-value = LỆNH
cli-default = [mặc định: { $value }]
cli-values = [giá trị: { $values }]

## Công cụ
cli-about = Lập văn bản hành chính (DOCX và PDF theo Nghị định 30) từ tờ khai số liệu YAML
cli-lang = Ngôn ngữ của thông báo: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh); khi không ghi, biến môi trường LC_ALL, LC_MESSAGES hoặc LANG bắt đầu bằng `en` sẽ chọn tiếng Anh
    .value = NGÔN_NGỮ
cli-help = Xem hướng dẫn sử dụng
cli-version = Xem số phiên bản

## Tham số dùng chung cho nhiều lệnh
cli-paths = Tờ khai số liệu, hoặc thư mục để tìm tờ khai trong đó; `-` đọc một tờ khai từ đầu vào chuẩn
    .value = TỜ_KHAI
cli-templates = Thư mục chứa mẫu văn bản *.md.tera để thay thế hoặc bổ sung các mẫu có sẵn
    .value = THƯ_MỤC_MẪU
cli-message-format = Cách báo lỗi ra luồng lỗi chuẩn: human (dễ đọc, mặc định) hoặc json (mỗi dòng một đối tượng JSON)
    .value = CÁCH_BÁO

## vanban render
cli-render-about = Lập mọi văn bản của các tờ khai số liệu (tệp, hoặc thư mục để tìm các tệp *.yaml, *.yml trong đó)
cli-render-out = Thư mục ghi văn bản; mỗi tờ khai có một thư mục con mang tên tờ khai
    .value = THƯ_MỤC
cli-render-format = Các định dạng cần ghi, cách nhau bằng dấu phẩy
    .value = ĐỊNH_DẠNG
cli-render-pdf-standard = Chuẩn PDF: a-2b (PDF/A-2b, để lưu trữ) hoặc none (không theo chuẩn nào)
    .value = CHUẨN_PDF
cli-render-force = Lập lại văn bản của mọi tờ khai, kể cả tờ khai có văn bản đã cập nhật
cli-render-figures = Bảng tính nhập liệu đã điền (.xlsx hoặc .csv, xem `vanban workbook`): số liệu của mỗi tờ khai lấy từ dòng của tờ khai đó
    .value = BẢNG_TÍNH

## vanban check
cli-check-about = Kiểm tra tờ khai số liệu; báo mọi lỗi, kết thúc với mã 1 nếu có lỗi
cli-check-figures = Bảng tính nhập liệu đã điền (.xlsx hoặc .csv): số liệu của mỗi tờ khai lấy từ dòng của tờ khai đó
    .value = BẢNG_TÍNH

## vanban explain
cli-explain-about = Nguồn gốc của từng con số trong mỗi văn bản: số liệu đã nhập (tệp:dòng:cột), tổng của các đơn vị cấp dưới, ô của bảng tính nhập liệu, phép tính hoặc lời của chính mẫu văn bản
cli-explain-sheet = Tờ khai số liệu có các văn bản cần giải thích
    .value = TỜ_KHAI
cli-explain-document = Chỉ văn bản của mẫu này
    .value = MẪU
cli-explain-format = text (văn bản thường, mặc định) hoặc json
    .value = ĐỊNH_DẠNG
cli-explain-figures = Bảng tính nhập liệu dùng khi lập văn bản của tờ khai (.xlsx hoặc .csv)
    .value = BẢNG_TÍNH

## vanban diff
cli-diff-about = Cho thấy lời văn của các văn bản thay đổi thế nào giữa hai bản của một tờ khai số liệu
cli-diff-old = Bản cũ của tờ khai số liệu
    .value = BẢN_CŨ
cli-diff-new = Bản mới của tờ khai số liệu
    .value = BẢN_MỚI

## vanban init
cli-init-about = Tạo một tờ khai số liệu trống có chú thích để bắt đầu điền
cli-init-kind = Cấp của đơn vị: xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
    .value = CẤP
cli-init-template = Chỉ ghi đúng những mục mà mẫu văn bản này cần
    .value = MẪU

## vanban workbook
cli-workbook-about = Ghi bảng tính nhập liệu (.xlsx): mỗi cột là một số liệu mẫu văn bản cần, mỗi dòng là một đơn vị, điền sẵn số liệu từ tờ khai của đơn vị; điền xong thì chạy `render --figures`
cli-workbook-template = Mẫu văn bản có các số liệu làm cột (`vanban templates` liệt kê các mẫu)
    .value = MẪU
cli-workbook-units = Các tờ khai, mỗi tờ khai một dòng: thư mục (tìm cả trong thư mục con) hoặc tệp
    .value = TỜ_KHAI
cli-workbook-out = Tệp bảng tính cần ghi [mặc định: so-lieu-MẪU.xlsx]
    .value = TỆP

## vanban templates
cli-templates-about = Liệt kê các mẫu văn bản và các số liệu mỗi mẫu dùng; khi có TÊN_MẪU, chỉ mẫu đó cùng các khối mà mục `sections:` của tờ khai có thể gắn vào
cli-templates-context = Liệt kê mọi biến mà một mẫu văn bản đọc được (docs/context.md) thay cho danh sách mẫu
cli-templates-name = Mẫu văn bản cần xem (các mục khai báo và các khối của mẫu)
    .value = TÊN_MẪU

## vanban help
cli-help-about = Xem hướng dẫn này, hoặc hướng dẫn của lệnh được nêu
cli-help-command = Lệnh cần xem hướng dẫn
    .value = LỆNH
cli-help-unknown = không có lệnh `{ $name }` (chạy `vanban help` để xem danh sách lệnh)
cli-serve-about = Mở trình soạn thảo trên trình duyệt cho một thư mục tờ khai số liệu, xem trước văn bản ngay khi gõ; ghi ra địa chỉ (kèm mã truy cập) để mở bằng trình duyệt
cli-serve-dir = Thư mục chứa các tờ khai số liệu cần soạn
    .value = THƯ_MỤC
cli-serve-port = Cổng trên 127.0.0.1; mặc định chọn một cổng còn trống
    .value = CỔNG
cli-serve-open = Tự mở trình soạn thảo bằng trình duyệt
cli-error-unknown-argument = không có tùy chọn `{ $arg }`
cli-error-unknown-command = không có lệnh `{ $arg }`
cli-error-invalid-value = `{ $value }` không phải giá trị mà `{ $arg }` nhận
cli-error-missing = thiếu `{ $arg }`
cli-error-conflict = không dùng `{ $arg }` cùng với `{ $other }`
cli-error-other = các tham số không hợp lệ
cli-error-suggest = có phải ý bạn là `{ $suggestion }`?
cli-error-values = các giá trị dùng được: { $values }
cli-error-more = `vanban --help` liệt kê các lệnh; `vanban LỆNH --help` liệt kê tùy chọn của một lệnh
