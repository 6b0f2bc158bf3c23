//! Absent is not zero: which sections of the built-in reports have anything to say.
//!
//! A document must never state a fact the fact sheet does not give. A section whose figures
//! and text are all absent is left out — no heading with nothing under it — and
//! [`warnings`] tells the clerk which section went and what to write to bring it back.
//! "Nothing happened" is a fact too, and must be written: `incidents: []`.
//!
//! The templates read the same answers as `derived.sections.<group>.<key>` (see
//! [`sections`]), so the rule of each section is written once, here.

use super::FactSheet;
use super::load::Loaded;
use crate::diagnostic::{Diagnostic, Severity};
use serde_json::Value;
use std::collections::BTreeMap;

/// One section a built-in template leaves out when the sheet gives it nothing.
struct Section {
    /// The template that prints it.
    template: &'static str,
    /// `derived.sections.<group>.<key>`.
    group: &'static str,
    key: &'static str,
    /// The heading as printed.
    label: &'static str,
    /// Where the figures or text would go; the warning names it.
    field: &'static str,
    /// Whether it warns when left out: not a section that only groups others (each of its
    /// parts warns). How to give it something is the catalogue's help of `section-left-out`,
    /// by `group-key`.
    warns: bool,
    present: fn(&FactSheet) -> bool,
}

fn narrative(sheet: &FactSheet, key: &str) -> bool {
    sheet
        .narrative
        .get(key)
        .is_some_and(|paragraphs| !paragraphs.is_empty())
}

// bao-cao-so-ket

fn so_ket_characteristics(s: &FactSheet) -> bool {
    s.unit.area_ha.is_some() || !s.unit.sub_units.is_empty() || narrative(s, "characteristics")
}

fn so_ket_advising(s: &FactSheet) -> bool {
    narrative(s, "advising") || !s.facts.criteria.directives.is_empty()
}

fn so_ket_propaganda(s: &FactSheet) -> bool {
    let p = &s.facts.propaganda;
    [
        p.meetings,
        p.articles,
        p.broadcasts,
        p.banners,
        p.leaflets,
        p.online_reach,
    ]
    .iter()
    .any(Option::is_some)
        || narrative(s, "propaganda")
}

fn so_ket_crime(s: &FactSheet) -> bool {
    s.facts.incidents.stated().is_some()
}

fn so_ket_public_order(s: &FactSheet) -> bool {
    so_ket_crime(s)
        || s.facts.traffic_accidents.is_some()
        || s.facts.fires.is_some()
        || s.facts.labour_accidents.is_some()
        || s.facts.drug_prevention.is_some()
        || narrative(s, "drugs")
}

fn so_ket_models(s: &FactSheet) -> bool {
    !s.facts.models.is_empty() || narrative(s, "models")
}

fn so_ket_results(s: &FactSheet) -> bool {
    so_ket_propaganda(s)
        || so_ket_public_order(s)
        || !s.facts.weapons_handed_in.is_empty()
        || narrative(s, "weapons")
        || so_ket_models(s)
        || narrative(s, "coordination")
        || s.facts.sentences.is_some()
        || narrative(s, "new_countryside")
}

fn so_ket_strengths(s: &FactSheet) -> bool {
    narrative(s, "strengths")
}

fn so_ket_limitations(s: &FactSheet) -> bool {
    narrative(s, "limitations")
}

fn so_ket_causes(s: &FactSheet) -> bool {
    narrative(s, "causes")
}

fn so_ket_assessment(s: &FactSheet) -> bool {
    so_ket_strengths(s) || so_ket_limitations(s) || so_ket_causes(s)
}

fn so_ket_tasks(s: &FactSheet) -> bool {
    narrative(s, "tasks")
}

// bao-cao-ket-qua-tt124

fn tt124_implementation(s: &FactSheet) -> bool {
    let c = &s.facts.criteria;
    c.party_resolution.is_some()
        || c.plan.is_some()
        || c.registered
        || !s.unit.sub_units.is_empty()
        || !c.directives.is_empty()
        || narrative(s, "implementation")
        || !s.facts.guiding_documents.is_empty()
}

fn tt124_propaganda(s: &FactSheet) -> bool {
    let p = &s.facts.propaganda;
    [p.articles, p.broadcasts, p.banners, p.leaflets, p.meetings]
        .iter()
        .any(Option::is_some)
        || s.facts.households_pledged.is_some()
        || narrative(s, "propaganda")
}

fn tt124_movement(s: &FactSheet) -> bool {
    let f = &s.facts;
    f.disputes_mediated.is_some()
        || f.tip_offs.is_some()
        || f.offenders_supported.is_some()
        || !f.weapons_handed_in.is_empty()
        || !f.other_results.is_empty()
        || f.incidents_last_year().is_some()
        || !f.models.is_empty()
        || narrative(s, "movement")
}

fn tt124_core_forces(s: &FactSheet) -> bool {
    let c = &s.facts.criteria;
    !s.facts.core_forces.is_empty()
        || c.police_effective.is_some()
        || c.police_disciplined.is_some()
        || narrative(s, "core_forces")
}

const SO_KET: &str = "bao-cao-so-ket";
const TT124: &str = "bao-cao-ket-qua-tt124";

/// Every section that can be left out, in the order the documents print them.
const SECTIONS: &[Section] = &[
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "characteristics",
        label: "Tình hình đặc điểm có liên quan",
        field: "narrative.characteristics",
        warns: true,
        present: so_ket_characteristics,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "advising",
        label: "Công tác tham mưu cấp ủy, chính quyền địa phương",
        field: "narrative.advising",
        warns: true,
        present: so_ket_advising,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "results",
        label: "Kết quả thực hiện các mặt công tác",
        field: "facts",
        warns: false,
        present: so_ket_results,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "propaganda",
        label: "Công tác tuyên truyền, vận động Nhân dân tham gia phòng, chống tội phạm",
        field: "facts.propaganda",
        warns: true,
        present: so_ket_propaganda,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "public_order",
        label: "Tình hình trật tự, an toàn xã hội",
        field: "facts",
        warns: false,
        present: so_ket_public_order,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "crime",
        label: "Tội phạm và vi phạm pháp luật",
        field: "facts.incidents",
        warns: true,
        present: so_ket_crime,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "models",
        label: "Công tác xây dựng, củng cố, nhân rộng các mô hình, điển hình tiên tiến",
        field: "facts.models",
        warns: true,
        present: so_ket_models,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "assessment",
        label: "Đánh giá chung",
        field: "narrative",
        warns: false,
        present: so_ket_assessment,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "strengths",
        label: "Ưu điểm",
        field: "narrative.strengths",
        warns: true,
        present: so_ket_strengths,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "limitations",
        label: "Hạn chế, tồn tại",
        field: "narrative.limitations",
        warns: true,
        present: so_ket_limitations,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "causes",
        label: "Nguyên nhân",
        field: "narrative.causes",
        warns: true,
        present: so_ket_causes,
    },
    Section {
        template: SO_KET,
        group: "so_ket",
        key: "tasks",
        label: "Nhiệm vụ, giải pháp trọng tâm",
        field: "narrative.tasks",
        warns: true,
        present: so_ket_tasks,
    },
    Section {
        template: TT124,
        group: "tt124",
        key: "implementation",
        label: "Công tác triển khai",
        field: "narrative.implementation",
        warns: true,
        present: tt124_implementation,
    },
    Section {
        template: TT124,
        group: "tt124",
        key: "propaganda",
        label: "Công tác tuyên truyền",
        field: "facts.propaganda",
        warns: true,
        present: tt124_propaganda,
    },
    Section {
        template: TT124,
        group: "tt124",
        key: "movement",
        label: "Kết quả xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
        field: "narrative.movement",
        warns: true,
        present: tt124_movement,
    },
    Section {
        template: TT124,
        group: "tt124",
        key: "core_forces",
        label: "Kết quả xây dựng lực lượng nòng cốt bảo vệ an ninh, trật tự ở cơ sở",
        field: "facts.core_forces",
        warns: true,
        present: tt124_core_forces,
    },
];

/// Whether the dotted `path` (no indices) is written in the file.
fn written(tree: &Value, path: &str) -> bool {
    let mut node = tree;
    for key in path.split('.') {
        match node.get(key) {
            Some(next) => node = next,
            None => return false,
        }
    }
    true
}

/// Whether each section has anything to print, as templates see it:
/// `{"so_ket": {"crime": true, …}, "tt124": {…}}` (`derived.sections`).
pub fn sections(sheet: &FactSheet) -> BTreeMap<String, BTreeMap<String, bool>> {
    let mut groups: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    for s in SECTIONS {
        groups
            .entry(s.group.to_string())
            .or_default()
            .insert(s.key.to_string(), (s.present)(sheet));
    }
    groups
}

/// Every section as `(group, key, heading)`, for the context's documentation.
pub fn described() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    SECTIONS.iter().map(|s| (s.group, s.key, s.label))
}

/// The sections the sheet's documents leave out for want of figures or text, as warnings
/// at the field that would give them (or at the document's `template:` line when the field
/// is not in the file). Sections that are optional by nature (fires, traffic accidents…)
/// and sections that only group others give none.
pub fn warnings(loaded: &Loaded) -> Vec<Diagnostic> {
    let sheet = &loaded.sheet;
    let mut out: Vec<Diagnostic> = Vec::new();
    for s in SECTIONS {
        if !s.warns {
            continue;
        }
        let Some(doc) = sheet
            .documents
            .iter()
            .position(|d| d.template == s.template)
        else {
            continue;
        };
        if (s.present)(sheet) {
            continue;
        }
        let mut d = Diagnostic::new(
            Severity::Warning,
            "section-left-out",
            s.field,
            crate::i18n::args! {"label" => s.label, "template" => s.template,
            "section" => format!("{}-{}", s.group, s.key), "field" => s.field},
        );
        d.file = loaded.file.clone();
        // At the field, or the group that would hold it; else at the document.
        let mut at = s.field;
        d.position = loop {
            if written(&loaded.tree, at) {
                break loaded.paths.locate(at);
            }
            match at.rsplit_once('.') {
                Some((parent, _)) => at = parent,
                None => break loaded.paths.locate(&format!("documents[{doc}].template")),
            }
        };
        out.push(d);
    }
    out.extend(unstated_criteria(loaded));
    out
}

/// The TT124 Điều 5 answers the year-end report states as facts: a missing one is not a
/// yes, so the report does not claim it and its criterion is not met; say so here.
fn unstated_criteria(loaded: &Loaded) -> Vec<Diagnostic> {
    let sheet = &loaded.sheet;
    if !sheet.documents.iter().any(|d| d.template == TT124) {
        return Vec::new();
    }
    let c = &sheet.facts.criteria;
    [
        (
            "policy_carried_out",
            c.policy_carried_out.is_none(),
            "2",
            "true",
        ),
        (
            "police_effective",
            c.police_effective.is_none(),
            "3",
            "true",
        ),
        (
            "police_disciplined",
            c.police_disciplined.is_none(),
            "3",
            "0",
        ),
    ]
    .into_iter()
    .filter(|(_, missing, _, _)| *missing)
    .map(|(key, _, criterion, example)| {
        let path = format!("facts.criteria.{key}");
        let mut d = Diagnostic::new(
            Severity::Warning,
            "criterion-unstated",
            path.clone(),
            crate::i18n::args! {"key" => key, "criterion" => criterion, "example" => example},
        );
        d.file = loaded.file.clone();
        d.position = loaded.paths.locate(&path);
        d
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_named_once() {
        for (i, a) in SECTIONS.iter().enumerate() {
            for b in &SECTIONS[i + 1..] {
                assert!(
                    (a.group, a.key) != (b.group, b.key),
                    "{}.{} twice",
                    a.group,
                    a.key
                );
            }
        }
    }
}
