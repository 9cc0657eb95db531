// The rows of a sheet of an Excel workbook (.xlsx), as batch reads a CSV file's rows (see
// table_rows.hpp). A workbook is a zip archive of XML parts: the workbook names its sheets,
// its relationships say which part holds each, the shared strings hold the text of the cells
// that refer to them, and the sheet holds the cells row by row. The zip is read with minizip
// (Debian's libminizip, which libxlsxwriter uses too) and the XML with expat, as a stream: a
// sheet of a million rows is read in blocks, never whole.
#include "table_rows.hpp"

#include <algorithm>
#include <array>
#include <expat.h>
#include <fmt/format.h>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <map>
#include <minizip/unzip.h>
#include <optional>
#include <string_view>

namespace kansrijk::io::detail {

namespace {

// The shared strings are read whole: at most this many bytes of text in all.
constexpr std::size_t k_max_shared_bytes = std::size_t{256} << 20U;
constexpr std::size_t k_block = std::size_t{1} << 16U;

// `name` without its namespace prefix ("x:row" is "row").
std::string_view local(const XML_Char *name) {
  const std::string_view text(name);
  const auto colon = text.find(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

std::optional<std::string_view> attribute(const XML_Char **attributes, std::string_view wanted) {
  for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (local(attributes[i]) == wanted) {
      return std::string_view(attributes[i + 1]);
    }
  }
  return std::nullopt;
}

// The archive, with one part open at a time.
class Zip {
public:
  explicit Zip(const std::string &path) : m_path(path), m_zip(unzOpen64(path.c_str())) {
    if (m_zip == nullptr) {
      throw util::Error(util::Diagnostic{
          {path},
          "not an Excel workbook (.xlsx): the file is not a zip archive; save it from Excel as "
          "\"Excel-werkmap (*.xlsx)\" or export it as CSV"});
    }
  }
  ~Zip() {
    if (m_open) {
      unzCloseCurrentFile(m_zip);
    }
    unzClose(m_zip);
  }
  Zip(const Zip &) = delete;
  Zip &operator=(const Zip &) = delete;

  // Opens part `name`; false when the archive has none.
  bool open(const std::string &name) {
    close();
    if (unzLocateFile(m_zip, name.c_str(), 2) != UNZ_OK || unzOpenCurrentFile(m_zip) != UNZ_OK) {
      return false;
    }
    m_open = true;
    return true;
  }

  // The next block of the open part into `buffer`; 0 at its end. Throws on a damaged archive.
  std::size_t read(std::array<char, k_block> &buffer) {
    const int got = unzReadCurrentFile(m_zip, buffer.data(), static_cast<unsigned>(buffer.size()));
    if (got < 0) {
      throw util::Error(
          util::Diagnostic{{m_path}, "the workbook is damaged: a part of it cannot be unpacked"});
    }
    return static_cast<std::size_t>(got);
  }

  void close() {
    if (m_open) {
      unzCloseCurrentFile(m_zip);
      m_open = false;
    }
  }

  [[nodiscard]] const std::string &path() const { return m_path; }

private:
  std::string m_path;
  unzFile m_zip;
  bool m_open = false;
};

// An expat parser whose callbacks are the member functions of `Handler`.
template <typename Handler> class Parser {
public:
  explicit Parser(Handler &handler) : m_parser(XML_ParserCreate("UTF-8")) {
    XML_SetUserData(m_parser, &handler);
    XML_SetElementHandler(
        m_parser,
        [](void *data, const XML_Char *name, const XML_Char **attributes) {
          static_cast<Handler *>(data)->start(local(name), attributes);
        },
        [](void *data, const XML_Char *name) { static_cast<Handler *>(data)->end(local(name)); });
    XML_SetCharacterDataHandler(m_parser, [](void *data, const XML_Char *text, int length) {
      static_cast<Handler *>(data)->text(std::string_view(text, static_cast<std::size_t>(length)));
    });
  }
  ~Parser() { XML_ParserFree(m_parser); }
  Parser(const Parser &) = delete;
  Parser &operator=(const Parser &) = delete;

  // Parses the next `size` bytes of the document (`last`: the end of it). Throws on bad XML.
  void feed(const char *data, std::size_t size, bool last, const std::string &path, const std::string &part) {
    if (XML_Parse(m_parser, data, static_cast<int>(size), last ? 1 : 0) == XML_STATUS_ERROR) {
      throw util::Error(util::Diagnostic{
          {path},
          fmt::format("the workbook is damaged: {} is not well-formed XML at line {} ({})", part,
                      XML_GetCurrentLineNumber(m_parser), XML_ErrorString(XML_GetErrorCode(m_parser)))});
    }
  }

private:
  XML_Parser m_parser;
};

// Parses the whole part `name` of `zip` with `handler`; false when there is no such part.
template <typename Handler> bool parse_part(Zip &zip, const std::string &name, Handler &handler) {
  if (!zip.open(name)) {
    return false;
  }
  Parser<Handler> parser(handler);
  std::array<char, k_block> buffer{};
  while (true) {
    const std::size_t got = zip.read(buffer);
    parser.feed(buffer.data(), got, got == 0, zip.path(), name);
    if (got == 0) {
      break;
    }
  }
  zip.close();
  return true;
}

// xl/workbook.xml: the sheets, by name, with their relationship ids.
struct Workbook {
  std::vector<std::pair<std::string, std::string>> sheets; // name, r:id
  void start(std::string_view name, const XML_Char **attributes) {
    if (name == "sheet") {
      sheets.emplace_back(std::string(attribute(attributes, "name").value_or("")),
                          std::string(attribute(attributes, "id").value_or("")));
    }
  }
  void end(std::string_view /*name*/) {}
  void text(std::string_view /*text*/) {}
};

// xl/_rels/workbook.xml.rels: relationship id -> part.
struct Relationships {
  std::map<std::string, std::string, std::less<>> targets;
  void start(std::string_view name, const XML_Char **attributes) {
    if (name == "Relationship") {
      targets[std::string(attribute(attributes, "Id").value_or(""))] =
          std::string(attribute(attributes, "Target").value_or(""));
    }
  }
  void end(std::string_view /*name*/) {}
  void text(std::string_view /*text*/) {}
};

// xl/sharedStrings.xml: the text of each shared string (rich text runs joined, phonetic
// guides left out).
struct SharedStrings {
  std::vector<std::string> strings;
  std::size_t bytes = 0;
  bool in_text = false;
  int phonetic = 0;
  void start(std::string_view name, const XML_Char ** /*attributes*/) {
    if (name == "si") {
      strings.emplace_back();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t") {
      in_text = phonetic == 0 && !strings.empty();
    }
  }
  void end(std::string_view name) {
    if (name == "t") {
      in_text = false;
    } else if (name == "rPh") {
      --phonetic;
    }
  }
  void text(std::string_view text) {
    if (in_text && bytes < k_max_shared_bytes) {
      strings.back().append(text);
      bytes += text.size();
    }
  }
};

// The column number of the cell reference `ref` ("C12" is 3); 0 when it has none.
int column_of(std::string_view ref) {
  int column = 0;
  for (const char c : ref) {
    if (c < 'A' || c > 'Z') {
      break;
    }
    column = column * 26 + (c - 'A' + 1);
    if (column > 1 << 20) {
      return 0;
    }
  }
  return column;
}

// One sheet, read as a stream of rows.
class SheetReader final : public RowReader {
public:
  SheetReader(std::unique_ptr<Zip> zip, std::string part, std::vector<std::string> shared)
      : m_zip(std::move(zip)), m_part(std::move(part)), m_shared(std::move(shared)), m_parser(*this) {}

  TableRow next() override {
    while (m_ready.empty() && !m_done) {
      if (util::interrupt_requested()) {
        m_stopped = true;
        return TableRow{{}, 0, {}, 0, 0, true, true};
      }
      const std::size_t got = m_zip->read(m_buffer);
      m_parser.feed(m_buffer.data(), got, got == 0, m_zip->path(), m_part);
      m_done = got == 0;
    }
    if (m_ready.empty()) {
      TableRow end;
      end.end = true;
      return end;
    }
    TableRow row = std::move(m_ready.front());
    m_ready.erase(m_ready.begin());
    return row;
  }

  [[nodiscard]] bool stopped() const override { return m_stopped; }

  // The expat callbacks.
  void start(std::string_view name, const XML_Char **attributes) {
    if (name == "row") {
      m_row = TableRow{};
      const auto r = attribute(attributes, "r");
      m_row.first_line = r ? std::max(1, static_cast<int>(std::strtol(std::string(*r).c_str(), nullptr, 10)))
                           : m_last_line + 1;
      m_last_line = m_row.first_line;
      m_next_column = 1;
      m_bytes = 0;
    } else if (name == "c") {
      const auto ref = attribute(attributes, "r");
      m_column = ref ? column_of(*ref) : 0;
      if (m_column == 0) {
        m_column = m_next_column;
      }
      m_type = std::string(attribute(attributes, "t").value_or("n"));
      m_value.clear();
      m_in_cell = true;
    } else if (m_in_cell && (name == "v" || name == "t")) {
      m_in_value = true;
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      m_in_value = false;
    } else if (name == "c" && m_in_cell) {
      m_in_cell = false;
      add_cell();
    } else if (name == "row") {
      m_ready.push_back(std::move(m_row));
    }
  }

  void text(std::string_view text) {
    if (m_in_value && m_value.size() < k_max_line_bytes) {
      m_value.append(text);
    }
  }

private:
  void add_cell() {
    std::string text;
    if (m_type == "s") {
      const auto index = static_cast<std::size_t>(std::strtoull(m_value.c_str(), nullptr, 10));
      if (index < m_shared.size()) {
        text = m_shared[index];
      } else if (m_row.problem.empty()) {
        m_row.problem = "a cell refers to a text the workbook does not hold (the workbook is damaged)";
        m_row.problem_line = m_row.first_line;
        m_row.problem_column = m_column;
      }
    } else if (m_type == "b") {
      text = m_value == "1" ? "TRUE" : "FALSE";
    } else {
      text = m_value; // a number as Excel stores it, an inline or formula string, an error (#N/A)
    }
    m_bytes += text.size();
    if (m_column > static_cast<int>(k_max_csv_columns) || m_bytes > k_max_line_bytes) {
      if (m_row.problem.empty()) {
        m_row.problem = m_column > static_cast<int>(k_max_csv_columns)
                            ? fmt::format("more than {} columns", k_max_csv_columns)
                            : fmt::format("row is longer than {} bytes", k_max_line_bytes);
        m_row.problem_line = m_row.first_line;
        m_row.problem_column = m_column;
      }
      return;
    }
    if (!text.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos) {
      m_row.blank = false;
    }
    while (static_cast<int>(m_row.cells.size()) < m_column - 1) { // empty cells are not written
      m_row.cells.push_back(CsvCell{{}, m_row.first_line, static_cast<int>(m_row.cells.size()) + 1});
    }
    if (static_cast<int>(m_row.cells.size()) == m_column - 1) {
      m_row.cells.push_back(CsvCell{std::move(text), m_row.first_line, m_column});
    }
    m_next_column = m_column + 1;
  }

  std::unique_ptr<Zip> m_zip;
  std::string m_part;
  std::vector<std::string> m_shared;
  Parser<SheetReader> m_parser;
  std::array<char, k_block> m_buffer{};
  std::vector<TableRow> m_ready;
  TableRow m_row;
  std::string m_type;
  std::string m_value;
  std::size_t m_bytes = 0;
  int m_column = 0;
  int m_next_column = 1;
  int m_last_line = 0;
  bool m_in_cell = false;
  bool m_in_value = false;
  bool m_done = false;
  bool m_stopped = false;
};

// The part a relationship target names, from the root of the archive.
std::string part_of(std::string_view target) {
  if (target.starts_with('/')) {
    return std::string(target.substr(1));
  }
  return "xl/" + std::string(target);
}

} // namespace

std::unique_ptr<RowReader> open_xlsx(const std::string &path, const std::string &sheet) {
  auto zip = std::make_unique<Zip>(path);
  Workbook workbook;
  Relationships relationships;
  if (!parse_part(*zip, "xl/workbook.xml", workbook) ||
      !parse_part(*zip, "xl/_rels/workbook.xml.rels", relationships) || workbook.sheets.empty()) {
    throw util::Error(util::Diagnostic{
        {path},
        "not an Excel workbook (.xlsx): it has no sheets; an .xls or .ods file must be saved as .xlsx "
        "or CSV first"});
  }
  const auto *chosen = &workbook.sheets.front();
  if (!sheet.empty()) {
    const auto found = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                                    [&](const auto &s) { return s.first == sheet; });
    if (found == workbook.sheets.end()) {
      std::vector<std::string> names;
      names.reserve(workbook.sheets.size());
      for (const auto &s : workbook.sheets) {
        names.push_back("\"" + util::excerpt(s.first) + "\"");
      }
      throw util::Error(util::Diagnostic{{path},
                                         fmt::format("the workbook has no sheet \"{}\"; its sheets are {}",
                                                     util::excerpt(sheet), util::join(names, ", "))});
    }
    chosen = &*found;
  }
  const auto target = relationships.targets.find(chosen->second);
  if (target == relationships.targets.end()) {
    throw util::Error(util::Diagnostic{{path}, "the workbook is damaged: its sheet has no part"});
  }
  SharedStrings shared;
  (void)parse_part(*zip, "xl/sharedStrings.xml", shared); // a workbook of numbers only has none
  if (shared.bytes >= k_max_shared_bytes) {
    throw util::Error(util::Diagnostic{
        {path},
        fmt::format("the workbook holds more than {} MB of text; split it", k_max_shared_bytes >> 20U)});
  }
  const std::string part = part_of(target->second);
  if (!zip->open(part)) {
    throw util::Error(util::Diagnostic{{path}, "the workbook is damaged: part " + part + " is missing"});
  }
  return std::make_unique<SheetReader>(std::move(zip), part, std::move(shared.strings));
}

} // namespace kansrijk::io::detail
