// Summary lines of `kansrijk batch`.
#include <fmt/format.h>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/report/summary.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::report {

using namespace core;

SummaryRow summarize(const Assessment &assessment, std::string source) {
  const Framework &fw = *assessment.framework;
  SummaryRow row;
  row.id = assessment.use_case->id;
  row.title = assessment.use_case->title;
  row.source = std::move(source);
  row.verdict = std::string(to_string(assessment.verdict));
  row.verdict_value = assessment.verdict;
  for (const auto &decl : fw.fields) {
    const auto &value = assessment.use_case->fields[static_cast<std::size_t>(decl.index)];
    if (decl.asked && !decl.derived && !value.known) {
      ++row.unknown_answers;
    }
  }
  row.open_questions = static_cast<int>(assessment.open_questions.size());
  row.best = assessment.range.computed ? assessment.range.best : assessment.verdict;
  row.worst = assessment.range.computed ? assessment.range.worst : assessment.verdict;
  row.range_exact = !assessment.range.computed || assessment.range.exact;
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

namespace {

// The triage columns' headings (after the existing ones).
std::string triage_header(bool excel, Language language) {
  if (!excel) {
    return ",scope,scope_evidence,presumed_answers,presumed_verdict,presumed_verdict_best,presumed_verdict_"
           "worst,"
           "presumed_most_severe_flag,change,change_what";
  }
  return language == Language::nl
             ? ";Vakgebied;Woorden die het vakgebied bepaalden;Vermoedelijke antwoorden (geen antwoorden);"
               "Oordeel als de vermoedens kloppen;Gunstigste oordeel als de vermoedens kloppen;"
               "Ongunstigste oordeel als de vermoedens kloppen;Zwaarste signaal als de vermoedens kloppen;"
               "Verandering;Wat is veranderd"
             : ";Scope;Words that decided the scope;Presumed answers (not answers);Verdict if the "
               "presumptions hold;"
               "Most favourable verdict if the presumptions hold;Least favourable verdict if the "
               "presumptions hold;"
               "Most severe flag if the presumptions hold;Change;What changed";
}

std::string scope_word(std::string_view scope, bool excel, Language language) {
  if (!excel) {
    return std::string(scope);
  }
  return std::string(word(scope == "core"       ? Word::scope_core
                          : scope == "adjacent" ? Word::scope_adjacent
                                                : Word::scope_outside,
                          language));
}

std::string presumed_cell(const SummaryRow &row) {
  std::string out;
  for (const auto &p : row.presumed) {
    out +=
        fmt::format("{}{}={} ({})", out.empty() ? "" : " | ", p.field, p.value, util::join(p.evidence, ", "));
  }
  return out;
}

} // namespace

std::string summary_header(const Framework &framework, SummaryFormat format, Language language, bool triage) {
  if (format == SummaryFormat::jsonl) {
    return {};
  }
  if (format == SummaryFormat::excel) {
    const bool nl = language == Language::nl;
    const std::string lang(language_code(language));
    std::string out = "\xEF\xBB\xBF"; // so Excel reads UTF-8
    out += nl ? "Kenmerk;Titel;Bron;Oordeel" : "Identifier;Title;Source;Verdict";
    for (const auto &block : framework.blocks) {
      out += ";" + util::safe_csv(block.label.in(lang));
    }
    out += nl ? ";Totaalscore;Beste technologie;Knock-outs;Hoog;Middel;Laag;Onbekende antwoorden;Open vragen;"
                "Voorgestelde taken;Voorgestelde antwoorden;Fout;Beoordeeld met voorgestelde taken;"
                "Gunstigste oordeel bij de open vragen;Ongunstigste oordeel bij de open vragen;Bereik exact"
              : ";Overall score;Best technology;Knock-outs;High;Medium;Low;Unknown answers;Open questions;"
                "Suggested tasks;Suggested answers;Error;Assessed with suggested tasks;"
                "Most favourable verdict under the open questions;Least favourable verdict under the open "
                "questions;Range exact";
    return out + (triage ? triage_header(true, language) : "") + "\r\n";
  }
  std::string out = "id,title,source,verdict";
  for (const auto &block : framework.blocks) {
    out += ",score_" + block.id;
  }
  out += ",score_overall,top_technology";
  for (const char *column : k_flag_columns) {
    out += std::string(",") + column;
  }
  return out +
         ",error,unknown_answers,open_questions,suggested_tasks,suggested_answers,tasks_suggested,"
         "verdict_best,verdict_worst,range_exact" +
         (triage ? triage_header(false, language) : "") + "\r\n";
}

std::string
summary_line(const Framework &framework, const SummaryRow &row, SummaryFormat format, Language language) {
  // An error row, or a row listed but not assessed, has no scores or counts.
  const bool assessed = row.error.empty() && !row.not_assessed;
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
    out += assessed ? fmt::format(R"({{"knockout":{},"high":{},"medium":{},"low":{}}})", row.flags[0],
                                  row.flags[1], row.flags[2], row.flags[3])
                    : std::string("null");
    out += ",\"error\":";
    json_string_or_null(out, row.error);
    if (assessed) {
      out += fmt::format(R"(,"unknown_answers":{},"open_questions":{})", row.unknown_answers,
                         row.open_questions);
    } else {
      out += R"(,"unknown_answers":null,"open_questions":null)";
    }
    out += ",\"suggested_tasks\":";
    json_string_or_null(out, row.suggested_tasks);
    out += ",\"suggested_answers\":";
    json_string_or_null(out, row.suggested_answers);
    out += row.tasks_suggested ? ",\"tasks_suggested\":true" : ",\"tasks_suggested\":false";
    out += row.best && row.worst
               ? fmt::format(",\"verdict_range\":{{\"best\":\"{}\",\"worst\":\"{}\",\"exact\":{}}}",
                             to_string(*row.best), to_string(*row.worst), row.range_exact)
               : std::string(",\"verdict_range\":null");
    if (row.triaged) {
      const auto strings = [&](const std::vector<std::string> &list) {
        out += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
          out += i == 0 ? "" : ",";
          json_string(out, list[i]);
        }
        out += ']';
      };
      const auto verdict_or_null = [&](const std::optional<Verdict> &v) {
        out += v ? fmt::format("\"{}\"", to_string(*v)) : std::string("null");
      };
      out += ",\"scope\":";
      json_string_or_null(out, row.scope);
      out += ",\"scope_evidence\":";
      strings(row.scope_evidence);
      out += ",\"presumed\":{\"answers\":{";
      std::string last_field;
      for (std::size_t i = 0; i < row.presumed.size(); ++i) {
        const auto &p = row.presumed[i];
        // a list field presumed with several values: one entry, its values in a list
        if (p.field == last_field) {
          continue;
        }
        last_field = p.field;
        out += i == 0 ? "" : ",";
        json_string(out, p.field);
        out += ":{\"value\":";
        std::vector<std::string> values;
        std::vector<std::string> evidence;
        for (std::size_t j = i; j < row.presumed.size() && row.presumed[j].field == p.field; ++j) {
          values.push_back(row.presumed[j].value);
          evidence.insert(evidence.end(), row.presumed[j].evidence.begin(), row.presumed[j].evidence.end());
        }
        if (framework.fields[static_cast<std::size_t>(framework.field_index(p.field))].type ==
            FieldType::enum_list) {
          strings(values);
        } else {
          json_string(out, p.value);
        }
        out += ",\"evidence\":";
        strings(evidence);
        out += '}';
      }
      out += "},\"verdict\":";
      verdict_or_null(row.presumed_verdict);
      out += ",\"verdict_best\":";
      verdict_or_null(row.presumed_best);
      out += ",\"verdict_worst\":";
      verdict_or_null(row.presumed_worst);
      out += ",\"most_severe_flag\":";
      out += row.presumed_severity ? fmt::format("\"{}\"", to_string(*row.presumed_severity)) : "null";
      out += '}';
      if (!row.change.empty()) {
        out += ",\"change\":{\"kind\":";
        json_string(out, row.change);
        out += ",\"what\":";
        strings(row.change_what);
        out += '}';
      }
    }
    return out + "}\n";
  }
  const bool excel = format == SummaryFormat::excel;
  const char sep = excel ? ';' : ',';
  const auto cell = [&](std::string_view text) { return util::safe_csv(text); };
  const std::string verdict =
      excel && row.verdict_value ? std::string(verdict_word(*row.verdict_value, language)) : row.verdict;
  std::string out = cell(row.id) + sep + cell(row.title) + sep + cell(row.source) + sep + cell(verdict);
  for (std::size_t i = 0; i <= framework.blocks.size(); ++i) {
    out += sep;
    if (i < row.scores.size() && row.scores[i]) {
      out += std::to_string(*row.scores[i]);
    }
  }
  std::string technology = row.top_technology;
  if (excel) {
    for (const auto &t : framework.technologies) {
      technology = t.id == row.top_technology ? t.label.in(std::string(language_code(language))) : technology;
    }
  }
  out += sep + cell(technology);
  for (std::size_t i = 0; i < row.flags.size(); ++i) {
    out += sep + (assessed ? std::to_string(row.flags[i]) : std::string());
  }
  const auto count = [&](int n) { return assessed ? std::to_string(n) : std::string(); };
  const auto range_verdict = [&](const std::optional<Verdict> &v) {
    return !v ? std::string() : excel ? cell(verdict_word(*v, language)) : std::string(to_string(*v));
  };
  const std::string range =
      sep + range_verdict(row.best) + sep + range_verdict(row.worst) + sep +
      (!row.best ? ""
       : excel   ? std::string(word(row.range_exact ? Word::yes_word : Word::no_word, language))
                 : std::string(row.range_exact ? "true" : "false"));
  std::string triage;
  if (row.triaged) {
    const auto presumed_verdict = [&](const std::optional<Verdict> &v) {
      return !v ? std::string() : excel ? cell(verdict_word(*v, language)) : std::string(to_string(*v));
    };
    triage = sep + cell(scope_word(row.scope, excel, language)) + sep +
             cell(util::join(row.scope_evidence, ", ")) + sep + cell(presumed_cell(row)) + sep +
             presumed_verdict(row.presumed_verdict) + sep + presumed_verdict(row.presumed_best) + sep +
             presumed_verdict(row.presumed_worst) + sep +
             (!row.presumed_severity ? std::string()
              : excel                ? cell(severity_word(*row.presumed_severity, language))
                                     : std::string(to_string(*row.presumed_severity))) +
             sep + cell(row.change) + sep + cell(util::join(row.change_what, "; "));
  }
  if (excel) {
    return out + sep + count(row.unknown_answers) + sep + count(row.open_questions) + sep +
           cell(row.suggested_tasks) + sep + cell(row.suggested_answers) + sep + cell(row.error) + sep +
           (row.tasks_suggested ? (language == Language::nl ? "ja" : "yes") : "") + range + triage + "\r\n";
  }
  return out + sep + cell(row.error) + sep + count(row.unknown_answers) + sep + count(row.open_questions) +
         sep + cell(row.suggested_tasks) + sep + cell(row.suggested_answers) + sep +
         (row.tasks_suggested ? "true" : "") + range + triage + "\r\n";
}

} // namespace kansrijk::report
