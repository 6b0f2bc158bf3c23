//! The figures of a unit, summed upwards, and how a sheet writes them.

use super::words::*;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// What only a commune's TT124 report states: a unit that issues no TT124 report leaves them
/// out (absent, not 0).
pub const TT124_ONLY: [&str; 4] = [
    "households_pledged",
    "offenders_supported",
    "addicts_supported",
    "disputes_mediated",
];

/// Every figure a sheet of the variation mode may leave out, by its key.
pub const KEYS: [&str; 9] = [
    "population",
    "area_ha",
    "tip_offs",
    "attendees",
    "incidents_previous",
    "households_pledged",
    "offenders_supported",
    "addicts_supported",
    "disputes_mediated",
];

/// The figures every level states, summed from the children upwards.
#[derive(Default, Clone)]
pub struct Figures {
    pub households: u64,
    pub population: u64,
    pub area_ha: f64,
    pub meetings: u64,
    pub attendees: u64,
    pub leaflets: u64,
    pub banners: u64,
    pub broadcasts: u64,
    pub tip_offs: u64,
    pub disputes: u64,
    /// (category index, cases, offenders, cases last year, offenders last year)
    pub incidents: Vec<(usize, u64, u64, u64, u64)>,
    pub traffic: (u64, u64, u64),
    pub traffic_previous: (u64, u64, u64),
    pub fires: u64,
    pub fires_previous: u64,
    /// (model index, teams, members)
    pub models: Vec<(usize, u64, u64)>,
    /// A commune's TT124 figures: households pledged, offenders and addicts supported.
    pub pledged: u64,
    pub supported: u64,
    pub addicts: u64,
    /// What this unit's own sheet leaves out (`KEYS`); the values above stay the true ones,
    /// for a parent that states the total from its own records.
    pub absent: BTreeSet<&'static str>,
    /// Of the children added: the keys some child leaves out, and those some child gives.
    gaps: BTreeSet<&'static str>,
    given: BTreeSet<&'static str>,
}

impl Figures {
    pub fn add(&mut self, o: &Figures) {
        self.households += o.households;
        self.population += o.population;
        self.area_ha += o.area_ha;
        self.meetings += o.meetings;
        self.attendees += o.attendees;
        self.leaflets += o.leaflets;
        self.banners += o.banners;
        self.broadcasts += o.broadcasts;
        self.tip_offs += o.tip_offs;
        self.disputes += o.disputes;
        self.pledged += o.pledged;
        self.supported += o.supported;
        self.addicts += o.addicts;
        for k in KEYS {
            if o.absent.contains(k) {
                self.gaps.insert(k);
            } else {
                self.given.insert(k);
            }
        }
        for &(cat, c, f, pc, pf) in &o.incidents {
            match self.incidents.iter_mut().find(|i| i.0 == cat) {
                Some(i) => {
                    i.1 += c;
                    i.2 += f;
                    i.3 += pc;
                    i.4 += pf;
                }
                None => self.incidents.push((cat, c, f, pc, pf)),
            }
        }
        self.incidents.sort_by_key(|i| i.0);
        self.traffic = sum3(self.traffic, o.traffic);
        self.traffic_previous = sum3(self.traffic_previous, o.traffic_previous);
        self.fires += o.fires;
        self.fires_previous += o.fires_previous;
        for &(m, t, n) in &o.models {
            match self.models.iter_mut().find(|x| x.0 == m) {
                Some(x) => {
                    x.1 += t;
                    x.2 += n;
                }
                None => self.models.push((m, t, n)),
            }
        }
        self.models.sort_by_key(|m| m.0);
    }

    /// Whether the sheet states `key`.
    pub fn has(&self, key: &str) -> bool {
        !self.absent.contains(key)
    }

    /// Whether a roll-up over the children added cannot sum `key` (some give it, some do
    /// not): the parent then states the total itself, or its check warns.
    pub fn partial(&self, key: &str) -> bool {
        self.gaps.contains(key) && self.given.contains(key)
    }

    /// Whether none of the children added gives `key` (some or all leave it out).
    pub fn given_by_none(&self, key: &str) -> bool {
        self.gaps.contains(key) && !self.given.contains(key)
    }

    pub fn cases(&self) -> (u64, u64) {
        self.incidents
            .iter()
            .fold((0, 0), |a, i| (a.0 + i.1, a.1 + i.3))
    }
}

pub fn sum3(a: (u64, u64, u64), b: (u64, u64, u64)) -> (u64, u64, u64) {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

/// One khu dân cư's figures for a unit of `households` households.
pub fn area_figures(rng: &mut Rng, households: u64, vary: bool) -> Figures {
    let mut f = Figures {
        households,
        population: households * rng.range(32, 42) / 10,
        area_ha: rng.range(300, 9000) as f64 / 10.0,
        meetings: rng.range(4, 14),
        attendees: households * rng.range(4, 12) / 10,
        leaflets: rng.range(0, 6) * 10,
        banners: rng.range(0, 4),
        broadcasts: rng.range(10, 60),
        tip_offs: rng.range(0, 5),
        disputes: rng.range(0, 3),
        ..Figures::default()
    };
    // Occasional incidents: most areas have none in a year.
    for cat in 0..INCIDENTS.len() {
        if rng.chance(0.06) {
            // Crime is slowly going down: last year had as many cases or one more, now and
            // then one fewer (which can fail TT124 criterion 2 for the commune).
            let cases = rng.range(1, 2);
            let previous = match rng.range(0, 9) {
                0 => cases - 1,
                1..=5 => cases,
                _ => cases + 1,
            };
            f.incidents.push((
                cat,
                cases,
                cases + rng.range(0, 1),
                previous,
                previous + rng.range(0, 1),
            ));
        } else if rng.chance(0.04) {
            // None this year, some last year: a category that went down to zero.
            let previous = 1;
            f.incidents.push((cat, 0, 0, previous, previous));
        }
    }
    if rng.chance(0.05) {
        f.traffic = (1, rng.range(0, 1), rng.range(0, 2));
    }
    if rng.chance(0.05) {
        f.traffic_previous = (1, rng.range(0, 1), rng.range(0, 2));
    }
    if rng.chance(0.02) {
        f.fires = 1;
    }
    if rng.chance(0.02) {
        f.fires_previous = 1;
    }
    // Every area runs at least one model (TT124 criterion 1 counts them).
    let first = rng.range(0, MODELS.len() as u64 - 1) as usize;
    for m in 0..MODELS.len() {
        if m == first || rng.chance(0.25) {
            let teams = rng.range(1, 3);
            f.models.push((m, teams, teams * rng.range(4, 10)));
        }
    }
    // A khu dân cư states none of the commune's TT124 figures; varied, one in ten leaves out
    // its population, its tip-offs or its meetings' attendance.
    f.absent.extend(TT124_ONLY);
    if vary {
        for key in ["population", "tip_offs", "attendees"] {
            if rng.chance(0.1) {
                f.absent.insert(key);
            }
        }
    }
    f
}

/// The `facts:` entries every level shares: `disputes` for a commune's TT124 report,
/// `accidents` for the reports that compare traffic accidents and fires.
pub fn facts(out: &mut String, f: &Figures, disputes: bool, accidents: bool) {
    let _ = writeln!(out, "  propaganda:");
    let _ = writeln!(out, "    broadcasts: {}", f.broadcasts);
    let _ = writeln!(out, "    banners: {}", f.banners);
    let _ = writeln!(out, "    leaflets: {}", f.leaflets);
    let _ = writeln!(out, "    meetings: {}", f.meetings);
    if f.has("attendees") {
        let _ = writeln!(out, "    attendees: {}", f.attendees);
    }
    if f.has("tip_offs") {
        let _ = writeln!(out, "  tip_offs: {}", f.tip_offs);
    }
    if disputes {
        let _ = writeln!(out, "  disputes_mediated: {}", f.disputes);
    }
    incidents(out, f, accidents);
    models(out, f);
}

/// The community models, by name.
pub fn models(out: &mut String, f: &Figures) {
    if !f.models.is_empty() {
        let _ = writeln!(out, "  models:");
        for &(m, teams, members) in &f.models {
            let _ = writeln!(out, "    - name: {}", q(MODELS[m]));
            let _ = writeln!(out, "      teams: {teams}");
            let _ = writeln!(out, "      members: {members}");
        }
    }
}

/// The incidents with last year's, and with `accidents` the traffic accidents and fires: what
/// no roll-up sums. Without last year's total (absent) no category states last year's either.
pub fn incidents(out: &mut String, f: &Figures, accidents: bool) {
    let previous = f.has("incidents_previous");
    let current: Vec<_> = f.incidents.iter().filter(|i| i.1 > 0).collect();
    if current.is_empty() {
        let _ = writeln!(out, "  incidents: []");
    } else {
        let _ = writeln!(out, "  incidents:");
        for &&(cat, cases, offenders, pc, pf) in &current {
            let _ = writeln!(out, "    - category: {}", q(INCIDENTS[cat]));
            let _ = writeln!(out, "      cases: {cases}");
            let _ = writeln!(out, "      offenders: {offenders}");
            if previous {
                let _ = writeln!(out, "      previous: {{ cases: {pc}, offenders: {pf} }}");
            }
        }
    }
    let (pc, pf) = f
        .incidents
        .iter()
        .fold((0, 0), |a, i| (a.0 + i.3, a.1 + i.4));
    if previous {
        let _ = writeln!(
            out,
            "  incidents_previous: {{ cases: {pc}, offenders: {pf} }}"
        );
    }
    if accidents {
        let (c, d, i) = f.traffic;
        let (pc, pd, pi) = f.traffic_previous;
        let _ = writeln!(
            out,
            "  traffic_accidents: {{ cases: {c}, deaths: {d}, injuries: {i}, previous: {{ cases: {pc}, deaths: {pd}, injuries: {pi} }} }}"
        );
        let _ = writeln!(
            out,
            "  fires: {{ cases: {}, previous: {{ cases: {} }} }}",
            f.fires, f.fires_previous
        );
    }
}

/// A few stock paragraphs, as a clerk would paste them: `movement` for the TT124 report,
/// `report` for a periodic or year-end report; a `summary` over children has no advising,
/// causes or tasks section to print them in.
pub fn narrative(rng: &mut Rng, out: &mut String, movement: bool, report: bool, summary: bool) {
    let _ = writeln!(out, "\nnarrative:");
    let _ = writeln!(
        out,
        "  characteristics:\n    - {}",
        q(rng.pick::<&str>(CHARACTERISTICS))
    );
    if movement {
        let _ = writeln!(out, "  movement:\n    - {}", q(rng.pick::<&str>(STRENGTHS)));
    }
    if report {
        let _ = writeln!(
            out,
            "  strengths:\n    - {}",
            q(rng.pick::<&str>(STRENGTHS))
        );
        if !summary {
            let _ = writeln!(out, "  advising:\n    - {}", q(rng.pick::<&str>(ADVISING)));
        }
        let _ = writeln!(
            out,
            "  limitations:\n    - {}",
            q(rng.pick::<&str>(LIMITATIONS))
        );
        if !summary {
            let _ = writeln!(out, "  causes:\n    - {}", q(rng.pick::<&str>(CAUSES)));
            let _ = writeln!(out, "  tasks:\n    - {}", q(rng.pick::<&str>(TASKS)));
        }
    }
}
