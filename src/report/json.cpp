// The JSON output v1 contract. nlohmann::ordered_json keeps keys in insertion order, so the
// output is byte-identical for the same input.
#include <algorithm>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <map>
#include <nlohmann/json.hpp>

namespace kansrijk::report {

using Json = nlohmann::ordered_json;
using namespace core;

namespace {

class JsonWriter {
public:
  JsonWriter(const Assessment &a, Language language, std::string date)
      : m_a(a), m_fw(*a.framework), m_uc(*a.use_case), m_lang(language_code(language)), m_language(language),
        m_date(std::move(date)) {
    for (const auto &rule : m_fw.rules) {
      m_rules[rule.id] = &rule;
    }
  }

  Json write() {
    Json out;
    out["tool"] = {{"name", "kansrijk"}, {"version", KANSRIJK_VERSION}};
    out["format_version"] = "1.3";
    out["framework"] = {{"id", m_fw.id}, {"version", m_fw.version}, {"sha256", m_fw.sha256}};
    out["use_case"] = {{"id", m_uc.id}, {"title", m_uc.title}};
    out["language"] = m_lang;
    if (!m_date.empty()) {
      out["date"] = m_date;
    }
    out["verdict"] = std::string(to_string(m_a.verdict));
    out["verdict_reasons"] = verdict_reasons();
    out["verdict_policy"] = verdict_policy();
    out["verdict_range"] = verdict_range();
    Json scores = Json::object();
    for (const auto &block : m_a.blocks) {
      scores[m_fw.blocks[static_cast<std::size_t>(block.block)].id] = optional(block.score);
    }
    scores["overall"] = optional(m_a.overall);
    out["scores"] = scores;
    out["score_details"] = score_details();
    out["tasks"] = tasks();
    out["skills"] = skills();
    Json technologies = Json::array();
    for (const auto &fit : m_a.technologies) {
      technologies.push_back(
          {{"id", m_fw.technologies[static_cast<std::size_t>(fit.technology)].id}, {"fit", fit.fit}});
    }
    out["technologies"] = technologies;
    out["quality_of_work"] = quality_of_work();
    out["flags"] = flags(m_a.flags);
    out["open_questions"] = open_questions();
    out["ranked_questions"] = ranked_questions();
    out["what_if"] = what_if();
    out["conditions"] = advice(m_a.conditions, m_fw.conditions, Kind::condition);
    out["recommendations"] = advice(m_a.recommendations, m_fw.recommendations, Kind::recommendation);
    out["trace"] = trace();
    out["input"] = input();
    out["sources"] = used_sources();
    out["statement"] = m_fw.statement.in(m_lang);
    out["limits"] = m_fw.limits.in(m_lang);
    out["resolved_flags"] = flags(m_a.resolved_flags); // 1.3
    return out;
  }

private:
  static Json optional(const std::optional<int> &value) { return value ? Json(*value) : Json(nullptr); }

  // The ids of the `indices` in `catalogue` (flags, rules, conditions, ...).
  template <typename Catalogue> static Json ids(const std::vector<int> &indices, const Catalogue &catalogue) {
    Json out = Json::array();
    for (const int i : indices) {
      out.push_back(catalogue[static_cast<std::size_t>(i)].id);
    }
    return out;
  }

  static Json sources(const Origin &origin) {
    Json list = Json::array();
    for (const auto &id : origin.sources) {
      list.push_back(id);
    }
    return list;
  }

  Json rule_source(const std::string &rule_id) const {
    if (const auto it = m_rules.find(rule_id); it != m_rules.end()) {
      return sources(it->second->origin);
    }
    if (rule_id.starts_with("task-suitability")) {
      return sources(m_fw.scoring.task_suitability.origin);
    }
    return Json::array();
  }

  // The reasons in the v1.0 shape: the score, then for every policy step that holds what it
  // rests on (knock-out flags, high flags, a weak block, blocks without a score, too much
  // unknown); a step that fits none of these is `capped_by_policy_step` (v1.1).
  Json verdict_reasons() const {
    Json list = Json::array();
    for (const auto &reason : m_a.verdict_reasons) {
      switch (reason.kind) {
      case VerdictReason::Kind::score:
        list.push_back({{"kind", "score"},
                        {"overall", optional(m_a.overall)},
                        {"verdict", std::string(to_string(m_a.verdict_from_score))}});
        break;
      case VerdictReason::Kind::no_score:
        list.push_back({{"kind", "insufficient_information"},
                        {"text", std::string(word(Word::reason_insufficient, m_language))}});
        break;
      case VerdictReason::Kind::open_questions:
        list.push_back({{"kind", "open_questions"},
                        {"at_most", std::string(to_string(reason.at_most))},
                        {"text", std::string(word(Word::reason_open_questions, m_language))}});
        break;
      case VerdictReason::Kind::settled:
        list.push_back({{"kind", "settled"},
                        {"verdict", std::string(to_string(reason.at_most))},
                        {"text", std::string(word(Word::reason_settled, m_language))}});
        break;
      case VerdictReason::Kind::policy_step:
        step_reasons(reason, list);
        break;
      }
    }
    return list;
  }

  void step_reasons(const VerdictReason &reason, Json &list) const {
    const PolicyStep &step = m_fw.verdict.steps[static_cast<std::size_t>(reason.step)];
    const auto reads = core::step_reads(m_fw.verdict, step);
    const std::size_t before = list.size();
    for (const auto &fact : reads.facts) {
      if (fact == "flags.knockout" || fact == "flags.high" || fact == "flags") {
        for (const auto &raised : m_a.flags) {
          const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
          const bool counted = (fact == "flags.knockout" && flag.severity == Severity::knockout) ||
                               (fact == "flags.high" && flag.severity == Severity::high) ||
                               (fact == "flags" && std::find(reads.flags.begin(), reads.flags.end(),
                                                             raised.flag) != reads.flags.end());
          if (counted) {
            list.push_back({{"kind", flag.severity == Severity::knockout ? "knockout"
                                     : flag.severity == Severity::high
                                         ? "capped_by_high_flag"
                                         : "capped_by_flag"}, // 1.3: a milder flag a step names
                            {"flag", flag.id},
                            {"rule", raised.rule},
                            {"step", step.id}});
          }
        }
      } else if (fact == "score.lowest" || (fact.starts_with("score.") && fact != "score.overall")) {
        for (std::size_t b = 0; b < m_a.blocks.size(); ++b) {
          const auto &score = m_a.blocks[b].score;
          const bool lowest =
              fact == "score.lowest" && score &&
              std::none_of(m_a.blocks.begin(), m_a.blocks.end(),
                           [&](const BlockScore &other) { return other.score && *other.score < *score; });
          if (lowest || fact == "score." + m_fw.blocks[b].id) {
            list.push_back({{"kind", "capped_by_weak_block"},
                            {"block", m_fw.blocks[b].id},
                            {"text", step.text.in(m_lang)},
                            {"step", step.id}});
          }
        }
      } else if (fact == "blocks.unscored") {
        list.push_back(
            {{"kind", "capped_by_unscored_blocks"}, {"text", step.text.in(m_lang)}, {"step", step.id}});
      } else if (fact == "unknown_share" || fact == "score.overall") {
        list.push_back(
            {{"kind", "insufficient_information"}, {"text", step.text.in(m_lang)}, {"step", step.id}});
      }
    }
    if (list.size() == before) {
      list.push_back({{"kind", "capped_by_policy_step"},
                      {"step", step.id},
                      {"at_most", std::string(to_string(step.at_most))},
                      {"text", step.text.in(m_lang)}});
    }
  }

  // The verdict policy step by step (v1.1): thresholds, and per step whether it holds.
  Json verdict_policy() const {
    Json steps = Json::array();
    for (std::size_t s = 0; s < m_fw.verdict.steps.size(); ++s) {
      const PolicyStep &step = m_fw.verdict.steps[s];
      const Truth truth = s < m_a.step_truth.size() ? m_a.step_truth[s] : Truth::no;
      bool binding = false;
      for (const auto &reason : m_a.verdict_reasons) {
        binding = binding || (reason.binding && reason.kind == VerdictReason::Kind::policy_step &&
                              reason.step == static_cast<int>(s));
      }
      steps.push_back({{"id", step.id},
                       {"when", step.when_text},
                       {"at_most", std::string(to_string(step.at_most))},
                       {"holds", truth == Truth::yes  ? Json(true)
                                 : truth == Truth::no ? Json(false)
                                                      : Json("unknown")},
                       {"binding", binding},
                       {"text", step.text.in(m_lang)},
                       {"source", sources(step.origin)}});
    }
    return {{"thresholds",
             {{"promising", m_fw.verdict.promising},
              {"conditional", m_fw.verdict.conditional},
              {"limited", m_fw.verdict.limited}}},
            {"steps", steps}};
  }

  // Where the verdict can still go under the open questions (v1.1).
  Json verdict_range() const {
    if (!m_a.range.computed) {
      return nullptr;
    }
    return {{"now", std::string(to_string(m_a.verdict))},
            {"best", std::string(to_string(m_a.range.best))},
            {"worst", std::string(to_string(m_a.range.worst))},
            {"overall_min", optional(m_a.range.overall_min)},
            {"overall_max", optional(m_a.range.overall_max)},
            {"exact", m_a.range.exact},
            {"search_nodes", m_a.range.explored}};
  }

  Json score_details() const {
    Json out = Json::object();
    for (const auto &block : m_a.blocks) {
      Json terms = Json::array();
      for (const auto &term : block.terms) {
        terms.push_back({{"rule", term.rule}, {"points", term.points}});
      }
      out[m_fw.blocks[static_cast<std::size_t>(block.block)].id] = {{"score", optional(block.score)},
                                                                    {"base", block.base},
                                                                    {"terms", terms},
                                                                    {"known", block.known},
                                                                    {"unknown", block.unknown}};
    }
    return out;
  }

  Json tasks() const {
    Json list = Json::array();
    for (const auto &result : m_a.tasks) {
      const auto &entry = m_uc.tasks[static_cast<std::size_t>(result.task)];
      Json item;
      item["ref"] =
          entry.item >= 0 ? Json(m_fw.items[static_cast<std::size_t>(entry.item)].id) : Json(nullptr);
      item["label"] = task_label(m_fw, m_uc, result.task, m_language);
      Json terms = Json::array();
      for (const auto &term : result.terms) {
        terms.push_back({{"rule", term.rule}, {"points", term.points}});
      }
      item["suitability"] = optional(result.suitability);
      item["terms"] = terms;
      list.push_back(item);
    }
    return list;
  }

  Json skills() const {
    Json list = Json::array();
    for (const auto &need : m_a.skills) {
      list.push_back({{"id", m_fw.skills[static_cast<std::size_t>(need.skill)].id},
                      {"weight", need.weight},
                      {"best_support", std::string(to_string(need.best))}});
    }
    return list;
  }

  Json quality_of_work() const {
    Json out = Json::object();
    for (const auto &result : m_a.quality_of_work) {
      Json reasons = Json::array();
      for (const auto &reason : result.reasons) {
        reasons.push_back({{"rule", reason.rule},
                           {"direction", std::string(to_string(reason.direction))},
                           {"source", rule_source(reason.rule)},
                           {"text", m_rules.at(reason.rule)->text.in(m_lang)}});
      }
      out[m_fw.dimensions[static_cast<std::size_t>(result.dimension)].id] = {
          {"direction", std::string(to_string(result.direction))},
          {"valence", std::string(to_string(result.valence))},
          {"reasons", reasons}};
    }
    return out;
  }

  Json flags(const std::vector<RaisedFlag> &raised_flags) const {
    Json list = Json::array();
    for (const auto &raised : raised_flags) {
      const Flag &flag = m_fw.flags[static_cast<std::size_t>(raised.flag)];
      Json rules = Json::array();
      for (const auto &id : raised.either.empty() ? raised.rules : raised.either) {
        rules.push_back(id);
      }
      list.push_back({{"id", flag.id},
                      {"severity", std::string(to_string(flag.severity))},
                      {"rule", raised.rule},
                      {"rules", rules},
                      {"for_every_answer", !raised.either.empty()},
                      {"message", flag.message.in(m_lang)},
                      {"source", sources(flag.origin)}});
      if (&raised_flags == &m_a.resolved_flags) { // 1.3: the conditions that resolved it
        list.back()["resolved_by"] = ids(flag.resolved_by, m_fw.conditions);
      }
    }
    return list;
  }

  // An answer as open questions name it: `{field}`, or `{field: "tasks.<attribute>", task}`.
  Json answer_ref(const UnknownRef &ref) const {
    const auto &decl = ref.task_field ? m_fw.task_fields[static_cast<std::size_t>(ref.field)]
                                      : m_fw.fields[static_cast<std::size_t>(ref.field)];
    Json item;
    item["field"] = ref.task_field ? "tasks." + decl.path : decl.path;
    if (ref.task_field) {
      item["task"] = ref.task;
    }
    return item;
  }

  // A field's value as in a use-case file: a code, a list of codes, a number.
  static Json value_json(const core::FieldDecl &decl, const core::FieldValue &value) {
    switch (decl.type) {
    case core::FieldType::enumeration:
      return value.value >= 0 ? Json(decl.domain.values[static_cast<std::size_t>(value.value)])
                              : Json(nullptr);
    case core::FieldType::enum_list: {
      Json list = Json::array();
      for (const int v : value.values) {
        list.push_back(decl.domain.values[static_cast<std::size_t>(v)]);
      }
      return list;
    }
    case core::FieldType::integer:
      return value.low == value.high ? Json(value.low) : Json::array({value.low, value.high});
    case core::FieldType::text:
      return value.text;
    }
    return nullptr;
  }

  const core::FieldDecl &decl_of(const core::UnknownRef &ref) const {
    return ref.task_field ? m_fw.task_fields[static_cast<std::size_t>(ref.field)]
                          : m_fw.fields[static_cast<std::size_t>(ref.field)];
  }

  // The open questions ranked by what their answers can change (v1.2).
  Json ranked_questions() const {
    Json list = Json::array();
    for (const auto &q : m_a.questions) {
      const auto &decl = decl_of(q.ref);
      Json item = answer_ref(q.ref);
      if (q.ref.member >= 0) {
        item["member"] = decl.domain.values[static_cast<std::size_t>(q.ref.member)];
      }
      item["question"] = question_text(m_fw, m_uc, q.ref, m_language);
      item["can_change_verdict"] = q.can_change;
      item["rules"] = q.rules;
      Json outcomes = Json::array();
      for (const auto &o : q.outcomes) {
        Json answers = Json::array();
        for (const auto &answer : o.answers) {
          answers.push_back(q.ref.member >= 0 ? Json(std::binary_search(answer.values.begin(),
                                                                        answer.values.end(), q.ref.member))
                                              : value_json(decl, answer));
        }
        outcomes.push_back({{"answers", answers},
                            {"best", std::string(to_string(o.best))},
                            {"worst", std::string(to_string(o.worst))},
                            {"exact", o.exact}});
      }
      item["outcomes"] = outcomes;
      list.push_back(item);
    }
    return list;
  }

  // The smallest changes to design choices that make the verdict more favourable (v1.2).
  Json what_if() const {
    const core::WhatIf &wi = m_a.what_if;
    if (!wi.computed) {
      return nullptr;
    }
    static constexpr const char *k_status[] = {"not_needed",    "needs_answers",     "no_design_fields",
                                               "none_possible", "none_within_limit", "found"};
    Json lifts = Json::array();
    for (const auto &lift : wi.lifts) {
      Json changes = Json::array();
      for (std::size_t i = 0; i < lift.changes.size(); ++i) {
        const auto &decl = m_fw.fields[static_cast<std::size_t>(lift.changes[i].field)];
        Json alternatives = Json::array();
        for (const auto &alt : lift.alternatives[i]) {
          alternatives.push_back(value_json(decl, alt));
        }
        changes.push_back(
            {{"field", decl.path},
             {"from", value_json(decl, m_uc.fields[static_cast<std::size_t>(lift.changes[i].field)])},
             {"to", value_json(decl, lift.changes[i].value)},
             {"alternatives", alternatives}});
      }
      lifts.push_back({{"changes", changes},
                       {"verdict", std::string(to_string(lift.verdict))},
                       {"overall", optional(lift.overall)},
                       {"flags_removed", ids(lift.flags_removed, m_fw.flags)},
                       {"flags_added", ids(lift.flags_added, m_fw.flags)},
                       {"rules_removed", ids(lift.rules_removed, m_fw.rules)},
                       {"rules_added", ids(lift.rules_added, m_fw.rules)}});
    }
    return {{"status", k_status[static_cast<int>(wi.status)]},
            {"max_changes", wi.max_changes},
            {"complete", wi.complete},
            {"cases_assessed", wi.evaluated},
            {"bounds_computed", wi.bounded},
            {"lifts", lifts}};
  }

  Json open_questions() const {
    Json list = Json::array();
    for (const auto &question : m_a.open_questions) {
      const auto &decl = question.ref.task_field
                             ? m_fw.task_fields[static_cast<std::size_t>(question.ref.field)]
                             : m_fw.fields[static_cast<std::size_t>(question.ref.field)];
      Json item;
      item["field"] = question.ref.task_field ? "tasks." + decl.path : decl.path;
      if (question.ref.task_field) {
        item["task"] = question.ref.task;
      }
      item["question"] = question_text(m_fw, m_uc, question.ref, m_language);
      item["rules"] = question.rules;
      list.push_back(item);
    }
    for (const auto &asked : m_a.rule_questions) {
      const Rule &rule = *m_rules.at(asked.rule);
      list.push_back({{"field", nullptr},
                      {"question", rule.effects.questions[static_cast<std::size_t>(asked.index)].in(m_lang)},
                      {"rules", Json::array({asked.rule})}});
    }
    return list;
  }

  enum class Kind { condition, recommendation };

  // Conditions (1.1) also carry their status and, when open, the answers that decide it.
  Json
  advice(const std::vector<RaisedAdvice> &raised, const std::vector<Advice> &catalogue, Kind kind) const {
    Json list = Json::array();
    for (const auto &item : raised) {
      const Advice &advice = catalogue[static_cast<std::size_t>(item.advice)];
      Json entry = {{"id", advice.id},
                    {"text", advice.text.in(m_lang)},
                    {"source", sources(advice.origin)},
                    {"rules", item.rules}};
      if (kind == Kind::condition) {
        entry["status"] = std::string(to_string(item.status));
        Json waits_for = Json::array();
        for (const auto &ref : item.waits_for) {
          waits_for.push_back(answer_ref(ref));
        }
        entry["waits_for"] = waits_for;
        const int flag = core::condition_flag(m_a, item);
        entry["answers_flag"] =
            flag < 0
                ? Json(nullptr)
                : Json(m_fw.flags[static_cast<std::size_t>(m_a.flags[static_cast<std::size_t>(flag)].flag)]
                           .id);
        entry["stated"] = item.stated; // 1.3: in place because the use case says so (in_place)
      }
      list.push_back(entry);
    }
    return list;
  }

  Json trace() const {
    Json list = Json::array();
    for (const auto &fired : m_a.fired) {
      const Rule &rule = m_fw.rules[static_cast<std::size_t>(fired.rule)];
      Json effects = Json::object();
      if (!rule.effects.points.empty()) {
        Json points = Json::object();
        for (const auto &p : rule.effects.points) {
          points[m_fw.blocks[static_cast<std::size_t>(p.block)].id] = p.points;
        }
        effects["points"] = points;
      }
      if (!rule.effects.quality_of_work.empty()) {
        Json qow = Json::object();
        for (const auto &q : rule.effects.quality_of_work) {
          qow[m_fw.dimensions[static_cast<std::size_t>(q.dimension)].id] =
              std::string(to_string(q.direction));
        }
        effects["quality_of_work"] = qow;
      }
      if (!rule.effects.flags.empty()) {
        effects["flags"] = ids(rule.effects.flags, m_fw.flags);
      }
      if (!rule.effects.conditions.empty()) {
        effects["conditions"] = ids(rule.effects.conditions, m_fw.conditions);
      }
      if (!rule.effects.recommendations.empty()) {
        effects["recommendations"] = ids(rule.effects.recommendations, m_fw.recommendations);
      }
      list.push_back({{"rule", rule.id},
                      {"block", m_fw.blocks[static_cast<std::size_t>(rule.block)].id},
                      {"when", rule.when_text},
                      {"text", rule.text.in(m_lang)},
                      {"source", sources(rule.origin)},
                      {"effects", effects}});
    }
    return list;
  }

  static Json field_json(const FieldDecl &decl, const FieldValue &value) {
    if (!value.known) {
      return nullptr;
    }
    switch (decl.type) {
    case FieldType::text:
      return value.text;
    case FieldType::enumeration:
      return value.value < 0 ? Json(nullptr)
                             : Json(decl.domain.values[static_cast<std::size_t>(value.value)]);
    case FieldType::enum_list: {
      Json list = Json::array();
      for (const int v : value.values) {
        list.push_back(decl.domain.values[static_cast<std::size_t>(v)]);
      }
      return list;
    }
    case FieldType::integer:
      break; // only verdict facts are integers
    }
    return nullptr;
  }

  // The use case as understood: every declared field (null when unknown) and the tasks with
  // their attributes, so a reader can check what the assessment rests on.
  Json input() const {
    Json fields = Json::object();
    for (const auto &decl : m_fw.fields) {
      if (!decl.derived) {
        fields[decl.path] = field_json(decl, m_uc.fields[static_cast<std::size_t>(decl.index)]);
      }
    }
    Json tasks = Json::array();
    for (const auto &task : m_uc.tasks) {
      Json entry = Json::object();
      for (const auto &decl : m_fw.task_fields) {
        entry[decl.path] = field_json(decl, task.attributes[static_cast<std::size_t>(decl.index)]);
      }
      if (task.item < 0 && (!entry.contains("name") || entry["name"].is_null())) {
        entry["name"] = task.name;
      }
      tasks.push_back(entry);
    }
    return {{"fields", fields}, {"tasks", tasks}};
  }

  // Every source of the framework with its full title, so citations can be resolved offline.
  Json used_sources() const {
    Json list = Json::array();
    for (const auto &source : m_fw.sources) {
      list.push_back({{"id", source.id}, {"title", source.title.in(m_lang)}});
    }
    return list;
  }

  const Assessment &m_a;
  const Framework &m_fw;
  const UseCase &m_uc;
  std::string m_lang;
  Language m_language;
  std::string m_date;
  std::map<std::string, const Rule *> m_rules;
};

} // namespace

std::string render_json(const Assessment &assessment, Language language, const std::string &date) {
  // Text stays exact; invisible characters become \u escapes, so the JSON is safe to print.
  return util::safe_json_document(JsonWriter(assessment, language, date)
                                      .write()
                                      .dump(2, ' ', false, Json::error_handler_t::replace)) +
         "\n";
}

} // namespace kansrijk::report
