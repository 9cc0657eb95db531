// Reading the inputs of `kansrijk batch`: a lazy stream of records, so memory stays flat
// however many cases there are, and the conversion of a record into a use case.
#include "table_rows.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <istream>
#include <iterator>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/tree.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <utility>

namespace kansrijk::io {

namespace fs = std::filesystem;

namespace {

enum class InputKind { document, json_lines, csv, xlsx, stdin_json_lines };

std::string normal(std::string_view text); // below: headings and labels as people write them

InputKind kind_of(const fs::path &path) {
  const std::string ext = path.extension().string();
  if (ext == ".jsonl" || ext == ".ndjson") {
    return InputKind::json_lines;
  }
  if (ext == ".csv") {
    return InputKind::csv;
  }
  if (ext == ".xlsx") {
    return InputKind::xlsx;
  }
  return InputKind::document;
}

bool is_case_file(const fs::path &path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::string stem_of(const std::string &path) {
  return path == "-" || path == "<stdin>" ? "stdin" : fs::path(path).stem().string();
}

// Whether `path` lies inside `folder` (both canonical).
bool inside(const fs::path &path, const fs::path &folder) {
  const auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

// A stream read in 64 KiB blocks (character by character cost a tenth of the batch time),
// which knows the offset of every byte and stops when a stop signal arrives: a line without
// end (`batch - < /dev/zero`) cannot keep it from seeing one.
class BlockReader {
public:
  explicit BlockReader(std::streambuf *in) : m_in(in), m_block(1U << 16U) {}

  // The next byte, or -1 at the end of the input or after a stop signal.
  int get() {
    if (m_pos == m_end && !fill()) {
      return -1;
    }
    return static_cast<unsigned char>(m_block[m_pos++]);
  }

  // Appends to `out` (at most `max` bytes in all) the bytes up to the next newline, which
  // is consumed; false when there are none left. `too_long` when bytes were left out.
  bool line(std::string &out, std::size_t max, bool &too_long) {
    out.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (m_pos == m_end && !fill()) {
        break;
      }
      any = true;
      const char *start = m_block.data() + m_pos;
      const auto *newline = static_cast<const char *>(std::memchr(start, '\n', m_end - m_pos));
      const std::size_t length =
          newline != nullptr ? static_cast<std::size_t>(newline - start) : m_end - m_pos;
      const std::size_t room = max - std::min(max, out.size());
      out.append(start, std::min(length, room));
      too_long = too_long || length > room;
      m_pos += length + (newline != nullptr ? 1 : 0);
      if (newline != nullptr) {
        break;
      }
    }
    if (!out.empty() && out.back() == '\r') {
      out.pop_back();
    }
    return any && !m_stopped;
  }

  [[nodiscard]] std::uint64_t offset() const { return m_base + m_pos; }

  // Goes back (or on) to byte `offset`; false when the stream cannot seek.
  bool seek(std::uint64_t offset) {
    const auto at = m_in->pubseekpos(static_cast<std::streamoff>(offset), std::ios::in);
    if (at == std::streampos(std::streamoff(-1))) {
      return false;
    }
    m_base = offset;
    m_pos = 0;
    m_end = 0;
    return true;
  }

  // Whether reading ended because of a stop signal.
  [[nodiscard]] bool stopped() const { return m_stopped; }

private:
  bool fill() {
    if (util::interrupt_requested()) {
      m_stopped = true;
      return false;
    }
    m_base += m_end;
    m_pos = 0;
    m_end = static_cast<std::size_t>(std::max<std::streamsize>(
        0, m_in->sgetn(m_block.data(), static_cast<std::streamsize>(m_block.size()))));
    if (m_end == 0 && util::interrupt_requested()) { // a blocking read cut short by the signal
      m_stopped = true;
    }
    return m_end > 0;
  }

  std::streambuf *m_in;
  std::vector<char> m_block;
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::uint64_t m_base = 0; // offset of the block's first byte
  bool m_stopped = false;
};

// One CSV record as read: its cells, or what is wrong with it.
using CsvRow = detail::TableRow;

// Reads CSV records (RFC 4180) with one state machine over the bytes, so the record
// boundaries it finds are the ones a spreadsheet would: a line break ends a record unless
// it is inside a quoted cell. A row that breaks the rules is read to its end and returned
// with its problem; the next row is read as usual.
class CsvReader final : public detail::RowReader {
public:
  explicit CsvReader(BlockReader &in) : m_in(in) {}

  [[nodiscard]] bool stopped() const override { return m_in.stopped(); }

  // Looks at the first line for the delimiter (';' as Dutch spreadsheets write, or a tab,
  // when the line holds more of it than of ',') and skips a byte order mark; false when the
  // file cannot seek.
  bool start() {
    scan_encoding();
    std::string first;
    bool too_long = false;
    while (m_in.line(first, k_max_line_bytes, too_long) &&
           first.find_first_not_of(" \t") == std::string::npos) {
    }
    // the most frequent of ',' ';' and tab on the first line; ',' when none is more frequent
    const auto commas = std::count(first.begin(), first.end(), ',');
    const auto semicolons = std::count(first.begin(), first.end(), ';');
    const auto tabs = std::count(first.begin(), first.end(), '\t');
    m_delimiter = tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    return m_in.seek(first.starts_with("\xEF\xBB\xBF") ? 3 : 0);
  }

  CsvRow next() override {
    CsvRow row;
    row.first_line = m_line;
    State state = State::cell_start;
    CsvCell cell{{}, m_line, m_column};
    std::size_t bytes = 0;
    bool too_long = false;
    bool too_many = false;
    bool started = false;
    bool pending_cr = false;
    int quote_line = 0;
    int quote_column = 0;
    std::optional<std::pair<std::uint64_t, int>> resume; // after the line that opened a quote

    const auto problem = [&](std::string text, int line, int column) {
      if (row.problem.empty()) {
        row.problem = std::move(text);
        row.problem_line = line;
        row.problem_column = column;
      }
    };
    const auto end_cell = [&](int next_column) {
      if (!too_long && !too_many) {
        if (row.cells.size() >= k_max_csv_columns) {
          too_many = true;
          row.cells.clear();
        } else {
          row.cells.push_back(std::move(cell));
        }
      }
      cell = CsvCell{{}, m_line, next_column};
    };
    const auto append = [&](char c) {
      if (!too_long) {
        cell.text += c;
      }
    };
    // Handles one byte (`c` < 0: the end of the input); true when the record is complete.
    const auto step = [&](int c) {
      const int line = m_line;
      const int column = m_column;
      if (c >= 0) {
        started = true;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          row.blank = false;
        }
        if (++bytes > k_max_line_bytes && !too_long) {
          too_long = true;
          row.cells.clear();
          cell.text.clear();
        }
        if (c == '\n') {
          ++m_line;
          m_column = 1;
        } else if ((static_cast<unsigned>(c) & 0xC0U) != 0x80U) {
          ++m_column;
        }
      }
      const bool end_of_line = c == '\n' || c < 0;
      switch (state) {
      case State::cell_start:
        if (c == '"') {
          state = State::quoted;
          quote_line = line;
          quote_column = column;
          row.blank = false;
        } else if (c == m_delimiter) {
          end_cell(column + 1);
          row.blank = false;
        } else if (end_of_line) {
          end_cell(column + 1);
          return true;
        } else {
          state = State::unquoted;
          append(static_cast<char>(c));
        }
        return false;
      case State::unquoted:
        if (c == m_delimiter) {
          end_cell(column + 1);
          state = State::cell_start;
        } else if (end_of_line) {
          end_cell(column + 1);
          return true;
        } else if (c == '"') {
          problem("a quote inside a cell that does not start with one; put the whole cell in quotes and "
                  "double the quote, e.g. \"5\"\" scherm\"",
                  line, column);
          state = State::skip_line;
        } else {
          append(static_cast<char>(c));
        }
        return false;
      case State::quoted:
        if (c == '"') {
          state = State::quote_in_quoted;
        } else if (c < 0) {
          if (resume && m_in.seek(resume->first)) { // probably a stray quote: what followed it are rows
            problem("a quoted cell is not closed before the end of the file; the rows after this line are "
                    "read as rows",
                    quote_line, quote_column);
            m_line = resume->second;
            m_column = 1;
          } else {
            problem("a quoted cell is not closed before the end of the file", quote_line, quote_column);
          }
          return true;
        } else {
          if (c == '\n' && !resume) {
            resume.emplace(m_in.offset(), m_line);
          }
          append(static_cast<char>(c));
        }
        return false;
      case State::quote_in_quoted:
        if (c == '"') {
          append('"');
          state = State::quoted;
        } else if (c == m_delimiter) {
          end_cell(column + 1);
          state = State::cell_start;
        } else if (end_of_line) {
          end_cell(column + 1);
          return true;
        } else {
          problem("text after the closing quote of a cell; double a quote inside a quoted cell (\"\")", line,
                  column);
          state = State::skip_line;
        }
        return false;
      case State::skip_line:
        return end_of_line;
      }
      return true;
    };

    while (true) {
      int c = 0;
      if (m_pending_at < m_pending.size()) { // the rest of a character read as Windows-1252
        c = static_cast<unsigned char>(m_pending[m_pending_at++]);
      } else {
        c = m_in.get();
        if (m_windows_1252 && c >= 0x80) {
          m_pending = windows_1252_utf8(static_cast<unsigned char>(c));
          m_pending_at = 1;
          c = static_cast<unsigned char>(m_pending[0]);
        }
      }
      if (m_cr_lines && c == '\r') { // a file whose lines end in CR alone ("CSV (Macintosh)")
        c = '\n';
      }
      if (pending_cr) { // CR LF ends a line like LF; a lone CR is text (it never ends a record)
        pending_cr = false;
        if (c != '\n') {
          (void)step('\r');
        }
      }
      if (c == '\r') {
        pending_cr = true;
        continue;
      }
      if (c < 0 && !started) {
        row.end = true;
        return row;
      }
      if (step(c)) {
        break;
      }
    }
    if (row.problem.empty() && too_long) {
      problem(fmt::format("row is longer than {} bytes", k_max_line_bytes), row.first_line, 1);
    }
    if (row.problem.empty() && too_many) {
      problem(fmt::format("more than {} columns", k_max_csv_columns), row.first_line, 1);
    }
    if (!row.problem.empty()) {
      row.cells.clear();
    }
    return row;
  }

  // Whether the file is not valid UTF-8 and so is read as Windows-1252 (what Excel writes
  // by default on Dutch Windows) as a whole.
  [[nodiscard]] bool windows_1252() const { return m_windows_1252; }

private:
  enum class State { cell_start, unquoted, quoted, quote_in_quoted, skip_line };

  // Reads the whole file once, before the first row: a file that is not valid UTF-8 is read as
  // Windows-1252, and one with carriage returns but no line feed has its lines end in CR.
  void scan_encoding() {
    bool valid = true;
    bool any_cr = false;
    bool any_lf = false;
    int continuation = 0; // bytes still expected of a multi-byte character
    int c = 0;
    while ((c = m_in.get()) >= 0) {
      any_cr = any_cr || c == '\r';
      any_lf = any_lf || c == '\n';
      if (!valid) {
        continue;
      }
      if (continuation > 0) {
        valid = (c & 0xC0) == 0x80;
        --continuation;
      } else if (c >= 0x80) {
        continuation = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        valid = continuation > 0 && c != 0xC0 && c != 0xC1 && c < 0xF5;
      }
    }
    m_windows_1252 = !valid || continuation > 0;
    m_cr_lines = any_cr && !any_lf;
    (void)m_in.seek(0);
  }

  // The UTF-8 bytes of Windows-1252 byte `c` (0x80 and above); the five bytes it leaves
  // undefined become U+FFFD.
  static std::string windows_1252_utf8(unsigned char c) {
    static constexpr std::array<char16_t, 32> k_c1 = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    const unsigned code = c < 0xA0 ? k_c1[c - 0x80U] : c;
    std::string out;
    if (code < 0x800) {
      out += static_cast<char>(0xC0U | (code >> 6U));
      out += static_cast<char>(0x80U | (code & 0x3FU));
    } else {
      out += static_cast<char>(0xE0U | (code >> 12U));
      out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (code & 0x3FU));
    }
    return out;
  }

  bool m_windows_1252 = false;
  bool m_cr_lines = false;
  std::string m_pending; // the UTF-8 bytes of the last Windows-1252 character
  std::size_t m_pending_at = 0;

  BlockReader &m_in;
  char m_delimiter = ',';
  int m_line = 1;
  int m_column = 1;
};

Record
broken(const std::string &file, int line, int column, std::string message, std::string default_id = {}) {
  Record record;
  record.kind = Record::Kind::broken;
  record.where = util::Location{file, line, column};
  record.error = std::move(message);
  record.default_id = default_id.empty() ? stem_of(file) + (line > 0 ? "-" + std::to_string(line) : "")
                                         : std::move(default_id);
  return record;
}

// Whether a CSV header names at least one field.
bool known_header(const CsvHeader &header) {
  return std::any_of(header.fields.begin(), header.fields.end(),
                     [](const std::string &f) { return !f.empty(); });
}

// A few of the framework's own field paths, for messages: its title and description, its
// task list and its first field with values.
std::string example_fields(const core::Framework &framework) {
  std::vector<std::string> out;
  for (const auto role : {core::FieldRole::title, core::FieldRole::description}) {
    if (const int field = framework.field_with(role); field >= 0) {
      out.push_back(framework.fields[static_cast<std::size_t>(field)].path);
    }
  }
  out.push_back(framework.tasks_key);
  for (const auto &field : framework.fields) {
    if (field.type == core::FieldType::enumeration && !field.derived) {
      out.push_back(field.path);
      break;
    }
  }
  return util::join(out, ", ");
}

} // namespace

bool is_many_case_file(const std::string &path) {
  const InputKind kind = kind_of(path);
  return kind == InputKind::json_lines || kind == InputKind::csv || kind == InputKind::xlsx;
}

struct RecordSource::Open {
  std::string path;
  InputKind kind = InputKind::document;
  std::ifstream file;
  std::optional<BlockReader> reader;
  std::unique_ptr<detail::RowReader> rows; // CSV and .xlsx
  int line = 0;                            // JSON Lines: the last line read
  std::shared_ptr<CsvHeader> header;
};

RecordSource::RecordSource(const std::vector<std::string> &inputs, SourceOptions options)
    : m_options(std::move(options)) {
  std::vector<util::Diagnostic> problems;
  for (const auto &input : inputs) {
    if (input == "-") {
      m_files.push_back({input, {}});
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      problems.push_back({{input}, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      m_files.push_back({input, {}}); // named on the command line: read, even through a link
      continue;
    }
    const fs::path root = fs::canonical(input, ec);
    std::vector<Listed> found;
    fs::recursive_directory_iterator it(input, ec); // links to folders are not followed
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code file_ec;
      const fs::file_status link_status = it->symlink_status(file_ec);
      if (fs::is_directory(link_status) || !is_case_file(it->path())) {
        continue;
      }
      const std::string path = it->path().string();
      if (fs::is_regular_file(link_status)) {
        found.push_back({path, {}});
        continue;
      }
      if (!fs::is_symlink(link_status)) {
        found.push_back({path, "not a regular file (a pipe, device or socket)"});
        continue;
      }
      const fs::path target = fs::canonical(it->path(), file_ec);
      if (file_ec) {
        found.push_back({path, "a symbolic link to a file that does not exist"});
      } else if (m_options.symlinks == Symlinks::inside && !inside(target, root)) {
        found.push_back({path,
                         "a symbolic link that leads out of the folder; not followed (--follow-symlinks "
                         "reads it)"});
      } else if (fs::is_regular_file(target, file_ec)) {
        found.push_back({path, {}});
      } else if (!fs::is_directory(target, file_ec)) { // links to folders are not followed
        found.push_back({path, "not a regular file (a pipe, device or socket)"});
      }
    }
    if (ec) {
      found.push_back({it == fs::recursive_directory_iterator() ? input : it->path().string(),
                       "cannot list this folder: " + ec.message()});
    }
    std::sort(found.begin(), found.end(), [](const Listed &a, const Listed &b) { return a.path < b.path; });
    m_files.insert(m_files.end(), found.begin(), found.end());
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
}

RecordSource::~RecordSource() = default;

std::vector<std::string> RecordSource::files() const {
  std::vector<std::string> out;
  for (const auto &listed : m_files) {
    if (listed.problem.empty()) {
      out.push_back(listed.path);
    }
  }
  return out;
}

std::vector<util::Diagnostic> RecordSource::take_warnings() { return std::exchange(m_warnings, {}); }

std::optional<std::size_t> RecordSource::count() const {
  std::size_t total = 0;
  for (const auto &listed : m_files) {
    const std::string &path = listed.path;
    std::error_code ec;
    if (path == "-" || (listed.problem.empty() && !fs::is_regular_file(path, ec))) {
      return std::nullopt;
    }
    const InputKind kind = kind_of(path);
    if (kind == InputKind::xlsx && listed.problem.empty()) {
      return std::nullopt; // its rows are known only once the sheet is read
    }
    if (kind == InputKind::document || !listed.problem.empty()) {
      ++total;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<char> chunk(1U << 16U);
    std::size_t lines = 0;
    bool line_has_text = false;
    while (!util::interrupt_requested() &&
           (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)) {
      const auto got = static_cast<std::size_t>(in.gcount());
      for (std::size_t i = 0; i < got; ++i) {
        if (chunk[i] == '\n') {
          lines += line_has_text ? 1 : 0;
          line_has_text = false;
        } else if (chunk[i] != ' ' && chunk[i] != '\r' && chunk[i] != '\t') {
          line_has_text = true;
        }
      }
    }
    lines += line_has_text ? 1 : 0;
    total += kind == InputKind::csv && lines > 0 ? lines - 1 : lines;
  }
  return total;
}

std::optional<Record>
RecordSource::foreign_row(const std::string &line, const std::string &file, int number) const {
  auto tree = parse_json_line(line, file, number, use_case_parse_limits());
  if (!tree || !tree->is_map()) {
    return std::nullopt; // reported as the use case it then is not
  }
  const core::Framework &framework = *m_options.framework;
  // A key of the use-case format: `tasks`, a field path or the first part of one ("impact").
  const auto native = [&](const std::string &key) {
    return key == framework.tasks_key ||
           std::any_of(framework.fields.begin(), framework.fields.end(), [&](const core::FieldDecl &field) {
             return field.path == key || (field.path.starts_with(key) && field.path.size() > key.size() &&
                                          field.path[key.size()] == '.');
           });
  };
  const bool foreign = std::any_of(tree->entries.begin(), tree->entries.end(), [&](const Entry &entry) {
    return !native(entry.key.scalar) &&
           column_field(entry.key.scalar, framework, m_options.columns).has_value();
  });
  if (!foreign) {
    return std::nullopt;
  }
  auto header = std::make_shared<CsvHeader>();
  header->file = file;
  Record record;
  record.kind = Record::Kind::csv_row;
  record.where = util::Location{file, number, 1};
  for (const auto &entry : tree->entries) {
    const auto field = column_field(entry.key.scalar, framework, m_options.columns);
    header->names.push_back(CsvCell{entry.key.scalar, number, entry.key.where.column});
    header->fields.push_back(field.value_or(std::string()));
    header->mapped.push_back(field.has_value() &&
                             column_field(entry.key.scalar, framework, nullptr) != field);
    const std::map<std::string, std::string> *renamed = nullptr;
    if (m_options.values != nullptr) {
      const auto found = m_options.values->find(normal(entry.key.scalar));
      renamed = found == m_options.values->end() ? nullptr : &found->second;
    }
    header->values.push_back(renamed);
    std::string text;
    if (entry.value.is_scalar()) {
      text = entry.value.scalar;
    } else if (entry.value.is_seq()) {
      for (const auto &item : entry.value.items) {
        text += (text.empty() ? "" : ";") + (item.is_scalar() ? item.scalar : std::string());
      }
    }
    record.cells.push_back(CsvCell{std::move(text), number, entry.value.where.column});
  }
  record.header = std::move(header);
  return record;
}

std::optional<Record> RecordSource::next() {
  while (true) {
    if (util::interrupt_requested()) {
      return std::nullopt;
    }
    if (!m_open) {
      if (m_next_file >= m_files.size()) {
        return std::nullopt;
      }
      const Listed &listed = m_files[m_next_file++];
      const std::string &path = listed.path;
      if (!listed.problem.empty()) {
        return broken(path, 0, 0, listed.problem, stem_of(path));
      }
      const InputKind kind = path == "-" ? InputKind::stdin_json_lines : kind_of(path);
      if (kind == InputKind::document) {
        auto text = util::read_text_file(path, k_max_use_case_bytes);
        if (!text) {
          return broken(text.error().where.file, text.error().where.line, text.error().where.column,
                        text.error().message, stem_of(path));
        }
        Record record;
        record.kind = Record::Kind::document;
        record.text = std::move(*text);
        record.where = util::Location{path, 0, 0};
        record.default_id = stem_of(path);
        return record;
      }
      m_open = std::make_unique<Open>();
      m_open->path = path;
      m_open->kind = kind;
      if (kind == InputKind::xlsx) {
        try {
          m_open->rows = detail::open_xlsx(path, m_options.sheet);
        } catch (const util::Error &error) {
          m_open.reset();
          const auto &d = error.diagnostics();
          return broken(path, 0, 0, d.empty() ? std::string(error.what()) : d.front().message, stem_of(path));
        }
      } else if (kind == InputKind::stdin_json_lines) {
        if (m_options.standard_input == nullptr) {
          m_open.reset();
          return broken("<stdin>", 0, 0, "standard input is not available here");
        }
        m_open->reader.emplace(m_options.standard_input->rdbuf());
      } else {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
          m_open.reset();
          return broken(path, 0, 0, "not a regular file");
        }
        m_open->file.open(path, std::ios::binary);
        if (!m_open->file) {
          m_open.reset();
          return broken(path, 0, 0, std::string("cannot read file: ") + std::strerror(errno));
        }
        m_open->reader.emplace(m_open->file.rdbuf());
        if (kind == InputKind::csv) {
          auto csv = std::make_unique<CsvReader>(*m_open->reader);
          if (!csv->start()) {
            m_open.reset();
            return broken(path, 0, 0, "cannot read file: it cannot be read twice (a pipe?)");
          }
          const bool windows_1252 = csv->windows_1252();
          m_open->rows = std::move(csv);
          if (windows_1252) {
            m_warnings.push_back(util::Diagnostic{
                {path},
                "the file is not UTF-8; it is read as Windows-1252 (what Excel writes as \"CSV\"), so é "
                "and € come through; save it as \"CSV UTF-8\" to silence this"});
          }
        }
      }
    }
    Open &open = *m_open;
    const std::string file = open.path == "-" ? std::string("<stdin>") : open.path;
    if (open.kind == InputKind::csv || open.kind == InputKind::xlsx) {
      CsvRow row = open.rows->next();
      if (open.rows->stopped()) {
        return std::nullopt;
      }
      if (row.end) {
        m_open.reset();
        continue;
      }
      if (row.blank && row.problem.empty()) {
        continue;
      }
      for (const auto &cell : row.cells) {
        if (auto ok = util::check_text(cell.text, file); !ok && row.problem.empty()) {
          row.problem = ok.error().message;
          row.problem_line = cell.line;
          row.problem_column = cell.column;
        }
      }
      if (!open.header) {
        if (!row.problem.empty()) {
          m_open.reset();
          return broken(file, row.problem_line, row.problem_column,
                        "the header row: " + row.problem + "; the rows of this file are not read");
        }
        auto header = std::make_shared<CsvHeader>();
        header->file = file;
        for (auto &cell : row.cells) {
          cell.text = util::trim(cell.text, " ");
        }
        header->names = std::move(row.cells);
        // reported only for a file that is an inventory: the first line of another file (a
        // password file behind a link) is not quoted
        std::vector<util::Diagnostic> column_warnings;
        const auto value_map = [&](const std::string &heading) -> const std::map<std::string, std::string> * {
          if (m_options.values == nullptr) {
            return nullptr;
          }
          const auto found = m_options.values->find(normal(heading));
          return found == m_options.values->end() ? nullptr : &found->second;
        };
        for (const auto &name : header->names) {
          if (m_options.framework == nullptr) {
            header->fields.push_back(name.text);
            header->mapped.push_back(false);
            header->values.push_back(nullptr);
            continue;
          }
          auto field = column_field(name.text, *m_options.framework, m_options.columns);
          header->mapped.push_back(field.has_value() && m_options.columns != nullptr &&
                                   column_field(name.text, *m_options.framework, nullptr) != field);
          header->values.push_back(value_map(name.text));
          if (!field && !name.text.empty() && !m_options.ignore_unknown_columns) {
            column_warnings.push_back(util::Diagnostic{
                {file, name.line, name.column},
                fmt::format("column \"{}\" holds no field of the framework and is left out; name a field "
                            "(such as {}) or its label, map it with --columns MAP.yaml, or leave it out "
                            "silently with --ignore-unknown-columns",
                            util::excerpt(name.text), example_fields(*m_options.framework))});
          }
          header->fields.push_back(field.value_or(std::string()));
        }
        if (known_header(*header)) {
          m_warnings.insert(m_warnings.end(), column_warnings.begin(), column_warnings.end());
        }
        if (m_options.tasks_from_suggestions && known_header(*header) &&
            std::find(header->fields.begin(), header->fields.end(), "tasks") == header->fields.end()) {
          m_warnings.push_back(util::Diagnostic{
              {file, row.first_line, 1},
              "no column holds tasks: each row is assessed with the tasks suggested from its title and "
              "description (the summary says so in tasks_suggested); check them with --drafts DIR"});
        }
        if (m_options.framework != nullptr && !known_header(*header)) {
          m_open.reset();
          return broken(
              file, row.first_line, 1,
              "not a kansrijk inventory: no column of its first row names a use-case field (such as "
              "title, tasks or ai.role); the file is not read further");
        }
        open.header = std::move(header);
        continue;
      }
      if (!row.problem.empty()) {
        return broken(file, row.problem_line, row.problem_column, row.problem,
                      fmt::format("{}-{}", stem_of(open.path), row.first_line));
      }
      if (row.cells.size() > open.header->names.size()) {
        std::string id;
        for (std::size_t i = 0; i < open.header->names.size(); ++i) {
          if (open.header->names[i].text == "id") {
            id = row.cells[i].text;
          }
        }
        const CsvCell &extra = row.cells[open.header->names.size()];
        return broken(file, extra.line, extra.column,
                      fmt::format("this row has {} cells but the header has {} columns", row.cells.size(),
                                  open.header->names.size()),
                      id.empty() ? fmt::format("{}-{}", stem_of(open.path), row.first_line) : id);
      }
      Record record;
      record.kind = Record::Kind::csv_row;
      record.cells = std::move(row.cells);
      record.header = open.header;
      record.where = util::Location{file, row.first_line, 1};
      record.default_id = fmt::format("{}-{}", stem_of(open.path), row.first_line);
      return record;
    }
    std::string line;
    bool too_long = false;
    if (!open.reader->line(line, k_max_line_bytes, too_long)) {
      if (open.reader->stopped()) {
        return std::nullopt;
      }
      m_open.reset();
      continue;
    }
    ++open.line;
    if (open.line == 1 && line.starts_with("\xEF\xBB\xBF")) {
      line.erase(0, 3); // spreadsheet programs write a byte order mark
    }
    if (too_long) {
      return broken(file, open.line, 1, fmt::format("line is longer than {} bytes", k_max_line_bytes));
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    if (m_options.columns != nullptr && m_options.framework != nullptr) {
      if (auto row = foreign_row(line, file, open.line)) { // a register's own keys, mapped like headings
        row->default_id = fmt::format("{}-{}", stem_of(open.path), open.line);
        return row;
      }
    }
    Record record;
    record.kind = Record::Kind::json_line;
    record.text = std::move(line);
    record.where = util::Location{file, open.line, 1};
    record.default_id = fmt::format("{}-{}", stem_of(open.path), open.line);
    return record;
  }
}

namespace {

Node scalar_node(std::string text, const util::Location &where) {
  Node node;
  node.kind = Node::Kind::scalar;
  node.style = Node::Style::quoted; // a cell is text: "no" stays the word no
  node.scalar = std::move(text);
  node.where = where;
  return node;
}

// The key of a task's reference to the framework's task list (`ref` in the built-in one).
std::string task_ref_key(const core::Framework &framework) {
  const int field = framework.task_field_with(core::FieldRole::task_ref);
  return field < 0 ? std::string("ref") : framework.task_fields[static_cast<std::size_t>(field)].path;
}

// A `;`-separated list cell as a sequence; with a `ref_key`, tasks: `{ref_key: ...}` mappings.
Node list_node(const CsvCell &cell, const util::Location &where, const std::string &ref_key = {}) {
  const bool tasks = !ref_key.empty();
  Node list;
  list.kind = Node::Kind::sequence;
  list.where = where;
  std::size_t start = 0;
  while (start <= cell.text.size()) {
    const std::size_t end = std::min(cell.text.find(';', start), cell.text.size());
    std::string part = util::trim(std::string_view(cell.text).substr(start, end - start));
    if (!part.empty()) {
      Node value = scalar_node(std::move(part), where);
      if (tasks) {
        Node task;
        task.kind = Node::Kind::mapping;
        task.where = where;
        task.entries.push_back(Entry{scalar_node(ref_key, where), std::move(value)});
        list.items.push_back(std::move(task));
      } else {
        list.items.push_back(std::move(value));
      }
    }
    start = end + 1;
  }
  return list;
}

// Headings and labels compared as people write them: lower case (ASCII), blanks collapsed, a
// trailing colon left out.
std::string normal(std::string_view text) {
  std::string out;
  for (const char c : util::trim(text)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) != 0) {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      continue;
    }
    out += static_cast<char>(std::tolower(u));
  }
  while (!out.empty() && (out.back() == ':' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

// A cell value of an enumeration written as its label ("Ja", "een concept maken dat een mens
// beoordeelt") or in other case becomes its code; a value that is neither is reported with
// the codes and labels that are allowed.
// The code of enumeration `field` that the cell text `text` names (a code or a label, in any
// case), or nullopt.
std::optional<std::string> code_of(const core::FieldDecl &field, const std::string &text) {
  const std::string wanted = normal(text);
  for (const auto &code : field.domain.values) {
    if (normal(code) == wanted) {
      return code;
    }
  }
  for (const auto &[code, label] : field.value_labels) {
    for (const auto &[_, words] : label.by_language) {
      if (normal(words) == wanted) {
        return code;
      }
    }
  }
  return std::nullopt;
}

// Whether some presumption of `framework` reads the text of field `field` (section
// `presumptions`, key `in`): a column for it may hold a name instead of a value.
bool presumed_from_text(const core::Framework &framework, int field) {
  return std::any_of(framework.presumptions.begin(), framework.presumptions.end(),
                     [&](const core::PresumptionTerms &p) {
                       return std::find(p.in.begin(), p.in.end(), field) != p.in.end();
                     });
}

void to_codes(Node &value,
              const core::FieldDecl &field,
              const std::string &heading,
              const std::vector<std::string> &languages) {
  if (field.type != core::FieldType::enumeration && field.type != core::FieldType::enum_list) {
    return;
  }
  const auto convert = [&](Node &scalar) {
    if (auto code = code_of(field, scalar.scalar)) {
      scalar.scalar = *code;
      return;
    }
    if (heading == field.path) {
      return; // a column named by its path: the use-case loader's message, as for YAML
    }
    std::vector<std::string> accepted = field.domain.values;
    std::vector<std::string> shown;
    for (const auto &code : field.domain.values) {
      std::string labels;
      if (const auto label = field.value_labels.find(code); label != field.value_labels.end()) {
        for (const auto &language : languages) { // in the framework's order of languages
          if (const auto words = label->second.by_language.find(language);
              words != label->second.by_language.end()) {
            accepted.push_back(normal(words->second));
            labels += (labels.empty() ? "" : " / ") + words->second;
          }
        }
      }
      shown.push_back(labels.empty() ? code : code + " (" + labels + ")");
    }
    throw util::Error(util::Diagnostic{
        scalar.where,
        fmt::format(R"("{}" is not a value of column "{}" ({}); write one of: {}{})",
                    util::excerpt(scalar.scalar), util::excerpt(heading), field.path, util::join(shown, ", "),
                    util::did_you_mean(normal(scalar.scalar), accepted))});
  };
  if (value.is_seq()) {
    for (auto &item : value.items) {
      convert(item);
    }
  } else {
    convert(value);
  }
}

std::vector<Node *> pointers(std::vector<Node> &nodes) {
  std::vector<Node *> out;
  out.reserve(nodes.size());
  for (auto &node : nodes) {
    out.push_back(&node);
  }
  return out;
}

// A task written by its label in any language becomes its taxonomy id; anything else is left
// for the use-case loader to check.
void task_to_id(Node &ref, const core::Framework &framework) {
  const std::string wanted = normal(ref.scalar);
  for (const auto &item : framework.items) {
    for (const auto &[_, label] : item.label.by_language) {
      if (normal(label) == wanted) {
        ref.scalar = item.id;
        return;
      }
    }
  }
}

} // namespace

std::optional<std::string>
column_field(const std::string &heading, const core::Framework &framework, const ColumnMap *columns) {
  const std::string wanted = normal(heading);
  if (columns != nullptr) {
    for (const auto &[from, to] : *columns) {
      if (normal(from) == wanted) {
        return to;
      }
    }
  }
  if (heading == "tasks" || heading == framework.tasks_key) {
    return std::string("tasks"); // the task column, whatever the framework calls its task list
  }
  if (framework.field_index(heading) >= 0) {
    return heading;
  }
  for (const auto &field : framework.fields) {
    for (const auto &[_, label] : field.label.by_language) {
      if (normal(label) == wanted) {
        return field.path;
      }
    }
  }
  for (const auto &name : framework.column_names) {
    if (normal(name.name) == wanted) {
      return name.field;
    }
  }
  for (const auto &[_, tasks] : framework.tasks_heading.by_language) { // "Geraakte taken en handelingen"
    if (normal(tasks) == wanted) {
      return "tasks";
    }
  }
  return std::nullopt;
}

ColumnMap load_column_map(const std::string &path, const core::Framework &framework, ValueMaps *values) {
  auto content = util::read_text_file(path, 1U << 20U);
  if (!content) {
    throw util::Error(content.error());
  }
  auto tree = parse_document(*content, path);
  if (!tree) {
    throw util::Error(tree.error());
  }
  if (!tree->is_map()) {
    throw util::Error(util::Diagnostic{
        tree->where,
        "a column map is a mapping of headings to fields, e.g. `Naam: title` or `Status: null`"});
  }
  std::vector<std::string> targets{"tasks", framework.tasks_key};
  for (const auto &field : framework.fields) {
    targets.push_back(field.path);
  }
  ColumnMap out;
  ValueMaps out_values; // when the caller does not want them: checked all the same
  std::vector<util::Diagnostic> problems;
  for (const auto &entry : tree->entries) {
    const bool leave_out =
        entry.value.kind == Node::Kind::null ||
        (entry.value.is_scalar() && entry.value.style != Node::Style::quoted &&
         (entry.value.scalar.empty() || entry.value.scalar == "null" || entry.value.scalar == "~"));
    const Node *target = &entry.value;
    const Node *renamed = nullptr;
    if (entry.value.is_map()) { // {field: path, values: {Cell: value}}
      target = entry.value.find("field");
      renamed = entry.value.find("values");
      for (const auto &key : entry.value.entries) {
        if (key.key.scalar != "field" && key.key.scalar != "values") {
          problems.push_back(
              {key.key.where, fmt::format("unknown key \"{}\"; a column is mapped with field and "
                                          "values, e.g. {{field: impact.decisions, values: {{Geen: none}}}}",
                                          util::excerpt(key.key.scalar))});
        }
      }
      if (target == nullptr || !target->is_scalar()) {
        problems.push_back({entry.value.where,
                            "a column mapped with values names its field: {field: field.path, "
                            "values: {Cell: value}}"});
        continue;
      }
    }
    if (!leave_out && !target->is_scalar()) {
      problems.push_back(
          {entry.value.where, "a heading maps to one field path, or null to leave the column out"});
      continue;
    }
    if (!leave_out && std::find(targets.begin(), targets.end(), target->scalar) == targets.end()) {
      problems.push_back({target->where, fmt::format("unknown field \"{}\"{}; map a heading to a field path "
                                                     "(see `kansrijk schema use-case`) or to null",
                                                     util::excerpt(target->scalar),
                                                     util::did_you_mean(target->scalar, targets))});
      continue;
    }
    out[entry.key.scalar] = leave_out                               ? std::string()
                            : target->scalar == framework.tasks_key ? std::string("tasks")
                                                                    : target->scalar;
    if (renamed != nullptr) {
      const int field = framework.field_index(target->scalar);
      if (!renamed->is_map() || field < 0 ||
          framework.fields[static_cast<std::size_t>(field)].type == core::FieldType::text) {
        problems.push_back({renamed->where, "values are renamed for a field with values, as a mapping "
                                            "{Cell: value}"});
        continue;
      }
      const core::FieldDecl &decl = framework.fields[static_cast<std::size_t>(field)];
      auto &map = (*(values != nullptr ? values : &out_values))[normal(entry.key.scalar)];
      for (const auto &value : renamed->entries) {
        if (!value.value.is_scalar() || !code_of(decl, value.value.scalar)) {
          problems.push_back(
              {value.value.where, fmt::format("\"{}\" is not a value of {}{}; write one of: {}",
                                              util::excerpt(value.value.scalar), decl.path,
                                              util::did_you_mean(value.value.scalar, decl.domain.values),
                                              util::join(decl.domain.values, ", "))});
          continue;
        }
        map[normal(value.key.scalar)] = value.value.scalar;
      }
    }
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
  return out;
}

namespace {

// The tree of a CSV row: dotted column names become nested mappings, empty cells are left
// out (unknown), list fields and `tasks` are `;`-separated.
Node csv_tree(const Record &record, const core::Framework &framework, const std::vector<std::string> &tasks) {
  Node root;
  root.kind = Node::Kind::mapping;
  root.where = util::Location{{}, record.where.line, record.where.column};
  const auto &names = record.header->names;
  for (std::size_t i = 0; i < record.cells.size(); ++i) {
    const CsvCell &cell = record.cells[i];
    if (util::trim(cell.text).empty()) {
      continue;
    }
    const util::Location key_where{
        {}, names[i].line, names[i].column}; // file names: see use_case_from_record
    const util::Location value_where{{}, cell.line, cell.column};
    if (names[i].text.empty()) {
      throw util::Error(util::Diagnostic{
          key_where, "a column without a name holds a value; name the column, e.g. purpose.goal"});
    }
    if (record.header->fields[i].empty()) {
      continue; // a column that holds no field, reported once for the file
    }
    const CsvCell name{record.header->fields[i], names[i].line, names[i].column};
    if (const int field = framework.field_index(name.text);
        field >= 0 && !record.header->mapped[i] &&
        framework.fields[static_cast<std::size_t>(field)].type == core::FieldType::enumeration &&
        presumed_from_text(framework, field) &&
        !code_of(framework.fields[static_cast<std::size_t>(field)], util::trim(cell.text))) {
      continue; // text where the field has values (a name): a source of presumptions, see entry_texts
    }
    Node *group = &root;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = name.text.find('.', start);
      const std::string part =
          name.text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      Node *found = nullptr;
      for (auto &entry : group->entries) {
        if (entry.key.scalar == part) {
          found = &entry.value;
        }
      }
      if (dot == std::string::npos) {
        if (found != nullptr) {
          throw util::Error(util::Diagnostic{
              key_where, fmt::format("column \"{}\" appears twice; keep one", util::excerpt(name.text))});
        }
        const int field = framework.field_index(name.text);
        const bool is_list =
            name.text == "tasks" || (field >= 0 && framework.fields[static_cast<std::size_t>(field)].type ==
                                                       core::FieldType::enum_list);
        Node value = is_list
                         ? list_node(cell, value_where, name.text == "tasks" ? task_ref_key(framework) : "")
                         : scalar_node(util::trim(cell.text), value_where);
        if (field >= 0) {
          if (const auto *renamed = record.header->values[i]) { // --columns renames this column's values
            for (Node *scalar : value.is_seq() ? pointers(value.items) : std::vector<Node *>{&value}) {
              if (const auto to = renamed->find(normal(scalar->scalar)); to != renamed->end()) {
                scalar->scalar = to->second;
              }
            }
          }
          to_codes(value, framework.fields[static_cast<std::size_t>(field)], names[i].text,
                   framework.languages);
        } else if (name.text == "tasks") {
          const int own = framework.task_field_with(core::FieldRole::task_name);
          for (auto &task : value.items) {
            Entry &entry = task.entries.front();
            task_to_id(entry.value, framework);
            // not a task id (none has no dot): your own task, by its name
            if (own >= 0 && framework.item_index(entry.value.scalar) < 0 &&
                entry.value.scalar.find('.') == std::string::npos) {
              entry.key.scalar = framework.task_fields[static_cast<std::size_t>(own)].path;
            }
          }
        }
        // the task column under the framework's own key for its task list
        group->entries.push_back(Entry{
            scalar_node(name.text == "tasks" ? framework.tasks_key : part, key_where), std::move(value)});
        break;
      }
      if (found == nullptr) {
        Node child;
        child.kind = Node::Kind::mapping;
        child.where = key_where;
        group->entries.push_back(Entry{scalar_node(part, key_where), std::move(child)});
        found = &group->entries.back().value;
      } else if (!found->is_map()) {
        throw util::Error(
            util::Diagnostic{key_where, fmt::format(R"(column "{}" clashes with column "{}")",
                                                    util::excerpt(name.text), util::excerpt(part))});
      }
      group = found;
      start = dot + 1;
    }
  }
  if (!tasks.empty()) {
    const util::Location where{{}, record.where.line, record.where.column};
    CsvCell cell{util::join(tasks, ";"), record.where.line, record.where.column};
    root.entries.push_back(
        Entry{scalar_node(framework.tasks_key, where), list_node(cell, where, task_ref_key(framework))});
  }
  return root;
}

} // namespace

namespace {

core::UseCase use_case_from_line(const Record &record,
                                 const core::Framework &framework,
                                 const std::vector<std::string> &tasks) {
  switch (record.kind) {
  case Record::Kind::broken:
    throw util::Error(util::Diagnostic{record.where, record.error});
  case Record::Kind::document: {
    core::UseCase use_case = parse_use_case(record.text, record.where.file, framework, record.default_id);
    return use_case;
  }
  case Record::Kind::json_line: {
    if (auto ok = util::check_text(record.text, record.where.file); !ok) {
      throw util::Error(util::Diagnostic{record.where, ok.error().message});
    }
    auto tree = parse_json_line(record.text, record.where.file, record.where.line, use_case_parse_limits());
    if (!tree) {
      throw util::Error(tree.error());
    }
    core::UseCase use_case = use_case_from_tree(*tree, framework, record.default_id);
    use_case.origin = record.where.file;
    return use_case;
  }
  case Record::Kind::csv_row: {
    Node tree = csv_tree(record, framework, tasks); // a wrong value is reported first
    if (tasks.empty()) {
      bool any = false;
      for (std::size_t i = 0; i < record.cells.size() && i < record.header->fields.size(); ++i) {
        any = any || (record.header->fields[i] == "tasks" && !util::trim(record.cells[i].text).empty());
      }
      if (!any) {
        const std::string heading = framework.tasks_heading.in(framework.languages.front());
        throw util::Error(util::Diagnostic{
            record.where,
            fmt::format(
                "no tasks: fill in the column \"{}\" (tasks of the framework by name, separated by ;), "
                "or let kansrijk suggest them from the description with --suggest",
                heading.empty() ? framework.tasks_key : heading)});
      }
    }
    core::UseCase use_case = use_case_from_tree(tree, framework, record.default_id);
    use_case.origin = record.where.file;
    return use_case;
  }
  }
  throw util::Error("unknown record kind");
}

} // namespace

std::string record_text(const Record &record, std::string_view path) {
  switch (record.kind) {
  case Record::Kind::csv_row:
    for (std::size_t i = 0; i < record.cells.size() && i < record.header->fields.size(); ++i) {
      if (record.header->fields[i] == path) {
        return util::trim(record.cells[i].text);
      }
    }
    return {};
  case Record::Kind::json_line:
  case Record::Kind::document: {
    auto tree =
        record.kind == Record::Kind::json_line
            ? parse_json_line(record.text, record.where.file, record.where.line, use_case_parse_limits())
            : parse_document(record.text, record.where.file, use_case_parse_limits());
    if (!tree || !tree->is_map()) {
      return {};
    }
    const Node *value = tree->find(path);
    return value != nullptr && value->is_scalar() ? value->scalar : std::string();
  }
  case Record::Kind::broken:
    break;
  }
  return {};
}

EntryText entry_texts(const Record &record, const core::Framework &framework) {
  EntryText out;
  if (record.kind != Record::Kind::csv_row) {
    return out;
  }
  const int id = framework.field_with(core::FieldRole::id);
  for (std::size_t i = 0; i < record.cells.size() && i < record.header->fields.size(); ++i) {
    const int field = framework.field_index(record.header->fields[i]);
    const std::string text = util::trim(record.cells[i].text);
    if (field < 0 || field == id || text.empty()) {
      continue;
    }
    const core::FieldDecl &decl = framework.fields[static_cast<std::size_t>(field)];
    if (decl.type == core::FieldType::text) {
      out.texts.emplace_back(field, text);
    } else if (presumed_from_text(framework, field)) {
      out.texts.emplace_back(field, text);
      if (decl.type == core::FieldType::enumeration && !record.header->mapped[i] && !code_of(decl, text)) {
        out.text_columns.push_back(record.header->names[i].text);
      }
    }
  }
  return out;
}

core::UseCase use_case_from_record(const Record &record,
                                   const core::Framework &framework,
                                   const std::vector<std::string> &tasks) {
  try {
    return use_case_from_line(record, framework, tasks);
  } catch (const util::Error &error) {
    // Nodes of JSON Lines and CSV records hold no file name (see json_tree.cpp); add it.
    std::vector<util::Diagnostic> diagnostics = error.diagnostics();
    for (auto &d : diagnostics) {
      if (d.where.file.empty() && d.where.line > 0) {
        d.where.file = record.where.file;
      }
    }
    throw util::Error(std::move(diagnostics));
  }
}

} // namespace kansrijk::io
