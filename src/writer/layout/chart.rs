//! Chart geometry, decided once for both page writers: the chart's size, where the plot area
//! sits, the value axes' range and ticks, the bars, line points and their labels (formatted
//! the Vietnamese way here, never by a writer), the legend and the colours. The PDF writer
//! draws exactly these shapes; the DOCX writer hands Word the same size, plot area (as a
//! manual layout), axis scaling, gap width and colours, so Word's chart matches the PDF.
//!
//! Units: points, origin at the chart's top-left corner, y growing downwards.

use crate::document::chart::{Chart, ChartKind, ValueFormat};
use crate::locale;
use crate::writer::measure::width_twips;

use super::TEXT_WIDTH;

/// The chart is as wide as the text and this tall (pt): about 8,5 cm.
pub const HEIGHT: f64 = 240.0;
/// Text sizes (pt): axis and data labels, legend; the title.
pub const LABEL_SIZE: f64 = 10.0;
pub const TITLE_SIZE: f64 = 12.0;
/// The gap between groups of bars, in percent of one bar's width (OOXML `c:gapWidth`).
pub const GAP_WIDTH: u32 = 80;
/// A title line is at most this share of the chart's width.
pub const TITLE_WIDTH: f64 = 0.8;
/// Baseline to baseline of the title's lines, in units of its size.
pub const TITLE_LEADING: f64 = 1.2;
/// EMU per point (DrawingML's unit).
pub const EMU_PER_PT: f64 = 12700.0;

/// Series colours (RGB hex, no `#`): primary series in order, then the secondary line.
const PALETTE: [&str; 6] = ["2E5C8A", "8FB4D9", "5B8C3A", "C9A227", "7F6A93", "6B6B6B"];
const LINE_COLOUR: &str = "C0392B";

/// A rectangle (pt).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A tick of a value axis: its value, its height in the chart and its printed label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub y: f64,
    pub label: String,
}

/// A value axis: `0..max` in steps of `step`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    pub max: f64,
    pub step: f64,
    pub format: ValueFormat,
    pub ticks: Vec<Tick>,
    pub title: String,
    /// Where the (rotated) title is centred, x (pt).
    pub title_x: f64,
    /// The right edge (left axis) or left edge (right axis) of the tick labels, x (pt).
    pub labels_x: f64,
}

/// A category (year) label centred under its band.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub x: f64,
    pub label: String,
}

/// One bar with its label above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub series: usize,
    pub category: usize,
    pub rect: Rect,
    pub label: String,
}

/// One point of a line with its label above it; `None` points are gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub label: String,
}

/// A line series: its points (gaps are `None`), on the primary or the secondary axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub series: usize,
    pub colour: &'static str,
    pub secondary: bool,
    pub points: Vec<Option<Point>>,
}

/// A legend entry: a swatch (a square for bars, a short line for lines) and the name.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub name: String,
    pub colour: &'static str,
    pub line: bool,
    /// The swatch's left edge and the entry's vertical centre (pt).
    pub x: f64,
    pub y: f64,
}

/// Everything both writers need to draw one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    pub title: String,
    /// The title as printed, wrapped to [`TITLE_WIDTH`] of the chart (Word and LibreOffice
    /// wrap it about there themselves), and the first line's baseline (pt from the top).
    pub title_lines: Vec<String>,
    pub title_y: f64,
    pub plot: Rect,
    pub primary: ValueAxis,
    pub secondary: Option<ValueAxis>,
    pub categories: Vec<Category>,
    /// The category labels' baseline.
    pub categories_y: f64,
    pub category_title: String,
    pub category_title_y: f64,
    /// Colour of each series in [`Chart::all_series`] order.
    pub colours: Vec<&'static str>,
    pub bars: Vec<Bar>,
    pub lines: Vec<Line>,
    pub legend: Vec<LegendEntry>,
}

impl ChartLayout {
    /// Size in EMU (DOCX `wp:extent`).
    pub fn extent_emu(&self) -> (i64, i64) {
        (emu(self.width), emu(self.height))
    }

    /// The plot area as fractions of the chart (DOCX `c:manualLayout`, inner target).
    pub fn plot_fractions(&self) -> [f64; 4] {
        [
            self.plot.x / self.width,
            self.plot.y / self.height,
            self.plot.w / self.width,
            self.plot.h / self.height,
        ]
    }
}

pub fn emu(pt: f64) -> i64 {
    (pt * EMU_PER_PT).round() as i64
}

/// Text width at `size` pt (Times metrics, as in Word and Liberation Serif).
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let half_points = (size * 2.0).round() as u32;
    f64::from(width_twips(text, half_points, bold)) / 20.0
}

/// A value as its label prints: `3.537`, `70,9%`.
pub fn label(value: f64, format: ValueFormat) -> String {
    match format {
        ValueFormat::Count => locale::thousands(value.round() as i64),
        ValueFormat::Percent => locale::percent(value, 1),
    }
}

/// A tick value as printed on its axis (ticks are whole numbers: `1.000`, `20%`).
fn tick_label(value: f64, format: ValueFormat) -> String {
    match format {
        ValueFormat::Count => locale::thousands(value.round() as i64),
        ValueFormat::Percent => locale::percent(value, 0),
    }
}

/// A "nice" step (1, 2, 2.5 or 5 × 10ⁿ, at least 1) for about five intervals up to `top`.
fn nice_step(top: f64) -> f64 {
    let raw = (top / 5.0).max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    step.max(1.0)
}

/// `0..max` with room above the highest value for its label; `lift` > 1 keeps the primary
/// series in the lower part of the plot when a secondary line runs above it.
fn scale(values: impl Iterator<Item = f64>, format: ValueFormat, lift: f64) -> (f64, f64) {
    let top = values.fold(0.0f64, f64::max);
    if format == ValueFormat::Percent && top <= 100.0 && lift <= 1.0 {
        return (100.0, 20.0);
    }
    let wanted = (top * 1.12 * lift).max(1.0);
    let step = nice_step(wanted);
    let max = (wanted / step).ceil() * step;
    (max, step)
}

fn ticks(max: f64, step: f64, format: ValueFormat, plot: Rect) -> Vec<Tick> {
    let count = (max / step).round() as usize;
    (0..=count)
        .map(|i| {
            let value = step * i as f64;
            Tick {
                value,
                y: plot.y + plot.h - value / max * plot.h,
                label: tick_label(value, format),
            }
        })
        .collect()
}

/// Lays out `chart` at the text width.
pub fn chart_layout(chart: &Chart) -> ChartLayout {
    let width = f64::from(TEXT_WIDTH) / 20.0;
    let height = HEIGHT;
    let primary_values = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
    };
    let lift = if chart.line.is_some() { 1.8 } else { 1.0 };
    let (p_max, p_step) = scale(primary_values(), chart.format, lift);
    let secondary_scale = chart.line.as_ref().map(|l| {
        let (max, step) = scale(l.series.values.iter().flatten().copied(), l.format, 1.0);
        (max, step, l.format, l.axis.clone())
    });

    // Horizontal room: axis title (rotated), tick labels, a gap, then the plot.
    let widest = |max: f64, step: f64, format| {
        let count = (max / step).round() as usize;
        (0..=count)
            .map(|i| text_width(&tick_label(step * i as f64, format), LABEL_SIZE, false))
            .fold(0.0f64, f64::max)
    };
    let pad = 6.0;
    let title_room = |title: &str| {
        if title.is_empty() {
            0.0
        } else {
            LABEL_SIZE + 6.0
        }
    };
    let left = pad + title_room(&chart.axis) + widest(p_max, p_step, chart.format) + 5.0;
    let right = match &secondary_scale {
        Some((max, step, format, title)) => {
            pad + title_room(title) + widest(*max, *step, *format) + 5.0
        }
        None => 14.0,
    };
    let title_lines = wrap(&chart.title, TITLE_SIZE, width * TITLE_WIDTH);
    let top = if title_lines.is_empty() {
        12.0
    } else {
        TITLE_SIZE * TITLE_LEADING * title_lines.len() as f64 + 14.0
    };
    let legend_room = 20.0;
    let category_title_room = if chart.category_axis.is_empty() {
        0.0
    } else {
        LABEL_SIZE + 4.0
    };
    let bottom = LABEL_SIZE + 8.0 + category_title_room + legend_room;
    let plot = Rect {
        x: left,
        y: top,
        w: width - left - right,
        h: height - top - bottom,
    };

    let primary = ValueAxis {
        max: p_max,
        step: p_step,
        format: chart.format,
        ticks: ticks(p_max, p_step, chart.format, plot),
        title: chart.axis.clone(),
        title_x: pad + LABEL_SIZE / 2.0,
        labels_x: plot.x - 5.0,
    };
    let secondary = secondary_scale.map(|(max, step, format, title)| ValueAxis {
        max,
        step,
        format,
        ticks: ticks(max, step, format, plot),
        title,
        title_x: width - pad - LABEL_SIZE / 2.0,
        labels_x: plot.x + plot.w + 5.0,
    });

    let n = chart.categories.len().max(1) as f64;
    let band = plot.w / n;
    let categories = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| Category {
            x: plot.x + band * (i as f64 + 0.5),
            label: c.clone(),
        })
        .collect();
    let y_of = |value: f64, max: f64| plot.y + plot.h - (value / max).min(1.0) * plot.h;

    let mut colours: Vec<&'static str> = (0..chart.series.len())
        .map(|i| PALETTE.get(i % PALETTE.len()).copied().unwrap_or("000000"))
        .collect();
    let mut bars = Vec::new();
    let mut lines = Vec::new();
    match chart.kind {
        ChartKind::Bar => {
            let k = chart.series.len().max(1) as f64;
            let bar_w = band / (k + f64::from(GAP_WIDTH) / 100.0);
            for (s, series) in chart.series.iter().enumerate() {
                for (c, value) in series.values.iter().enumerate() {
                    let Some(v) = value else { continue };
                    let x = plot.x + band * c as f64 + (band - k * bar_w) / 2.0 + bar_w * s as f64;
                    let y = y_of(*v, p_max);
                    bars.push(Bar {
                        series: s,
                        category: c,
                        rect: Rect {
                            x,
                            y,
                            w: bar_w,
                            h: plot.y + plot.h - y,
                        },
                        label: series.labelled(c, label(*v, chart.format)),
                    });
                }
            }
        }
        ChartKind::Line => {
            for (s, series) in chart.series.iter().enumerate() {
                lines.push(line(
                    s,
                    series,
                    colours.get(s).copied().unwrap_or("000000"),
                    false,
                    band,
                    plot,
                    p_max,
                    chart.format,
                ));
            }
        }
    }
    if let (Some(l), Some(axis)) = (&chart.line, &secondary) {
        let s = chart.series.len();
        colours.push(LINE_COLOUR);
        lines.push(line(
            s,
            &l.series,
            LINE_COLOUR,
            true,
            band,
            plot,
            axis.max,
            l.format,
        ));
    }

    let categories_y = plot.y + plot.h + LABEL_SIZE + 4.0;
    let category_title_y = categories_y + category_title_room;
    let legend = legend(chart, &colours, width, height - legend_room / 2.0);
    ChartLayout {
        width,
        height,
        title: chart.title.clone(),
        title_lines,
        title_y: TITLE_SIZE + 2.0,
        plot,
        primary,
        secondary,
        categories,
        categories_y,
        category_title: chart.category_axis.clone(),
        category_title_y,
        colours,
        bars,
        lines,
        legend,
    }
}

/// `text` broken at spaces into lines at most `max` wide (bold, `size` pt); a word longer
/// than a line stands alone.
fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size, true) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[allow(clippy::too_many_arguments)] // one line's geometry: every argument is a plain number
fn line(
    series: usize,
    data: &crate::document::chart::Series,
    colour: &'static str,
    secondary: bool,
    band: f64,
    plot: Rect,
    max: f64,
    format: ValueFormat,
) -> Line {
    Line {
        series,
        colour,
        secondary,
        points: data
            .values
            .iter()
            .enumerate()
            .map(|(c, v)| {
                v.map(|v| Point {
                    x: plot.x + band * (c as f64 + 0.5),
                    y: plot.y + plot.h - (v / max).min(1.0) * plot.h,
                    label: data.labelled(c, label(v, format)),
                })
            })
            .collect(),
    }
}

/// Legend entries centred in one row at `y`.
fn legend(chart: &Chart, colours: &[&'static str], width: f64, y: f64) -> Vec<LegendEntry> {
    const SWATCH: f64 = 14.0;
    const GAP: f64 = 4.0;
    const BETWEEN: f64 = 16.0;
    let entries: Vec<(String, bool)> = chart
        .series
        .iter()
        .map(|s| (s.name.clone(), chart.kind == ChartKind::Line))
        .chain(chart.line.iter().map(|l| (l.series.name.clone(), true)))
        .collect();
    let widths: Vec<f64> = entries
        .iter()
        .map(|(name, _)| SWATCH + GAP + text_width(name, LABEL_SIZE, false))
        .collect();
    let total = widths.iter().sum::<f64>() + BETWEEN * widths.len().saturating_sub(1) as f64;
    let mut x = (width - total) / 2.0;
    entries
        .into_iter()
        .zip(widths)
        .zip(colours)
        .map(|(((name, line), w), colour)| {
            let entry = LegendEntry {
                name,
                colour,
                line,
                x,
                y,
            };
            x += w + BETWEEN;
            entry
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::chart::{Secondary, Series};

    fn chart(line: bool) -> Chart {
        Chart {
            kind: ChartKind::Bar,
            title: "Khu dân cư".into(),
            categories: vec!["2015".into(), "2016".into(), "2017".into()],
            category_axis: String::new(),
            series: vec![Series {
                name: "Được công nhận".into(),
                values: vec![Some(98.0), None, Some(3537.0)],
                approx: Vec::new(),
            }],
            format: ValueFormat::Count,
            axis: "Khu dân cư".into(),
            line: line.then(|| Secondary {
                series: Series {
                    name: "Tỷ lệ".into(),
                    values: vec![Some(47.8), Some(70.904), None],
                    approx: Vec::new(),
                },
                format: ValueFormat::Percent,
                axis: "Tỷ lệ (%)".into(),
            }),
        }
    }

    #[test]
    fn long_titles_wrap_and_push_the_plot_down() {
        let mut c = chart(false);
        let short = chart_layout(&c);
        c.title = "Khu dân cư được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” giai đoạn 2015 - 2024".into();
        let long = chart_layout(&c);
        assert_eq!(long.title_lines.len(), 2, "{:?}", long.title_lines);
        assert_eq!(long.title_lines.join(" "), c.title);
        assert!(long.plot.y > short.plot.y);
        assert!(wrap("", 12.0, 100.0).is_empty());
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(180.0), 50.0);
        assert_eq!(nice_step(4.0), 1.0);
        assert_eq!(nice_step(1100.0), 250.0);
        assert_eq!(nice_step(9000.0), 2000.0);
    }

    #[test]
    fn gaps_stay_gaps_and_labels_are_vietnamese() {
        let l = chart_layout(&chart(true));
        assert_eq!(l.bars.len(), 2, "the absent 2016 figure draws no bar");
        assert_eq!(l.bars[1].label, "3.537");
        let rate = &l.lines[0];
        assert!(rate.secondary && rate.points[2].is_none());
        assert_eq!(
            rate.points[1].as_ref().map(|p| p.label.as_str()),
            Some("70,9%")
        );
        let secondary = l.secondary.as_ref().expect("a secondary axis");
        assert_eq!((secondary.max, secondary.step), (100.0, 20.0));
        assert_eq!(secondary.ticks[1].label, "20%");
        assert_eq!(l.legend.len(), 2);
    }

    #[test]
    fn everything_fits_in_the_plot() {
        let l = chart_layout(&chart(true));
        let p = l.plot;
        assert!(p.x > 0.0 && p.y > 0.0 && p.x + p.w < l.width && p.y + p.h < l.height);
        for bar in &l.bars {
            assert!(bar.rect.y >= p.y && bar.rect.x >= p.x && bar.rect.x + bar.rect.w <= p.x + p.w);
        }
        // The top tick is the axis maximum, at the top of the plot, and above every value.
        let top = l.primary.ticks.last().expect("ticks");
        assert!((top.y - p.y).abs() < 1e-9 && top.value >= 3537.0);
        let [x, y, w, h] = l.plot_fractions();
        assert!(x > 0.0 && y > 0.0 && x + w < 1.0 && y + h < 1.0);
    }
}
