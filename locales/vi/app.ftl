# Những dòng các lệnh in ra ngoài thông báo lỗi: một dòng cho mỗi tờ khai, phần tổng kết
# khi lập nhiều tờ khai, lỗi về chính câu lệnh.

app-ok = { $file }: không có lỗi
app-errors = { $file }: { $n } lỗi
app-not-rendered = { $file }: chưa lập văn bản: { $n } lỗi
app-not-used = { $file }: không dùng bảng tính: { $n } lỗi
app-fatal = lỗi: { $detail }
app-usage = lỗi: { $message }
app-stdin-alone = `-` (tờ khai đọc từ đầu vào chuẩn) phải được lập riêng, không kèm tờ khai khác

## Tổng kết của lệnh `render`
app-batch-summary = { $sheets } tờ khai: { $written } đã lập ({ $files } tệp), { $skipped } bỏ qua (không thay đổi), { $failed } không lập được
app-batch-removed = { $n } văn bản không còn ban hành: đã xóa
app-batch-failed = không lập được: { $line }
app-batch-failed-more = không lập được: { $line } (và { $n } lỗi khác)

## Tên không có
app-no-template = không có mẫu văn bản `{ $name }` (chạy `vanban templates` để xem danh sách)
app-no-template-best = không có mẫu văn bản `{ $name }`; có phải là `{ $best }`? (chạy `vanban templates` để xem danh sách)

## vanban templates
app-templates-for = dùng cho: { $levels }
app-templates-periods = kỳ báo cáo: { $periods }
app-templates-problem = vấn đề: { $problem }
app-templates-required = (bắt buộc)
app-templates-blocks = các khối (mục `sections:` gắn vào bằng after, before, replace, drop, rename):
app-serve-running = Trình soạn thảo vanban đang chạy: mở địa chỉ trên bằng trình duyệt; Ctrl+C để dừng.
app-progress-sheets = tờ khai
