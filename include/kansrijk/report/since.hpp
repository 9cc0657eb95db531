// `batch --since PREVIOUS.jsonl`: an earlier JSON Lines summary of a register, and how each
// row of this run differs from it. Registers are kept for years and the framework changes
// under them, so a re-assessment says what moved, not only where it stands.
#pragma once

#include <kansrijk/report/summary.hpp>
#include <map>
#include <string>
#include <string_view>

namespace kansrijk::report {

// A row of an earlier summary (`--since`): what a change is measured against.
struct EarlierRow {
  std::string title;
  std::string verdict; // empty for an error or outside row
  std::string range;   // "best..worst"
  std::string scope;
  std::string severity;                        // the presumed most severe flag
  std::map<std::string, std::string> presumed; // field -> value(s), joined with ','
};

struct Earlier {
  std::string file;
  std::map<std::string, EarlierRow> rows; // by id
};

// The rows of the earlier JSON Lines summary `text` (read from `path`, for messages), as
// `batch --suggest` writes them. Throws util::Error at the line of a row that is not one.
Earlier parse_earlier(std::string_view text, const std::string &path);

// Sets `row.change` and `row.change_what`: how `row` differs from the same id in `earlier`
// (new, changed with what, or same).
void compare_with(SummaryRow &row, const Earlier &earlier);

} // namespace kansrijk::report
