// Conditions to arrange, as a report lists them: whether the answers already show each raised
// condition is in place, and which ones matter most for this use case.
#pragma once

#include <cstddef>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/use_case.hpp>
#include <string_view>
#include <vector>

namespace kansrijk::core {

std::string_view to_string(ConditionStatus status);

// `use_case`: in place when it holds (now, or whatever the open answers are), open with the
// deciding answers when it depends on open answers, else to arrange. A condition without
// `met_when` is always to arrange: no answer can show it is arranged.
// Whether `use_case` states condition `condition` (an index into Framework::conditions) as
// arranged, in the field with role in_place. An unknown or absent field states nothing.
bool stated_in_place(const Framework &framework, const UseCase &use_case, int condition);

// Whether `flag` is resolved for `use_case`: the flag names conditions that resolve it
// (`resolved_by`) and the use case states every one of them as arranged. A resolved flag is
// raised by no rule; the report names it as resolved. The state is part of the use case,
// never an open answer, so every search over open answers sees it alike.
bool flag_resolved(const Framework &framework, const UseCase &use_case, int flag);

// Sets the status of every raised condition in `conditions`: in place when the use case
// states it so (`stated`), else from its `met_when` evaluated for `use_case`: in place when it
// holds (now, or whatever the open answers are), open with the deciding answers when it
// depends on open answers, else to arrange. A condition without `met_when` and not stated is
// always to arrange: no answer can show it is arranged.
void settle_condition_status(const Framework &framework,
                             const UseCase &use_case,
                             std::vector<RaisedAdvice> &conditions);

// The flag a raised condition answers: the most severe flag of `assessment` that one of the
// rules raising `condition` also raised. An index into `assessment.flags`, or -1.
int condition_flag(const Assessment &assessment, const RaisedAdvice &condition);

// The raised conditions of `assessment` (indices into `assessment.conditions`) in the order
// they matter for this case: those that answer a flag first, the most severe flag first; then
// the rest, each group in the order the rules raised them.
std::vector<std::size_t> conditions_by_weight(const Assessment &assessment);

} // namespace kansrijk::core
