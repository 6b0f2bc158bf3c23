//! Strips TrueType hinting from a font before it is embedded in PDFs.
//!
//! Hinting (the `fpgm`/`prep`/`cvt ` programs and each glyph's instructions) fits outlines
//! to a screen's pixel grid. A PDF viewer or printer does not run it, yet the subsetter copies
//! it into every PDF: for Liberation Serif it is 45% of the glyph data, so without it each PDF
//! is about a third smaller and its font streams take that much less time to subset and
//! compress. Outlines, metrics (`hmtx`), `cmap`, kerning and names are kept byte for byte, so
//! the layout and the printed text do not change. Done in memory for embedding, as the
//! subsetting is: the shipped font files stay as their authors released them.

use std::fmt;

/// Tables that only serve hinting or hinted (device-pixel) metrics.
const DROPPED: [&[u8; 4]; 6] = [b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"];

/// Why a font could not be dehinted (it is then embedded as it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Malformed(&'static str);

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "font not dehinted: {}", self.0)
    }
}

fn u16_at(data: &[u8], at: usize) -> Result<u16, Malformed> {
    data.get(at..at + 2)
        .and_then(|b| b.try_into().ok())
        .map(u16::from_be_bytes)
        .ok_or(Malformed("truncated"))
}

fn u32_at(data: &[u8], at: usize) -> Result<u32, Malformed> {
    data.get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_be_bytes)
        .ok_or(Malformed("truncated"))
}

/// Writes `bytes` over `data` at `at` (which the caller has checked is inside).
fn put(data: &mut [u8], at: usize, bytes: &[u8]) -> Result<(), Malformed> {
    data.get_mut(at..at + bytes.len())
        .ok_or(Malformed("truncated"))?
        .copy_from_slice(bytes);
    Ok(())
}

struct Table<'a> {
    tag: [u8; 4],
    data: &'a [u8],
}

fn tables(font: &[u8]) -> Result<Vec<Table<'_>>, Malformed> {
    if u32_at(font, 0)? != 0x0001_0000 {
        return Err(Malformed("not a single TrueType font"));
    }
    let count = u16_at(font, 4)? as usize;
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font
                .get(record..record + 4)
                .and_then(|b| b.try_into().ok())
                .ok_or(Malformed("truncated table directory"))?;
            let offset = u32_at(font, record + 8)? as usize;
            let length = u32_at(font, record + 12)? as usize;
            let data = font
                .get(offset..offset + length)
                .ok_or(Malformed("table out of bounds"))?;
            Ok(Table { tag, data })
        })
        .collect()
}

fn find<'a>(tables: &[Table<'a>], tag: &[u8; 4]) -> Result<&'a [u8], Malformed> {
    tables
        .iter()
        .find(|t| &t.tag == tag)
        .map(|t| t.data)
        .ok_or(Malformed("a required table is missing"))
}

/// One glyph's `glyf` record without its instructions.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Result<(), Malformed> {
    if glyph.is_empty() {
        return Ok(());
    }
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        // Header, end points, then the instruction length and the instructions.
        let at = 10 + 2 * contours as usize;
        let length = u16_at(glyph, at)? as usize;
        let (outline, rest) = glyph
            .get(..at)
            .zip(glyph.get(at + 2 + length..))
            .ok_or(Malformed("glyph instructions out of bounds"))?;
        out.extend_from_slice(outline);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
    } else {
        // Components; the last one's flags say whether instructions follow them.
        const ARGS_ARE_WORDS: u16 = 0x0001;
        const SCALE: u16 = 0x0008;
        const MORE: u16 = 0x0020;
        const XY_SCALE: u16 = 0x0040;
        const TWO_BY_TWO: u16 = 0x0080;
        const INSTRUCTIONS: u16 = 0x0100;
        let start = out.len();
        let mut at = 10;
        let mut last_flags_at;
        loop {
            let flags = u16_at(glyph, at)?;
            last_flags_at = at;
            at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
            at += if flags & SCALE != 0 {
                2
            } else if flags & XY_SCALE != 0 {
                4
            } else if flags & TWO_BY_TWO != 0 {
                8
            } else {
                0
            };
            if flags & MORE == 0 {
                break;
            }
        }
        let components = glyph
            .get(..at)
            .ok_or(Malformed("glyph components out of bounds"))?;
        out.extend_from_slice(components);
        let flags = u16_at(glyph, last_flags_at)? & !INSTRUCTIONS;
        put(out, start + last_flags_at, &flags.to_be_bytes())?;
    }
    Ok(())
}

/// The `glyf` and (long) `loca` tables without instructions.
fn strip_glyphs(tables: &[Table<'_>]) -> Result<(Vec<u8>, Vec<u8>), Malformed> {
    let head = find(tables, b"head")?;
    let glyphs = u16_at(find(tables, b"maxp")?, 4)? as usize;
    let loca = find(tables, b"loca")?;
    let glyf = find(tables, b"glyf")?;
    let long = u16_at(head, 50)? == 1;
    let offset = |i: usize| -> Result<usize, Malformed> {
        Ok(if long {
            u32_at(loca, 4 * i)? as usize
        } else {
            2 * u16_at(loca, 2 * i)? as usize
        })
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (glyphs + 1));
    let mut start = offset(0)?;
    for i in 0..glyphs {
        let end = offset(i + 1)?;
        let glyph = glyf
            .get(start..end)
            .ok_or(Malformed("glyph out of bounds"))?;
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        strip_glyph(glyph, &mut new_glyf)?;
        // Glyphs start on 4-byte boundaries, as most fonts lay them out.
        new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        start = end;
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    Ok((new_glyf, new_loca))
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        for (w, b) in word.iter_mut().zip(chunk) {
            *w = *b;
        }
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// The font without hinting: a valid sfnt with the same glyphs, outlines and metrics.
pub(super) fn dehint(font: &[u8]) -> Result<Vec<u8>, Malformed> {
    let tables = tables(font)?;
    let (glyf, loca) = strip_glyphs(&tables)?;
    let mut head = find(&tables, b"head")?.to_vec();
    put(&mut head, 50, &1u16.to_be_bytes())?; // long loca offsets
    put(&mut head, 8, &[0; 4])?; // checkSumAdjustment, set at the end
    let mut maxp = find(&tables, b"maxp")?.to_vec();
    if maxp.len() >= 28 {
        put(&mut maxp, 26, &[0, 0])?; // maxSizeOfInstructions
    }

    let mut kept: Vec<([u8; 4], &[u8])> = tables
        .iter()
        .filter(|t| !DROPPED.contains(&&t.tag))
        .map(|t| {
            let data: &[u8] = match &t.tag {
                b"glyf" => &glyf,
                b"loca" => &loca,
                b"head" => &head,
                b"maxp" => &maxp,
                _ => t.data,
            };
            (t.tag, data)
        })
        .collect();
    kept.sort_by_key(|(tag, _)| *tag);

    let count = kept.len() as u16;
    let power = 1u16 << (u16::BITS - 1 - count.leading_zeros());
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&(power * 16).to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&((count - power) * 16).to_be_bytes());
    let mut offset = 12 + 16 * kept.len();
    let mut head_at = None;
    for (tag, data) in &kept {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &kept {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let head_at = head_at.ok_or(Malformed("a required table is missing"))?;
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    put(&mut out, head_at + 8, &adjustment.to_be_bytes())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::{Face, GlyphId, OutlineBuilder, Tag};

    #[derive(Default, PartialEq, Debug)]
    struct Path(Vec<(char, [i32; 6])>);

    impl OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', [x as i32, y as i32, 0, 0, 0, 0]));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', [x as i32, y as i32, 0, 0, 0, 0]));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0
                .push(('Q', [x1 as i32, y1 as i32, x as i32, y as i32, 0, 0]));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            let p = [x1, y1, x2, y2, x, y].map(|v| v as i32);
            self.0.push(('C', p));
        }
        fn close(&mut self) {
            self.0.push(('Z', [0; 6]));
        }
    }

    #[test]
    fn every_embedded_font_keeps_its_glyphs_and_metrics_and_loses_its_hinting() {
        for original in super::super::world::FONTS {
            let stripped = dehint(original).expect("dehinted");
            assert!(
                stripped.len() * 10 < original.len() * 8,
                "at least 20% smaller"
            );
            let a = Face::parse(original, 0).expect("original");
            let b = Face::parse(&stripped, 0).expect("dehinted parses");
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for tag in [b"fpgm", b"prep", b"cvt "] {
                assert!(a.raw_face().table(Tag::from_bytes(tag)).is_some());
                assert!(b.raw_face().table(Tag::from_bytes(tag)).is_none());
            }
            for name in [
                b"cmap", b"hmtx", b"GPOS", b"GSUB", b"kern", b"name", b"OS/2",
            ] {
                let tag = Tag::from_bytes(name);
                assert_eq!(a.raw_face().table(tag), b.raw_face().table(tag));
            }
            for id in 0..a.number_of_glyphs() {
                let g = GlyphId(id);
                let (mut pa, mut pb) = (Path::default(), Path::default());
                let ba = a.outline_glyph(g, &mut pa);
                let bb = b.outline_glyph(g, &mut pb);
                assert_eq!(ba, bb, "bounding box of glyph {id}");
                assert_eq!(pa, pb, "outline of glyph {id}");
                assert_eq!(a.glyph_hor_advance(g), b.glyph_hor_advance(g));
            }
            // No glyph keeps instructions: every simple glyph's length field is zero.
            let glyf = b.raw_face().table(Tag::from_bytes(b"glyf")).expect("glyf");
            let loca = b.raw_face().table(Tag::from_bytes(b"loca")).expect("loca");
            for id in 0..b.number_of_glyphs() as usize {
                let start = u32_at(loca, 4 * id).expect("loca") as usize;
                let end = u32_at(loca, 4 * id + 4).expect("loca") as usize;
                let glyph = &glyf[start..end];
                if !glyph.is_empty() && (u16_at(glyph, 0).expect("contours") as i16) >= 0 {
                    let n = u16_at(glyph, 0).expect("contours") as usize;
                    assert_eq!(u16_at(glyph, 10 + 2 * n), Ok(0), "glyph {id}");
                }
            }
            // The whole-font checksum holds.
            assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
        }
    }

    #[test]
    fn a_broken_font_is_an_error_not_a_panic() {
        let font = super::super::world::FONTS[0];
        for cut in [0, 3, 11, 200, 5000, font.len() / 2] {
            assert!(dehint(&font[..cut]).is_err(), "cut at {cut}");
        }
        assert!(dehint(b"OTTO\0\0\0\0\0\0\0\0").is_err());
    }
}
