// What rules raise and the rules themselves: flags, recommendations and conditions, then
// every rule with its condition, effects and counterweights (flags.yaml, recommendations.yaml
// and rules.yaml by convention; each may be split over several files).
#include "framework_loading.hpp"

#include <algorithm>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io::detail {

using namespace core;

namespace {

// The indices in `ids` of the ids listed under `key` of `effects`; unknown ones are reported.
std::vector<int> resolve_list(Loading &loading,
                              const Node &effects,
                              std::string_view key,
                              const std::vector<std::string> &ids,
                              const std::string &kind) {
  std::vector<int> out;
  const Node *list = effects.find(key);
  if (list == nullptr || !loading.m_reader.expect_seq(*list, "\"" + std::string(key) + "\"")) {
    return out;
  }
  for (const auto &item : list->items) {
    if (!item.is_scalar()) {
      loading.m_reader.error(item.where,
                             "a " + kind + " id must be text, not " + std::string(kind_name(item)), "KR004");
      continue;
    }
    if (const int index = loading.resolve(item.scalar, ids, item, kind); index >= 0) {
      out.push_back(index);
    }
  }
  return out;
}

} // namespace

void Loading::read_flags_and_advice() {
  const std::vector<std::string> severities = {"low", "medium", "high", "knockout"};
  std::vector<std::pair<std::size_t, const Node *>> resolved_by; // flags, read once conditions are
  for (const Node *node : items("flags", true)) {
    m_reader.check_keys(*node,
                        {"id", "severity", "message", "justification", "resolved_by", "provenance", "source"},
                        {"id", "severity", "message", "justification"});
    if (node->find("resolved_by") != nullptr) {
      resolved_by.emplace_back(m_fw.flags.size(), node);
    }
    Flag flag;
    flag.id = id_of(*node, "flag");
    if (const auto severity = m_reader.choice(*node, "severity", true, severities)) {
      flag.severity = static_cast<Severity>(std::find(severities.begin(), severities.end(), *severity) -
                                            severities.begin());
    }
    flag.message = m_reader.text(*node, "message", true);
    flag.justification = m_reader.text(*node, "justification", true);
    flag.origin = origin(*node);
    m_fw.flags.push_back(std::move(flag));
  }
  for (const char *kind : {"recommendations", "conditions"}) {
    auto &target = std::string_view(kind) == "conditions" ? m_fw.conditions : m_fw.recommendations;
    const bool conditions = std::string_view(kind) == "conditions";
    for (const Node *node : items(kind, false)) {
      if (conditions) {
        m_reader.check_keys(*node, {"id", "text", "met_when", "provenance", "source"}, {"id", "text"});
      } else {
        m_reader.check_keys(*node, {"id", "text", "provenance", "source"}, {"id", "text"});
      }
      Advice advice;
      advice.id = id_of(*node, conditions ? "condition" : "recommendation");
      advice.text = m_reader.text(*node, "text", true);
      advice.origin = origin(*node);
      if (conditions) {
        if (const auto met_when = m_reader.string(*node, "met_when", false)) {
          advice.met_when_text = *met_when;
          advice.met_when = condition(*met_when, *node->find("met_when"), m_fw);
        }
      }
      target.push_back(std::move(advice));
    }
  }
  const auto conditions = ids_of(m_fw.conditions);
  for (const auto &[flag, node] : resolved_by) {
    m_fw.flags[flag].resolved_by = resolve_list(*this, *node, "resolved_by", conditions, "condition");
  }
  // The field with role in_place takes its values from the conditions, and their texts as labels.
  for (auto &field : m_fw.fields) {
    if (field.values_from != "conditions") {
      continue;
    }
    field.domain.values = conditions;
    for (const auto &condition : m_fw.conditions) {
      field.value_labels.emplace(condition.id, condition.text);
    }
  }
}

void Loading::read_rules() {
  const auto blocks = ids_of(m_fw.blocks);
  const auto dimensions = ids_of(m_fw.dimensions);
  const auto flags = ids_of(m_fw.flags);
  const auto conditions = ids_of(m_fw.conditions);
  const auto recommendations = ids_of(m_fw.recommendations);
  for (const Node *node : items("rules", true)) {
    m_reader.check_keys(*node,
                        {"id", "block", "when", "text", "effects", "counterweights", "provenance", "source"},
                        {"id", "block", "when", "text", "effects"});
    Rule rule;
    rule.id = id_of(*node, "rule");
    rule.counterweights = m_reader.strings(*node, "counterweights", false);
    if (const Node *list = node->find("counterweights")) {
      m_counterweights.emplace_back(m_fw.rules.size(), list->where);
    }
    if (const auto block = m_reader.string(*node, "block", true)) {
      rule.block = resolve(*block, blocks, *node->find("block"), "building block");
    }
    rule.text = m_reader.text(*node, "text", true);
    rule.origin = origin(*node);
    if (const Node *effects = node->find("effects");
        effects && m_reader.expect_map(*effects, "\"effects\"")) {
      m_reader.check_keys(
          *effects, {"points", "quality_of_work", "flags", "conditions", "recommendations", "questions"});
      if (effects->entries.empty()) {
        m_reader.error(effects->where, "a rule needs at least one effect", "KR003");
      }
      if (const Node *points = effects->find("points");
          points && m_reader.expect_map(*points, "\"points\"")) {
        for (const auto &entry : points->entries) {
          const int block = resolve(entry.key.scalar, blocks, entry.key, "building block");
          if (block < 0) {
            continue;
          }
          if (auto value = m_reader.integer(*points, entry.key.scalar, true, -100, 100)) {
            rule.effects.points.push_back(PointsEffect{block, *value});
          }
        }
      }
      if (const Node *qow = effects->find("quality_of_work");
          qow && m_reader.expect_map(*qow, "\"quality_of_work\"")) {
        for (const auto &entry : qow->entries) {
          const int dimension = resolve(entry.key.scalar, dimensions, entry.key, "quality-of-work dimension");
          if (dimension < 0) {
            continue;
          }
          if (const auto direction = m_reader.choice(*qow, entry.key.scalar, true, {"up", "down"})) {
            rule.effects.quality_of_work.push_back(
                QowEffect{dimension, *direction == "up" ? Direction::up : Direction::down});
          }
        }
      }
      rule.effects.flags = resolve_list(*this, *effects, "flags", flags, "flag");
      rule.effects.conditions = resolve_list(*this, *effects, "conditions", conditions, "condition");
      rule.effects.recommendations =
          resolve_list(*this, *effects, "recommendations", recommendations, "recommendation");
      rule.effects.questions = texts(*effects, "questions");
    }
    if (const auto when = m_reader.string(*node, "when", true)) {
      rule.when_text = *when;
      if (auto parsed = condition(*when, *node->find("when"), m_fw)) {
        rule.when = std::move(*parsed);
        m_checked_rules.push_back(m_fw.rules.size());
      }
    }
    m_fw.rules.push_back(std::move(rule));
  }
  // Counterweights name rules that may be defined further down or in another file.
  const auto ids = ids_of(m_fw.rules);
  for (const auto &[index, where] : m_counterweights) {
    for (const auto &id : m_fw.rules[index].counterweights) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        m_reader.error(where, "unknown rule \"" + id + "\" in counterweights" + util::did_you_mean(id, ids),
                       "KR020");
      }
    }
  }
}

} // namespace kansrijk::io::detail
