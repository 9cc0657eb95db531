// A described AI use case as plain values, indexed by the framework's declared fields, and
// the completion of its tasks (taxonomy attributes, derived attributes).
#pragma once

#include <kansrijk/core/model.hpp>
#include <string>
#include <vector>

namespace kansrijk::core {

// The value of one field. `known == false` is the `unknown` state: an omitted answer.
// For a derived enum, `known` with `value == -1` means "none of the declared values"
// (a custom task has no taxonomy id and no pillar).
struct FieldValue {
  bool known = false;
  int value = -1;          // enumeration: index in the field's domain
  std::vector<int> values; // enum_list: sorted, unique indices
  std::string text;        // text
  Location where;
};

// One task or action the use case touches: a taxonomy item (`item >= 0`) or a custom one.
struct TaskEntry {
  int item = -1;
  std::string name;                   // custom tasks only
  std::vector<FieldValue> attributes; // indexed like Framework::task_fields
  std::vector<SkillWeight> skills;    // with weights; custom tasks weigh each skill 2
  Location where;
};

struct UseCase {
  std::string id;
  std::string title;
  std::vector<FieldValue> fields; // indexed like Framework::fields
  std::vector<TaskEntry> tasks;
  std::string origin; // file name, for messages
};

// Fills the attributes a task takes from the taxonomy (for `item >= 0`) and the derived
// attributes (`id`, `pillar`, `affective_share`) from `framework`.
void complete_task(const Framework &framework, TaskEntry &task);

} // namespace kansrijk::core
