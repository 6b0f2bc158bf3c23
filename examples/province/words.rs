//! Words and names of the synthetic province, and the seeded random source.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// SplitMix64: tiny, fast, good enough for invented figures, stable across platforms.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

pub const FIRST: &[&str] = &[
    "An", "Bình", "Cẩm", "Đông", "Hòa", "Hưng", "Hải", "Kim", "Lạc", "Long", "Minh", "Nam", "Ngọc",
    "Phú", "Phúc", "Quang", "Quảng", "Tân", "Thanh", "Thạch", "Thiệu", "Thọ", "Thuận", "Trung",
    "Vĩnh", "Xuân", "Yên", "Đức", "Hoằng", "Nga", "Sơn", "Triệu", "Hà", "Định", "Cao", "Tiên",
    "Mỹ", "Gia", "Lương", "Hồng",
];
pub const SECOND: &[&str] = &[
    "An", "Bình", "Châu", "Định", "Đông", "Giang", "Hà", "Hải", "Hòa", "Hưng", "Khê", "Lâm", "Lộc",
    "Lợi", "Long", "Minh", "Ninh", "Phong", "Phú", "Phúc", "Sơn", "Tây", "Thành", "Thịnh", "Thủy",
    "Tiến", "Trung", "Tân", "Vân", "Xuyên", "Yên", "Nghĩa", "Quý", "Lạc", "Khánh", "Thái",
];
pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Trịnh", "Mai",
];
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Ngọc", "Xuân",
];
pub const GIVEN: &[&str] = &[
    "Hùng", "Dũng", "Lan", "Hương", "Tuấn", "Hải", "Nam", "Bình", "Thắng", "Long", "Hà", "Cường",
    "Sơn", "Phương", "Thảo", "Quyết", "Tâm", "Trung", "Hiếu", "Nghĩa",
];
pub const INCIDENTS: &[&str] = &[
    "Trộm cắp tài sản",
    "Cố ý gây thương tích",
    "Sử dụng trái phép chất ma túy",
    "Đánh bạc",
    "Lừa đảo chiếm đoạt tài sản",
    "Gây rối trật tự công cộng",
];
pub const MODELS: &[&str] = &[
    "Tổ tự quản về an ninh, trật tự",
    "Camera an ninh",
    "Tổ liên gia an toàn về phòng cháy, chữa cháy",
    "Dòng họ tự quản về an ninh, trật tự",
    "Tổ hòa giải ở cơ sở",
];
pub const CHARACTERISTICS: &[&str] = &[
    "Địa bàn có nhiều tuyến đường giao thông đi qua, người và phương tiện qua lại đông; tiềm ẩn phức tạp về trộm cắp tài sản và tai nạn giao thông.",
    "Nhân dân chủ yếu sản xuất nông nghiệp, đời sống từng bước được cải thiện; một bộ phận thanh niên đi làm ăn xa, việc quản lý cư trú còn khó khăn.",
    "Trên địa bàn có chợ, trường học và cơ sở kinh doanh; tình hình an ninh, trật tự cơ bản ổn định, không để xảy ra điểm nóng.",
    "Dân cư đông, có khu công nghiệp thu hút lao động từ nơi khác đến, công tác quản lý cư trú và phòng, chống tệ nạn xã hội còn nhiều khó khăn.",
];
pub const STRENGTHS: &[&str] = &[
    "Phong trào toàn dân bảo vệ an ninh Tổ quốc được cấp ủy, chính quyền quan tâm chỉ đạo; ý thức của Nhân dân trong phòng, chống tội phạm được nâng lên.",
    "Các mô hình tự quản phát huy hiệu quả, tin báo có giá trị của Nhân dân tăng so với cùng kỳ.",
];
pub const LIMITATIONS: &[&str] = &[
    "Một số mô hình hoạt động còn hình thức; kinh phí hỗ trợ lực lượng ở cơ sở còn hạn chế.",
    "Việc tập hợp Nhân dân tham gia họp dân còn hạn chế, hiệu quả tuyên truyền chưa cao.",
];
pub const ADVISING: &[&str] = &[
    "Ban Chỉ đạo chủ động tham mưu cấp ủy, chính quyền ban hành văn bản chỉ đạo thực hiện Thông tư số 124/2021/TT-BCA và phong trào toàn dân bảo vệ an ninh Tổ quốc.",
    "Thường trực Ban Chỉ đạo tham mưu tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”, kiểm tra, đôn đốc các đơn vị thực hiện.",
];
pub const CAUSES: &[&str] = &[
    "Vai trò, trách nhiệm của một số đoàn thể chưa cao; nhận thức của một bộ phận người dân còn hạn chế.",
    "Cán bộ làm công tác phong trào phần lớn kiêm nhiệm, chưa được đào tạo cơ bản về nghiệp vụ.",
];
pub const TASKS: &[&str] = &[
    "Tiếp tục đẩy mạnh tuyên truyền, vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc.",
    "Duy trì, nhân rộng các mô hình tự quản về an ninh, trật tự có hiệu quả.",
];

/// Lower-case ASCII for file names: `Đông Hòa` → `dong-hoa`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'đ' | 'Đ' => out.push('d'),
            ' ' => out.push('-'),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    out
}

/// A two-syllable place name whose file-name form is not yet in `taken` (`Quang Hà` and
/// `Quảng Hà` would share one file).
pub fn place_name(rng: &mut Rng, taken: &mut Vec<String>) -> String {
    loop {
        let (first, second) = (*rng.pick(FIRST), *rng.pick(SECOND));
        let name = format!("{first} {second}");
        let key = slug(&name);
        if first != second && !taken.contains(&key) {
            taken.push(key);
            return name;
        }
    }
}

pub fn person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

/// A double-quoted YAML string (the generator's text has no control characters).
pub fn q(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
