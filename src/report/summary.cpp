// Summary lines of `kansrijk batch`.
#include <kansrijk/report/summary.hpp>

#include <nlohmann/json.hpp>

namespace kansrijk::report {

using namespace core;

SummaryRow summarize(const Assessment& assessment, std::string source) {
  const Framework& fw = *assessment.framework;
  SummaryRow row;
  row.id = assessment.use_case->id;
  row.title = assessment.use_case->title;
  row.source = std::move(source);
  row.verdict = std::string(to_string(assessment.verdict));
  for (const auto& block : assessment.blocks) {
    row.scores.push_back(block.score);
  }
  row.scores.push_back(assessment.overall);
  if (!assessment.technologies.empty()) {
    row.top_technology = fw.technologies[static_cast<std::size_t>(assessment.technologies.front().technology)].id;
  }
  for (const auto& raised : assessment.flags) {
    switch (fw.flags[static_cast<std::size_t>(raised.flag)].severity) {
    case Severity::knockout: ++row.flags[0]; break;
    case Severity::high: ++row.flags[1]; break;
    case Severity::medium: ++row.flags[2]; break;
    case Severity::low: ++row.flags[3]; break;
    }
  }
  return row;
}

std::string csv_cell(std::string_view cell) {
  std::string text(cell);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r')) {
    text.insert(0, 1, '\'');
  }
  if (text.find_first_of(",;\"\r\n") == std::string::npos && (text.empty() || (text.front() != ' ' && text.back() != ' '))) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

namespace {
constexpr const char* k_flag_columns[] = {"flags_knockout", "flags_high", "flags_medium", "flags_low"};
} // namespace

std::string summary_header(const Framework& framework, SummaryFormat format) {
  if (format == SummaryFormat::jsonl) {
    return {};
  }
  std::string out = "id,title,source,verdict";
  for (const auto& block : framework.blocks) {
    out += ",score_" + block.id;
  }
  out += ",score_overall,top_technology";
  for (const char* column : k_flag_columns) {
    out += std::string(",") + column;
  }
  return out + ",error\r\n";
}

std::string summary_line(const Framework& framework, const SummaryRow& row, SummaryFormat format) {
  if (format == SummaryFormat::jsonl) {
    nlohmann::ordered_json line;
    line["id"] = row.id;
    line["title"] = row.title;
    line["source"] = row.source;
    line["verdict"] = row.verdict.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.verdict);
    nlohmann::ordered_json scores = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i <= framework.blocks.size(); ++i) {
      const std::string key = i < framework.blocks.size() ? framework.blocks[i].id : "overall";
      scores[key] = i < row.scores.size() && row.scores[i] ? nlohmann::ordered_json(*row.scores[i]) : nullptr;
    }
    line["scores"] = scores;
    line["top_technology"] = row.top_technology.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.top_technology);
    if (row.error.empty()) {
      line["flags"] = {{"knockout", row.flags[0]}, {"high", row.flags[1]}, {"medium", row.flags[2]}, {"low", row.flags[3]}};
    } else {
      line["flags"] = nullptr;
    }
    line["error"] = row.error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.error);
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  std::string out = csv_cell(row.id) + "," + csv_cell(row.title) + "," + csv_cell(row.source) + "," + row.verdict;
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
