// Task completion: a taxonomy task brings its framework attributes; every task gets the
// derived attributes the rules may read.
#include <algorithm>
#include <kansrijk/core/use_case.hpp>

namespace kansrijk::core {

namespace {
void set_enum(FieldValue &target, int value) {
  target.known = true;
  target.value = value;
}
} // namespace

void complete_task(const Framework &framework, TaskEntry &task) {
  task.attributes.resize(framework.task_fields.size());
  const TaxonomyItem *item = task.item >= 0 ? &framework.items[static_cast<std::size_t>(task.item)] : nullptr;
  for (const auto &decl : framework.task_fields) {
    FieldValue &value = task.attributes[static_cast<std::size_t>(decl.index)];
    if (decl.path == "ref" || decl.path == "id") {
      set_enum(value, item ? task.item : -1);
    } else if (decl.path == "pillar") {
      set_enum(value, item ? item->pillar : -1);
    } else if (decl.path == "kind" && item) {
      set_enum(value, decl.domain.index_of(item->is_action ? "action" : "task"));
    } else if (decl.path == "skills" && item) {
      value.known = true;
      value.values.clear();
      for (const auto &skill : item->skills) {
        value.values.push_back(skill.skill);
      }
      std::sort(value.values.begin(), value.values.end());
    } else if (item) {
      if (const auto it = item->attributes.find(decl.path); it != item->attributes.end()) {
        set_enum(value, decl.domain.index_of(it->second));
      }
    }
  }
  if (item) {
    task.skills = item->skills;
  }
  const int share_field = framework.task_field_index("affective_share");
  if (share_field < 0) {
    return;
  }
  FieldValue &share = task.attributes[static_cast<std::size_t>(share_field)];
  share = FieldValue{};
  const int skills_field = framework.task_field_index("skills");
  const bool skills_known =
      item != nullptr || (skills_field >= 0 && task.attributes[static_cast<std::size_t>(skills_field)].known);
  if (!skills_known) {
    return;
  }
  int total = 0;
  int affective = 0;
  for (const auto &skill : task.skills) {
    total += skill.weight;
    if (framework.skills[static_cast<std::size_t>(skill.skill)].group == SkillGroup::affective) {
      affective += skill.weight;
    }
  }
  // Thirds: under a third is low, from two thirds on is high.
  const int level = total == 0 ? 0 : (3 * affective < total ? 0 : (3 * affective < 2 * total ? 1 : 2));
  set_enum(share, level);
}

} // namespace kansrijk::core
