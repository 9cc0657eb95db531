// The report options that `assess` and `batch` share: format, language, colour, width and
// date, and how they are resolved against the environment (NO_COLOR, SOURCE_DATE_EPOCH, a TTY).
#pragma once

#include <kansrijk/cli/command_line.hpp>
#include <kansrijk/report/render.hpp>
#include <string>

namespace kansrijk::cli {

struct ReportChoice {
  std::string format = "text";
  std::string language; // empty: the framework's first language
  std::string color = "auto";
  std::string date;
  int width = 0; // 0: the terminal's width on a TTY, else 80
};

// Declares --format, --lang, --color, --width and --date on `sub`; `language_help` describes
// --lang when it governs more than the report.
void add_report_options(
    Command *sub,
    ReportChoice &choice,
    const std::string &language_help = "Report language (default: the framework's first)");

// The render options for `choice`; `to_terminal` says whether the report goes to a terminal.
// The language is only a first choice: once the framework is loaded, `report::language_for`
// checks it against the framework's languages.
// Throws util::Error for a bad --date or SOURCE_DATE_EPOCH.
report::RenderOptions resolve_report_options(const ReportChoice &choice, bool to_terminal);

// The report date: `given` (YYYY-MM-DD, checked), else the day of $SOURCE_DATE_EPOCH (UTC),
// else today (UTC). Throws util::Error when `given` or the variable is malformed.
std::string report_date(const std::string &given);

// Whether standard output / standard error is a terminal.
bool stdout_is_terminal();
bool stderr_is_terminal();

} // namespace kansrijk::cli
