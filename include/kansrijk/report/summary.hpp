// One line per case for `kansrijk batch --summary`: CSV (RFC 4180, safe to open in a
// spreadsheet), JSON Lines, or a spreadsheet for people (`excel`: ';' and a byte order mark as
// Dutch Excel and LibreOffice expect, headings, verdicts and blocks in the report language).
#pragma once

#include <array>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/report/render.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kansrijk::report {

enum class SummaryFormat { csv, jsonl, excel };

struct SummaryRow {
  std::string id;
  std::string title;
  std::string source; // file, or file:line for JSON Lines and CSV
  std::string verdict;
  std::vector<std::optional<int>> scores; // one per block, then overall
  std::string top_technology;
  std::array<int, 4> flags{}; // knockout, high, medium, low
  std::string error;
  std::optional<core::Verdict> verdict_value; // for the words of the excel format
  int unknown_answers = 0;                    // asked fields the case leaves open
  int open_questions = 0;                     // open answers that could change the outcome
  // With `batch --suggest`: suggestions from the title and description, each as
  // `ref (score: words)`, separated by " | "; never answers.
  std::string suggested_tasks;
  std::string suggested_answers;
  bool tasks_suggested = false; // assessed with suggested tasks (a register without tasks)
  // The verdict range under the open questions (absent for an error row).
  std::optional<core::Verdict> best;
  std::optional<core::Verdict> worst;
  bool range_exact = true;
  // With `batch --suggest`: the triage of the entry (core::Triager) and what its assessment
  // would be if the presumptions held (never the verdict itself). An `outside` row is not
  // assessed: no verdict, scores or counts.
  struct Presumption {
    std::string field;
    std::string value;
    std::vector<std::string> evidence;
  };
  bool triaged = false;
  bool not_assessed = false; // listed only: outside, or no task of the profession recognised
  std::string scope;         // core, adjacent or outside
  std::vector<std::string> scope_evidence;
  std::vector<Presumption> presumed;
  std::optional<core::Verdict> presumed_verdict;
  std::optional<core::Verdict> presumed_best;
  std::optional<core::Verdict> presumed_worst;
  std::optional<core::Severity> presumed_severity; // of the most severe flag under the presumptions
  // With `batch --since`: new, changed or same, and what changed.
  std::string change;
  std::vector<std::string> change_what;
};

// The row for an assessed case.
SummaryRow summarize(const core::Assessment &assessment, std::string source);

// The header line (CSV) for a framework's blocks; empty for JSON Lines. `language` is the
// language of the excel format's headings (and the byte order mark it starts with).
// `triage`: with the columns of `batch --suggest` (scope, presumptions) and `--since` (change).
std::string summary_header(const core::Framework &framework,
                           SummaryFormat format,
                           Language language = Language::en,
                           bool triage = false);

// The headings of the CSV (`excel`: the spreadsheet's, in `language`) summary, one per column.
std::vector<std::string>
summary_headings(const core::Framework &framework, bool excel, Language language, bool triage);

// The cells of `row` under those headings, as text (not yet escaped for CSV).
std::vector<std::string>
summary_cells(const core::Framework &framework, const SummaryRow &row, bool excel, Language language);

// Per heading of the spreadsheet summary, what its column means, in `language` (the second
// sheet of an .xlsx summary).
std::vector<std::pair<std::string, std::string>>
summary_column_notes(const core::Framework &framework, Language language, bool triage);

// One line, with its newline; `language` as for summary_header.
std::string summary_line(const core::Framework &framework,
                         const SummaryRow &row,
                         SummaryFormat format,
                         Language language = Language::en);

// `cell` quoted for CSV when needed (RFC 4180), with a leading ' when a spreadsheet would
// read it as a formula (it starts with =, +, -, @, a tab or a carriage return), on one line
// with invisible characters shown (util::safe_csv).
std::string csv_cell(std::string_view cell);

} // namespace kansrijk::report
