// Reading the inputs of `kansrijk batch`: a lazy stream of records, so memory stays flat
// however many cases there are, and the conversion of a record into a use case.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/tree.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io {

namespace fs = std::filesystem;

namespace {

enum class InputKind { document, json_lines, csv, stdin_json_lines, broken };

struct InputFile {
  std::string path;
  InputKind kind = InputKind::broken;
  std::string error;
};

InputKind kind_of(const fs::path &path) {
  const std::string ext = path.extension().string();
  if (ext == ".jsonl" || ext == ".ndjson") {
    return InputKind::json_lines;
  }
  if (ext == ".csv") {
    return InputKind::csv;
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

// Reads lines from a stream buffer through a 64 KiB block and memchr: character by
// character cost a tenth of the batch time.
class LineReader {
public:
  explicit LineReader(std::streambuf *in) : m_in(in), m_block(1U << 16U) {}

  // The next line, at most `max` bytes kept (without the newline; a CR before it is
  // dropped). False at the end of the input; `too_long` when the line was cut.
  bool read(std::string &out, std::size_t max, bool &too_long) {
    out.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (m_pos == m_end) {
        m_pos = 0;
        m_end = static_cast<std::size_t>(std::max<std::streamsize>(
            0, m_in->sgetn(m_block.data(), static_cast<std::streamsize>(m_block.size()))));
        if (m_end == 0) {
          break;
        }
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
    return any;
  }

private:
  std::streambuf *m_in;
  std::vector<char> m_block;
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
};

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

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

} // namespace

bool is_many_case_file(const std::string &path) {
  const InputKind kind = kind_of(path);
  return kind == InputKind::json_lines || kind == InputKind::csv;
}

struct RecordSource::Open {
  InputFile input;
  std::ifstream file;
  std::optional<LineReader> lines;
  int line = 0;
  bool done = false;
  std::shared_ptr<CsvHeader> header;
  char delimiter = ',';
};

RecordSource::RecordSource(const std::vector<std::string> &inputs) {
  std::vector<util::Diagnostic> problems;
  for (const auto &input : inputs) {
    if (input == "-") {
      m_files.push_back(input);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      problems.push_back({{input}, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      m_files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(input, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code file_ec;
      if (it->is_regular_file(file_ec) && is_case_file(it->path())) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      found.push_back("\x01" + (it == fs::recursive_directory_iterator() ? input : it->path().string()) +
                      "\x01" + ec.message());
    }
    std::sort(found.begin(), found.end());
    m_files.insert(m_files.end(), found.begin(), found.end());
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
}

RecordSource::~RecordSource() = default;

std::optional<std::size_t> RecordSource::count() const {
  std::size_t total = 0;
  for (const auto &path : m_files) {
    if (path == "-") {
      return std::nullopt;
    }
    const InputKind kind = kind_of(path);
    if (kind == InputKind::document || path.starts_with('\x01')) {
      ++total;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<char> chunk(1U << 16U);
    std::size_t lines = 0;
    bool line_has_text = false;
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
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

std::optional<Record> RecordSource::next() {
  while (true) {
    if (!m_open) {
      if (m_next_file >= m_files.size()) {
        return std::nullopt;
      }
      const std::string &path = m_files[m_next_file++];
      if (path.starts_with('\x01')) { // a folder that could not be listed
        const std::size_t split = path.find('\x01', 1);
        return broken(path.substr(1, split - 1), 0, 0, "cannot list this folder: " + path.substr(split + 1));
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
      m_open->input = InputFile{path, kind, {}};
      if (kind == InputKind::stdin_json_lines) {
        m_open->lines.emplace(std::cin.rdbuf());
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
        m_open->lines.emplace(m_open->file.rdbuf());
      }
    }
    Open &open = *m_open;
    const std::string &file = open.input.path == "-" ? std::string("<stdin>") : open.input.path;
    std::string line;
    bool too_long = false;
    if (!open.lines->read(line, k_max_line_bytes, too_long)) {
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
    if (open.input.kind == InputKind::csv) {
      // A quoted cell may hold line breaks: keep reading while a quote is open.
      const int first_line = open.line;
      // Quote parity is kept per piece read: counting the whole row again after every
      // line made a 0.8 MB file with an unclosed quote take 40 s.
      bool quote_open = std::count(line.begin(), line.end(), '"') % 2 == 1;
      while (quote_open) {
        std::string more;
        if (!open.lines->read(more, k_max_line_bytes, too_long)) {
          m_open.reset();
          return broken(file, first_line, 1, "a quoted cell is not closed before the end of the file");
        }
        ++open.line;
        quote_open = quote_open != (std::count(more.begin(), more.end(), '"') % 2 == 1);
        line += '\n';
        line += more;
        if (too_long || line.size() > k_max_line_bytes) {
          m_open.reset();
          return broken(file, first_line, 1, fmt::format("row is longer than {} bytes", k_max_line_bytes));
        }
      }
      if (auto ok = util::check_text(line, file); !ok) {
        return broken(file, first_line, 1, ok.error().message);
      }
      if (blank(line)) {
        continue;
      }
      if (!open.header) {
        const std::size_t commas = std::count(line.begin(), line.end(), ',');
        const std::size_t semicolons = std::count(line.begin(), line.end(), ';');
        open.delimiter = semicolons > commas ? ';' : ',';
      }
      std::vector<CsvCell> cells;
      std::string problem;
      int column_at = 0;
      {
        // RFC 4180 with the delimiter found in the header (',' or ';' as Dutch spreadsheets write).
        CsvCell cell{{}, first_line, 1};
        int cur_line = first_line;
        int cur_col = 1;
        bool quoted = false;
        bool was_quoted = false;
        for (std::size_t i = 0; i <= line.size(); ++i) {
          const char c = i < line.size() ? line[i] : '\0';
          if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
              cell.text += '"';
              ++i;
              ++cur_col;
            } else if (c == '"') {
              quoted = false;
            } else if (i == line.size()) {
              problem = "a quoted cell is not closed";
              break;
            } else {
              cell.text += c;
            }
          } else if (i == line.size() || c == open.delimiter) {
            cells.push_back(std::move(cell));
            cell = CsvCell{{}, cur_line, cur_col + 1};
            was_quoted = false;
          } else if (c == '"' && cell.text.empty() && !was_quoted) {
            quoted = true;
            was_quoted = true;
          } else if (was_quoted) {
            problem = "text after the closing quote of a cell; double a quote inside a quoted cell (\"\")";
            column_at = cur_col;
            break;
          } else {
            cell.text += c;
          }
          if (c == '\n') {
            ++cur_line;
            cur_col = 0;
          }
          if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++cur_col;
          }
        }
      }
      if (!problem.empty()) {
        return broken(file, first_line, column_at == 0 ? 1 : column_at, problem);
      }
      if (cells.size() > k_max_csv_columns) {
        return broken(file, first_line, 1, fmt::format("more than {} columns", k_max_csv_columns));
      }
      if (!open.header) {
        auto header = std::make_shared<CsvHeader>();
        header->file = file;
        for (auto &cell : cells) {
          cell.text = util::trim(cell.text, " ");
        }
        header->names = std::move(cells);
        open.header = std::move(header);
        continue;
      }
      if (cells.size() > open.header->names.size()) {
        std::string id;
        for (std::size_t i = 0; i < open.header->names.size(); ++i) {
          if (open.header->names[i].text == "id") {
            id = cells[i].text;
          }
        }
        return broken(file, first_line, cells[open.header->names.size()].column,
                      fmt::format("this row has {} cells but the header has {} columns", cells.size(),
                                  open.header->names.size()),
                      id);
      }
      Record record;
      record.kind = Record::Kind::csv_row;
      record.cells = std::move(cells);
      record.header = open.header;
      record.where = util::Location{file, first_line, 1};
      record.default_id = fmt::format("{}-{}", stem_of(open.input.path), first_line);
      return record;
    }
    if (blank(line)) {
      continue;
    }
    Record record;
    record.kind = Record::Kind::json_line;
    record.text = std::move(line);
    record.where = util::Location{file, open.line, 1};
    record.default_id = fmt::format("{}-{}", stem_of(open.input.path), open.line);
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

// A `;`-separated list cell as a sequence; tasks become `{ref: ...}` mappings.
Node list_node(const CsvCell &cell, const util::Location &where, bool tasks) {
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
        task.entries.push_back(Entry{scalar_node("ref", where), std::move(value)});
        list.items.push_back(std::move(task));
      } else {
        list.items.push_back(std::move(value));
      }
    }
    start = end + 1;
  }
  return list;
}

// The tree of a CSV row: dotted column names become nested mappings, empty cells are left
// out (unknown), list fields and `tasks` are `;`-separated.
Node csv_tree(const Record &record, const core::Framework &framework) {
  Node root;
  root.kind = Node::Kind::mapping;
  root.where = util::Location{{}, record.where.line, record.where.column};
  const auto &names = record.header->names;
  for (std::size_t i = 0; i < record.cells.size(); ++i) {
    const CsvCell &cell = record.cells[i];
    if (util::trim(cell.text).empty()) {
      continue;
    }
    const CsvCell &name = names[i];
    const util::Location key_where{{}, name.line, name.column}; // file names: see use_case_from_record
    const util::Location value_where{{}, cell.line, cell.column};
    if (name.text.empty()) {
      throw util::Error(util::Diagnostic{
          key_where, "a column without a name holds a value; name the column, e.g. purpose.goal"});
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
          throw util::Error(
              util::Diagnostic{key_where, fmt::format("column \"{}\" appears twice; keep one", name.text)});
        }
        const int field = framework.field_index(name.text);
        const bool is_list =
            name.text == "tasks" || (field >= 0 && framework.fields[static_cast<std::size_t>(field)].type ==
                                                       core::FieldType::enum_list);
        group->entries.push_back(
            Entry{scalar_node(part, key_where), is_list ? list_node(cell, value_where, name.text == "tasks")
                                                        : scalar_node(util::trim(cell.text), value_where)});
        break;
      }
      if (found == nullptr) {
        Node child;
        child.kind = Node::Kind::mapping;
        child.where = key_where;
        group->entries.push_back(Entry{scalar_node(part, key_where), std::move(child)});
        found = &group->entries.back().value;
      } else if (!found->is_map()) {
        throw util::Error(util::Diagnostic{
            key_where, fmt::format("column \"{}\" clashes with column \"{}\"", name.text, part)});
      }
      group = found;
      start = dot + 1;
    }
  }
  return root;
}

} // namespace

namespace {

core::UseCase use_case_from_line(const Record &record, const core::Framework &framework) {
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
    core::UseCase use_case = use_case_from_tree(csv_tree(record, framework), framework, record.default_id);
    use_case.origin = record.where.file;
    return use_case;
  }
  }
  throw util::Error("unknown record kind");
}

} // namespace

core::UseCase use_case_from_record(const Record &record, const core::Framework &framework) {
  try {
    return use_case_from_line(record, framework);
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
