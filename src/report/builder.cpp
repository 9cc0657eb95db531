// What a report says, in which order, for every format: sections follow the five building
// blocks; every statement names its rule and source. The sinks decide only how it looks.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/text.hpp>
#include <map>
#include <set>

namespace kansrijk::report {

using namespace core;

namespace {

Tone verdict_tone(Verdict verdict) {
  switch (verdict) {
  case Verdict::promising:
    return Tone::good;
  case Verdict::conditional:
  case Verdict::limited:
  case Verdict::insufficient_information:
    return Tone::caution;
  case Verdict::not_advised:
    return Tone::bad;
  }
  return Tone::plain;
}

Tone severity_tone(Severity severity) {
  switch (severity) {
  case Severity::low:
    return Tone::plain;
  case Severity::medium:
    return Tone::caution;
  case Severity::high:
  case Severity::knockout:
    return Tone::bad;
  }
  return Tone::plain;
}

Tone valence_tone(Valence valence) {
  switch (valence) {
  case Valence::favourable:
    return Tone::good;
  case Valence::unfavourable:
    return Tone::bad;
  case Valence::mixed:
    return Tone::caution;
  default:
    return Tone::plain;
  }
}

std::string upper_ascii(std::string text) {
  for (auto &c : text) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return text;
}

std::string join(const std::vector<std::string> &parts) { return util::join(parts, ", "); }

class Builder {
public:
  Builder(const Assessment &a, const RenderOptions &options, Sink &sink)
      : m_a(a), m_fw(*a.framework), m_uc(*a.use_case), m_options(options), m_language(options.language),
        m_lang(language_code(options.language)), m_sink(sink) {
    for (const auto &rule : m_fw.rules) {
      m_rules[rule.id] = &rule;
    }
  }

  void build() {
    header();
    verdict();
    blocks();
    tasks();
    skills();
    technologies();
    quality_of_work();
    flags();
    policy();
    questions();
    advice(Word::conditions, m_a.conditions, m_fw.conditions);
    advice(Word::recommendations, m_a.recommendations, m_fw.recommendations);
    input();
    closing();
  }

private:
  std::string_view w(Word key) const { return word(key, m_language); }

  std::string cite(const Origin &origin) {
    for (const auto &id : origin.sources) {
      m_cited.insert(id);
    }
    return "[" + join(origin.sources) + "]";
  }

  // `text` followed by the sources of `origin` it does not already cite as "[id]"; all of
  // them go to the list of sources at the end.
  std::string cite_missing(const std::string &text, const Origin &origin) {
    Origin rest = origin;
    rest.sources.clear();
    for (const auto &id : origin.sources) {
      m_cited.insert(id);
      if (text.find("[" + id + "]") == std::string::npos) {
        rest.sources.push_back(id);
      }
    }
    return rest.sources.empty() ? text : text + " " + cite(rest);
  }

  std::string rule_ref(const std::string &id) {
    if (const auto it = m_rules.find(id); it != m_rules.end()) {
      return "(" + std::string(w(Word::rule)) + " " + id + ") " + cite(it->second->origin);
    }
    return "(" + std::string(w(Word::rule)) + " " + id + ")";
  }

  static std::string signed_points(int points) { return fmt::format("{:+d}", points); }

  static Tone points_tone(int points) {
    return points > 0 ? Tone::good : points < 0 ? Tone::bad : Tone::plain;
  }

  void header() {
    m_sink.title(fmt::format("kansrijk {} · {}", KANSRIJK_VERSION, w(Word::report_title)));
    m_sink.meta(w(Word::use_case), fmt::format("{} ({})", m_uc.title, m_uc.id));
    m_sink.meta(w(Word::framework),
                fmt::format("{} {} (sha256 {})", m_fw.id, m_fw.version, m_fw.sha256.substr(0, 12)));
    if (!m_options.date.empty()) {
      m_sink.meta(w(Word::date), m_options.date);
    }
  }

  void verdict() {
    m_sink.verdict(
        upper_ascii(fmt::format("{}: {}", w(Word::verdict), verdict_word(m_a.verdict, m_language))),
        verdict_tone(m_a.verdict));
    // The decisive reason first, then the score, then the other steps that hold.
    for (const auto &reason : m_a.verdict_reasons) {
      if (reason.binding && reason.kind != VerdictReason::Kind::score &&
          reason.kind != VerdictReason::Kind::no_score) {
        verdict_reason(reason, Word::reason_binding);
      }
    }
    for (const auto &reason : m_a.verdict_reasons) {
      if (reason.kind == VerdictReason::Kind::score) {
        m_sink.item("-",
                    fmt::format("{}: {} {} → {} ({}: {} {}, {} {}, {} {}).", w(Word::overall_score),
                                *m_a.overall, w(Word::of_100),
                                verdict_word(m_a.verdict_from_score, m_language), w(Word::thresholds),
                                verdict_word(Verdict::promising, m_language), m_fw.verdict.promising,
                                verdict_word(Verdict::conditional, m_language), m_fw.verdict.conditional,
                                verdict_word(Verdict::limited, m_language), m_fw.verdict.limited),
                    reason.binding ? verdict_tone(m_a.verdict) : Tone::plain);
      } else if (reason.kind == VerdictReason::Kind::no_score) {
        m_sink.item("-", w(Word::reason_insufficient), Tone::caution);
      }
    }
    for (const auto &reason : m_a.verdict_reasons) {
      if (!reason.binding && reason.kind != VerdictReason::Kind::score &&
          reason.kind != VerdictReason::Kind::no_score) {
        verdict_reason(reason, Word::reason_also);
      }
    }
    if (m_a.range.computed) {
      std::string line = fmt::format("{}: {}; ", w(Word::verdict_now), verdict_word(m_a.verdict, m_language));
      if (m_a.range.best == m_a.range.worst && m_a.range.best == m_a.verdict) {
        line += w(Word::range_certain);
      } else {
        line +=
            fmt::format("{} {} {} {}", w(Word::range_between), verdict_word(m_a.range.best, m_language),
                        m_language == Language::nl ? "en" : "and", verdict_word(m_a.range.worst, m_language));
        if (m_a.range.overall_min && m_a.range.overall_max) {
          line += fmt::format(" ({} {}-{} {})", w(Word::overall_score), *m_a.range.overall_min,
                              *m_a.range.overall_max, w(Word::of_100));
        }
      }
      if (!m_a.range.exact) {
        line += " (" + std::string(w(Word::range_approximate)) + ")";
      }
      m_sink.item("-", line + ".", Tone::plain);
    }
  }

  void verdict_reason(const VerdictReason &reason, Word label) {
    const Tone tone = reason.at_most == Verdict::not_advised ? Tone::bad : Tone::caution;
    if (reason.kind == VerdictReason::Kind::open_questions || reason.kind == VerdictReason::Kind::settled) {
      m_sink.item("-",
                  fmt::format("{}: {}: {}.", w(label),
                              w(reason.kind == VerdictReason::Kind::settled ? Word::reason_settled
                                                                            : Word::reason_open_questions),
                              verdict_word(reason.at_most, m_language)),
                  tone);
      return;
    }
    const PolicyStep &step = m_fw.verdict.steps[static_cast<std::size_t>(reason.step)];
    m_sink.item("-",
                fmt::format("{}: {} → {} {}", w(label), step.text.in(m_lang),
                            verdict_word(step.at_most, m_language), cite(step.origin)),
                tone);
    for (const auto &line : step_basis(step)) {
      m_sink.detail("", line);
    }
  }

  // What a policy step rests on in this assessment: the flags, scores and counts it reads.
  std::vector<std::string> step_basis(const PolicyStep &step) {
    const auto reads = core::step_reads(m_fw.verdict, step);
    const auto &read = reads.facts;
    const auto &flags_named = reads.flags;
    std::vector<std::string> lines;
    const auto flag_line = [&](const RaisedFlag &raised) {
      const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      return fmt::format("[{}] {} {}", upper_ascii(std::string(severity_word(flag.severity, m_language))),
                         flag.message.in(m_lang), flag_ref(raised));
    };
    for (const auto &path : read) {
      if (path.starts_with("flags.")) {
        const std::string severity = path.substr(6);
        for (const auto &raised : m_a.flags) {
          if (core::to_string(m_fw.flags[static_cast<std::size_t>(raised.flag)].severity) == severity) {
            lines.push_back(flag_line(raised));
          }
        }
      } else if (path == "flags") {
        for (const auto &raised : m_a.flags) {
          if (std::find(flags_named.begin(), flags_named.end(), raised.flag) != flags_named.end()) {
            lines.push_back(flag_line(raised));
          }
        }
      } else if (path.starts_with("score.") || path == "blocks.unscored") {
        for (std::size_t b = 0; b < m_a.blocks.size(); ++b) {
          const bool named = path == "score." + m_fw.blocks[b].id;
          const bool lowest =
              path == "score.lowest" && m_a.blocks[b].score &&
              std::none_of(m_a.blocks.begin(), m_a.blocks.end(), [&](const BlockScore &other) {
                return other.score && *other.score < *m_a.blocks[b].score;
              });
          const bool unscored = path == "blocks.unscored" && !m_a.blocks[b].score;
          if (named || lowest || unscored) {
            lines.push_back(fmt::format("{}: {}", m_fw.blocks[b].label.in(m_lang),
                                        m_a.blocks[b].score
                                            ? fmt::format("{} {}", *m_a.blocks[b].score, w(Word::of_100))
                                            : std::string(w(Word::not_scored))));
          }
        }
        if (path == "score.overall" && m_a.overall) {
          lines.push_back(fmt::format("{}: {} {}", w(Word::overall_score), *m_a.overall, w(Word::of_100)));
        }
      }
    }
    return lines;
  }

  std::string flag_ref(const RaisedFlag &raised) {
    if (raised.either.empty()) {
      if (raised.rules.size() > 1) {
        std::string out = "(" + std::string(w(Word::rules)) + " " + join(raised.rules) + ")";
        for (const auto &id : raised.rules) {
          if (const auto it = m_rules.find(id); it != m_rules.end()) {
            cite(it->second->origin);
          }
        }
        return out;
      }
      return rule_ref(raised.rule);
    }
    return fmt::format("({}; {}: {})", w(Word::for_every_answer), w(Word::one_of_rules), join(raised.either));
  }

  // The verdict policy step by step: what each step says, whether it holds here, and why it
  // is part of the framework.
  void policy() {
    if (m_fw.verdict.steps.empty()) {
      return;
    }
    m_sink.heading(w(Word::policy_heading));
    for (std::size_t s = 0; s < m_fw.verdict.steps.size(); ++s) {
      const PolicyStep &step = m_fw.verdict.steps[s];
      const Truth truth = s < m_a.step_truth.size() ? m_a.step_truth[s] : Truth::no;
      const Word status = truth == Truth::yes  ? Word::step_holds
                          : truth == Truth::no ? Word::step_not
                                               : Word::step_open;
      m_sink.item(fmt::format("{}.", s + 1),
                  fmt::format("{} → {} {}: {}", step.text.in(m_lang), verdict_word(step.at_most, m_language),
                              w(Word::rule), step.id) +
                      fmt::format(" [{}]", w(status)),
                  truth == Truth::yes ? (step.at_most == Verdict::not_advised ? Tone::bad : Tone::caution)
                                      : Tone::plain);
      m_sink.detail("", cite_missing(step.justification.in(m_lang), step.origin));
    }
  }

  void blocks() {
    m_sink.heading(w(Word::building_blocks));
    std::vector<BarDatum> bars;
    for (const auto &score : m_a.blocks) {
      bars.push_back({m_fw.blocks[static_cast<std::size_t>(score.block)].label.in(m_lang), score.score});
    }
    bars.push_back({std::string(w(Word::overall_score)), m_a.overall});
    m_sink.bar_chart(w(Word::chart_scores), bars);
    int number = 1;
    for (const auto &score : m_a.blocks) {
      const Block &block = m_fw.blocks[static_cast<std::size_t>(score.block)];
      const std::string value = score.score ? fmt::format("{} {}", *score.score, w(Word::of_100))
                                            : std::string(w(Word::not_scored));
      const Tone tone = !score.score                          ? Tone::caution
                        : *score.score < m_fw.verdict.limited ? Tone::bad
                                                              : Tone::plain;
      m_sink.subheading(fmt::format("{}. {}: {}", number++, block.label.in(m_lang), value), tone);
      m_sink.paragraph(block.question.in(m_lang) + " " + cite(block.origin));
      if (score.base != 0) {
        m_sink.score_row(fmt::format("{}", score.base), w(Word::base), Tone::plain);
      }
      for (const auto &term : score.terms) {
        m_sink.score_row(signed_points(term.points), term_text(term), points_tone(term.points));
      }
      if (score.terms.empty()) {
        m_sink.score_row("", w(Word::no_rules), Tone::plain);
      }
    }
  }

  std::string term_text(const ScoreTerm &term) {
    if (term.rule == "task-suitability") {
      return fmt::format("{} (task-suitability) {}", w(Word::term_task_suitability),
                         cite(m_fw.scoring.task_suitability.origin));
    }
    if (term.rule == "skill-support") {
      return fmt::format("{} (skill-support)", w(Word::term_skill_support));
    }
    if (term.rule == "technology-fit") {
      return fmt::format("{} (technology-fit)", w(Word::term_technology_fit));
    }
    if (term.rule.starts_with("quality-of-work.")) {
      const std::string id = term.rule.substr(std::string("quality-of-work.").size());
      for (const auto &dim : m_fw.dimensions) {
        if (dim.id == id) {
          return fmt::format("{} {} ({})", w(Word::term_quality_of_work), dim.label.in(m_lang), term.rule);
        }
      }
    }
    const auto it = m_rules.find(term.rule);
    return it == m_rules.end() ? term.rule : it->second->text.in(m_lang) + " " + rule_ref(term.rule);
  }

  std::string value_label(const FieldDecl &decl, int value) const {
    if (value < 0) {
      return std::string(w(Word::unknown_value));
    }
    const std::string &raw = decl.domain.values[static_cast<std::size_t>(value)];
    if (const auto it = decl.value_labels.find(raw); it != decl.value_labels.end()) {
      return it->second.in(m_lang);
    }
    return raw;
  }

  std::string field_text(const FieldDecl &decl, const FieldValue &value) const {
    if (!value.known) {
      return std::string(w(Word::unknown_value));
    }
    switch (decl.type) {
    case FieldType::text:
      return value.text;
    case FieldType::enumeration:
      return value_label(decl, value.value);
    case FieldType::enum_list: {
      std::vector<std::string> labels;
      for (const int v : value.values) {
        labels.push_back(value_label(decl, v));
      }
      return labels.empty() ? std::string(w(Word::none_listed)) : join(labels);
    }
    case FieldType::integer:
      break; // only verdict facts are integers
    }
    return {};
  }

  void tasks() {
    m_sink.heading(w(Word::tasks_touched));
    for (const auto &result : m_a.tasks) {
      const TaskEntry &entry = m_uc.tasks[static_cast<std::size_t>(result.task)];
      std::string kind;
      if (entry.item >= 0) {
        const TaxonomyItem &item = m_fw.items[static_cast<std::size_t>(entry.item)];
        const int kind_field = m_fw.task_field_with(FieldRole::task_kind);
        kind =
            kind_field < 0
                ? fmt::format("{}, {}", m_fw.pillars[static_cast<std::size_t>(item.pillar)].label.in(m_lang),
                              item.id)
                : fmt::format("{}, {}, {}",
                              m_fw.pillars[static_cast<std::size_t>(item.pillar)].label.in(m_lang),
                              core::value_label(m_fw.task_fields[static_cast<std::size_t>(kind_field)],
                                                item.kind, m_lang),
                              item.id);
      } else {
        kind = std::string(w(Word::custom_task));
      }
      const std::string suitability = result.suitability
                                          ? fmt::format("{} {}", *result.suitability, w(Word::of_100))
                                          : std::string(w(Word::not_known));
      m_sink.item("-",
                  fmt::format("{} ({}): {} {}", task_label(m_fw, m_uc, result.task, m_language), kind,
                              w(Word::suitability), suitability),
                  Tone::plain);
      std::string parts;
      for (const auto &term : result.terms) {
        const std::string attr = term.rule.substr(std::string("task-suitability.").size());
        const int field = m_fw.task_field_index(attr);
        const FieldDecl &decl = m_fw.task_fields[static_cast<std::size_t>(field)];
        parts += fmt::format("{}{}: {} {}", parts.empty() ? "" : "; ", decl.label.in(m_lang),
                             value_label(decl, entry.attributes[static_cast<std::size_t>(field)].value),
                             signed_points(term.points));
      }
      if (!parts.empty()) {
        m_sink.detail("", parts);
      }
    }
  }

  void skills() {
    m_sink.heading(w(Word::skills_needed));
    for (const auto &need : m_a.skills) {
      const Skill &skill = m_fw.skills[static_cast<std::size_t>(need.skill)];
      m_sink.item(
          "-",
          fmt::format(
              "{}{} ({} {}): {} {}", skill.label.in(m_lang),
              skill.group > 0
                  ? fmt::format(" [{}]",
                                m_fw.skill_groups[static_cast<std::size_t>(skill.group)].label.in(m_lang))
                  : "",
              w(Word::weight), need.weight, w(Word::best_support), grade_word(need.best, m_language)),
          Tone::plain);
    }
  }

  void technologies() {
    m_sink.heading(w(Word::technologies));
    if (m_a.technologies.empty()) {
      m_sink.paragraph(w(Word::no_technology_ranking));
      return;
    }
    const int named_field = m_fw.field_with(FieldRole::technology);
    const FieldValue *named = named_field >= 0 ? &m_uc.fields[static_cast<std::size_t>(named_field)] : nullptr;
    int rank = 1;
    for (std::size_t i = 0; i < m_a.technologies.size(); ++i) {
      const auto &fit = m_a.technologies[i];
      const Technology &tech = m_fw.technologies[static_cast<std::size_t>(fit.technology)];
      const bool is_named = named && named->known && named->value >= 0 &&
                            m_fw.fields[static_cast<std::size_t>(named_field)]
                                    .domain.values[static_cast<std::size_t>(named->value)] == tech.id;
      m_sink.item(fmt::format("{}.", rank++),
                  fmt::format("{}: {} {}{} {}", tech.label.in(m_lang), fit.fit, w(Word::of_100),
                              is_named ? fmt::format(" ← {}", w(Word::named_by_user)) : "", cite(tech.origin)),
                  Tone::plain);
      if (i + 1 < m_a.technologies.size() && m_a.technologies[i + 1].fit == fit.fit &&
          (i == 0 || m_a.technologies[i - 1].fit != fit.fit)) {
        m_sink.detail("", tie_text(i));
      }
    }
  }

  // For technologies with equal fit from position `first` on: what separates them on the skills
  // this use case needs, or that nothing does and the simpler one is listed first.
  std::string tie_text(std::size_t first) {
    std::vector<int> tied;
    for (std::size_t i = first; i < m_a.technologies.size() && m_a.technologies[i].fit == m_a.technologies[first].fit;
         ++i) {
      tied.push_back(m_a.technologies[i].technology);
    }
    std::vector<std::string> names;
    for (const int t : tied) {
      names.push_back(m_fw.technologies[static_cast<std::size_t>(t)].label.in(m_lang));
    }
    std::vector<std::string> differences;
    for (const int t : tied) {
      std::vector<std::string> stronger;
      for (const auto &need : m_a.skills) {
        const Grade grade = m_fw.support[static_cast<std::size_t>(need.skill)][static_cast<std::size_t>(t)].grade;
        const bool best = std::all_of(tied.begin(), tied.end(), [&](int other) {
          return other == t ||
                 grade > m_fw.support[static_cast<std::size_t>(need.skill)][static_cast<std::size_t>(other)].grade;
        });
        if (best) {
          stronger.push_back(m_fw.skills[static_cast<std::size_t>(need.skill)].label.in(m_lang));
        }
      }
      if (!stronger.empty()) {
        differences.push_back(fmt::format("{} {} {}", m_fw.technologies[static_cast<std::size_t>(t)].label.in(m_lang),
                                          w(Word::tie_stronger_in), join(stronger)));
      }
    }
    const std::string head = fmt::format("{} ({}, {} {}).", w(Word::tie_equal), join(names),
                                         m_a.technologies[first].fit, w(Word::of_100));
    if (differences.empty()) {
      return head + " " + std::string(w(Word::tie_nothing_separates));
    }
    return head + " " + util::join(differences, "; ") + ". " + std::string(w(Word::tie_order));
  }

  void quality_of_work() {
    m_sink.heading(w(Word::quality_of_work));
    std::vector<DirectionDatum> rows;
    for (const auto &result : m_a.quality_of_work) {
      const Dimension &dim = m_fw.dimensions[static_cast<std::size_t>(result.dimension)];
      int direction = 0;
      switch (result.direction) {
      case QowDirection::up:
        direction = 1;
        break;
      case QowDirection::down:
        direction = -1;
        break;
      case QowDirection::mixed:
        direction = 2;
        break;
      case QowDirection::unknown:
        direction = 3;
        break;
      default:
        break;
      }
      rows.push_back({dim.label.in(m_lang), direction,
                      std::string(direction_word(result.direction, m_language)),
                      valence_tone(result.valence)});
    }
    m_sink.direction_chart(w(Word::chart_quality_of_work), rows);
    for (const auto &result : m_a.quality_of_work) {
      const Dimension &dim = m_fw.dimensions[static_cast<std::size_t>(result.dimension)];
      m_sink.item("-",
                  fmt::format("{}: {} ({})", dim.label.in(m_lang),
                              direction_word(result.direction, m_language),
                              valence_word(result.valence, m_language)),
                  valence_tone(result.valence));
      for (const auto &reason : result.reasons) {
        const Rule &rule = *m_rules.at(reason.rule);
        m_sink.detail(reason.direction == Direction::up ? "↑" : "↓",
                      rule.text.in(m_lang) + " " + rule_ref(reason.rule));
      }
    }
  }

  void flags() {
    m_sink.heading(w(Word::flags));
    if (m_a.flags.empty()) {
      m_sink.paragraph(w(Word::no_flags));
    }
    for (const auto &raised : m_a.flags) {
      const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      m_sink.item(fmt::format("[{}]", upper_ascii(std::string(severity_word(flag.severity, m_language)))),
                  fmt::format("{} {}", flag.message.in(m_lang), flag_ref(raised)),
                  severity_tone(flag.severity));
      m_sink.detail("", cite_missing(flag.justification.in(m_lang), flag.origin));
    }
  }

  void questions() {
    m_sink.heading(w(Word::open_questions));
    if (m_a.open_questions.empty() && m_a.rule_questions.empty()) {
      m_sink.paragraph(w(Word::no_open_questions));
    }
    for (const auto &question : m_a.open_questions) {
      m_sink.item("-",
                  fmt::format("{} ({}: {})", question_text(m_fw, m_uc, question.ref, m_language),
                              w(Word::needed_for), join(question.rules)),
                  Tone::plain);
    }
    for (const auto &asked : m_a.rule_questions) {
      const Rule &rule = *m_rules.at(asked.rule);
      m_sink.item("-",
                  fmt::format("{} ({} {})",
                              rule.effects.questions[static_cast<std::size_t>(asked.index)].in(m_lang),
                              w(Word::questions_from_rules), asked.rule),
                  Tone::plain);
    }
  }

  void advice(Word title, const std::vector<RaisedAdvice> &raised, const std::vector<Advice> &catalogue) {
    if (raised.empty()) {
      return;
    }
    m_sink.heading(w(title));
    for (const auto &item : raised) {
      const Advice &entry = catalogue[static_cast<std::size_t>(item.advice)];
      const Word label = item.rules.size() == 1 ? Word::rule : Word::rules;
      m_sink.item("-",
                  fmt::format("{} {} ({}: {})", entry.text.in(m_lang), cite(entry.origin), w(label),
                              join(item.rules)),
                  Tone::plain);
    }
  }

  // The answers as kansrijk understood them, so a reader can check the report rests on the
  // right description.
  void input() {
    m_sink.heading(w(Word::input_understood));
    if (const int index = m_fw.field_index("description"); index >= 0) {
      const FieldValue &description = m_uc.fields[static_cast<std::size_t>(index)];
      if (description.known && !description.text.empty()) {
        m_sink.paragraph(description.text);
      }
    }
    for (const auto &decl : m_fw.fields) {
      if (decl.derived || decl.path == "title" || decl.path == "id" || decl.path == "description") {
        continue;
      }
      const FieldValue &value = m_uc.fields[static_cast<std::size_t>(decl.index)];
      m_sink.item("-", fmt::format("{} ({}): {}", decl.label.in(m_lang), decl.path, field_text(decl, value)),
                  value.known ? Tone::plain : Tone::caution);
    }
  }

  void closing() {
    m_sink.heading(w(Word::sources));
    for (const auto &source : m_fw.sources) {
      if (m_cited.count(source.id) != 0) {
        m_sink.item(fmt::format("[{}]", source.id), source.title.in(m_lang), Tone::plain);
      }
    }
    m_sink.note(w(Word::statement), m_fw.statement.in(m_lang));
    m_sink.note(w(Word::limits), m_fw.limits.in(m_lang));
  }

  const Assessment &m_a;
  const Framework &m_fw;
  const UseCase &m_uc;
  const RenderOptions &m_options;
  Language m_language;
  std::string m_lang;
  Sink &m_sink;
  std::map<std::string, const Rule *> m_rules;
  std::set<std::string> m_cited;
};

} // namespace

void build_report(const Assessment &assessment, const RenderOptions &options, Sink &sink) {
  Builder(assessment, options, sink).build();
}

} // namespace kansrijk::report
