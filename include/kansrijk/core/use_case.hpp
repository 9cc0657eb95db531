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
//
// Integer values (the verdict policy's facts) are intervals: `low == high` is a point; a
// known interval is a value known to lie in it (the bounds of a search), an unknown one says
// where the value could lie. A list may carry `possible` members: in the list for some of the
// answers still open, neither in nor out now.
struct FieldValue {
  bool known = false;
  bool defaulted = false; // set from the field's declared default, not given by the use case
  int value = -1;         // enumeration: index in the field's domain
  int low = 0;            // integer: the interval
  int high = 0;
  std::vector<int> values; // enum_list: sorted, unique indices
  std::vector<int> possible;
  std::string text; // text
  Location where;
};

// Whether `value` is known completely (a list with no member still open).
inline bool is_settled(const FieldValue &value) { return value.known && value.possible.empty(); }

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
// attributes (taxonomy id, pillar, skill-group shares) from `framework`.
void complete_task(const Framework &framework, TaskEntry &task);

// Recomputes the derived attributes of `task` (after its skills changed).
void derive_task_attributes(const Framework &framework, TaskEntry &task);

// Gives every task attribute that is unknown (or was defaulted before) its declared default,
// the first whose condition over the use case's fields holds; unknown when none is decided.
// Call after the use case's fields change.
void apply_defaults(const Framework &framework, UseCase &use_case);

// Gives every unknown field whose question the interview skips (its `ask_if` is false) the
// answer `if_skipped` ("no personal data" implies "no health data"), until nothing changes.
// Returns whether any answer was implied. Answers already given stay as they are.
bool imply_skipped_answers(const Framework &framework, UseCase &use_case);

// The label of value `value` of `decl` in `language`: its value label, else the value itself.
const std::string &value_label(const FieldDecl &decl, int value, const std::string &language);

// A key that two use cases share exactly when every rule sees the same answers and tasks: a
// free text counts only by whether it is given (rules can compare text only with `unknown`);
// names, ids and places in files do not count. For reusing what was worked out for one row of
// a register for the next row with the same answers.
std::string answers_key(const UseCase &use_case);

} // namespace kansrijk::core
