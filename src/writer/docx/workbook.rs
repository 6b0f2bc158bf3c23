//! The workbook embedded with a chart (`word/embeddings/Microsoft_Excel_WorksheetN.xlsx`), so
//! Word's "Edit Data" opens the chart's figures as real numbers.

use anyhow::{Context, Result};
use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::chart::SHEET;
use crate::document::chart::{Chart, ValueFormat};

/// The workbook behind the chart: categories in column A, one column per series (the
/// secondary line last), names in row 1. Absent figures are empty cells. Its creation date
/// is the document's, and rust_xlsxwriter fixes the zip timestamps, so the bytes are stable.
pub(crate) fn workbook(chart: &Chart, date: chrono::NaiveDate) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(2000),
        date.month() as u8,
        date.day() as u8,
    )
    .context("the document date as a workbook date")?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).context("naming the chart's sheet")?;
    let bold = Format::new().set_bold();
    let rate = Format::new().set_num_format("0.0");
    sheet
        .write_string_with_format(0, 0, &chart.category_axis, &bold)
        .context("writing the chart's workbook")?;
    for (row, category) in chart.categories.iter().enumerate() {
        sheet
            .write_string(row_index(row + 1), 0, category)
            .context("writing the chart's workbook")?;
    }
    let columns = chart
        .series
        .iter()
        .map(|s| (s, chart.format))
        .chain(chart.line.iter().map(|l| (&l.series, l.format)));
    for (i, (series, format)) in columns.enumerate() {
        let col = u16::try_from(i + 1).unwrap_or(u16::MAX);
        sheet
            .write_string_with_format(0, col, &series.name, &bold)
            .context("writing the chart's workbook")?;
        for (row, value) in series.values.iter().enumerate() {
            if let Some(v) = value {
                let r = row_index(row + 1);
                match format {
                    ValueFormat::Count => sheet.write_number(r, col, *v),
                    ValueFormat::Percent => sheet.write_number_with_format(r, col, *v, &rate),
                }
                .context("writing the chart's workbook")?;
            }
        }
        sheet
            .set_column_width(col, 18)
            .context("writing the chart's workbook")?;
    }
    book.save_to_buffer()
        .context("packing the chart's workbook")
}

fn row_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
