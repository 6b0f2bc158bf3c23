# `vanban init`: các lỗi của lệnh và lời chú thích của tờ khai trống `init --template` in ra.

init-unknown-level = --kind { $kind }: hãy ghi một trong các cấp xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
init-wrong-level = mẫu `{ $template }` dành cho cấp { $levels }; hãy ghi --kind là một trong các cấp đó

## Lời chú thích của tờ khai trống
init-header = tờ khai số liệu vanban cho mẫu văn bản `{ $template }`
init-fill = Điền vào chỗ trống; số liệu để trống thì văn bản bỏ qua, không bao giờ ghi thành 0.
init-check = Kiểm tra:        vanban check ten-tep.yaml
init-render = Lập văn bản:     vanban render ten-tep.yaml
init-name = tên riêng, không ghi "{ $word }"
init-required = bắt buộc
init-per-year = mỗi năm một dòng
init-per-row = mỗi hàng một dòng
init-per-paragraph = mỗi đoạn văn một dòng: - Đoạn văn…
init-first-year = tổng kết nhiều năm: từ năm này đến năm ghi ở `year`
init-months = báo cáo mấy tháng đầu năm (12: cả năm)
init-per-line = mỗi mục là một dòng trên văn bản; có thể để []
init-date = YYYY-MM-DD; ghi YYYY-MM thì để trống ngày, dùng cho bản dự thảo
init-children = tờ khai riêng của các đơn vị cấp dưới để cộng lại (đường dẫn hoặc mẫu tên tệp,
init-children-more = tính từ thư mục của tệp này); mục nào để trống bên dưới là tổng của các đơn vị đó
