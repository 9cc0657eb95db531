// Excel workbooks written for people (`batch --summary FILE.xlsx`, `kansrijk template
// FILE.xlsx`): sheets of text and numbers with a frozen, filtered header, fills that carry a
// meaning (a verdict's colour) and drop-down lists. It knows nothing of assessments: callers
// give it cells. Built on libxlsxwriter in its constant-memory mode, so rows stream through.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::io {

struct XlsxCell {
  std::string text;
  std::optional<double> number; // written as a number when set
  std::string fill;             // an RGB colour "#188038" for the cell's background; empty: none
};

class XlsxWriter {
public:
  // A workbook built in a temporary file; nothing is written where it goes until finish().
  XlsxWriter();
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter &) = delete;
  XlsxWriter &operator=(const XlsxWriter &) = delete;

  // Starts a sheet named `name` with the header row `headings` (bold, frozen, filtered) and
  // column widths `widths` (characters; missing ones are 16). Rows follow with add_row.
  void add_sheet(const std::string &name,
                 const std::vector<std::string> &headings,
                 const std::vector<double> &widths);
  void add_row(const std::vector<XlsxCell> &cells);
  // A drop-down in column `column` of the current sheet, rows 2 to `rows` + 1, offering the
  // cells `first_row`..`last_row` (1-based) of column `list_column` on sheet `list_sheet`.
  void
  add_list(int column, int rows, const std::string &list_sheet, int list_column, int first_row, int last_row);
  // Hides the current sheet (a sheet of lists for drop-downs).
  void hide_sheet();
  // The workbook's bytes. Throws util::Error when it cannot be written.
  std::string finish();

  struct State;

private:
  std::unique_ptr<State> m_state;
};

} // namespace kansrijk::io
