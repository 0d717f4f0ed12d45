//! CSV for spreadsheets: every cell made inert before it is written.

use super::export::ExportError;
use crate::scenario::text::csv_cell;

/// A CSV writer that passes every cell through `csv_cell`: a rationale such as
/// `=HYPERLINK(…)` stays text in a spreadsheet, and no escape sequence reaches a terminal.
pub(crate) struct SafeCsv(::csv::Writer<Vec<u8>>);

impl SafeCsv {
    pub(crate) fn new() -> Self {
        SafeCsv(::csv::Writer::from_writer(Vec::new()))
    }

    pub(crate) fn write_record<I, T>(&mut self, cells: I) -> ::csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0
            .write_record(cells.into_iter().map(|c| csv_cell(c.as_ref())))
    }

    /// The CSV text.
    pub(crate) fn finish(self) -> Result<String, ExportError> {
        let bytes = self
            .0
            .into_inner()
            .map_err(|e| ExportError::Flush(e.into_error()))?;
        Ok(String::from_utf8(bytes)?)
    }
}
