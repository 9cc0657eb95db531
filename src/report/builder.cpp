// What a report says, in which order, for every format. Two layers: a main part for the reader
// who receives the report (the verdict and what binds it, what it means, the flags, what to
// arrange, the effects on the work, the open questions, the scores at a glance), in plain words
// without rule ids, hashes or source codes; and an appendix that justifies it all (rule ids,
// points, sources, the verdict policy step by step, the framework's fingerprint, the input as
// understood). Nothing is left out: the main part says it plainly, the appendix traces it. The
// sinks decide only how it looks.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/core/use_case.hpp>
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

// `text` with its first letter in lower case, for a word inside a sentence (ASCII only: the
// report's own words start with one).
std::string lower_first(std::string_view text) {
  std::string out(text);
  if (!out.empty()) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  return out;
}

Word meaning_word(Verdict verdict) {
  switch (verdict) {
  case Verdict::promising:
    return Word::meaning_promising;
  case Verdict::conditional:
    return Word::meaning_conditional;
  case Verdict::limited:
    return Word::meaning_limited;
  case Verdict::not_advised:
    return Word::meaning_not_advised;
  case Verdict::insufficient_information:
    return Word::meaning_insufficient;
  }
  return Word::meaning_insufficient;
}

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
    main_part();
    appendix();
  }

private:
  // Whether a statement is for the reader (plain words) or for the justification (with rule
  // ids and sources).
  enum class Layer { main, appendix };

  // The main part, for the reader who receives the report. A section for a new analysis goes
  // here as one more method, in the place it should be read.
  void main_part() {
    header();
    verdict();
    meaning();
    flags(Layer::main);
    conditions();
    what_if(Layer::main);
    recommendations(Layer::main);
    effects_on_work();
    questions(Layer::main);
    at_a_glance();
    m_sink.paragraph(w(Word::appendix_pointer));
    m_sink.note(w(Word::statement), m_fw.statement.in(m_lang));
    m_sink.note(w(Word::limits), m_fw.limits.in(m_lang));
  }

  // The appendix: everything the main part says, traced to rules, points and sources.
  void appendix() {
    m_sink.part(w(Word::appendix));
    m_sink.paragraph(fmt::format(fmt::runtime(w(Word::appendix_intro)),
                                 m_fw.sources.empty() ? std::string("1") : m_fw.sources.front().id));
    trace_header();
    policy();
    blocks();
    tasks();
    skills();
    technologies();
    quality_of_work();
    flags(Layer::appendix);
    questions(Layer::appendix);
    what_if(Layer::appendix);
    trace_conditions();
    recommendations(Layer::appendix);
    input();
    sources();
  }

  std::string_view w(Word key) const { return word(key, m_language); }

  // The heading over the tasks touched: the framework's words for its task list, else the frame's.
  std::string tasks_heading() const {
    const std::string &own = m_fw.tasks_heading.in(m_lang);
    return own.empty() ? std::string(w(Word::tasks_touched)) : own;
  }

  std::string cite(const Origin &origin) {
    if (origin.sources.empty()) {
      return {}; // a framework may leave provenance out (item_provenance: optional)
    }
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

  // "a, b en c".
  std::string join_and(const std::vector<std::string> &parts) const {
    if (parts.size() < 2) {
      return parts.empty() ? std::string() : parts.front();
    }
    const std::vector<std::string> head(parts.begin(), parts.end() - 1);
    return fmt::format("{} {} {}", join(head), w(Word::and_word), parts.back());
  }

  std::string severity_label(const Flag &flag) const {
    return fmt::format("[{}]", upper_ascii(std::string(severity_word(flag.severity, m_language))));
  }

  // The title, the case and the date; the running head of every printed page.
  void header() {
    m_sink.title(w(Word::report_title));
    m_sink.running_head(m_uc.title, m_options.date);
    m_sink.meta(w(Word::use_case), m_uc.title);
    if (!m_options.date.empty()) {
      m_sink.meta(w(Word::date), m_options.date);
    }
    m_sink.meta(w(Word::assessed_with), m_fw.title.in(m_lang));
  }

  // Where the report comes from: the tool, the framework and its fingerprint, the use case.
  void trace_header() {
    m_sink.meta(w(Word::tool), fmt::format("kansrijk {}", KANSRIJK_VERSION));
    m_sink.meta(w(Word::framework), fmt::format("{}, {} {}", m_fw.title.in(m_lang), m_fw.id, m_fw.version));
    m_sink.meta(w(Word::framework_hash), m_fw.sha256);
    m_sink.meta(w(Word::use_case_id), m_uc.id);
  }

  // The verdict and, in plain words, the reason that binds it, the score and what the open
  // questions can still change.
  void verdict() {
    m_sink.verdict(
        upper_ascii(fmt::format("{}: {}", w(Word::verdict), verdict_word(m_a.verdict, m_language))),
        verdict_tone(m_a.verdict));
    // The decisive reason first, then the score, then the other steps that hold.
    for (const auto &reason : m_a.verdict_reasons) {
      if (reason.binding && reason.kind != VerdictReason::Kind::score &&
          reason.kind != VerdictReason::Kind::no_score) {
        verdict_reason(reason, Word::reason_binding, Layer::main);
      }
    }
    for (const auto &reason : m_a.verdict_reasons) {
      if (reason.kind == VerdictReason::Kind::score) {
        m_sink.item("-",
                    fmt::format("{}: {} {}; {}: {}.", w(Word::overall_score), *m_a.overall, w(Word::of_100),
                                w(Word::score_alone), verdict_word(m_a.verdict_from_score, m_language)),
                    reason.binding ? verdict_tone(m_a.verdict) : Tone::plain);
      } else if (reason.kind == VerdictReason::Kind::no_score) {
        m_sink.item("-", w(Word::reason_insufficient), Tone::caution);
      }
    }
    for (const auto &reason : m_a.verdict_reasons) {
      if (!reason.binding && reason.kind != VerdictReason::Kind::score &&
          reason.kind != VerdictReason::Kind::no_score) {
        verdict_reason(reason, Word::reason_also, Layer::main);
      }
    }
    range();
  }

  // Where the verdict can still go over the open questions.
  void range() {
    if (!m_a.range.computed) {
      return;
    }
    if (m_a.open_questions.empty() && m_a.range.best == m_a.range.worst) {
      return; // nothing is open that could change it
    }
    std::string line = fmt::format("{}: {}; ", w(Word::verdict_now), verdict_word(m_a.verdict, m_language));
    if (m_a.range.best == m_a.range.worst && m_a.range.best == m_a.verdict) {
      line += w(Word::range_certain);
    } else {
      line += fmt::format("{} {} {} {}", w(Word::range_between), verdict_word(m_a.range.best, m_language),
                          w(Word::and_word), verdict_word(m_a.range.worst, m_language));
      if (m_a.range.overall_min && m_a.range.overall_max) {
        const std::string scores = *m_a.range.overall_min == *m_a.range.overall_max
                                       ? fmt::format("{}", *m_a.range.overall_min)
                                       : fmt::format("{}-{}", *m_a.range.overall_min, *m_a.range.overall_max);
        line += fmt::format(" ({} {} {})", lower_first(w(Word::overall_score)), scores, w(Word::of_100));
      }
    }
    if (!m_a.range.exact) {
      line += " (" + std::string(w(Word::range_approximate)) + ")";
    }
    m_sink.item("-", line + ".", Tone::plain);
  }

  void verdict_reason(const VerdictReason &reason, Word label, Layer layer) {
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
    if (layer == Layer::main) {
      m_sink.item("-",
                  fmt::format("{}: {}, {} {}.", w(label), step.text.in(m_lang),
                              w(step.at_most == Verdict::not_advised ||
                                        step.at_most == Verdict::insufficient_information
                                    ? Word::so
                                    : Word::so_at_most),
                              verdict_word(step.at_most, m_language)),
                  tone);
    } else {
      m_sink.item("-",
                  fmt::format("{}: {} → {} ({} {}) {}", w(label), step.text.in(m_lang),
                              verdict_word(step.at_most, m_language), w(Word::step), step.id,
                              cite(step.origin)),
                  tone);
    }
    for (const auto &line : step_basis(step, layer)) {
      // The main part names a flag or score once, under the first reason that rests on it.
      if (layer == Layer::appendix || m_basis_shown.insert(line).second) {
        m_sink.detail("", line);
      }
    }
  }

  // What a policy step rests on in this assessment: the flags, scores and counts it reads.
  std::vector<std::string> step_basis(const PolicyStep &step, Layer layer) {
    const auto reads = core::step_reads(m_fw.verdict, step);
    const auto &read = reads.facts;
    const auto &flags_named = reads.flags;
    std::vector<std::string> lines;
    const auto flag_line = [&](const RaisedFlag &raised) {
      const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      return layer == Layer::main
                 ? fmt::format("{} {}", severity_label(flag), flag.message.in(m_lang))
                 : fmt::format("{} {} {}", severity_label(flag), flag.message.in(m_lang), flag_ref(raised));
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

  // What the verdict means in practice for whoever decides on the application.
  void meaning() {
    m_sink.heading(w(Word::meaning));
    std::string text(w(meaning_word(m_a.verdict)));
    const auto has = [&](ConditionStatus status) {
      return std::any_of(m_a.conditions.begin(), m_a.conditions.end(),
                         [&](const RaisedAdvice &c) { return c.status == status; });
    };
    const bool may_start = m_a.verdict == Verdict::promising || m_a.verdict == Verdict::conditional;
    if (m_a.verdict == Verdict::promising &&
        (has(ConditionStatus::to_arrange) || has(ConditionStatus::open))) {
      text += " " + std::string(w(Word::meaning_arrange));
    }
    const bool high = std::any_of(m_a.flags.begin(), m_a.flags.end(), [&](const RaisedFlag &raised) {
      return m_fw.flags[static_cast<std::size_t>(raised.flag)].severity >= Severity::high;
    });
    if (may_start && !m_a.flags.empty()) {
      text += " " + std::string(w(high ? Word::meaning_flags : Word::meaning_flags_mild));
    }
    if (has(ConditionStatus::in_place) && m_a.verdict != Verdict::not_advised) {
      text += " " + std::string(w(Word::meaning_keep));
    }
    if (m_a.range.computed && m_a.range.best != m_a.range.worst &&
        m_a.verdict != Verdict::insufficient_information) {
      text += " " + std::string(w(Word::meaning_open));
    }
    m_sink.paragraph(text);
  }

  // The verdict policy step by step: the score against the thresholds, the reasons with their
  // sources, and what each step says, whether it holds here, and why it is part of the
  // framework.
  void policy() {
    m_sink.heading(w(Word::policy_heading));
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
      } else {
        verdict_reason(reason, reason.binding ? Word::reason_binding : Word::reason_also, Layer::appendix);
      }
    }
    for (std::size_t s = 0; s < m_fw.verdict.steps.size(); ++s) {
      const PolicyStep &step = m_fw.verdict.steps[s];
      const Truth truth = s < m_a.step_truth.size() ? m_a.step_truth[s] : Truth::no;
      const Word status = truth == Truth::yes  ? Word::step_holds
                          : truth == Truth::no ? Word::step_not
                                               : Word::step_open;
      m_sink.item(fmt::format("{}.", s + 1),
                  fmt::format("{} → {} ({} {}) [{}]", step.text.in(m_lang),
                              verdict_word(step.at_most, m_language), w(Word::step), step.id, w(status)),
                  truth == Truth::yes ? (step.at_most == Verdict::not_advised ? Tone::bad : Tone::caution)
                                      : Tone::plain);
      m_sink.detail("", cite_missing(step.justification.in(m_lang), step.origin));
    }
  }

  // Every building block with its score and every term behind it.
  void blocks() {
    m_sink.heading(w(Word::building_blocks));
    int number = 1;
    for (const auto &score : m_a.blocks) {
      const Block &block = m_fw.blocks[static_cast<std::size_t>(score.block)];
      const std::string value = score.score ? fmt::format("{} {}", *score.score, w(Word::of_100))
                                            : std::string(w(Word::not_scored));
      m_sink.subheading(fmt::format("{}. {}: {}", number++, block.label.in(m_lang), value),
                        block_tone(score));
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
      labels.reserve(value.values.size());
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
    m_sink.heading(tasks_heading());
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

  // Whether technology `t` is the one the use case names.
  bool is_named(int t) const {
    const int field = m_fw.field_with(FieldRole::technology);
    if (field < 0) {
      return false;
    }
    const FieldValue &named = m_uc.fields[static_cast<std::size_t>(field)];
    return named.known && named.value >= 0 &&
           m_fw.fields[static_cast<std::size_t>(field)]
                   .domain.values[static_cast<std::size_t>(named.value)] ==
               m_fw.technologies[static_cast<std::size_t>(t)].id;
  }

  // The skills of this use case that technology `a` supports better than every one of
  // `others`.
  std::vector<std::string> stronger_in(int a, const std::vector<int> &others) const {
    std::vector<std::string> out;
    for (const auto &need : m_a.skills) {
      const auto &grades = m_fw.support[static_cast<std::size_t>(need.skill)];
      const Grade grade = grades[static_cast<std::size_t>(a)].grade;
      if (std::all_of(others.begin(), others.end(), [&](int other) {
            return other == a || grade > grades[static_cast<std::size_t>(other)].grade;
          })) {
        out.push_back(lower_first(m_fw.skills[static_cast<std::size_t>(need.skill)].label.in(m_lang)));
      }
    }
    return out;
  }

  std::string tech_label(int t) const {
    return m_fw.technologies[static_cast<std::size_t>(t)].label.in(m_lang);
  }

  // The full ranking, with sources, what separates equal fits and why the named technology
  // ranks where it does.
  void technologies() {
    m_sink.heading(w(Word::technologies));
    if (m_a.technologies.empty()) {
      m_sink.paragraph(w(Word::no_technology_ranking));
      return;
    }
    int rank = 1;
    for (std::size_t i = 0; i < m_a.technologies.size(); ++i) {
      const auto &fit = m_a.technologies[i];
      const Technology &tech = m_fw.technologies[static_cast<std::size_t>(fit.technology)];
      m_sink.item(fmt::format("{}.", rank++),
                  fmt::format("{}: {} {}{} {}", tech.label.in(m_lang), fit.fit, w(Word::of_100),
                              is_named(fit.technology) ? fmt::format(" ← {}", w(Word::named_by_user)) : "",
                              cite(tech.origin)),
                  Tone::plain);
      if (i + 1 < m_a.technologies.size() && m_a.technologies[i + 1].fit == fit.fit &&
          (i == 0 || m_a.technologies[i - 1].fit != fit.fit)) {
        m_sink.detail("", tie_text(i));
      }
      if (is_named(fit.technology) && fit.fit < m_a.technologies.front().fit) {
        m_sink.detail("", below_best_text(i));
      }
    }
  }

  // For technologies with equal fit from position `first` on: what separates them on the skills
  // this use case needs, or that nothing does and the simpler one is listed first.
  std::string tie_text(std::size_t first) {
    std::vector<int> tied;
    for (std::size_t i = first;
         i < m_a.technologies.size() && m_a.technologies[i].fit == m_a.technologies[first].fit; ++i) {
      tied.push_back(m_a.technologies[i].technology);
    }
    std::vector<std::string> names;
    std::vector<std::string> differences;
    for (const int t : tied) {
      names.push_back(tech_label(t));
      if (const auto stronger = stronger_in(t, tied); !stronger.empty()) {
        differences.push_back(
            fmt::format("{} {} {}", tech_label(t), w(Word::tie_stronger_in), join_and(stronger)));
      }
    }
    const std::string head = fmt::format("{}: {}, {} {} {}.", w(Word::tie_equal), join_and(names),
                                         w(Word::each), m_a.technologies[first].fit, w(Word::of_100));
    if (differences.empty()) {
      return head + " " + std::string(w(Word::tie_nothing_separates));
    }
    return head + " " + util::join(differences, "; ") + ". " + std::string(w(Word::tie_order));
  }

  // Why the technology named at position `named` fits less well than the best: the skills in
  // which the best is stronger.
  std::string below_best_text(std::size_t named) {
    const int best = m_a.technologies.front().technology;
    const int own = m_a.technologies[named].technology;
    std::string text = fmt::format("{} {} {} ({} {} {} {}).", tech_label(own), w(Word::fits_less_than),
                                   tech_label(best), m_a.technologies[named].fit, w(Word::versus),
                                   m_a.technologies.front().fit, w(Word::of_100));
    if (const auto stronger = stronger_in(best, {own}); !stronger.empty()) {
      text.pop_back();
      text += fmt::format(": {} {} {}.", tech_label(best), w(Word::tie_stronger_in), join_and(stronger));
    }
    return text;
  }

  // The direction per quality-of-work dimension, with the rules and sources behind it.
  void quality_of_work() {
    m_sink.heading(w(Word::quality_of_work));
    for (const auto &result : m_a.quality_of_work) {
      const Dimension &dim = m_fw.dimensions[static_cast<std::size_t>(result.dimension)];
      m_sink.item("-",
                  fmt::format("{}: {} ({})", dim.label.in(m_lang),
                              direction_word(result.direction, m_language),
                              valence_word(result.valence, m_language)),
                  valence_tone(result.valence));
      for (const auto &reason : result.reasons) {
        const Rule &rule = *m_rules.at(reason.rule);
        const std::string ref = reason.either.empty()
                                    ? rule_ref(reason.rule)
                                    : fmt::format("({}; {}: {})", w(Word::for_every_answer),
                                                  w(Word::one_of_rules), join(reason.either));
        m_sink.detail(reason.direction == Direction::up ? "↑" : "↓", rule.text.in(m_lang) + " " + ref);
      }
    }
  }

  // The main part's view of the work: the tasks touched, the chart, and per dimension the
  // expected direction and why, in the rules' words.
  void effects_on_work() {
    m_sink.heading(w(Word::effects_on_work));
    std::vector<std::string> tasks;
    tasks.reserve(m_a.tasks.size());
    for (const auto &result : m_a.tasks) {
      tasks.push_back(task_label(m_fw, m_uc, result.task, m_language));
    }
    if (!tasks.empty()) {
      m_sink.paragraph(fmt::format("{}: {}.", tasks_heading(), util::join(tasks, "; ")));
    }
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
    // Each dimension in one line, then each finding behind them once: one finding often moves
    // several dimensions, and says so itself.
    std::vector<std::string> findings;
    for (const auto &result : m_a.quality_of_work) {
      const Dimension &dim = m_fw.dimensions[static_cast<std::size_t>(result.dimension)];
      m_sink.item("-",
                  fmt::format("{}: {} ({})", dim.label.in(m_lang),
                              direction_word(result.direction, m_language),
                              valence_word(result.valence, m_language)),
                  valence_tone(result.valence));
      for (const auto &reason : result.reasons) {
        std::vector<std::string> texts;
        for (const auto &id : reason.either.empty() ? std::vector<std::string>{reason.rule} : reason.either) {
          texts.push_back(m_rules.at(id)->text.in(m_lang));
        }
        const std::string text = reason.either.empty() ? texts.front()
                                                       : fmt::format("{}: {}", w(Word::for_every_answer),
                                                                     util::join(texts, " / "));
        if (std::find(findings.begin(), findings.end(), text) == findings.end()) {
          findings.push_back(text);
        }
      }
    }
    if (!findings.empty()) {
      m_sink.subheading(w(Word::why_expected), Tone::plain);
      for (const auto &text : findings) {
        m_sink.item("-", text, Tone::plain);
      }
    }
  }

  void flags(Layer layer) {
    m_sink.heading(w(Word::flags));
    if (m_a.flags.empty()) {
      m_sink.paragraph(w(Word::no_flags));
    }
    for (const auto &raised : m_a.flags) {
      const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      if (layer == Layer::main) {
        m_sink.item(severity_label(flag), flag.message.in(m_lang), severity_tone(flag.severity));
        continue;
      }
      m_sink.item(severity_label(flag), fmt::format("{} {}", flag.message.in(m_lang), flag_ref(raised)),
                  severity_tone(flag.severity));
      m_sink.detail("", cite_missing(flag.justification.in(m_lang), flag.origin));
    }
    resolved_flags(layer);
  }

  // Flags the rules raise but the use case resolves: every condition that resolves them is
  // stated as arranged. Named, so that a reader sees what the statement carries.
  void resolved_flags(Layer layer) {
    if (m_a.resolved_flags.empty()) {
      return;
    }
    m_sink.subheading(w(Word::resolved_flags), Tone::plain);
    for (const auto &raised : m_a.resolved_flags) {
      const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      m_sink.item("-",
                  layer == Layer::main ? flag.message.in(m_lang)
                                       : fmt::format("{} {}", flag.message.in(m_lang), flag_ref(raised)),
                  Tone::plain);
      std::vector<std::string> texts;
      texts.reserve(flag.resolved_by.size());
      for (const int condition : flag.resolved_by) {
        texts.push_back(m_fw.conditions[static_cast<std::size_t>(condition)].text.in(m_lang));
      }
      m_sink.detail("", fmt::format("{}: {}", w(Word::resolved_by_stated), util::join(texts, " ")));
    }
  }

  void questions(Layer layer) {
    m_sink.heading(w(Word::open_questions));
    if (m_a.open_questions.empty() && m_a.rule_questions.empty()) {
      m_sink.paragraph(w(Word::no_open_questions));
    }
    if (!m_a.questions.empty()) {
      ranked_questions(layer);
    } else {
      for (const auto &question : m_a.open_questions) {
        const std::string text = question_text(m_fw, m_uc, question.ref, m_language);
        m_sink.item("-",
                    layer == Layer::main
                        ? text
                        : fmt::format("{} ({}: {})", text, w(Word::needed_for), join(question.rules)),
                    Tone::plain);
      }
    }
    for (const auto &asked : m_a.rule_questions) {
      const Rule &rule = *m_rules.at(asked.rule);
      const std::string text = rule.effects.questions[static_cast<std::size_t>(asked.index)].in(m_lang);
      m_sink.item("-",
                  layer == Layer::main
                      ? text
                      : fmt::format("{} ({} {})", text, w(Word::questions_from_rules), asked.rule),
                  Tone::plain);
    }
  }

  const core::FieldDecl &decl_of(const core::UnknownRef &ref) const {
    return ref.task_field ? m_fw.task_fields[static_cast<std::size_t>(ref.field)]
                          : m_fw.fields[static_cast<std::size_t>(ref.field)];
  }

  std::string value_words(const core::FieldDecl &decl, const core::FieldValue &value) const {
    return report::value_words(decl, value, m_language);
  }

  // The answer to an open question in words ("ja" for a list member that is in).
  std::string answer_words(const core::UnknownRef &ref, const core::FieldValue &value) const {
    if (ref.member >= 0) {
      const bool in = std::binary_search(value.values.begin(), value.values.end(), ref.member);
      return std::string(w(in ? Word::yes_word : Word::no_word));
    }
    return value_words(decl_of(ref), value);
  }

  std::string range_words(core::Verdict best, core::Verdict worst) const {
    if (best == worst) {
      return std::string(verdict_word(best, m_language));
    }
    return fmt::format("{} {} {} {}", w(Word::range_between), verdict_word(best, m_language),
                       w(Word::and_word), verdict_word(worst, m_language));
  }

  // A ranked question: the question (for a list, about one of its values) and, when its answer
  // can change the verdict, where each answer leads.
  void ranked_questions(Layer layer) {
    const bool any_can = std::any_of(m_a.questions.begin(), m_a.questions.end(),
                                     [](const core::RankedQuestion &q) { return q.can_change; });
    bool cannot_started = false;
    if (any_can) {
      m_sink.paragraph(w(Word::questions_can_change));
    } else if (m_a.range.computed && m_a.range.exact) {
      m_sink.paragraph(w(Word::verdict_settled_now));
    }
    int number = 0;
    for (const auto &q : m_a.questions) {
      if (!q.can_change && !cannot_started) {
        cannot_started = true;
        if (any_can) {
          m_sink.paragraph(w(Word::questions_cannot_change));
        }
      }
      std::string text = question_text(m_fw, m_uc, q.ref, m_language);
      if (q.ref.member >= 0) {
        text += " (" + core::value_label(decl_of(q.ref), q.ref.member, m_lang) + ")";
      }
      if (layer == Layer::appendix) {
        text += fmt::format(" ({}: {})", w(Word::needed_for), join(q.rules));
      }
      m_sink.item(q.can_change ? fmt::format("{}.", ++number) : "-", text, Tone::plain);
      if (!q.can_change) {
        continue;
      }
      for (const auto &outcome : q.outcomes) {
        std::vector<std::string> answers;
        answers.reserve(outcome.answers.size());
        for (const auto &answer : outcome.answers) {
          answers.push_back(answer_words(q.ref, answer));
        }
        m_sink.detail("->",
                      fmt::format("{} \"{}\": {}{}", w(Word::answer_leads_to),
                                  util::join(answers, "\" " + std::string(w(Word::or_word)) + " \""),
                                  range_words(outcome.best, outcome.worst),
                                  outcome.exact ? "" : " (" + std::string(w(Word::range_approximate)) + ")"));
      }
    }
  }

  std::string change_words(const core::DesignChange &change,
                           const std::vector<core::FieldValue> &alternatives) const {
    return report::change_words(m_fw, m_uc, change, alternatives, m_language);
  }

  // What would make the use case more promising: the smallest sets of changes to design
  // choices, each with the verdict it gives and the red flags it removes or brings in.
  void what_if(Layer layer) {
    const core::WhatIf &wi = m_a.what_if;
    if (!wi.computed || wi.status == core::WhatIf::Status::not_needed ||
        wi.status == core::WhatIf::Status::no_design_fields) {
      return;
    }
    m_sink.heading(w(Word::what_if));
    switch (wi.status) {
    case core::WhatIf::Status::needs_answers:
      m_sink.paragraph(w(Word::what_if_needs_answers));
      return;
    case core::WhatIf::Status::none_possible:
      m_sink.paragraph(w(Word::what_if_none_possible));
      break;
    case core::WhatIf::Status::none_within_limit:
      m_sink.paragraph(fmt::format(fmt::runtime(w(Word::what_if_none_within)), wi.max_changes));
      break;
    default:
      m_sink.paragraph(w(Word::what_if_intro));
      break;
    }
    int number = 0;
    for (const auto &lift : wi.lifts) {
      std::vector<std::string> parts;
      for (std::size_t i = 0; i < lift.changes.size(); ++i) {
        parts.push_back(change_words(lift.changes[i], lift.alternatives[i]));
      }
      std::string verdict = std::string(verdict_word(lift.verdict, m_language));
      if (lift.overall) {
        verdict += fmt::format(" ({} {} {})", w(Word::overall_score), *lift.overall, w(Word::of_100));
      }
      m_sink.item(fmt::format("{}.", ++number),
                  upper_first(util::join(parts, "; ")) + " - " + std::string(w(Word::what_if_becomes)) +
                      ": " + verdict,
                  Tone::good);
      const auto flag_list = [&](const std::vector<int> &flags) {
        std::vector<std::string> out;
        out.reserve(flags.size());
        for (const int f : flags) {
          out.push_back(m_fw.flags[static_cast<std::size_t>(f)].message.in(m_lang));
        }
        return util::join(out, " ");
      };
      if (!lift.flags_removed.empty()) {
        m_sink.detail("", std::string(w(Word::what_if_removes)) + ": " + flag_list(lift.flags_removed));
      }
      if (!lift.flags_added.empty()) {
        m_sink.detail("", std::string(w(Word::what_if_adds)) + ": " + flag_list(lift.flags_added));
      }
      if (layer == Layer::appendix) {
        const auto rule_ids = [&](const std::vector<int> &rules) {
          std::vector<std::string> out;
          out.reserve(rules.size());
          for (const int r : rules) {
            out.push_back(m_fw.rules[static_cast<std::size_t>(r)].id);
          }
          return join(out);
        };
        if (!lift.rules_removed.empty()) {
          m_sink.detail("", std::string(w(Word::rules_no_longer)) + ": " + rule_ids(lift.rules_removed));
        }
        if (!lift.rules_added.empty()) {
          m_sink.detail("", std::string(w(Word::rules_newly)) + ": " + rule_ids(lift.rules_added));
        }
      }
    }
    if (layer == Layer::appendix) {
      std::string trace =
          fmt::format(fmt::runtime(w(Word::what_if_trace)), wi.max_changes, wi.evaluated, wi.bounded);
      if (!wi.complete) {
        trace += " (" + std::string(w(Word::what_if_incomplete)) + ")";
      }
      m_sink.paragraph(trace);
    }
  }

  // The conditions for the reader: what to arrange first (those that answer a flag first, the
  // most severe flag first), what depends on open questions, and what is in place already.
  void conditions() {
    if (m_a.conditions.empty()) {
      return;
    }
    m_sink.heading(w(Word::conditions));
    const auto order = core::conditions_by_weight(m_a);
    for (const auto &[status, title] : {std::pair{ConditionStatus::to_arrange, Word::to_arrange},
                                        std::pair{ConditionStatus::open, Word::still_open},
                                        std::pair{ConditionStatus::in_place, Word::in_place}}) {
      int number = 1;
      for (const std::size_t c : order) {
        const RaisedAdvice &raised = m_a.conditions[c];
        if (raised.status != status) {
          continue;
        }
        if (number == 1) {
          m_sink.subheading(w(title), Tone::plain);
        }
        const std::string &text = m_fw.conditions[static_cast<std::size_t>(raised.advice)].text.in(m_lang);
        m_sink.item(status == ConditionStatus::to_arrange ? fmt::format("{}.", number) : "-", text,
                    Tone::plain);
        ++number;
        if (status == ConditionStatus::to_arrange) {
          if (const int flag = core::condition_flag(m_a, raised); flag >= 0) {
            const Flag &f =
                m_fw.flags[static_cast<std::size_t>(m_a.flags[static_cast<std::size_t>(flag)].flag)];
            m_sink.detail("", fmt::format("{}: {}", w(Word::answers_flag), f.message.in(m_lang)));
          }
        } else if (raised.stated) {
          m_sink.detail("", w(Word::stated_in_place));
        } else if (status == ConditionStatus::open) {
          std::vector<std::string> questions;
          questions.reserve(raised.waits_for.size());
          for (const auto &ref : raised.waits_for) {
            questions.push_back(question_text(m_fw, m_uc, ref, m_language));
          }
          m_sink.detail("", fmt::format("{}: {}", w(Word::depends_on), util::join(questions, " ")));
        }
      }
    }
  }

  // Every raised condition with its status, the rules that raise it and its sources.
  void trace_conditions() {
    if (m_a.conditions.empty()) {
      return;
    }
    m_sink.heading(w(Word::conditions));
    for (const auto &raised : m_a.conditions) {
      const Advice &entry = m_fw.conditions[static_cast<std::size_t>(raised.advice)];
      const Word status = raised.stated                                ? Word::status_stated
                          : raised.status == ConditionStatus::in_place ? Word::status_in_place
                          : raised.status == ConditionStatus::open     ? Word::status_open
                                                                       : Word::status_to_arrange;
      m_sink.item(fmt::format("[{}]", w(status)),
                  fmt::format("{} {} ({} {}; {}: {})", entry.text.in(m_lang), cite(entry.origin),
                              w(Word::condition), entry.id,
                              w(raised.rules.size() == 1 ? Word::rule : Word::rules), join(raised.rules)),
                  Tone::plain);
      if (!entry.met_when_text.empty()) {
        m_sink.detail("", fmt::format("{}: {}", w(Word::in_place_when), entry.met_when_text));
      }
    }
  }

  void recommendations(Layer layer) {
    if (m_a.recommendations.empty()) {
      return;
    }
    m_sink.heading(w(Word::recommendations));
    for (const auto &raised : m_a.recommendations) {
      const Advice &entry = m_fw.recommendations[static_cast<std::size_t>(raised.advice)];
      m_sink.item("-",
                  layer == Layer::main
                      ? entry.text.in(m_lang)
                      : fmt::format("{} {} ({}: {})", entry.text.in(m_lang), cite(entry.origin),
                                    w(raised.rules.size() == 1 ? Word::rule : Word::rules),
                                    join(raised.rules)),
                  Tone::plain);
    }
  }

  // The scores per building block and the technology that fits best, without the terms.
  void at_a_glance() {
    m_sink.heading(w(Word::at_a_glance));
    std::vector<BarDatum> bars;
    bars.reserve(m_a.blocks.size());
    for (const auto &score : m_a.blocks) {
      bars.push_back({m_fw.blocks[static_cast<std::size_t>(score.block)].label.in(m_lang), score.score});
    }
    bars.push_back({std::string(w(Word::overall_score)), m_a.overall});
    m_sink.bar_chart(w(Word::chart_scores), bars);
    for (const auto &score : m_a.blocks) {
      m_sink.item("-",
                  fmt::format("{}: {}", m_fw.blocks[static_cast<std::size_t>(score.block)].label.in(m_lang),
                              score.score ? fmt::format("{} {}", *score.score, w(Word::of_100))
                                          : std::string(w(Word::not_scored))),
                  block_tone(score));
    }
    m_sink.item("-",
                fmt::format("{}: {}", w(Word::overall_score),
                            m_a.overall ? fmt::format("{} {}", *m_a.overall, w(Word::of_100))
                                        : std::string(w(Word::not_scored))),
                Tone::plain);
    if (m_a.technologies.empty()) {
      return;
    }
    const auto &best = m_a.technologies.front();
    m_sink.item("-",
                fmt::format("{}: {} ({} {}){}.", w(Word::best_fit), tech_label(best.technology), best.fit,
                            w(Word::of_100),
                            is_named(best.technology) ? ", " + std::string(w(Word::named_by_user)) : ""),
                Tone::plain);
    if (m_a.technologies.size() > 1 && m_a.technologies[1].fit == best.fit) {
      m_sink.detail("", tie_text(0));
    }
    for (std::size_t i = 1; i < m_a.technologies.size(); ++i) {
      if (is_named(m_a.technologies[i].technology) && m_a.technologies[i].fit < best.fit) {
        m_sink.detail("", below_best_text(i));
      }
    }
  }

  Tone block_tone(const BlockScore &score) const {
    return !score.score ? Tone::caution : *score.score < m_fw.verdict.limited ? Tone::bad : Tone::plain;
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

  void sources() {
    m_sink.heading(w(Word::sources));
    for (const auto &source : m_fw.sources) {
      if (m_cited.contains(source.id)) {
        m_sink.item(fmt::format("[{}]", source.id), source.title.in(m_lang), Tone::plain);
      }
    }
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
  std::set<std::string> m_basis_shown; // main part: what the verdict's reasons rest on, once
};

} // namespace

void build_report(const Assessment &assessment, const RenderOptions &options, Sink &sink) {
  Builder(assessment, options, sink).build();
}

} // namespace kansrijk::report
