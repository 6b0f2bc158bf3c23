//! Assembles a [`Document`]: the parts every document of a fact sheet shares (ND30 header,
//! recipients, signature) come from the fact sheet; the title and body come from the
//! rendered template, reshaped by the sheet's `sections:` ([`sections`]).

pub mod sections;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::divs::DivError;
use crate::document::markdown::parse_body;
use crate::document::outline::Edit;
use crate::document::{Document, Header, Meta, Recipients, SignatureBlock, Title};
use crate::factsheet::{DocumentSpec, FactSheet};
use crate::locale;
use crate::template::Rendered;
use chrono::NaiveDate;

pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// `Số: 93/BC-BCĐ`; numbers below 10 take a leading zero; a draft leaves room to write one.
pub fn number_line(number: Option<u32>, type_code: &str, abbreviation: &str) -> String {
    let n = match number {
        Some(n) if n < 10 => format!("{n:02}"),
        Some(n) => n.to_string(),
        None => "      ".to_string(),
    };
    format!("Số: {n}/{type_code}-{abbreviation}")
}

fn upper_lines(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.trim().to_uppercase())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Why a document cannot be built.
#[derive(Debug, Clone, PartialEq)]
pub enum ComposeError {
    /// The template misuses a div or a footnote (the caller names the template).
    Template(DivError),
    /// An entry of the sheet's `sections:` cannot be placed: a diagnostic at its path.
    Section(Box<Diagnostic>),
}

impl From<DivError> for ComposeError {
    fn from(e: DivError) -> Self {
        ComposeError::Template(e)
    }
}

/// Builds the document `spec` of `sheet` from its rendered template, its outline reshaped
/// by `edits` (the sheet's `sections:` for this document, each with its index there).
pub fn compose(
    sheet: &FactSheet,
    spec: &DocumentSpec,
    rendered: &Rendered,
    edits: &[(usize, Edit)],
) -> Result<Document, ComposeError> {
    let issuer = sheet.issuer_of(spec);
    let type_code = spec
        .type_code
        .clone()
        .unwrap_or_else(|| rendered.type_code.clone());
    let place = issuer
        .place
        .clone()
        .or_else(|| sheet.unit.place.clone())
        .unwrap_or_else(|| sheet.unit.name.clone());
    let (year, month, day) = match spec.date {
        Some(d) => (d.year, d.month, d.day),
        None => (sheet.period.year, None, None),
    };
    let place_date = format!("{place}, {}", locale::date_long_parts(day, month, year));

    let signer = spec.signer.as_ref().unwrap_or(&issuer.signer);
    let mut authority = Vec::new();
    if let Some(a) = &signer.authority {
        authority.push(a.trim().to_uppercase());
    }
    authority.push(signer.position.trim().to_uppercase());

    let recipients = spec.recipients.as_ref().unwrap_or(&issuer.recipients);
    let archive = spec.archive.as_ref().unwrap_or(&issuer.archive);
    let body = parse_body(&rendered.body)?;
    // The template's own recipients (`- Như Điều 3;`) come first.
    let mut lines: Vec<String> = body.recipients.clone();
    lines.extend(recipients.iter().map(|r| match &r.purpose {
        Some(p) => format!("- {} ({p});", r.name.trim()),
        None => format!("- {};", r.name.trim()),
    }));
    let archive = if archive.is_empty() {
        "VT".to_string()
    } else {
        archive.join(", ")
    };
    lines.push(format!("- Lưu: {archive}."));

    // A per-document title in the fact sheet replaces the template's trích yếu.
    let title = spec.title.clone().unwrap_or_else(|| rendered.title.clone());
    let agency = upper_lines(&issuer.agency);
    let mut doc = Document {
        header: Header {
            parent_agency: upper_lines(&issuer.parent_agency),
            issuing_agency: agency.clone(),
            number_line: number_line(spec.number, &type_code, &issuer.abbreviation),
            national_title: NATIONAL_TITLE.to_string(),
            motto: MOTTO.to_string(),
            place_date: rendered.place_date.then_some(place_date),
        },
        title: Title {
            kind: rendered.kind.to_uppercase(),
            summary: title.clone(),
        },
        authority: body.authority,
        addressees: body.addressees,
        body: body.blocks,
        anchors: body.anchors,
        footnotes: body.footnotes,
        recipients: Recipients {
            heading: "Nơi nhận:".to_string(),
            lines,
        },
        // The template's `::: signature` blocks replace the fact sheet's signer.
        signatures: if body.signatures.is_empty() {
            vec![SignatureBlock {
                authority,
                seal_title: signer
                    .seal_title
                    .iter()
                    .map(|s| s.trim().to_uppercase())
                    .collect(),
                name: signer.name.trim().to_string(),
            }]
        } else {
            body.signatures
        },
        appendices: body.appendices,
        numbering: rendered.numbering,
        meta: Meta {
            title: format!("{} {}", rendered.kind.to_uppercase(), title),
            author: agency.join(" "),
            date: NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
                .or_else(|| NaiveDate::from_ymd_opt(year, 1, 1))
                .unwrap_or_default(),
        },
    };
    let only: Vec<Edit> = edits.iter().map(|(_, e)| e.clone()).collect();
    doc.reshape(&only, rendered.numbering).map_err(|(k, e)| {
        let i = edits.get(k).map_or(k, |(i, _)| *i);
        let key = edits.get(k).map(|(_, e)| e.place.key()).unwrap_or("after");
        ComposeError::Section(Box::new(Diagnostic::new(
            Severity::Error,
            "section-edit-failed",
            format!("sections[{i}].{key}"),
            crate::i18n::args! {"detail" => e.to_string()},
        )))
    })?;
    doc.finish(rendered.numbering)
        .map_err(|e| DivError::new(e, "check the footnotes of the template"))?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_lines() {
        assert_eq!(number_line(Some(93), "BC", "BCĐ"), "Số: 93/BC-BCĐ");
        assert_eq!(number_line(Some(5), "KH", "BCĐ"), "Số: 05/KH-BCĐ");
        assert_eq!(number_line(None, "BC", "BCĐ"), "Số:       /BC-BCĐ");
    }
}
