//! The unit the documents are about: its level, its figures, its sub-units.

use serde::{Deserialize, Serialize};

/// Administrative level of a unit (TT124 Điều 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    KhuDanCu,
    Xa,
    Phuong,
    ThiTran,
    Huyen,
    Tinh,
}

impl Level {
    /// The lowercase level word used before a name: `phường Ba Đình`.
    pub fn word(self) -> &'static str {
        match self {
            Level::KhuDanCu => "khu dân cư",
            Level::Xa => "xã",
            Level::Phuong => "phường",
            Level::ThiTran => "thị trấn",
            Level::Huyen => "huyện",
            Level::Tinh => "tỉnh",
        }
    }

    /// Communes, wards and towns are assessed under TT124 Điều 5.
    pub fn is_commune(self) -> bool {
        matches!(self, Level::Xa | Level::Phuong | Level::ThiTran)
    }

    /// The rank of the level in the administrative tree: a child's rank is below its
    /// parent's (khu dân cư 0, xã/phường/thị trấn 1, huyện 2, tỉnh 3).
    pub fn rank(self) -> u8 {
        match self {
            Level::KhuDanCu => 0,
            Level::Xa | Level::Phuong | Level::ThiTran => 1,
            Level::Huyen => 2,
            Level::Tinh => 3,
        }
    }
}

/// The unit the documents are about.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Proper name without the level word: `Ba Đình`.
    pub name: String,
    pub level: Level,
    /// Place name printed before the date (`Ba Đình, ngày ...`); defaults to `name`.
    #[serde(default)]
    pub place: Option<String>,
    /// Where the unit sits, as written after its name: `thị xã Bỉm Sơn, tỉnh Thanh Hóa`.
    #[serde(default)]
    pub located_in: Option<String>,
    /// The level above as it is named in requests and recipients: `thị xã`.
    #[serde(default)]
    pub parent: Option<String>,
    /// Who decides recognition (TT124 Điều 10, amended by TT48/2025): `Chủ tịch UBND thị xã`.
    #[serde(default)]
    pub recognised_by: Option<String>,
    #[serde(default)]
    pub households: Option<u64>,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub area_ha: Option<f64>,
    /// Agencies and enterprises located in the unit (central and local).
    #[serde(default)]
    pub agencies_enterprises: Option<u32>,
    /// The units under it that TT124 assesses: khu phố, thôn, schools, agencies...
    #[serde(default)]
    pub sub_units: Vec<SubUnits>,
    /// A finer division, e.g. `{ kind: tổ an ninh xã hội, count: 86 }`.
    #[serde(default)]
    pub subdivision: Option<Count>,
}

/// What category of TT124 unit a group of sub-units is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubUnitCategory {
    KhuDanCu,
    CoQuan,
    DoanhNghiep,
    CoSoGiaoDuc,
}

/// A group of sub-units of one kind with their TT124 registration and recognition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubUnits {
    /// As the documents name them: `khu phố`, `tổ dân phố`, `thôn`, `nhà trường`, `cơ quan`.
    pub kind: String,
    pub category: SubUnitCategory,
    pub total: u32,
    /// Registered to strive for the standard (quarter I).
    pub registered: u32,
    /// Recognised as meeting the standard this period; absent before the year-end review.
    #[serde(default)]
    pub recognised: Option<u32>,
}

/// A count of something named.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub kind: String,
    pub count: u64,
}
