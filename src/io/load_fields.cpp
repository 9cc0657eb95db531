// The use-case vocabulary: fields, task fields, the task list and what the engine reads each
// field for (roles), derived attributes and defaults (fields.yaml by convention).
#include "framework_loading.hpp"
#include "interview_text.hpp"

#include <algorithm>
#include <kansrijk/util/text.hpp>
#include <set>

namespace kansrijk::io::detail {

using namespace core;

namespace {

struct RoleSpec {
  std::string_view name;
  FieldRole role;
  bool task;
};

constexpr RoleSpec k_roles[] = {
    {"id", FieldRole::id, false},
    {"title", FieldRole::title, false},
    {"description", FieldRole::description, false},
    {"technology", FieldRole::technology, false},
    {"ref", FieldRole::task_ref, true},
    {"name", FieldRole::task_name, true},
    {"kind", FieldRole::task_kind, true},
    {"skills", FieldRole::task_skills, true},
    {"involvement", FieldRole::task_involvement, true},
    {"in_place", FieldRole::in_place, false},
};

std::string_view role_name(FieldRole role) {
  for (const auto &spec : k_roles) {
    if (spec.role == role) {
      return spec.name;
    }
  }
  return "none";
}

std::vector<std::string> role_names(bool task) {
  std::vector<std::string> names;
  for (const auto &spec : k_roles) {
    if (spec.task == task) {
      names.emplace_back(spec.name);
    }
  }
  return names;
}

} // namespace

void Loading::read_fields() {
  if (const Section *s = section("use_case_format"); s != nullptr && s->value != nullptr) {
    if (!s->value->is_scalar() || s->value->scalar != "1") {
      m_reader.error(s->value->where,
                     "use-case format \"" + (s->value->is_scalar() ? s->value->scalar : std::string("?")) +
                         "\" is not supported; this kansrijk reads format 1",
                     "KR005");
    }
  }
  if (const Section *s = section("task_list");
      s != nullptr && s->value != nullptr && m_reader.expect_map(*s->value, "\"task_list\"")) {
    m_reader.check_keys(*s->value, {"key", "heading"}, {"key"});
    m_fw.tasks_heading = m_reader.text(*s->value, "heading", false);
    if (auto key = m_reader.string(*s->value, "key", true)) {
      if (key->empty() || key->find('.') != std::string::npos) {
        m_reader.error(s->value->find("key")->where, "the task list key must be a plain name such as tasks",
                       "KR011");
      } else {
        m_fw.tasks_key = *key;
      }
    }
  }
  const auto read_list = [&](std::string_view key, bool task, std::vector<FieldDecl> &target) {
    for (const Node *node : items(key, true)) {
      FieldDecl field = read_field(*node, task);
      field.index = static_cast<int>(target.size());
      target.push_back(std::move(field));
    }
  };
  read_list("fields", false, m_fw.fields);
  read_list("task_fields", true, m_fw.task_fields);
  m_fw.index_field_groups();
  if (const Section *s = section("interview"); s != nullptr && s->value != nullptr) {
    read_interview_text(*s->value, m_fw, m_reader);
  }
  if (m_fw.field_index(m_fw.tasks_key) >= 0) {
    m_reader.error(m_fw.fields[static_cast<std::size_t>(m_fw.field_index(m_fw.tasks_key))].where,
                   "a field cannot be called \"" + m_fw.tasks_key + "\": that is the task list", "KR010");
  }
}

FieldDecl Loading::read_field(const Node &node, bool task) {
  m_reader.check_keys(node, {"path",     "type",          "values",     "values_from",  "ordered",
                             "required", "derived",       "role",       "per_use",      "not_scored",
                             "defaults", "design_choice", "label",      "question",     "help",
                             "asked",    "ask_if",        "if_skipped", "value_labels", "counts_as_open"},
                      {"path", "type", "label"});
  FieldDecl field;
  field.where = node.where;
  field.path = m_reader.string(node, "path", true).value_or("");
  if (!field.path.empty()) {
    define(task ? "task field" : "field", field.path, *node.find("path"));
  }
  const auto type = m_reader.choice(node, "type", true, {"text", "enum", "enum_list"});
  field.type = type == "enum"        ? FieldType::enumeration
               : type == "enum_list" ? FieldType::enum_list
                                     : FieldType::text;
  field.domain.values = m_reader.strings(node, "values", false);
  field.values_from =
      m_reader
          .choice(node, "values_from", false, {"taxonomy", "skills", "pillars", "technologies", "conditions"})
          .value_or("");
  field.domain.ordered = m_reader.boolean(node, "ordered", false).value_or(false);
  field.required = m_reader.boolean(node, "required", false).value_or(false);
  field.design_choice = m_reader.boolean(node, "design_choice", false).value_or(false);
  field.per_use = m_reader.boolean(node, "per_use", false).value_or(false);
  field.counts_as_open = m_reader.boolean(node, "counts_as_open", false).value_or(true);
  if (!field.counts_as_open && task) {
    m_reader.error(node.find("counts_as_open")->where, "\"counts_as_open\" is for use-case fields only",
                   "KR005");
  }
  if (field.per_use && !task) {
    m_reader.error(node.find("per_use")->where, "\"per_use\" is for task fields only", "KR005");
  }
  if (const Node *derived = node.find("derived")) {
    field.derived = true;
    if (!task) {
      m_reader.error(derived->where, "only task fields can be derived", "KR005");
    } else if (derived->is_scalar() && derived->scalar == "item_id") {
      field.derivation = Derivation::item_id;
    } else if (derived->is_scalar() && derived->scalar == "pillar") {
      field.derivation = Derivation::pillar;
    } else if (derived->is_map() && derived->find("share_of") != nullptr) {
      m_reader.check_keys(*derived, {"share_of"}, {"share_of"});
      field.derivation = Derivation::skill_group_share;
      m_pending_groups.emplace_back(m_fw.task_fields.size(), derived->find("share_of"));
    } else {
      m_reader.error(derived->where,
                     "\"derived\" must be item_id, pillar or {share_of: <skill group>}: how the engine "
                     "computes the attribute",
                     "KR005");
    }
  }
  if (const Node *role = node.find("role")) {
    const auto names = role_names(task);
    const auto *const spec = std::find_if(std::begin(k_roles), std::end(k_roles), [&](const RoleSpec &r) {
      return r.task == task && role->is_scalar() && r.name == role->scalar;
    });
    if (spec == std::end(k_roles)) {
      m_reader.error(role->where,
                     "\"role\" must be one of " + util::join(names, ", ") + ", not \"" +
                         (role->is_scalar() ? role->scalar : std::string(kind_name(*role))) + "\"" +
                         (role->is_scalar() ? util::did_you_mean(role->scalar, names) : std::string()),
                     "KR005");
    } else {
      field.role = spec->role;
      const auto &list = task ? m_fw.task_fields : m_fw.fields;
      for (const auto &other : list) {
        if (other.role == field.role) {
          m_reader.error(role->where,
                         "fields \"" + other.path + "\" and \"" + field.path + "\" both have role " +
                             std::string(spec->name) + "; a role belongs to one field",
                         "KR010");
        }
      }
      if (field.role == FieldRole::task_involvement) {
        field.per_use = true;
      }
    }
  }
  field.label = m_reader.text(node, "label", true);
  field.question = m_reader.text(node, "question", !field.derived);
  if (node.find("help") != nullptr) {
    field.help = m_reader.text(node, "help", false);
  }
  field.asked = m_reader.boolean(node, "asked", false).value_or(!field.derived);
  if (const Node *ask_if = node.find("ask_if")) {
    if (const auto text = m_reader.string(node, "ask_if", false)) {
      field.ask_if_text = *text;
      m_field_conditions.push_back({task, field.path, ask_if, -1});
    }
  }
  if (const auto skipped = m_reader.string(node, "if_skipped", false)) {
    if (field.ask_if_text.empty()) {
      m_reader.error(node.find("if_skipped")->where,
                     R"("if_skipped" needs "ask_if"; without a condition the question is never skipped)",
                     "KR003");
    }
    field.if_skipped = field.domain.index_of(*skipped);
    if (field.if_skipped < 0) {
      m_reader.error(node.find("if_skipped")->where,
                     "\"" + *skipped + "\" is not a value of \"" + field.path + "\"" +
                         util::did_you_mean(*skipped, field.domain.values),
                     "KR005");
    }
  }
  if (const Node *defaults = node.find("defaults")) {
    if (!task) {
      m_reader.error(defaults->where,
                     "\"defaults\" are for task fields; a use-case field left out is unknown", "KR005");
    } else if (m_reader.expect_seq(*defaults, "\"defaults\"")) {
      for (const auto &item : defaults->items) {
        if (!m_reader.expect_map(item, "a default")) {
          continue;
        }
        m_reader.check_keys(item, {"when", "value"}, {"when", "value"});
        const auto value = m_reader.string(item, "value", true);
        const int index = value ? field.domain.index_of(*value) : -1;
        if (value && index < 0) {
          m_reader.error(item.find("value")->where,
                         "\"" + *value + "\" is not a value of \"" + field.path + "\"" +
                             util::did_you_mean(*value, field.domain.values),
                         "KR005");
        }
        if (item.find("when") != nullptr && m_reader.string(item, "when", true)) {
          m_field_conditions.push_back({true, field.path, item.find("when"), index});
        }
      }
    }
  }
  if (const Node *left_out = node.find("not_scored")) {
    if (field.role != FieldRole::task_involvement) {
      m_reader.error(left_out->where, "\"not_scored\" belongs to the field with role involvement", "KR005");
    }
    for (const auto &value : m_reader.strings(node, "not_scored", false)) {
      const int index = field.domain.index_of(value);
      if (index < 0) {
        m_reader.error(left_out->where,
                       "\"" + value + "\" is not a value of \"" + field.path + "\"" +
                           util::did_you_mean(value, field.domain.values),
                       "KR005");
        continue;
      }
      field.not_scored.push_back(index);
    }
  }
  if (type && *type != "text" && field.domain.values.empty() && field.values_from.empty()) {
    m_reader.error(node.where,
                   "field \"" + field.path + "\" of type " + *type + R"( needs "values" or "values_from")",
                   "KR003");
  }
  if (type == "text" && (!field.domain.values.empty() || !field.values_from.empty())) {
    m_reader.error(node.where, "field \"" + field.path + R"(" is text; remove "values")", "KR005");
  }
  if (!field.values_from.empty() && !field.domain.values.empty()) {
    m_reader.error(node.find("values")->where,
                   "field \"" + field.path + "\" takes its values from " + field.values_from +
                       "; remove \"values\"",
                   "KR005");
  }
  std::set<std::string> seen;
  for (const auto &value : field.domain.values) {
    if (value == "unknown") {
      m_reader.error(node.find("values")->where, "\"unknown\" is implied for every field; do not list it",
                     "KR005");
    }
    if (!seen.insert(value).second) {
      m_reader.error(node.find("values")->where, "value \"" + value + "\" is listed twice", "KR010");
    }
  }
  if (const Node *labels = node.find("value_labels");
      labels && m_reader.expect_map(*labels, "\"value_labels\"")) {
    for (const auto &entry : labels->entries) {
      field.value_labels[entry.key.scalar] = m_reader.text_node(entry.value, "value label");
    }
    m_pending_labels.emplace_back(task, field.path, labels);
  }
  return field;
}

void Loading::fill_derived_domains() {
  const auto ids = [&](std::string_view key) {
    std::vector<std::string> out;
    if (const Section *s = section(key)) {
      for (const Node *item : s->items) {
        if (item->is_map()) {
          if (const Node *id = item->find("id"); id != nullptr && id->is_scalar()) {
            out.push_back(id->scalar);
          }
        }
      }
    }
    return out;
  };
  const auto pillars = ids("pillars");
  const auto technologies = ids("technologies");
  const auto skills = ids_of(m_fw.skills);
  for (auto *fields : {&m_fw.fields, &m_fw.task_fields}) {
    for (auto &field : *fields) {
      if (field.values_from == "taxonomy") {
        field.domain.values = m_item_ids;
      } else if (field.values_from == "skills") {
        field.domain.values = skills;
      } else if (field.values_from == "pillars") {
        field.domain.values = pillars;
      } else if (field.values_from == "technologies") {
        field.domain.values = technologies;
      }
    }
  }
  // Value labels can be checked now that every domain is known.
  for (const auto &[task, path, labels] : m_pending_labels) {
    const int index = task ? m_fw.task_field_index(path) : m_fw.field_index(path);
    if (index < 0) {
      continue;
    }
    const FieldDecl &field = (task ? m_fw.task_fields : m_fw.fields)[static_cast<std::size_t>(index)];
    for (const auto &entry : labels->entries) {
      if (field.domain.index_of(entry.key.scalar) < 0) {
        m_reader.error(entry.key.where,
                       "\"" + entry.key.scalar + "\" is not a value of \"" + field.path + "\"" +
                           util::did_you_mean(entry.key.scalar, field.domain.values),
                       "KR005");
      }
    }
  }
  // Skill-group shares name a group of skills.yaml.
  const auto groups = ids_of(m_fw.skill_groups);
  for (const auto &[index, node] : m_pending_groups) {
    if (index >= m_fw.task_fields.size()) {
      continue;
    }
    FieldDecl &field = m_fw.task_fields[index];
    if (node->is_scalar()) {
      field.share_group = resolve(node->scalar, groups, *node, "skill group");
    } else {
      m_reader.error(node->where, "\"share_of\" must name a skill group", "KR004");
    }
    if (field.type != FieldType::enumeration || !field.domain.ordered || field.domain.values.empty()) {
      m_reader.error(field.where,
                     "a share (\"" + field.path + "\") must be an ordered enum: its values are the steps",
                     "KR005");
    }
  }
}

void Loading::read_field_conditions() {
  for (const auto &pending : m_field_conditions) {
    auto &fields = pending.task ? m_fw.task_fields : m_fw.fields;
    const auto found = std::find_if(fields.begin(), fields.end(),
                                    [&](const FieldDecl &f) { return f.path == pending.path; });
    if (found == fields.end() || !pending.node->is_scalar()) {
      continue;
    }
    if (pending.default_value == -1 && found->ask_if_text == pending.node->scalar && !found->ask_if) {
      // ask_if: over the use case's fields (a task field's question may also read its task).
      if (auto parsed = condition(pending.node->scalar, *pending.node, m_fw)) {
        found->ask_if = std::move(*parsed);
      }
      continue;
    }
    // A default: over the use case's own fields, which are known before the tasks.
    if (auto parsed = condition(pending.node->scalar, *pending.node, m_fw.fields)) {
      found->defaults.push_back(
          FieldDefault{pending.node->scalar, std::move(*parsed), pending.default_value, pending.node->where});
    }
  }
  m_field_conditions.clear();
}

void Loading::check_roles() {
  const Location at{m_fw.origin};
  const auto need = [&](int index, std::string_view role, bool task) {
    if (index < 0) {
      m_reader.error(at,
                     std::string(task ? "a task field" : "a field") + " with role " + std::string(role) +
                         " must be declared (the engine reads it)",
                     "KR003");
    }
  };
  const auto expect_type = [&](int index, bool task, FieldType type, std::string_view what) {
    if (index < 0) {
      return;
    }
    const FieldDecl &field = (task ? m_fw.task_fields : m_fw.fields)[static_cast<std::size_t>(index)];
    if (field.type != type) {
      m_reader.error(field.where,
                     "field \"" + field.path + "\" has role " + std::string(role_name(field.role)) +
                         " and must be " + std::string(what),
                     "KR005");
    }
  };
  need(m_fw.field_with(FieldRole::title), "title", false);
  need(m_fw.task_field_with(FieldRole::task_ref), "ref", true);
  need(m_fw.task_field_with(FieldRole::task_name), "name", true);
  need(m_fw.task_field_with(FieldRole::task_skills), "skills", true);
  expect_type(m_fw.field_with(FieldRole::id), false, FieldType::text, "text");
  expect_type(m_fw.field_with(FieldRole::title), false, FieldType::text, "text");
  expect_type(m_fw.field_with(FieldRole::description), false, FieldType::text, "text");
  expect_type(m_fw.field_with(FieldRole::technology), false, FieldType::enumeration,
              "an enum of technology ids");
  expect_type(m_fw.task_field_with(FieldRole::task_ref), true, FieldType::enumeration,
              "an enum of taxonomy ids");
  expect_type(m_fw.task_field_with(FieldRole::task_name), true, FieldType::text, "text");
  expect_type(m_fw.task_field_with(FieldRole::task_kind), true, FieldType::enumeration, "an enum");
  expect_type(m_fw.task_field_with(FieldRole::task_skills), true, FieldType::enum_list,
              "a list of skill ids");
  expect_type(m_fw.task_field_with(FieldRole::task_involvement), true, FieldType::enumeration, "an enum");
  const auto values_from = [&](int index, bool task, std::string_view from) {
    if (index < 0) {
      return;
    }
    const FieldDecl &field = (task ? m_fw.task_fields : m_fw.fields)[static_cast<std::size_t>(index)];
    if (field.values_from != from) {
      m_reader.error(field.where,
                     "field \"" + field.path + "\" has role " + std::string(role_name(field.role)) +
                         " and takes its values from " + std::string(from) +
                         " (values_from: " + std::string(from) + ")",
                     "KR005");
    }
  };
  values_from(m_fw.task_field_with(FieldRole::task_ref), true, "taxonomy");
  values_from(m_fw.task_field_with(FieldRole::task_skills), true, "skills");
  expect_type(m_fw.field_with(FieldRole::in_place), false, FieldType::enum_list, "a list of condition ids");
  values_from(m_fw.field_with(FieldRole::in_place), false, "conditions");
  // The named technology must be one of the declared technologies, or the technology fit
  // could never be found for it.
  if (const int index = m_fw.field_with(FieldRole::technology); index >= 0) {
    const FieldDecl &field = m_fw.fields[static_cast<std::size_t>(index)];
    const auto ids = ids_of(m_fw.technologies);
    for (const auto &value : field.domain.values) {
      if (std::find(ids.begin(), ids.end(), value) == ids.end()) {
        m_reader.error(field.where,
                       "\"" + value + "\" of field \"" + field.path +
                           "\" (role technology) is not a declared technology" +
                           util::did_you_mean(value, ids),
                       "KR020");
      }
    }
  } else if (m_fw.block_with(Computed::technology_fit) >= 0) {
    m_reader.error(
        m_fw.blocks[static_cast<std::size_t>(m_fw.block_with(Computed::technology_fit))].origin.where,
        "a block rests on technology_fit, so a field with role technology must be declared", "KR003");
  }
  for (const auto &field : m_fw.task_fields) {
    if (!field.defaults.empty() && !field.per_use) {
      m_reader.error(field.where,
                     "task field \"" + field.path +
                         "\" has defaults but is not per_use: a taxonomy task takes its "
                         "attributes from the taxonomy",
                     "KR005");
    }
  }
}

} // namespace kansrijk::io::detail
