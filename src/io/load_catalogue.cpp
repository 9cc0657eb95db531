// The catalogues a framework's rules and scores refer to: skill groups and skills, the
// taxonomy of pillars and items, technologies with their support grades per skill, and the
// quality-of-work dimensions.
#include "framework_loading.hpp"

#include <algorithm>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io::detail {

using namespace core;

void Loading::read_skills() {
  for (const Node *node : items("skill_groups", true)) {
    m_reader.check_keys(*node, {"id", "label"}, {"id", "label"});
    SkillGroupDecl group;
    group.id = id_of(*node, "skill group");
    group.label = m_reader.text(*node, "label", true);
    m_fw.skill_groups.push_back(std::move(group));
  }
  const auto groups = ids_of(m_fw.skill_groups);
  for (const Node *node : items("skills", true)) {
    m_reader.check_keys(*node, {"id", "group", "label", "description", "provenance", "source"},
                        {"id", "group", "label", "description"});
    Skill skill;
    skill.id = id_of(*node, "skill");
    if (const auto group = m_reader.string(*node, "group", true)) {
      skill.group = std::max(0, resolve(*group, groups, *node->find("group"), "skill group"));
    }
    skill.label = m_reader.text(*node, "label", true);
    skill.description = m_reader.text(*node, "description", true);
    skill.origin = origin(*node);
    m_fw.skills.push_back(std::move(skill));
  }
}

void Loading::read_taxonomy_ids() {
  for (const Node *node : items("pillars", true)) {
    m_reader.check_keys(*node, {"id", "label", "description", "provenance", "source"},
                        {"id", "label", "description"});
    Pillar pillar;
    pillar.id = id_of(*node, "pillar");
    pillar.label = m_reader.text(*node, "label", true);
    pillar.description = m_reader.text(*node, "description", true);
    pillar.origin = origin(*node);
    m_fw.pillars.push_back(std::move(pillar));
  }
  // Item ids first, so the domain of task references is known before the items are read.
  if (const Section *s = section("items")) {
    for (const Node *node : s->items) {
      if (node->is_map()) {
        if (const Node *id = node->find("id"); id != nullptr && id->is_scalar()) {
          m_item_ids.push_back(id->scalar);
        }
      }
    }
  }
}

void Loading::read_items() {
  // The attributes an item declares: every enum task field that describes the task itself.
  std::vector<std::string> attributes;
  for (const auto &field : m_fw.task_fields) {
    if (!field.derived && !field.per_use && field.type == FieldType::enumeration &&
        field.role != FieldRole::task_ref && field.role != FieldRole::task_kind) {
      attributes.push_back(field.path);
    }
  }
  const auto skills = ids_of(m_fw.skills);
  const auto pillars = ids_of(m_fw.pillars);
  const int kind_field = m_fw.task_field_with(FieldRole::task_kind);
  // An item names its kind and skills with the keys of the task fields that hold them.
  const int skills_field = m_fw.task_field_with(FieldRole::task_skills);
  const std::string skills_key = skills_field < 0
                                     ? std::string("skills")
                                     : m_fw.task_fields[static_cast<std::size_t>(skills_field)].path;
  for (const Node *node : items("items", true)) {
    TaxonomyItem item;
    item.id = id_of(*node, "taxonomy item");
    if (const auto pillar = m_reader.string(*node, "pillar", true)) {
      item.pillar = resolve(*pillar, pillars, *node->find("pillar"), "pillar");
      if (item.pillar >= 0 && !item.id.empty() && !item.id.starts_with(*pillar + ".")) {
        m_reader.error(node->find("id")->where,
                       "item id \"" + item.id + "\" must start with its pillar: \"" + *pillar + ".\"",
                       "KR011");
      }
    }
    std::vector<std::string> allowed = {"id",       "pillar",    "label",      "description",
                                        skills_key, "rationale", "provenance", "source"};
    if (kind_field >= 0) {
      const FieldDecl &kind = m_fw.task_fields[static_cast<std::size_t>(kind_field)];
      allowed.push_back(kind.path);
      if (const auto value = m_reader.choice(*node, kind.path, true, kind.domain.values)) {
        item.kind = kind.domain.index_of(*value);
      }
    }
    item.label = m_reader.text(*node, "label", true);
    item.description = m_reader.text(*node, "description", true);
    item.rationale = m_reader.text(*node, "rationale", true);
    item.origin = origin(*node);
    if (const Node *list = node->find(skills_key); list == nullptr) {
      m_reader.error(node->where, "missing required key \"" + skills_key + "\"", "KR003");
    } else if (m_reader.expect_map(*list, "\"" + skills_key + "\" (skill id: weight 1 to 3)")) {
      for (const auto &entry : list->entries) {
        const int skill = resolve(entry.key.scalar, skills, entry.key, "skill");
        if (skill < 0) {
          continue;
        }
        item.skills.push_back(
            SkillWeight{skill, m_reader.integer(*list, entry.key.scalar, true, 1, 3).value_or(1)});
      }
      if (list->entries.empty()) {
        m_reader.error(list->where, "an item needs at least one skill", "KR003");
      }
    }
    for (const auto &name : attributes) {
      allowed.push_back(name);
      const auto &decl = m_fw.task_fields[static_cast<std::size_t>(m_fw.task_field_index(name))];
      if (auto value = m_reader.choice(*node, name, true, decl.domain.values)) {
        item.attributes[name] = *value;
      }
    }
    for (const auto &entry : node->entries) {
      if (std::find(allowed.begin(), allowed.end(), entry.key.scalar) == allowed.end()) {
        m_reader.error(entry.key.where,
                       "unknown key \"" + entry.key.scalar + "\"" +
                           util::did_you_mean(entry.key.scalar, allowed) +
                           "; allowed here: " + util::join(allowed, ", "),
                       "KR002");
      }
    }
    m_fw.items.push_back(std::move(item));
  }
}

void Loading::read_technologies() {
  for (const Node *node : items("technologies", true)) {
    m_reader.check_keys(
        *node, {"id", "label", "description", "strengths", "risks", "examples", "provenance", "source"},
        {"id", "label", "description", "strengths", "risks"});
    Technology tech;
    tech.id = id_of(*node, "technology");
    tech.label = m_reader.text(*node, "label", true);
    tech.description = m_reader.text(*node, "description", true);
    tech.strengths = texts(*node, "strengths");
    tech.risks = texts(*node, "risks");
    tech.examples = texts(*node, "examples");
    tech.origin = origin(*node);
    m_fw.technologies.push_back(std::move(tech));
  }
  m_fw.support.assign(m_fw.skills.size(), std::vector<SupportCell>(m_fw.technologies.size()));
  std::vector<std::vector<bool>> graded(m_fw.skills.size(), std::vector<bool>(m_fw.technologies.size()));
  const auto skills = ids_of(m_fw.skills);
  const auto techs = ids_of(m_fw.technologies);
  const std::vector<std::string> grades = {"none", "limited", "moderate", "strong"};
  for (const Node *node : items("support", true)) {
    m_reader.check_keys(*node, {"skill", "grades"}, {"skill", "grades"});
    const auto skill = m_reader.string(*node, "skill", true);
    if (!skill) {
      continue;
    }
    const int s = resolve(*skill, skills, *node->find("skill"), "skill");
    const Node *cells = node->find("grades");
    if (s < 0 || cells == nullptr || !m_reader.expect_map(*cells, "\"grades\"")) {
      continue;
    }
    for (const auto &entry : cells->entries) {
      const int t = resolve(entry.key.scalar, techs, entry.key, "technology");
      if (t < 0 || !m_reader.expect_map(entry.value, "a grade")) {
        continue;
      }
      m_reader.check_keys(entry.value, {"grade", "why"}, {"grade", "why"});
      SupportCell &cell = m_fw.support[static_cast<std::size_t>(s)][static_cast<std::size_t>(t)];
      const auto grade = m_reader.choice(entry.value, "grade", true, grades);
      cell.grade =
          static_cast<Grade>(grade ? std::find(grades.begin(), grades.end(), *grade) - grades.begin() : 0);
      cell.why = m_reader.text(entry.value, "why", true);
      cell.where = entry.value.where;
      graded[static_cast<std::size_t>(s)][static_cast<std::size_t>(t)] = true;
    }
  }
  if (const Section *support = section("support")) {
    for (std::size_t s = 0; s < skills.size(); ++s) {
      for (std::size_t t = 0; t < techs.size(); ++t) {
        if (!graded[s][t]) {
          m_reader.error(support->value->where,
                         "no grade for skill \"" + skills[s] + "\" with technology \"" + techs[t] + "\"",
                         "KR052");
        }
      }
    }
  }
}

void Loading::read_dimensions() {
  for (const Node *node : items("dimensions", true)) {
    m_reader.check_keys(*node, {"id", "label", "description", "favourable", "provenance", "source"},
                        {"id", "label", "description", "favourable"});
    Dimension dim;
    dim.id = id_of(*node, "dimension");
    dim.label = m_reader.text(*node, "label", true);
    dim.description = m_reader.text(*node, "description", true);
    const auto favourable = m_reader.choice(*node, "favourable", true, {"up", "down", "neither"});
    dim.favourable = favourable == "down"      ? Favourable::down
                     : favourable == "neither" ? Favourable::neither
                                               : Favourable::up;
    dim.origin = origin(*node);
    m_fw.dimensions.push_back(std::move(dim));
  }
}

} // namespace kansrijk::io::detail
