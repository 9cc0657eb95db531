// The plain-text report, for reading in a terminal or pasting into a file note. Sections
// follow the five building blocks; every statement names its rule and source.
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace kansrijk::report {

using namespace core;

namespace {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++width;
    }
  }
  return width;
}

// Text made safe for a terminal: control characters (escape sequences
// among them) become U+FFFD, so a hostile title cannot move the cursor or recolour the screen.
std::string printable(std::string_view text) {
  static constexpr std::string_view k_replacement = "\xEF\xBF\xBD";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\t' || c == '\r') {
      out += ' ';
    } else if (byte < 0x20 || byte == 0x7F) {
      out += k_replacement;
    } else {
      out += c;
    }
  }
  return out;
}

class TextWriter {
public:
  TextWriter(const Assessment& a, Language language, int width)
      : m_a(a), m_fw(*a.framework), m_uc(*a.use_case), m_language(language),
        m_lang(language_code(language)), m_width(std::max(40, width)) {
    for (const auto& rule : m_fw.rules) {
      m_rules[rule.id] = &rule;
    }
  }

  std::string write() {
    header();
    verdict();
    blocks();
    tasks();
    skills();
    technologies();
    quality_of_work();
    flags();
    questions();
    advice(Word::conditions, m_a.conditions, m_fw.conditions);
    advice(Word::recommendations, m_a.recommendations, m_fw.recommendations);
    closing();
    return m_out;
  }

private:
  std::string_view w(Word key) const { return word(key, m_language); }

  // Every line of the report passes here, so no text (from the use case or from a framework
  // written elsewhere) reaches the terminal with control characters in it.
  void line(std::string_view text = {}) {
    m_out += printable(text);
    m_out += '\n';
  }

  // Writes `text` wrapped at the report width, the first line after `first`, later lines
  // indented by `indent` spaces.
  void wrapped(std::string_view first, std::string_view text, std::size_t indent) {
    std::string current(first);
    std::size_t current_width = display_width(first);
    bool line_has_word = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t space = text.find(' ', pos);
      const std::string_view token = text.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
      pos = space == std::string_view::npos ? text.size() : space + 1;
      if (token.empty()) {
        continue;
      }
      const std::size_t token_width = display_width(token);
      if (line_has_word && current_width + 1 + token_width > static_cast<std::size_t>(m_width)) {
        line(current);
        current = std::string(indent, ' ');
        current_width = indent;
        line_has_word = false;
      }
      if (line_has_word) {
        current += ' ';
        ++current_width;
      }
      current += token;
      current_width += token_width;
      line_has_word = true;
    }
    line(current);
  }

  void heading(std::string_view title) {
    line();
    line(title);
    line(std::string(display_width(title), '-'));
  }

  std::string cite(const Origin& origin) {
    for (const auto& id : origin.sources) {
      m_cited.insert(id);
    }
    std::string out = "[";
    for (std::size_t i = 0; i < origin.sources.size(); ++i) {
      out += (i ? ", " : "") + origin.sources[i];
    }
    return out + "]";
  }

  // `text` followed by the sources of `origin` it does not already cite as "[id]"; all of
  // them go to the list of sources at the end.
  std::string cite_missing(const std::string& text, const Origin& origin) {
    Origin rest = origin;
    rest.sources.clear();
    for (const auto& id : origin.sources) {
      m_cited.insert(id);
      if (text.find("[" + id + "]") == std::string::npos) {
        rest.sources.push_back(id);
      }
    }
    return rest.sources.empty() ? text : text + " " + cite(rest);
  }

  std::string rule_ref(const std::string& id) {
    if (const auto it = m_rules.find(id); it != m_rules.end()) {
      return "(" + std::string(w(Word::rule)) + " " + id + ") " + cite(it->second->origin);
    }
    return "(" + std::string(w(Word::rule)) + " " + id + ")";
  }

  static std::string signed_points(int points) { return fmt::format("{:+d}", points); }

  void header() {
    line(fmt::format("kansrijk {} · {}", KANSRIJK_VERSION, w(Word::report_title)));
    line(std::string(display_width(fmt::format("kansrijk {} · {}", KANSRIJK_VERSION, w(Word::report_title))), '='));
    wrapped(fmt::format("{}: ", w(Word::use_case)), fmt::format("{} ({})", m_uc.title, m_uc.id), 4);
    wrapped(fmt::format("{}: ", w(Word::framework)),
            fmt::format("{} {} (sha256 {})", m_fw.id, m_fw.version, m_fw.sha256.substr(0, 12)), 4);
  }

  void verdict() {
    std::string title = fmt::format("{}: {}", w(Word::verdict), verdict_word(m_a.verdict, m_language));
    for (auto& c : title) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    heading(title);
    for (const auto& reason : m_a.verdict_reasons) {
      switch (reason.kind) {
      case VerdictReasonKind::score:
        wrapped("- ", fmt::format("{}: {} {} → {} ({}: {} {}, {} {}, {} {}).", w(Word::overall_score), *m_a.overall,
                                  w(Word::of_100), verdict_word(m_a.verdict_from_score, m_language), w(Word::thresholds),
                                  verdict_word(Verdict::promising, m_language), m_fw.scoring.threshold_promising,
                                  verdict_word(Verdict::conditional, m_language), m_fw.scoring.threshold_conditional,
                                  verdict_word(Verdict::limited, m_language), m_fw.scoring.threshold_limited),
                2);
        break;
      case VerdictReasonKind::insufficient_information:
        wrapped("- ", w(Word::reason_insufficient), 2);
        break;
      case VerdictReasonKind::capped_by_weak_block:
        wrapped("- ", fmt::format("{}: {} ({} {})", w(Word::reason_weak_block),
                                  m_fw.blocks[static_cast<std::size_t>(reason.block)].label.in(m_lang),
                                  *m_a.blocks[static_cast<std::size_t>(reason.block)].score, w(Word::of_100)),
                2);
        break;
      case VerdictReasonKind::capped_by_unscored_blocks:
        wrapped("- ", w(Word::reason_unscored_blocks), 2);
        break;
      case VerdictReasonKind::capped_by_high_flag:
      case VerdictReasonKind::knockout: {
        const Flag& flag = m_fw.flags[static_cast<std::size_t>(reason.flag)];
        wrapped("- ", fmt::format("{}: {} {}",
                                  w(reason.kind == VerdictReasonKind::knockout ? Word::reason_knockout : Word::reason_capped),
                                  flag.message.in(m_lang), rule_ref(reason.rule)),
                2);
        break;
      }
      }
    }
  }

  void blocks() {
    heading(w(Word::building_blocks));
    int number = 1;
    for (const auto& score : m_a.blocks) {
      const Block& block = m_fw.blocks[static_cast<std::size_t>(score.block)];
      const std::string value = score.score ? fmt::format("{} {}", *score.score, w(Word::of_100))
                                            : std::string(w(Word::not_scored));
      line();
      wrapped("", fmt::format("{}. {}: {}", number++, block.label.in(m_lang), value), 3);
      wrapped("   ", block.question.in(m_lang) + " " + cite(block.origin), 3);
      if (score.base != 0) {
        line(fmt::format("   {:>4}  {}", score.base, w(Word::base)));
      }
      for (const auto& term : score.terms) {
        wrapped(fmt::format("   {:>4}  ", signed_points(term.points)), term_text(term), 9);
      }
      if (score.terms.empty()) {
        line(fmt::format("         {}", w(Word::no_rules)));
      }
    }
  }

  std::string term_text(const ScoreTerm& term) {
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
      for (const auto& dim : m_fw.dimensions) {
        if (dim.id == id) {
          return fmt::format("{} {} ({})", w(Word::term_quality_of_work), dim.label.in(m_lang), term.rule);
        }
      }
    }
    const auto it = m_rules.find(term.rule);
    return it == m_rules.end() ? term.rule : it->second->text.in(m_lang) + " " + rule_ref(term.rule);
  }

  std::string value_label(const FieldDecl& decl, int value) const {
    if (value < 0) {
      return std::string(w(Word::unknown_value));
    }
    const std::string& raw = decl.domain.values[static_cast<std::size_t>(value)];
    if (const auto it = decl.value_labels.find(raw); it != decl.value_labels.end()) {
      return it->second.in(m_lang);
    }
    return raw;
  }

  void tasks() {
    heading(w(Word::tasks_touched));
    for (const auto& result : m_a.tasks) {
      const TaskEntry& entry = m_uc.tasks[static_cast<std::size_t>(result.task)];
      std::string kind;
      if (entry.item >= 0) {
        const TaxonomyItem& item = m_fw.items[static_cast<std::size_t>(entry.item)];
        kind = fmt::format("{}, {}, {}", m_fw.pillars[static_cast<std::size_t>(item.pillar)].label.in(m_lang),
                           w(item.is_action ? Word::action : Word::task), item.id);
      } else {
        kind = std::string(w(Word::custom_task));
      }
      const std::string suitability = result.suitability ? fmt::format("{} {}", *result.suitability, w(Word::of_100))
                                                         : std::string(w(Word::not_known));
      wrapped("- ", fmt::format("{} ({}): {} {}", task_label(m_fw, m_uc, result.task, m_language), kind,
                                w(Word::suitability), suitability),
              4);
      std::string parts;
      for (const auto& term : result.terms) {
        const std::string attr = term.rule.substr(std::string("task-suitability.").size());
        const int field = m_fw.task_field_index(attr);
        const FieldDecl& decl = m_fw.task_fields[static_cast<std::size_t>(field)];
        parts += fmt::format("{}{}: {} {}", parts.empty() ? "" : "; ", decl.label.in(m_lang),
                             value_label(decl, entry.attributes[static_cast<std::size_t>(field)].value),
                             signed_points(term.points));
      }
      if (!parts.empty()) {
        wrapped("    ", parts, 4);
      }
    }
  }

  void skills() {
    heading(w(Word::skills_needed));
    for (const auto& need : m_a.skills) {
      const Skill& skill = m_fw.skills[static_cast<std::size_t>(need.skill)];
      wrapped("- ", fmt::format("{}{} ({} {}): {} {}", skill.label.in(m_lang),
                                skill.group == SkillGroup::affective ? fmt::format(" [{}]", w(Word::affective)) : "",
                                w(Word::weight), need.weight, w(Word::best_support),
                                grade_word(need.best, m_language)),
              4);
    }
  }

  void technologies() {
    heading(w(Word::technologies));
    if (m_a.technologies.empty()) {
      wrapped("", w(Word::no_technology_ranking), 0);
      return;
    }
    const int named_field = m_fw.field_index("ai.technology");
    const FieldValue* named = named_field >= 0 ? &m_uc.fields[static_cast<std::size_t>(named_field)] : nullptr;
    int rank = 1;
    for (const auto& fit : m_a.technologies) {
      const Technology& tech = m_fw.technologies[static_cast<std::size_t>(fit.technology)];
      const bool is_named = named && named->known &&
                            m_fw.fields[static_cast<std::size_t>(named_field)].domain.values[static_cast<std::size_t>(named->value)] == tech.id;
      wrapped(fmt::format("{}. ", rank++), fmt::format("{}: {} {}{} {}", tech.label.in(m_lang), fit.fit, w(Word::of_100),
                                                       is_named ? fmt::format(" ← {}", w(Word::named_by_user)) : "",
                                                       cite(tech.origin)),
              3);
    }
  }

  void quality_of_work() {
    heading(w(Word::quality_of_work));
    for (const auto& result : m_a.quality_of_work) {
      const Dimension& dim = m_fw.dimensions[static_cast<std::size_t>(result.dimension)];
      wrapped("- ", fmt::format("{}: {} ({})", dim.label.in(m_lang), direction_word(result.direction, m_language),
                                valence_word(result.valence, m_language)),
              4);
      for (const auto& reason : result.reasons) {
        const Rule& rule = *m_rules.at(reason.rule);
        wrapped(fmt::format("    {} ", reason.direction == Direction::up ? "↑" : "↓"),
                rule.text.in(m_lang) + " " + rule_ref(reason.rule), 6);
      }
    }
  }

  void flags() {
    heading(w(Word::flags));
    if (m_a.flags.empty()) {
      line(w(Word::no_flags));
    }
    for (const auto& raised : m_a.flags) {
      const Flag& flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      std::string severity(severity_word(flag.severity, m_language));
      for (auto& c : severity) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      wrapped(fmt::format("[{}] ", severity), fmt::format("{} {}", flag.message.in(m_lang), rule_ref(raised.rule)), 4);
      wrapped("    ", cite_missing(flag.justification.in(m_lang), flag.origin), 4);
    }
  }

  void questions() {
    heading(w(Word::open_questions));
    if (m_a.open_questions.empty() && m_a.rule_questions.empty()) {
      line(w(Word::no_open_questions));
    }
    for (const auto& question : m_a.open_questions) {
      std::string rules;
      for (const auto& rule : question.rules) {
        rules += (rules.empty() ? "" : ", ") + rule;
      }
      wrapped("- ", fmt::format("{} ({}: {})", question_text(m_fw, m_uc, question.ref, m_language),
                                w(Word::needed_for), rules),
              2);
    }
    for (const auto& asked : m_a.rule_questions) {
      const Rule& rule = *m_rules.at(asked.rule);
      wrapped("- ", fmt::format("{} ({} {})", rule.effects.questions[static_cast<std::size_t>(asked.index)].in(m_lang),
                                w(Word::questions_from_rules), asked.rule),
              2);
    }
  }

  void advice(Word title, const std::vector<RaisedAdvice>& raised, const std::vector<Advice>& catalogue) {
    if (raised.empty()) {
      return;
    }
    heading(w(title));
    for (const auto& item : raised) {
      const Advice& entry = catalogue[static_cast<std::size_t>(item.advice)];
      std::string rules;
      for (const auto& rule : item.rules) {
        rules += (rules.empty() ? "" : ", ") + rule;
      }
      const Word label = item.rules.size() == 1 ? Word::rule : Word::rules;
      wrapped("- ", fmt::format("{} {} ({}: {})", entry.text.in(m_lang), cite(entry.origin), w(label), rules), 2);
    }
  }

  void closing() {
    heading(w(Word::sources));
    for (const auto& source : m_fw.sources) {
      if (m_cited.count(source.id) != 0) {
        wrapped(fmt::format("[{}] ", source.id), source.title, 4);
      }
    }
    line();
    wrapped(fmt::format("{}: ", w(Word::statement)), m_fw.statement.in(m_lang), 4);
    wrapped(fmt::format("{}: ", w(Word::limits)), m_fw.limits.in(m_lang), 4);
  }

  const Assessment& m_a;
  const Framework& m_fw;
  const UseCase& m_uc;
  Language m_language;
  std::string m_lang;
  int m_width;
  std::string m_out;
  std::map<std::string, const Rule*> m_rules;
  std::set<std::string> m_cited;
};

} // namespace

std::string render_text(const Assessment& assessment, Language language, int width) {
  return TextWriter(assessment, language, width).write();
}

} // namespace kansrijk::report
