// Summary lines of `kansrijk batch`.
#include <fmt/format.h>
#include <kansrijk/report/summary.hpp>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::report {

using namespace core;

SummaryRow summarize(const Assessment &assessment, std::string source) {
  const Framework &fw = *assessment.framework;
  SummaryRow row;
  row.id = assessment.use_case->id;
  row.title = assessment.use_case->title;
  row.source = std::move(source);
  row.verdict = std::string(to_string(assessment.verdict));
  for (const auto &block : assessment.blocks) {
    row.scores.push_back(block.score);
  }
  row.scores.push_back(assessment.overall);
  if (!assessment.technologies.empty()) {
    row.top_technology =
        fw.technologies[static_cast<std::size_t>(assessment.technologies.front().technology)].id;
  }
  for (const auto &raised : assessment.flags) {
    switch (fw.flags[static_cast<std::size_t>(raised.flag)].severity) {
    case Severity::knockout:
      ++row.flags[0];
      break;
    case Severity::high:
      ++row.flags[1];
      break;
    case Severity::medium:
      ++row.flags[2];
      break;
    case Severity::low:
      ++row.flags[3];
      break;
    }
  }
  return row;
}

std::string csv_cell(std::string_view cell) { return util::safe_csv(cell); }

namespace {

// Appends `text` as a JSON string: exact, but with invisible characters as \u escapes and
// invalid UTF-8 (a file name) replaced, so the line is valid UTF-8 and safe to print.
void json_string(std::string &out, std::string_view text) { out += util::safe_json(text); }

void json_string_or_null(std::string &out, std::string_view text) {
  if (text.empty()) {
    out += "null";
  } else {
    json_string(out, text);
  }
}

constexpr const char *k_flag_columns[] = {"flags_knockout", "flags_high", "flags_medium", "flags_low"};
} // namespace

std::string summary_header(const Framework &framework, SummaryFormat format) {
  if (format == SummaryFormat::jsonl) {
    return {};
  }
  std::string out = "id,title,source,verdict";
  for (const auto &block : framework.blocks) {
    out += ",score_" + block.id;
  }
  out += ",score_overall,top_technology";
  for (const char *column : k_flag_columns) {
    out += std::string(",") + column;
  }
  return out + ",error\r\n";
}

std::string summary_line(const Framework &framework, const SummaryRow &row, SummaryFormat format) {
  if (format == SummaryFormat::jsonl) {
    // Written by hand: a fixed shape, and nlohmann::json took a fifth of the batch time.
    std::string out = "{\"id\":";
    json_string(out, row.id);
    out += ",\"title\":";
    json_string(out, row.title);
    out += ",\"source\":";
    json_string(out, row.source);
    out += ",\"verdict\":";
    json_string_or_null(out, row.verdict);
    out += ",\"scores\":{";
    for (std::size_t i = 0; i <= framework.blocks.size(); ++i) {
      out += i == 0 ? "" : ",";
      json_string(out, i < framework.blocks.size() ? framework.blocks[i].id : std::string("overall"));
      out += ':';
      out += i < row.scores.size() && row.scores[i] ? std::to_string(*row.scores[i]) : std::string("null");
    }
    out += "},\"top_technology\":";
    json_string_or_null(out, row.top_technology);
    out += ",\"flags\":";
    out += row.error.empty() ? fmt::format("{{\"knockout\":{},\"high\":{},\"medium\":{},\"low\":{}}}",
                                           row.flags[0], row.flags[1], row.flags[2], row.flags[3])
                             : std::string("null");
    out += ",\"error\":";
    json_string_or_null(out, row.error);
    out += "}\n";
    return out;
  }
  std::string out =
      csv_cell(row.id) + "," + csv_cell(row.title) + "," + csv_cell(row.source) + "," + csv_cell(row.verdict);
  for (std::size_t i = 0; i <= framework.blocks.size(); ++i) {
    out += ",";
    if (i < row.scores.size() && row.scores[i]) {
      out += std::to_string(*row.scores[i]);
    }
  }
  out += "," + csv_cell(row.top_technology);
  for (std::size_t i = 0; i < row.flags.size(); ++i) {
    out += "," + (row.error.empty() ? std::to_string(row.flags[i]) : std::string());
  }
  return out + "," + csv_cell(row.error) + "\r\n";
}

} // namespace kansrijk::report
