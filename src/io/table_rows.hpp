// Rows of a table input as `batch` reads them: a CSV file (batch_input.cpp) or a sheet of an
// Excel workbook (xlsx_reader.cpp). One seam for every format of rows: the header, the
// checks of each cell and the records are made once, in RecordSource::next.
#pragma once

#include <kansrijk/io/batch_input.hpp>
#include <memory>
#include <string>
#include <vector>

namespace kansrijk::io::detail {

// One row as read: its cells (each with its line and column, or sheet row and column), or
// what is wrong with it.
struct TableRow {
  std::vector<CsvCell> cells;
  int first_line = 0;
  std::string problem; // empty when the row is well formed
  int problem_line = 0;
  int problem_column = 0;
  bool end = false;  // there was no row left
  bool blank = true; // nothing but blanks
};

class RowReader {
public:
  RowReader() = default;
  virtual ~RowReader() = default;
  RowReader(const RowReader &) = delete;
  RowReader &operator=(const RowReader &) = delete;

  // The next row in order; `end` after the last.
  virtual TableRow next() = 0;
  // Whether reading ended because of a stop signal.
  [[nodiscard]] virtual bool stopped() const = 0;
};

// The rows of sheet `sheet` (empty: the first) of the Excel workbook `path`, read as a stream.
// Throws util::Error when the file is not a workbook or has no such sheet.
std::unique_ptr<RowReader> open_xlsx(const std::string &path, const std::string &sheet);

} // namespace kansrijk::io::detail
