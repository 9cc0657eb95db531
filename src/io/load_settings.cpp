// The framework's own settings: metadata, sources, building blocks, scoring weights and the
// verdict policy (framework.yaml by convention).
#include "framework_loading.hpp"

#include <algorithm>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io::detail {

using namespace core;

namespace {

const std::vector<std::string> k_computed = {"none", "task_suitability", "skill_support", "technology_fit",
                                             "quality_of_work"};
const std::vector<std::string> k_verdicts = {"promising", "conditional", "limited", "not_advised",
                                             "insufficient_information"};

} // namespace

void Loading::read_metadata() {
  const auto scalar = [&](std::string_view key) -> std::string {
    const Section *s = section(key);
    if (s == nullptr || s->value == nullptr) {
      return {};
    }
    if (!s->value->is_scalar() || s->value->scalar.empty()) {
      m_reader.error(s->value->where, "\"" + std::string(key) + "\" must be non-empty text", "KR004");
      return {};
    }
    return s->value->scalar;
  };
  m_fw.id = scalar("id");
  m_fw.version = scalar("version");
  if (const Section *s = section("languages"); s != nullptr && s->value != nullptr) {
    if (!s->value->is_seq()) {
      m_reader.error(s->value->where,
                     "\"languages\" must be a list, not " + std::string(kind_name(*s->value)), "KR004");
    } else {
      for (const auto &item : s->value->items) {
        if (!item.is_scalar() || item.scalar.empty()) {
          m_reader.error(item.where, "a language must be a code such as nl or en", "KR040");
          continue;
        }
        m_fw.languages.push_back(item.scalar);
        m_fw.language_where.push_back(item.where);
      }
      if (m_fw.languages.empty()) {
        m_reader.error(s->value->where, "\"languages\" must name at least one language", "KR040");
      }
    }
  }
  if (const Section *s = section("item_provenance"); s != nullptr && s->value != nullptr) {
    if (!s->value->is_scalar() || (s->value->scalar != "required" && s->value->scalar != "optional")) {
      m_reader.error(s->value->where, "\"item_provenance\" must be required or optional", "KR005");
    } else {
      m_provenance_required = s->value->scalar == "required";
    }
  }
}

void Loading::read_texts_and_sources() {
  const auto text = [&](std::string_view key) {
    const Section *s = section(key);
    return s == nullptr || s->value == nullptr
               ? Text{}
               : m_reader.text_node(*s->value, "\"" + std::string(key) + "\"");
  };
  m_fw.title = text("title");
  m_fw.statement = text("statement");
  m_fw.limits = text("limits");
  for (const Node *node : items("sources", true)) {
    m_reader.check_keys(*node, {"id", "title"}, {"id", "title"});
    Source source;
    source.id = id_of(*node, "source");
    source.title = m_reader.text(*node, "title", true);
    source.where = node->where;
    m_fw.sources.push_back(std::move(source));
  }
}

void Loading::read_blocks() {
  for (const Node *node : items("blocks", true)) {
    m_reader.check_keys(*node,
                        {"id", "label", "question", "base", "weight", "computed", "provenance", "source"},
                        {"id", "label", "question", "base", "weight"});
    Block block;
    block.id = id_of(*node, "block");
    if (block.id == "overall" || block.id == "lowest") {
      m_reader.error(node->find("id")->where,
                     "\"" + block.id + "\" cannot be a block id: the verdict policy uses score." + block.id,
                     "KR011");
    }
    block.label = m_reader.text(*node, "label", true);
    block.question = m_reader.text(*node, "question", true);
    block.base = m_reader.integer(*node, "base", true, 0, 100).value_or(0);
    block.weight = m_reader.number(*node, "weight", true, 0.0, 10.0).value_or(1.0);
    if (const auto computed = m_reader.choice(*node, "computed", false, k_computed)) {
      block.computed = static_cast<Computed>(std::find(k_computed.begin(), k_computed.end(), *computed) -
                                             k_computed.begin());
      if (block.computed != Computed::none) {
        const int other = m_fw.block_with(block.computed);
        if (other >= 0) {
          m_reader.error(node->find("computed")->where,
                         "blocks \"" + m_fw.blocks[static_cast<std::size_t>(other)].id + "\" and \"" +
                             block.id + "\" both rest on " + *computed +
                             "; a computed term belongs to one block",
                         "KR010");
        }
      }
    }
    block.origin = origin(*node);
    m_fw.blocks.push_back(std::move(block));
  }
  if (section("blocks") != nullptr && m_fw.blocks.empty()) {
    m_reader.error(section("blocks")->key->where, "\"blocks\" must declare at least one building block",
                   "KR003");
  }
}

void Loading::read_scoring() {
  const Section *found = section("scoring");
  if (found == nullptr || found->value == nullptr || !m_reader.expect_map(*found->value, "\"scoring\"")) {
    return;
  }
  const Node &node = *found->value;
  m_reader.check_keys(
      node, {"max_unknown_share", "overall_min_blocks", "grade_points", "qow_points", "task_suitability"},
      {"max_unknown_share", "overall_min_blocks", "grade_points", "qow_points", "task_suitability"});
  Scoring &s = m_fw.scoring;
  s.max_unknown_share = m_reader.number(node, "max_unknown_share", true, 0.0, 1.0).value_or(0.5);
  s.overall_min_blocks = m_reader
                             .integer(node, "overall_min_blocks", true, 1,
                                      std::max<int>(1, static_cast<int>(m_fw.blocks.size())))
                             .value_or(1);
  if (const Node *g = node.find("grade_points"); g && m_reader.expect_map(*g, "\"grade_points\"")) {
    m_reader.check_keys(*g, {"none", "limited", "moderate", "strong"},
                        {"none", "limited", "moderate", "strong"});
    int i = 0;
    for (const char *grade : {"none", "limited", "moderate", "strong"}) {
      s.grade_points[i++] = m_reader.integer(*g, grade, true, 0, 100).value_or(0);
    }
    if (s.grade_points[0] > s.grade_points[1] || s.grade_points[1] > s.grade_points[2] ||
        s.grade_points[2] > s.grade_points[3]) {
      m_reader.error(g->where, "grade points must rise from none to strong", "KR051");
    }
  }
  if (const Node *q = node.find("qow_points"); q && m_reader.expect_map(*q, "\"qow_points\"")) {
    m_reader.check_keys(*q, {"favourable", "unfavourable", "mixed", "neutral"},
                        {"favourable", "unfavourable", "mixed", "neutral"});
    s.qow_favourable = m_reader.integer(*q, "favourable", true, -100, 100).value_or(0);
    s.qow_unfavourable = m_reader.integer(*q, "unfavourable", true, -100, 100).value_or(0);
    s.qow_mixed = m_reader.integer(*q, "mixed", true, -100, 100).value_or(0);
    s.qow_neutral = m_reader.integer(*q, "neutral", true, -100, 100).value_or(0);
  }
  const Node *ts = node.find("task_suitability");
  if (ts == nullptr || !m_reader.expect_map(*ts, "\"task_suitability\"")) {
    return;
  }
  m_reader.check_keys(*ts, {"base", "attributes", "provenance", "source"}, {"base", "attributes"});
  s.task_suitability.base = m_reader.integer(*ts, "base", true, 0, 100).value_or(50);
  s.task_suitability.origin = origin(*ts);
  const Node *attrs = ts->find("attributes");
  if (attrs == nullptr || !m_reader.expect_map(*attrs, "\"attributes\"")) {
    return;
  }
  std::vector<std::string> names;
  for (const auto &f : m_fw.task_fields) {
    if (f.type == FieldType::enumeration && f.domain.ordered) {
      names.push_back(f.path);
    }
  }
  for (const auto &entry : attrs->entries) {
    const int field = m_fw.task_field_index(entry.key.scalar);
    if (field < 0 || std::find(names.begin(), names.end(), entry.key.scalar) == names.end()) {
      m_reader.error(entry.key.where,
                     "\"" + entry.key.scalar + "\" is not an ordered task attribute" +
                         util::did_you_mean(entry.key.scalar, names),
                     "KR020");
      continue;
    }
    if (!m_reader.expect_map(entry.value, "points per level")) {
      continue;
    }
    const auto &domain = m_fw.task_fields[static_cast<std::size_t>(field)].domain;
    std::vector<int> points(domain.values.size(), 0);
    for (const auto &level : entry.value.entries) {
      if (domain.index_of(level.key.scalar) < 0) {
        m_reader.error(level.key.where,
                       "\"" + level.key.scalar + "\" is not a level of \"" + entry.key.scalar +
                           "\"; levels: " + util::join(domain.values, ", "),
                       "KR005");
      }
    }
    for (std::size_t i = 0; i < domain.values.size(); ++i) {
      points[i] = m_reader.integer(entry.value, domain.values[i], true, -100, 100).value_or(0);
    }
    s.task_suitability.attributes.emplace_back(entry.key.scalar, std::move(points));
  }
}

void Loading::read_verdict_policy() {
  m_fw.verdict.facts = verdict_facts(m_fw);
  const Section *found = section("verdict");
  if (found == nullptr || found->value == nullptr || !m_reader.expect_map(*found->value, "\"verdict\"")) {
    return;
  }
  const Node &node = *found->value;
  m_reader.check_keys(node, {"thresholds", "policy"}, {"thresholds", "policy"});
  VerdictPolicy &policy = m_fw.verdict;
  if (const Node *t = node.find("thresholds"); t && m_reader.expect_map(*t, "\"thresholds\"")) {
    m_reader.check_keys(*t, {"promising", "conditional", "limited"}, {"promising", "conditional", "limited"});
    policy.promising = m_reader.integer(*t, "promising", true, 0, 100).value_or(70);
    policy.conditional = m_reader.integer(*t, "conditional", true, 0, 100).value_or(50);
    policy.limited = m_reader.integer(*t, "limited", true, 0, 100).value_or(30);
    if (policy.promising <= policy.conditional || policy.conditional <= policy.limited) {
      m_reader.error(t->where, "verdict thresholds must fall: promising > conditional > limited", "KR051");
    }
  }
  const Node *steps = node.find("policy");
  if (steps == nullptr || !m_reader.expect_seq(*steps, "\"policy\"")) {
    return;
  }
  for (const auto &item : steps->items) {
    if (!m_reader.expect_map(item, "a policy step")) {
      continue;
    }
    m_reader.check_keys(item, {"id", "when", "at_most", "text", "justification", "provenance", "source"},
                        {"id", "when", "at_most", "text", "justification"});
    PolicyStep step;
    step.where = item.where;
    step.id = id_of(item, "policy step");
    if (const auto at_most = m_reader.choice(item, "at_most", true, k_verdicts)) {
      step.at_most = static_cast<Verdict>(std::find(k_verdicts.begin(), k_verdicts.end(), *at_most) -
                                          k_verdicts.begin());
    }
    step.text = m_reader.text(item, "text", true);
    step.justification = m_reader.text(item, "justification", true);
    step.origin = origin(item);
    if (const auto when = m_reader.string(item, "when", true)) {
      step.when_text = *when;
      if (auto parsed = condition(*when, *item.find("when"), policy.facts)) {
        step.when = std::move(*parsed);
      }
    }
    policy.steps.push_back(std::move(step));
  }
}

} // namespace kansrijk::io::detail
