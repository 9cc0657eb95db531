// The portfolio overview of a batch run; see overview.hpp. The words come from the report
// frame (strings.cpp), the content from the framework, the text of the cases is escaped for
// the output format like in the single report.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/report/overview.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <set>

namespace kansrijk::report {

using core::Verdict;
using core::VerdictReason;

OverviewEntry overview_entry(const core::Assessment &a, Language language) {
  const core::Framework &fw = *a.framework;
  const std::string lang = language_code(language);
  OverviewEntry e;
  e.id = a.use_case->id;
  e.title = a.use_case->title;
  e.verdict = a.verdict;
  e.best = a.range.computed ? a.range.best : a.verdict;
  e.worst = a.range.computed ? a.range.worst : a.verdict;
  e.overall = a.overall;
  for (const auto &reason : a.verdict_reasons) {
    if (!reason.binding) {
      continue;
    }
    switch (reason.kind) {
    case VerdictReason::Kind::policy_step:
      e.reason = fw.verdict.steps[static_cast<std::size_t>(reason.step)].text.in(lang);
      break;
    case VerdictReason::Kind::open_questions:
    case VerdictReason::Kind::settled:
      e.reason = fmt::format("{}: {}",
                             word(reason.kind == VerdictReason::Kind::settled ? Word::reason_settled
                                                                              : Word::reason_open_questions,
                                  language),
                             verdict_word(reason.at_most, language));
      break;
    case VerdictReason::Kind::score:
      e.reason = fmt::format("{} {} {}", word(Word::overall_score, language), a.overall.value_or(0),
                             word(Word::of_100, language));
      break;
    case VerdictReason::Kind::no_score:
      e.reason = std::string(word(Word::not_scored, language));
      break;
    }
    break;
  }
  for (const auto &f : a.flags) { // most severe first
    e.flags.push_back(f.flag);
  }
  for (const auto &c : a.conditions) {
    if (c.status != core::ConditionStatus::in_place) {
      e.conditions.push_back(c.advice);
    }
  }
  for (const auto &q : a.open_questions) {
    if (!q.ref.task_field &&
        std::find(e.questions.begin(), e.questions.end(), q.ref.field) == e.questions.end()) {
      e.questions.push_back(q.ref.field);
    }
  }
  for (const auto &q : a.questions) { // ranked: the weightiest first
    if (!q.can_change) {
      continue;
    }
    ++e.deciding_questions;
    std::string text = question_text(fw, *a.use_case, q.ref, language);
    if (!q.ref.task_field && q.ref.member >= 0) { // one value of a list: that value, in short
      const core::FieldDecl &decl = fw.fields[static_cast<std::size_t>(q.ref.field)];
      text = decl.label.in(lang) + ": " + core::value_label(decl, q.ref.member, lang) + "?";
    }
    if (e.first_questions.size() < 3 &&
        std::find(e.first_questions.begin(), e.first_questions.end(), text) == e.first_questions.end()) {
      e.first_questions.push_back(std::move(text));
    }
  }
  for (const auto &lift : a.what_if.lifts) {
    if (lift.changes.size() == 1) {
      e.quick_change =
          change_words(fw, *a.use_case, lift.changes.front(), lift.alternatives.front(), language);
      e.quick_verdict = lift.verdict;
      break;
    }
  }
  return e;
}

void Overview::add(OverviewEntry e) {
  if (!e.failed && !e.not_assessed) {
    ++m_verdicts[e.verdict];
    for (const int f : std::set<int>(e.flags.begin(), e.flags.end())) {
      ++m_flags[f];
    }
    for (const int c : std::set<int>(e.conditions.begin(), e.conditions.end())) {
      ++m_conditions[c];
    }
    for (const int q : e.questions) {
      ++m_questions[q];
    }
  }
  e.flags.resize(std::min<std::size_t>(e.flags.size(), 1)); // a line keeps its most severe flag only
  e.conditions.clear();
  e.questions.clear();
  e.conditions.shrink_to_fit();
  e.questions.shrink_to_fit();
  m_lines.push_back(std::move(e));
}

namespace {

// The `n` keys with the highest counts, highest first; equal counts in key order.
std::vector<std::pair<int, int>> most_common(const std::map<int, int> &counts, std::size_t n) {
  std::vector<std::pair<int, int>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
  if (out.size() > n) {
    out.resize(n);
  }
  return out;
}

// The page as a sequence of headings, paragraphs and tables, written as HTML or Markdown.
// Cells and paragraphs arrive escaped; headings are the frame's own words.
class Page {
public:
  explicit Page(bool html) : m_html(html) {}

  void heading(std::string_view text) {
    m_out += m_html ? fmt::format("<h2>{}</h2>\n", util::safe_html(text))
                    : fmt::format("\n## {}\n\n", util::safe_markdown(text));
  }
  void paragraph(std::string_view escaped) {
    m_out += m_html ? fmt::format("<p>{}</p>\n", escaped) : fmt::format("{}\n\n", escaped);
  }
  void table(const std::vector<std::string> &head,
             const std::vector<std::vector<std::string>> &rows,
             const std::string &html_class = {}) {
    if (m_html) {
      m_out +=
          html_class.empty() ? "<table>\n<thead><tr>" : "<table class=\"" + html_class + "\">\n<thead><tr>";
      for (const auto &h : head) {
        m_out += "<th>" + util::safe_html(h) + "</th>";
      }
      m_out += "</tr></thead>\n<tbody>\n";
      for (const auto &row : rows) {
        m_out += "<tr>";
        for (const auto &cell : row) {
          m_out += "<td>" + cell + "</td>";
        }
        m_out += "</tr>\n";
      }
      m_out += "</tbody>\n</table>\n";
      return;
    }
    m_out += "|";
    for (const auto &h : head) {
      m_out += " " + util::safe_markdown(h) + " |";
    }
    m_out += "\n|";
    for (std::size_t i = 0; i < head.size(); ++i) {
      m_out += "---|";
    }
    m_out += "\n";
    for (const auto &row : rows) {
      m_out += "|";
      for (const auto &cell : row) {
        m_out += " " + cell + " |";
      }
      m_out += "\n";
    }
    m_out += "\n";
  }
  std::string &out() { return m_out; }

private:
  bool m_html;
  std::string m_out;
};

constexpr std::string_view k_style =
    R"(body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#202124;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dadce0}
table{border-collapse:collapse;margin:.5rem 0;width:100%}
td,th{border:1px solid #dadce0;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#f1f3f4}
.chart td{border:none}.chart td:first-child{width:14rem}.chart td:nth-child(2){width:3rem;text-align:right}
.bar{display:inline-block;height:1rem;vertical-align:middle}
.v-promising{background:#188038}.v-conditional{background:#1a73e8}.v-limited{background:#f29900}
.v-not_advised{background:#c5221f}.v-insufficient_information{background:#80868b}
@media print{body{max-width:none;margin:0}tr{break-inside:avoid}h2{break-after:avoid}}
)";

} // namespace

std::string_view page_style() { return k_style; }

std::string Overview::render(Format format, Language language) const {
  const bool html = format == Format::html;
  const std::string lang = language_code(language);
  const auto w = [&](Word key) { return std::string(word(key, language)); };
  const auto esc = [&](std::string_view text) {
    return html ? util::safe_html(text) : util::safe_markdown(text);
  };
  const auto verdict = [&](Verdict v) { return std::string(verdict_word(v, language)); };
  const auto is_outside = [](const OverviewEntry &line) {
    return line.triaged && !line.failed && line.scope == core::Scope::outside;
  };
  const auto listed_only = [](const OverviewEntry &line) { return line.not_assessed; };
  int assessed = 0;
  int outside = 0;
  bool triaged = false;
  bool changes = false;
  for (const auto &line : m_lines) {
    assessed += line.failed || listed_only(line) ? 0 : 1;
    outside += is_outside(line) ? 1 : 0;
    triaged = triaged || line.triaged;
    changes = changes || !line.change.empty();
  }
  const auto of = [&](int n) { return fmt::format(fmt::runtime(w(Word::count_of)), n, assessed); };

  Page page(html);
  const std::string title = w(Word::overview_title);
  if (html) {
    page.out() += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                              "style-src 'unsafe-inline'\">\n"
                              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                              "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
                              util::safe_html(lang), util::safe_html(title), k_style, util::safe_html(title));
  } else {
    page.out() += "# " + util::safe_markdown(title) + "\n\n";
  }
  page.paragraph(esc(fmt::format(fmt::runtime(w(Word::overview_assessed)), assessed, m_fw.title.in(lang),
                                 m_fw.version, m_fw.id)));
  std::size_t failed = 0;
  for (const auto &line : m_lines) {
    failed += line.failed ? 1 : 0;
  }
  if (failed > 0) {
    page.paragraph(esc(fmt::format(fmt::runtime(w(Word::overview_not_assessed_count)), failed)));
  }
  const auto verdict_range = [&](Verdict best, Verdict worst) {
    return best == worst ? verdict(best) : verdict(best) + " – " + verdict(worst);
  };

  // The triage: in-scope entries, the gravest concern under the presumptions first, then the
  // fewest answers that can change the verdict.
  if (triaged) {
    page.heading(w(Word::overview_triage));
    page.paragraph(esc(w(Word::overview_triage_intro)));
    std::vector<const OverviewEntry *> first;
    for (const auto &line : m_lines) {
      if (line.triaged && !line.failed && !is_outside(line)) {
        first.push_back(&line);
      }
    }
    const auto gravity = [](const OverviewEntry *e) {
      return e->presumed_severity ? static_cast<int>(*e->presumed_severity) : -1;
    };
    std::stable_sort(first.begin(), first.end(), [&](const OverviewEntry *a, const OverviewEntry *b) {
      if (gravity(a) != gravity(b)) {
        return gravity(a) > gravity(b);
      }
      if (a->deciding_questions != b->deciding_questions) {
        return a->deciding_questions < b->deciding_questions;
      }
      return a->scope == core::Scope::core && b->scope != core::Scope::core;
    });
    std::vector<std::vector<std::string>> rows;
    int n = 0;
    for (const OverviewEntry *line : first) {
      const std::string scope =
          w(line->scope == core::Scope::core ? Word::scope_core : Word::scope_adjacent) +
          (line->scope_evidence.empty() ? "" : " (" + util::join(line->scope_evidence, ", ") + ")");
      std::string questions;
      for (std::size_t i = 0; i < line->first_questions.size(); ++i) {
        questions += (i == 0 ? ""
                      : html ? "<br>"
                             : " · ") +
                     fmt::format("{}. ", i + 1) + esc(line->first_questions[i]);
      }
      rows.push_back(
          {std::to_string(++n), esc(line->title.empty() ? line->id : line->title), esc(scope),
           esc(line->presumed_severity ? std::string(severity_word(*line->presumed_severity, language))
                                       : std::string("-")),
           esc(line->not_assessed ? w(Word::no_task_recognised)
                                  : verdict_range(line->presumed_best, line->presumed_worst)),
           questions});
    }
    if (rows.empty()) {
      page.paragraph(esc(w(Word::none_word)));
    } else {
      page.table({"#", w(Word::use_case), w(Word::scope_heading), w(Word::presumed_flag),
                  w(Word::presumed_range), w(Word::first_questions)},
                 rows);
    }
  }

  // The distribution, as a bar chart in HTML and as a table with bars of # in Markdown.
  page.heading(w(Word::overview_distribution));
  int most = 1;
  for (const auto &[v, n] : m_verdicts) {
    most = std::max(most, n);
  }
  std::vector<std::vector<std::string>> rows;
  for (const Verdict v : {Verdict::promising, Verdict::conditional, Verdict::limited, Verdict::not_advised,
                          Verdict::insufficient_information}) {
    const auto it = m_verdicts.find(v);
    const int n = it == m_verdicts.end() ? 0 : it->second;
    const std::string bar =
        html ? fmt::format(R"(<span class="bar v-{}" style="width:{:.1f}%"></span>)", core::to_string(v),
                           n == 0 ? 0.0 : std::max(0.5, 100.0 * n / most))
             : std::string(static_cast<std::size_t>((n * 30 + most - 1) / most), '#');
    rows.push_back({esc(verdict(v)), std::to_string(n), bar});
  }
  page.table({w(Word::verdict), w(Word::number), ""}, rows, "chart");

  // Every case, ranked.
  page.heading(w(Word::overview_ranked));
  page.paragraph(esc(w(Word::overview_ranked_intro)));
  std::vector<const OverviewEntry *> order;
  order.reserve(m_lines.size());
  for (const auto &line : m_lines) {
    if (!listed_only(line)) {
      order.push_back(&line);
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const OverviewEntry *a, const OverviewEntry *b) {
    if (a->failed != b->failed) {
      return !a->failed;
    }
    if (a->verdict != b->verdict) {
      return core::favourability(a->verdict) > core::favourability(b->verdict);
    }
    if (a->best != b->best) {
      return core::favourability(a->best) > core::favourability(b->best);
    }
    return a->overall.value_or(-1) > b->overall.value_or(-1);
  });
  rows.clear();
  int rank = 0;
  for (const OverviewEntry *line : order) {
    const std::string number = std::to_string(++rank);
    if (line->failed) {
      rows.push_back({number, esc(line->id), esc(line->title), esc(w(Word::not_assessed)), "", "", "", ""});
      continue;
    }
    const std::string range = verdict_range(line->best, line->worst);
    const std::string flag =
        line->flags.empty()
            ? std::string()
            : fmt::format(
                  "[{}] {}",
                  severity_word(m_fw.flags[static_cast<std::size_t>(line->flags.front())].severity, language),
                  m_fw.flags[static_cast<std::size_t>(line->flags.front())].message.in(lang));
    rows.push_back({number, esc(line->id), esc(line->title), esc(verdict(line->verdict)), esc(range),
                    line->overall ? std::to_string(*line->overall) : "-", esc(line->reason), esc(flag)});
  }
  page.table({"#", w(Word::identifier), w(Word::title), w(Word::verdict), w(Word::possible_range),
              upper_first(w(Word::score)), w(Word::main_reason), w(Word::red_flag)},
             rows);

  page.heading(w(Word::overview_flags));
  rows.clear();
  for (const auto &[flag, n] : most_common(m_flags, 10)) {
    const core::Flag &decl = m_fw.flags[static_cast<std::size_t>(flag)];
    rows.push_back(
        {esc(fmt::format("[{}] {}", severity_word(decl.severity, language), decl.message.in(lang))),
         esc(of(n))});
  }
  if (rows.empty()) {
    page.paragraph(esc(w(Word::no_flags)));
  } else {
    page.table({w(Word::red_flag), w(Word::applications)}, rows);
  }

  page.heading(w(Word::overview_conditions));
  page.paragraph(esc(w(Word::overview_conditions_intro)));
  rows.clear();
  for (const auto &[condition, n] : most_common(m_conditions, m_conditions.size())) {
    if (n > 1 && rows.size() < 10) {
      rows.push_back({esc(m_fw.conditions[static_cast<std::size_t>(condition)].text.in(lang)), esc(of(n))});
    }
  }
  if (rows.empty()) {
    page.paragraph(esc(w(Word::none_recurring)));
  } else {
    page.table({w(Word::conditions), w(Word::applications)}, rows);
  }

  page.heading(w(Word::overview_questions));
  rows.clear();
  for (const auto &[field, n] : most_common(m_questions, 10)) {
    const core::FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(field)];
    rows.push_back(
        {esc(decl.question.in(lang).empty() ? decl.label.in(lang) : decl.question.in(lang)), esc(of(n))});
  }
  if (rows.empty()) {
    page.paragraph(esc(w(Word::no_open_questions)));
  } else {
    page.table({w(Word::question), w(Word::applications)}, rows);
  }

  page.heading(w(Word::overview_quick_wins));
  page.paragraph(esc(w(Word::overview_quick_wins_intro)));
  rows.clear();
  for (const OverviewEntry *line : order) {
    if (!line->failed && !line->quick_change.empty()) {
      rows.push_back({esc(line->title.empty() ? line->id : line->title), esc(line->quick_change),
                      esc(verdict(line->verdict) + " → " + verdict(line->quick_verdict))});
    }
  }
  if (rows.empty()) {
    page.paragraph(esc(w(Word::none_word)));
  } else {
    page.table({w(Word::use_case), w(Word::change), w(Word::verdict)}, rows);
  }
  if (changes || !m_gone.empty()) {
    page.heading(w(Word::overview_changes));
    std::map<std::string, int> kinds;
    for (const auto &line : m_lines) {
      ++kinds[line.change];
    }
    const auto kind_word = [&](const std::string &kind) {
      return w(kind == "new"       ? Word::change_new
               : kind == "changed" ? Word::change_changed
                                   : Word::change_same);
    };
    std::string counts;
    for (const std::string kind : {"new", "changed", "same"}) {
      counts += fmt::format("{}{}: {}", counts.empty() ? "" : ", ", kind_word(kind), kinds[kind]);
    }
    counts += fmt::format(", {}: {}", w(Word::change_gone), m_gone.size());
    page.paragraph(esc(counts));
    rows.clear();
    for (const auto &line : m_lines) {
      if (line.change == "new" || line.change == "changed") {
        rows.push_back({esc(line.title.empty() ? line.id : line.title), esc(kind_word(line.change)),
                        esc(util::join(line.change_what, "; "))});
      }
    }
    for (const auto &gone : m_gone) {
      rows.push_back({esc(gone), esc(w(Word::change_gone)), ""});
    }
    if (rows.empty()) {
      page.paragraph(esc(w(Word::no_changes)));
    } else {
      page.table({w(Word::use_case), w(Word::change), ""}, rows);
    }
  }
  if (outside > 0) {
    page.heading(w(Word::overview_outside));
    const std::string count = fmt::format(fmt::runtime(w(Word::overview_outside_intro)), outside);
    std::vector<std::string> titles;
    for (const auto &line : m_lines) {
      if (is_outside(line)) {
        titles.push_back(esc(line.title.empty() ? line.id : line.title));
      }
    }
    if (html) {
      page.out() += "<details><summary>" + esc(count) + "</summary>\n<ul>\n";
      for (const auto &t : titles) {
        page.out() += "<li>" + t + "</li>\n";
      }
      page.out() += "</ul>\n</details>\n";
    } else {
      page.paragraph(esc(count));
      page.paragraph(util::join(titles, " · "));
    }
  }
  if (html) {
    page.out() += "</body>\n</html>\n";
  }
  return std::move(page.out());
}

} // namespace kansrijk::report
