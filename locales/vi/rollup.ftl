# Tổng hợp theo cây tờ khai số liệu, và mẫu văn bản viết cho cấp, kỳ nào.
template-not-for-level = Mẫu `{ $template }` dành cho cấp { $levels }, nhưng đơn vị là cấp { $level }
    .help = sửa `unit.level` thành một trong các cấp đó, hoặc chọn mẫu khác (`vanban templates`)
template-not-for-period = Mẫu `{ $template }` (`documents[{ $index }]`) không dùng cho kỳ báo cáo này ({ $period })
    .help = mẫu này dùng cho kỳ { $periods } (trong mục `period:`, tt124 là chỉ ghi `year: 2024`, year là `months: 12`, months là ví dụ `months: 8`, years là `first_year: 2015`); sửa mục `period:`, hoặc lập văn bản này từ tờ khai khác
children-loop = `{ $child }` chính là tờ khai này hoặc tờ khai cấp trên: danh sách đơn vị cấp dưới bị vòng lặp
    .help = mỗi tờ khai chỉ liệt kê các đơn vị cấp dưới của mình: xóa dòng này
child-under-two-parents = `{ $child }` đã được tính trong `{ $parent }`
    .help = mỗi đơn vị chỉ thuộc một đơn vị cấp trên: chỉ liệt kê ở một tờ khai, nếu không số liệu bị cộng hai lần
child-has-errors = Tờ khai cấp dưới `{ $child }` có { $n } lỗi: chưa cộng được số liệu của các đơn vị cấp dưới
    .help = sửa tờ khai cấp dưới (các lỗi được liệt kê kèm số dòng), rồi kiểm tra lại tờ khai này
child-not-below = `{ $child }` là cấp { $child_level } ({ $name }): đơn vị cấp dưới phải thấp hơn cấp { $level } này
    .help = chỉ liệt kê các đơn vị cấp dưới (xã, phường, thị trấn thuộc huyện; khu dân cư thuộc xã), hoặc sửa `unit.level` trong tờ khai đó
