// The inputs of `kansrijk batch` as one stream of records, read lazily so memory does not
// grow with the number of cases: use-case files (YAML or JSON), folders of them (recursive),
// JSON Lines (one use case per line, also from standard input) and CSV (one use case per
// row, dotted column names). Turning a record into a use case is separate and thread-safe.
//
// No record is lost: a line or row that is too long or malformed becomes one `broken`
// record with its place, and reading goes on at the next record boundary that can be
// established. Reading stops at once when a stop signal arrives (util::interrupt_requested),
// even in the middle of an endless line.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <kansrijk/core/triage.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::io {

// Limits of batch inputs; see docs/batch.md.
inline constexpr std::size_t k_max_line_bytes = 1U << 20U; // a JSON Lines line or a CSV row
inline constexpr std::size_t k_max_csv_columns = 256;

struct CsvCell {
  std::string text;
  int line = 0;
  int column = 0;
};

struct CsvHeader {
  std::string file;
  std::vector<CsvCell> names;
  // Per column: the field path (or `tasks`) it holds, or empty when the column is left out.
  std::vector<std::string> fields;
  // Per column: whether `--columns` mapped it to its field (its values are then checked as
  // values; a column matched by its heading may hold names instead, see entry_texts).
  std::vector<bool> mapped;
  // Per column: the values `--columns` renames, or null.
  std::vector<const std::map<std::string, std::string> *> values;
};

// Column headings of CSV inputs mapped to field paths (`--columns MAP.yaml`); an empty path
// leaves the column out. Headings are compared case-insensitively, blanks collapsed.
using ColumnMap = std::map<std::string, std::string>;
// Per heading of a column map, the cell values it renames (`Besluitvorming: {field:
// impact.decisions, values: {Geen: none}}`): a cell as written -> a value (code or label).
using ValueMaps = std::map<std::string, std::map<std::string, std::string>>;

// One case as read, not yet understood.
struct Record {
  enum class Kind { document, json_line, csv_row, broken };
  Kind kind = Kind::broken;
  std::string text;                        // document, json_line
  std::vector<CsvCell> cells;              // csv_row
  std::shared_ptr<const CsvHeader> header; // csv_row
  util::Location where;                    // file and line (and column for broken)
  std::string default_id;                  // used when the case gives no `id`
  std::string error;                       // broken: what is wrong
};

// Whether the walk of a folder follows symbolic links that lead out of it.
enum class Symlinks {
  inside, // links to files inside the folder are read; links leading out are error records
  follow, // every link to a file is read
};

struct SourceOptions {
  std::istream *standard_input = nullptr; // read for the input "-"; none: "-" is an error
  Symlinks symlinks = Symlinks::inside;
  // When set, a CSV header must name at least one of its fields (or `tasks`); a file whose
  // header names none (a password file behind a link, say) is one error record, not read on.
  const core::Framework *framework = nullptr;
  const ColumnMap *columns = nullptr; // heading -> field path, before the framework's labels
  const ValueMaps *values = nullptr;  // heading -> cell values renamed
  // With `columns`: a JSON Lines object whose keys are headings of the map or labels (a
  // register's own export) is read like a CSV row under those headings.
  // Columns that hold no field are left out; a warning for each, unless this is set.
  bool ignore_unknown_columns = false;
  // Set by `batch --suggest`: a CSV file without a column for tasks is assessed with the
  // tasks suggested per row, said once per file as a warning.
  bool tasks_from_suggestions = false;
  std::string sheet{}; // `.xlsx` inputs: the sheet to read (`--sheet`); empty: the first
};

// Where the records come from; each input is a path or "-" (JSON Lines on standard input).
class RecordSource {
public:
  // Checks that every input exists (throws util::Error otherwise) and lists folders.
  explicit RecordSource(const std::vector<std::string> &inputs, SourceOptions options = {});
  ~RecordSource();
  RecordSource(const RecordSource &) = delete;
  RecordSource &operator=(const RecordSource &) = delete;

  // The next record in input order, or nullopt at the end.
  std::optional<Record> next();

  // How many records the inputs hold, counted by a quick scan (lines of JSON Lines files,
  // lines of CSV files, one per use-case file); nullopt when standard input or anything but
  // a regular file is among them.
  std::optional<std::size_t> count() const;

  // The files that will be read (folders expanded; "-" for standard input), in order.
  [[nodiscard]] std::vector<std::string> files() const;

  // Warnings about the inputs read so far (a CSV column that holds no field: once per file,
  // not per row); the list is emptied.
  std::vector<util::Diagnostic> take_warnings();

  struct Listed {
    std::string path;
    std::string problem; // set when the entry cannot be read (a link leading out of its folder)
  };

private:
  // A JSON Lines object whose keys are a register's own (`columns`), as a CSV row; nullopt for
  // a use case in the use-case format.
  [[nodiscard]] std::optional<Record>
  foreign_row(const std::string &line, const std::string &file, int number) const;

  struct Open;
  SourceOptions m_options;
  std::vector<Listed> m_files; // after expanding folders, in order
  std::size_t m_next_file = 0;
  std::unique_ptr<Open> m_open;
  std::vector<util::Diagnostic> m_warnings;
};

// Whether `path` holds many cases (JSON Lines, a CSV inventory or an .xlsx workbook), judged by its extension
// as `RecordSource` judges it.
bool is_many_case_file(const std::string &path);

// The column map in the YAML file `path` (`Heading: field.path`, `Heading: null` to leave a
// column out, or `Heading: {field: field.path, values: {Cell: value}}` to rename its values
// too, into `values` when given); every target must be a field of `framework` or `tasks`, and
// every value one of the field's values or labels. Throws util::Error with every problem.
ColumnMap
load_column_map(const std::string &path, const core::Framework &framework, ValueMaps *values = nullptr);

// The field path the CSV heading `heading` stands for: `columns` first, then a field path,
// `tasks`, a field's label in any language of `framework`, or one of its `column_names`;
// nullopt when nothing matches, an empty path when `columns` leaves it out.
std::optional<std::string>
column_field(const std::string &heading, const core::Framework &framework, const ColumnMap *columns);

// The text of the top-level field `path` (such as id or title) in `record`, read without
// loading the use case, so an error row keeps its title; empty when there is none.
std::string record_text(const Record &record, std::string_view path);

// The texts a triage reads in a CSV row (core::Triager): its free-text cells, and the cells of
// columns for fields that a presumption reads the text of (an organisation's name under
// "Organisatie"). `text_columns`: the headings of those columns whose cell is not one of the
// field's values, which the use case then leaves unknown instead of refusing the row.
struct EntryText {
  core::EntryTexts texts;
  std::vector<std::string> text_columns;
};
EntryText entry_texts(const Record &record, const core::Framework &framework);

// The use case in `record`; throws util::Error with located diagnostics. `tasks` (taxonomy
// ids) is the task list of a CSV row whose file has no column for tasks (`batch --suggest`).
core::UseCase use_case_from_record(const Record &record,
                                   const core::Framework &framework,
                                   const std::vector<std::string> &tasks = {});

} // namespace kansrijk::io
