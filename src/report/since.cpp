// The comparison with an earlier summary (see since.hpp).
#include <fmt/format.h>
#include <kansrijk/report/since.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/text.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace kansrijk::report {

Earlier parse_earlier(std::string_view text, const std::string &path) {
  Earlier out;
  out.file = path;
  std::size_t start = 0;
  int line = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    ++line;
    const std::string_view content = text.substr(start, end - start);
    start = end + 1;
    if (util::trim(content).empty()) {
      continue;
    }
    const auto json = nlohmann::json::parse(content, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("id") || !json["id"].is_string()) {
      throw util::Error(
          util::Diagnostic{{path, line, 1},
                           "not a line of a JSON Lines summary; --since takes the summary of an "
                           "earlier run, written with --summary FILE.jsonl"});
    }
    const auto text_of = [&](const nlohmann::json &j, const char *key) {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    EarlierRow row;
    row.title = text_of(json, "title");
    row.verdict = text_of(json, "verdict");
    if (json.contains("verdict_range") && json["verdict_range"].is_object()) {
      row.range = text_of(json["verdict_range"], "best") + ".." + text_of(json["verdict_range"], "worst");
    }
    row.scope = text_of(json, "scope");
    if (json.contains("presumed") && json["presumed"].is_object()) {
      const auto &presumed = json["presumed"];
      row.severity = text_of(presumed, "most_severe_flag");
      if (presumed.contains("answers") && presumed["answers"].is_object()) {
        for (const auto &[field, answer] : presumed["answers"].items()) {
          if (!answer.is_object() || !answer.contains("value")) {
            continue;
          }
          const auto &value = answer["value"];
          std::vector<std::string> values;
          for (const auto &v : value.is_array() ? value : nlohmann::json::array({value})) {
            if (v.is_string()) {
              values.push_back(v.get<std::string>());
            }
          }
          row.presumed[field] = util::join(values, ",");
        }
      }
    }
    out.rows.emplace(text_of(json, "id"), std::move(row));
  }
  return out;
}

// How `row` differs from the same id in `earlier`: new, changed (with what) or same.
void compare_with(SummaryRow &row, const Earlier &earlier) {
  const auto found = earlier.rows.find(row.id);
  if (found == earlier.rows.end()) {
    row.change = "new";
    return;
  }
  const EarlierRow &before = found->second;
  const auto moved = [&](const std::string &what, const std::string &from, const std::string &to) {
    if (from != to) {
      row.change_what.push_back(
          fmt::format("{}: {} -> {}", what, from.empty() ? "-" : from, to.empty() ? "-" : to));
    }
  };
  moved("title", before.title, row.title);
  moved("scope", before.scope, row.scope);
  moved("verdict", before.verdict, row.verdict);
  moved("verdict range", before.range,
        row.best && row.worst
            ? std::string(core::to_string(*row.best)) + ".." + std::string(core::to_string(*row.worst))
            : std::string());
  std::map<std::string, std::string> now;
  for (const auto &p : row.presumed) {
    auto &value = now[p.field];
    value += (value.empty() ? "" : ",") + p.value;
  }
  std::set<std::string> fields;
  for (const auto &[field, _] : before.presumed) {
    fields.insert(field);
  }
  for (const auto &[field, _] : now) {
    fields.insert(field);
  }
  for (const auto &field : fields) {
    const auto was = before.presumed.find(field);
    const auto is = now.find(field);
    moved("presumed " + field, was == before.presumed.end() ? "" : was->second,
          is == now.end() ? "" : is->second);
  }
  moved("gravest presumed flag", before.severity,
        row.presumed_severity ? std::string(core::to_string(*row.presumed_severity)) : std::string());
  row.change = row.change_what.empty() ? "same" : "changed";
}

} // namespace kansrijk::report
