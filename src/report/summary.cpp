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
    return ",scope,scope_evidence,presumed_answers,presumed_verdict,presumed_verdict_best,"
           "presumed_verdict_worst,presumed_most_severe_flag,change,change_what";
  }
  return language == Language::nl
             ? ";Raakt het vak;Woorden waaruit blijkt of het vak geraakt wordt;Vermoedens (geen antwoorden);"
               "Oordeel als de vermoedens kloppen;Gunstigste oordeel als de vermoedens kloppen;"
               "Ongunstigste oordeel als de vermoedens kloppen;Zwaarste signaal als de vermoedens kloppen;"
               "Verandering;Wat is veranderd"
             : ";Touches the profession;Words that show whether it touches the profession;Presumptions (not "
               "answers);Verdict if the presumptions hold;Most favourable verdict if the presumptions hold;"
               "Least favourable verdict if the presumptions hold;Most severe flag if the presumptions hold;"
               "Change;What changed";
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

// The presumptions in one cell: `field=value (words)`, or for people (`excel`) the field's
// label and the value's label in `language`.
std::string presumed_cell(const Framework &framework, const SummaryRow &row, bool excel, Language language) {
  const std::string lang(language_code(language));
  std::string out;
  for (const auto &p : row.presumed) {
    const int index = framework.field_index(p.field);
    if (excel && index >= 0) {
      const FieldDecl &decl = framework.fields[static_cast<std::size_t>(index)];
      out +=
          fmt::format("{}{}: {} ({})", out.empty() ? "" : " | ", decl.label.in(lang),
                      value_label(decl, decl.domain.index_of(p.value), lang), util::join(p.evidence, ", "));
    } else {
      out += fmt::format("{}{}={} ({})", out.empty() ? "" : " | ", p.field, p.value,
                         util::join(p.evidence, ", "));
    }
  }
  return out;
}

} // namespace

std::vector<std::string>
summary_headings(const Framework &framework, bool excel, Language language, bool triage) {
  std::vector<std::string> out;
  const auto add = [&](std::string_view joined, char sep) {
    std::size_t start = 0;
    while (start <= joined.size()) {
      const auto end = joined.find(sep, start);
      out.emplace_back(
          joined.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) {
        break;
      }
      start = end + 1;
    }
  };
  if (excel) {
    const bool nl = language == Language::nl;
    const std::string lang(language_code(language));
    add(nl ? "Kenmerk;Titel;Bron;Oordeel" : "Identifier;Title;Source;Verdict", ';');
    for (const auto &block : framework.blocks) {
      out.push_back(block.label.in(lang));
    }
    add(nl ? "Totaalscore;Beste technologie;Knock-outs;Hoog;Middel;Laag;Onbekende antwoorden;Open vragen;"
             "Voorgestelde taken;Voorgestelde antwoorden;Fout;Beoordeeld met voorgestelde taken;"
             "Gunstigste oordeel bij de open vragen;Ongunstigste oordeel bij de open vragen;Bereik exact"
           : "Overall score;Best technology;Knock-outs;High;Medium;Low;Unknown answers;Open questions;"
             "Suggested tasks;Suggested answers;Error;Assessed with suggested tasks;"
             "Most favourable verdict under the open questions;Least favourable verdict under the open "
             "questions;Range exact",
        ';');
    if (triage) {
      add(std::string_view(triage_header(true, language)).substr(1), ';');
    }
    return out;
  }
  add("id,title,source,verdict", ',');
  for (const auto &block : framework.blocks) {
    out.push_back("score_" + block.id);
  }
  add("score_overall,top_technology", ',');
  for (const char *column : k_flag_columns) {
    out.emplace_back(column);
  }
  add("error,unknown_answers,open_questions,suggested_tasks,suggested_answers,tasks_suggested,verdict_best,"
      "verdict_worst,range_exact",
      ',');
  if (triage) {
    add(std::string_view(triage_header(false, language)).substr(1), ',');
  }
  return out;
}

std::string summary_header(const Framework &framework, SummaryFormat format, Language language, bool triage) {
  if (format == SummaryFormat::jsonl) {
    return {};
  }
  const bool excel = format == SummaryFormat::excel;
  std::string out = excel ? "\xEF\xBB\xBF" : ""; // so Excel reads UTF-8
  const auto headings = summary_headings(framework, excel, language, triage);
  for (std::size_t i = 0; i < headings.size(); ++i) {
    out += (i == 0 ? "" : excel ? ";" : ",") + util::safe_csv(headings[i]);
  }
  return out + "\r\n";
}

std::vector<std::string>
summary_cells(const Framework &framework, const SummaryRow &row, bool excel, Language language) {
  const bool assessed = row.error.empty() && !row.not_assessed;
  std::vector<std::string> out;
  out.push_back(row.id);
  out.push_back(row.title);
  out.push_back(row.source);
  out.push_back(excel && row.verdict_value ? std::string(verdict_word(*row.verdict_value, language))
                                           : row.verdict);
  for (std::size_t i = 0; i <= framework.blocks.size(); ++i) {
    out.push_back(i < row.scores.size() && row.scores[i] ? std::to_string(*row.scores[i]) : std::string());
  }
  std::string technology = row.top_technology;
  if (excel) {
    for (const auto &t : framework.technologies) {
      technology = t.id == row.top_technology ? t.label.in(std::string(language_code(language))) : technology;
    }
  }
  out.push_back(technology);
  for (const int flags : row.flags) {
    out.push_back(assessed ? std::to_string(flags) : std::string());
  }
  const auto count = [&](int n) { return assessed ? std::to_string(n) : std::string(); };
  const auto verdict_cell = [&](const std::optional<Verdict> &v) {
    return !v ? std::string() : excel ? std::string(verdict_word(*v, language)) : std::string(to_string(*v));
  };
  if (excel) {
    out.push_back(count(row.unknown_answers));
    out.push_back(count(row.open_questions));
    out.push_back(row.suggested_tasks);
    out.push_back(row.suggested_answers);
    out.push_back(row.error);
    out.emplace_back(row.tasks_suggested ? word(Word::yes_word, language) : "");
  } else {
    out.push_back(row.error);
    out.push_back(count(row.unknown_answers));
    out.push_back(count(row.open_questions));
    out.push_back(row.suggested_tasks);
    out.push_back(row.suggested_answers);
    out.emplace_back(row.tasks_suggested ? "true" : "");
  }
  out.push_back(verdict_cell(row.best));
  out.push_back(verdict_cell(row.worst));
  out.emplace_back(!row.best ? ""
                   : excel   ? word(row.range_exact ? Word::yes_word : Word::no_word, language)
                             : (row.range_exact ? "true" : "false"));
  if (row.triaged) {
    out.push_back(scope_word(row.scope, excel, language));
    out.push_back(util::join(row.scope_evidence, ", "));
    out.push_back(presumed_cell(framework, row, excel, language));
    out.push_back(verdict_cell(row.presumed_verdict));
    out.push_back(verdict_cell(row.presumed_best));
    out.push_back(verdict_cell(row.presumed_worst));
    out.emplace_back(!row.presumed_severity ? std::string_view()
                     : excel                ? severity_word(*row.presumed_severity, language)
                                            : to_string(*row.presumed_severity));
    out.push_back(excel && !row.change.empty()
                      ? std::string(word(row.change == "new"       ? Word::change_new
                                         : row.change == "changed" ? Word::change_changed
                                                                   : Word::change_same,
                                         language))
                      : row.change);
    out.push_back(util::join(row.change_what, "; "));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>>
summary_column_notes(const Framework &framework, Language language, bool triage) {
  const bool nl = language == Language::nl;
  struct Note {
    const char *nl;
    const char *en;
  };
  // In the order of the columns after the blocks' scores (the first four come before them).
  static constexpr Note k_first[] = {
      {"Het kenmerk van de toepassing in het register.", "The application's identifier in the register."},
      {"De naam van de toepassing.", "The application's name."},
      {"Het bestand en de regel waar de toepassing staat.", "The file and line the application comes from."},
      {"Het oordeel dat uit de antwoorden volgt (leeg: niet beoordeeld).",
       "The verdict the answers give (empty: not assessed)."},
  };
  static constexpr Note k_rest[] = {
      {"De totaalscore van 0 tot 100.", "The overall score from 0 to 100."},
      {"De soort AI die het best bij de taken past.", "The kind of AI that suits the tasks best."},
      {"Aantal signalen die het oordeel 'niet kansrijk' maken.",
       "Number of flags that make the verdict 'not advised'."},
      {"Aantal ernstige signalen.", "Number of high flags."},
      {"Aantal matige signalen.", "Number of medium flags."},
      {"Aantal lichte signalen.", "Number of low flags."},
      {"Aantal vragen over de toepassing die nog niet beantwoord zijn.",
       "Number of questions about the application not yet answered."},
      {"Aantal onbeantwoorde vragen die het oordeel nog kunnen veranderen.",
       "Number of unanswered questions that can still change the verdict."},
      {"Taken die kansrijk voorstelt op grond van de beschrijving; een voorstel, geen antwoord.",
       "Tasks kansrijk suggests from the description; a suggestion, not an answer."},
      {"Antwoorden die kansrijk voorstelt op grond van de beschrijving; een voorstel, geen antwoord.",
       "Answers kansrijk suggests from the description; a suggestion, not an answer."},
      {"Waarom de toepassing niet beoordeeld kon worden.", "Why the application could not be assessed."},
      {"Of de toepassing beoordeeld is met voorgestelde taken.",
       "Whether it was assessed with suggested tasks."},
      {"Het gunstigste oordeel dat nog mogelijk is als de open vragen beantwoord worden.",
       "The most favourable verdict still possible once the open questions are answered."},
      {"Het ongunstigste oordeel dat nog mogelijk is.", "The least favourable verdict still possible."},
      {"Of die twee oordelen precies berekend zijn (nee: ruim geschat).",
       "Whether those two verdicts were computed exactly (no: estimated wide)."},
  };
  static constexpr Note k_triage[] = {
      {"Of de toepassing het werk van de arbeidsdeskundige raakt: kern van het vak, verwant aan het vak of "
       "buiten het vak.",
       "Whether the application touches the labour expert's work: core, adjacent or outside the profession."},
      {"De woorden van de beschrijving waaruit dat blijkt.", "The words of the description that show it."},
      {"Wat de beschrijving waarschijnlijk maakt, met tussen haakjes de woorden waaruit dat blijkt; "
       "vermoedens, "
       "geen antwoorden.",
       "What the description makes likely, with in brackets the words that show it; presumptions, not "
       "answers."},
      {"Het oordeel als de vermoedens kloppen.", "The verdict if the presumptions hold."},
      {"Het gunstigste oordeel als de vermoedens kloppen.",
       "The most favourable verdict if the presumptions hold."},
      {"Het ongunstigste oordeel als de vermoedens kloppen.",
       "The least favourable verdict if the presumptions hold."},
      {"Het zwaarste signaal als de vermoedens kloppen.", "The most severe flag if the presumptions hold."},
      {"Alleen bij vergelijking (--since): nieuw, veranderd of ongewijzigd sinds de vorige beoordeling.",
       "Only when compared (--since): new, changed or unchanged since the previous assessment."},
      {"Wat er veranderd is.", "What changed."},
  };
  const auto headings = summary_headings(framework, true, language, triage);
  const std::string lang(language_code(language));
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t h = 0;
  for (const auto &note : k_first) {
    out.emplace_back(headings[h++], nl ? note.nl : note.en);
  }
  for (const auto &block : framework.blocks) {
    out.emplace_back(headings[h++],
                     fmt::format(fmt::runtime(nl ? "De score van de bouwsteen '{}', van 0 tot 100."
                                                 : "The score of the building block '{}', from 0 to 100."),
                                 block.label.in(lang)));
  }
  for (const auto &note : k_rest) {
    out.emplace_back(headings[h++], nl ? note.nl : note.en);
  }
  if (triage) {
    for (const auto &note : k_triage) {
      out.emplace_back(headings[h++], nl ? note.nl : note.en);
    }
  }
  return out;
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
    out += row.best && row.worst ? fmt::format(R"(,"verdict_range":{{"best":"{}","worst":"{}","exact":{}}})",
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
      out += R"(,"presumed":{"answers":{)";
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
        out += R"(,"change":{"kind":)";
        json_string(out, row.change);
        out += ",\"what\":";
        strings(row.change_what);
        out += '}';
      }
    }
    return out + "}\n";
  }
  const bool excel = format == SummaryFormat::excel;
  const auto cells = summary_cells(framework, row, excel, language);
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += (i == 0 ? "" : excel ? ";" : ",") + util::safe_csv(cells[i]);
  }
  return out + "\r\n";
}

} // namespace kansrijk::report
