// Excel workbooks written with libxlsxwriter (see xlsx_writer.hpp).
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <kansrijk/io/xlsx_writer.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <map>
#include <sstream>
#include <unistd.h>
#include <xlsxwriter.h>

namespace kansrijk::io {

namespace {

constexpr double k_default_width = 16;

// The column letters of column `column` (0-based): 0 is "A", 26 is "AA".
std::string column_letters(int column) {
  std::string out;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return out;
}

} // namespace

struct XlsxWriter::State {
  std::string path;
  lxw_workbook *workbook = nullptr;
  lxw_worksheet *sheet = nullptr;
  lxw_format *header = nullptr;
  lxw_format *wrapped = nullptr;
  std::map<std::string, lxw_format *> fills;
  int columns = 0;
  lxw_row_t row = 0;
};

XlsxWriter::XlsxWriter() : m_state(std::make_unique<State>()) {
  const char *tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/kansrijk-xlsx-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    throw util::Error("cannot make a temporary file for the workbook");
  }
  ::close(fd);
  m_state->path = pattern;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  m_state->workbook = workbook_new_opt(m_state->path.c_str(), &options);
  if (m_state->workbook == nullptr) {
    (void)std::remove(m_state->path.c_str());
    throw util::Error("cannot make the workbook");
  }
  m_state->header = workbook_add_format(m_state->workbook);
  format_set_bold(m_state->header);
  format_set_text_wrap(m_state->header);
  format_set_align(m_state->header, LXW_ALIGN_VERTICAL_TOP);
  m_state->wrapped = workbook_add_format(m_state->workbook);
  format_set_align(m_state->wrapped, LXW_ALIGN_VERTICAL_TOP);
}

XlsxWriter::~XlsxWriter() {
  if (m_state->workbook != nullptr) {
    workbook_close(m_state->workbook); // an unfinished workbook: its file is removed below
  }
  (void)std::remove(m_state->path.c_str());
}

void XlsxWriter::add_sheet(const std::string &name,
                           const std::vector<std::string> &headings,
                           const std::vector<double> &widths) {
  State &s = *m_state;
  s.sheet = workbook_add_worksheet(s.workbook, name.c_str());
  if (s.sheet == nullptr) {
    throw util::Error("cannot add sheet \"" + name + "\" to the workbook");
  }
  s.columns = static_cast<int>(headings.size());
  for (int c = 0; c < s.columns; ++c) {
    const double width =
        static_cast<std::size_t>(c) < widths.size() ? widths[static_cast<std::size_t>(c)] : k_default_width;
    worksheet_set_column(s.sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, s.wrapped);
  }
  for (int c = 0; c < s.columns; ++c) {
    worksheet_write_string(s.sheet, 0, static_cast<lxw_col_t>(c),
                           headings[static_cast<std::size_t>(c)].c_str(), s.header);
  }
  worksheet_freeze_panes(s.sheet, 1, 0);
  s.row = 0;
}

void XlsxWriter::add_row(const std::vector<XlsxCell> &cells) {
  State &s = *m_state;
  ++s.row;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const XlsxCell &cell = cells[c];
    lxw_format *format = s.wrapped;
    if (!cell.fill.empty()) {
      auto &fill = s.fills[cell.fill];
      if (fill == nullptr) {
        fill = workbook_add_format(s.workbook);
        format_set_bg_color(fill, static_cast<lxw_color_t>(std::strtoul(cell.fill.c_str() + 1, nullptr, 16)));
        format_set_font_color(fill, LXW_COLOR_WHITE);
        format_set_align(fill, LXW_ALIGN_VERTICAL_TOP);
      }
      format = fill;
    }
    if (cell.number) {
      worksheet_write_number(s.sheet, s.row, static_cast<lxw_col_t>(c), *cell.number, format);
    } else if (!cell.text.empty()) {
      // always a string: text that looks like a formula stays text
      worksheet_write_string(s.sheet, s.row, static_cast<lxw_col_t>(c), cell.text.c_str(), format);
    }
  }
}

void XlsxWriter::add_list(
    int column, int rows, const std::string &list_sheet, int list_column, int first_row, int last_row) {
  State &s = *m_state;
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  std::string formula = fmt::format("='{}'!${}${}:${}${}", list_sheet, column_letters(list_column), first_row,
                                    column_letters(list_column), last_row);
  validation.value_formula = formula.data();
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING; // a value outside the list stays possible
  worksheet_data_validation_range(s.sheet, 1, static_cast<lxw_col_t>(column), static_cast<lxw_row_t>(rows),
                                  static_cast<lxw_col_t>(column), &validation);
}

void XlsxWriter::hide_sheet() { worksheet_hide(m_state->sheet); }

std::string XlsxWriter::finish() {
  State &s = *m_state;
  // every sheet filters its header row over the rows written; set here, when they are known
  lxw_worksheet *sheet = nullptr;
  LXW_FOREACH_WORKSHEET(sheet, s.workbook) {
    if (sheet->hidden == 0U && (sheet->dim_colmax > 0 || sheet->dim_rowmax > 0)) {
      worksheet_autofilter(sheet, 0, 0, sheet->dim_rowmax, sheet->dim_colmax);
    }
  }
  const lxw_error error = workbook_close(s.workbook);
  s.workbook = nullptr;
  if (error != LXW_NO_ERROR) {
    throw util::Error(fmt::format("cannot write the workbook: {}", lxw_strerror(error)));
  }
  std::ifstream in(s.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) {
    throw util::Error("cannot read back the workbook");
  }
  return std::move(bytes).str();
}

} // namespace kansrijk::io
