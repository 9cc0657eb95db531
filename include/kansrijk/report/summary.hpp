// One line per case for `kansrijk batch --summary`: CSV (RFC 4180, safe to open in a
// spreadsheet) or JSON Lines.
#pragma once

#include <array>
#include <kansrijk/core/assessment.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kansrijk::report {

enum class SummaryFormat { csv, jsonl };

struct SummaryRow {
  std::string id;
  std::string title;
  std::string source; // file, or file:line for JSON Lines and CSV
  std::string verdict;
  std::vector<std::optional<int>> scores; // one per block, then overall
  std::string top_technology;
  std::array<int, 4> flags{}; // knockout, high, medium, low
  std::string error;
};

// The row for an assessed case.
SummaryRow summarize(const core::Assessment &assessment, std::string source);

// The header line (CSV) for a framework's blocks; empty for JSON Lines.
std::string summary_header(const core::Framework &framework, SummaryFormat format);

// One line, with its newline.
std::string summary_line(const core::Framework &framework, const SummaryRow &row, SummaryFormat format);

// `cell` quoted for CSV when needed (RFC 4180), with a leading ' when a spreadsheet would
// read it as a formula (it starts with =, +, -, @, a tab or a carriage return), on one line
// with invisible characters shown (util::safe_csv).
std::string csv_cell(std::string_view cell);

} // namespace kansrijk::report
