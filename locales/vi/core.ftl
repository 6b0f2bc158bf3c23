# Những từ đi kèm mọi thông báo: mức độ, dòng gợi ý cách sửa, gộp thông báo lặp lại.
severity-error = lỗi
severity-warning = cảnh báo
severity-note = ghi chú
help-label = cách sửa
more-like-this = và { $n } thông báo tương tự
