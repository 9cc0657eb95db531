// The inputs of `kansrijk batch` as one stream of records, read lazily so memory does not
// grow with the number of cases: use-case files (YAML or JSON), folders of them (recursive),
// JSON Lines (one use case per line, also from standard input) and CSV (one use case per
// row, dotted column names). Turning a record into a use case is separate and thread-safe.
#pragma once

#include <cstddef>
#include <fstream>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <memory>
#include <optional>
#include <string>
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
};

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

// Where the records come from; each input is a path or "-" (JSON Lines on standard input).
class RecordSource {
public:
  // Checks that every input exists (throws util::Error otherwise) and lists folders.
  explicit RecordSource(const std::vector<std::string> &inputs);
  ~RecordSource();
  RecordSource(const RecordSource &) = delete;
  RecordSource &operator=(const RecordSource &) = delete;

  // The next record in input order, or nullopt at the end.
  std::optional<Record> next();

  // How many records the inputs hold, counted by a quick scan (lines of JSON Lines files,
  // rows of CSV files, one per use-case file); nullopt when standard input is among them.
  std::optional<std::size_t> count() const;

private:
  struct Open;
  std::vector<std::string> m_files; // after expanding folders, in order
  std::size_t m_next_file = 0;
  std::unique_ptr<Open> m_open;
};

// Whether `path` holds many cases (JSON Lines or a CSV inventory), judged by its extension
// as `RecordSource` judges it.
bool is_many_case_file(const std::string &path);

// The use case in `record`; throws util::Error with located diagnostics.
core::UseCase use_case_from_record(const Record &record, const core::Framework &framework);

} // namespace kansrijk::io
