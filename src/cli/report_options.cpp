// Shared report options of `assess` and `batch`.
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <kansrijk/cli/report_options.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

namespace kansrijk::cli {

namespace {

bool valid_date(const std::string &text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  int year = 0;
  int month = 0;
  int day = 0;
  const auto number = [&](std::size_t at, std::size_t len, int &value) {
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + len, value);
    return ec == std::errc() && end == text.data() + at + len;
  };
  if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day) || year < 1900) {
    return false;
  }
  return std::chrono::year_month_day{std::chrono::year{year},
                                     std::chrono::month{static_cast<unsigned>(month)},
                                     std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

std::string utc_day(std::time_t seconds) {
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  return fmt::format("{:04}-{:02}-{:02}", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
}

int terminal_width() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}

} // namespace

void add_report_options(Command *sub, ReportChoice &choice, const std::string &language_help) {
  sub->add_option("--format", choice.format, "Report format")
      ->choices({"text", "markdown", "html", "json"})
      ->capture_default_str();
  sub->add_option("--lang", choice.language, language_help);
  sub->add_option("--color", choice.color,
                  "Colour in the text report: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->choices({"auto", "always", "never"})
      ->capture_default_str();
  sub->add_option("--width", choice.width, "Text report width in columns (default: the terminal's, else 80)")
      ->range(40, 400);
  sub->add_option("--date", choice.date,
                  "Date printed in the report, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH's day, else today)")
      ->value_kind(ValueKind::date);
}

std::string report_date(const std::string &given) {
  if (!given.empty()) {
    if (!valid_date(given)) {
      throw util::Error(
          fmt::format("--date '{}' is not a date; write it as YYYY-MM-DD, for example 2026-11-23", given));
    }
    return given;
  }
  if (const char *epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    long long seconds = 0;
    const std::string_view text(epoch);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc() || end != text.data() + text.size() || seconds < 0 || seconds > 253402300799LL) {
      throw util::Error(fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds since 1970-01-01; set "
                                    "it to, for example, 1795392000",
                                    text));
    }
    return utc_day(static_cast<std::time_t>(seconds));
  }
  return utc_day(std::time(nullptr));
}

report::RenderOptions resolve_report_options(const ReportChoice &choice, bool to_terminal) {
  report::RenderOptions options;
  options.language = report::Language::from_code(choice.language).value_or(report::Language{});
  options.width = choice.width != 0 ? choice.width : to_terminal ? std::clamp(terminal_width(), 40, 400) : 80;
  const char *no_color = std::getenv("NO_COLOR");
  const bool color_forbidden = no_color != nullptr && *no_color != '\0';
  options.color = choice.format == "text" &&
                  (choice.color == "always" || (choice.color == "auto" && to_terminal && !color_forbidden));
  options.date = report_date(choice.date);
  return options;
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

} // namespace kansrijk::cli
