// The status and weight of raised conditions. Kept apart from the engine: it reads only what
// the engine raised and the conditions' `met_when`.
#include <algorithm>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/conditions.hpp>

namespace kansrijk::core {

std::string_view to_string(ConditionStatus status) {
  switch (status) {
  case ConditionStatus::to_arrange:
    return "to_arrange";
  case ConditionStatus::in_place:
    return "in_place";
  case ConditionStatus::open:
    return "open";
  }
  return "?";
}

bool stated_in_place(const Framework &framework, const UseCase &use_case, int condition) {
  const int field = framework.in_place_field;
  if (field < 0 || static_cast<std::size_t>(field) >= use_case.fields.size()) {
    return false;
  }
  const FieldValue &value = use_case.fields[static_cast<std::size_t>(field)];
  // The domain of the in_place field is the conditions, in order (values_from: conditions).
  return value.known && std::binary_search(value.values.begin(), value.values.end(), condition);
}

bool flag_resolved(const Framework &framework, const UseCase &use_case, int flag) {
  const auto &by = framework.flags[static_cast<std::size_t>(flag)].resolved_by;
  return !by.empty() && std::all_of(by.begin(), by.end(), [&](int condition) {
    return stated_in_place(framework, use_case, condition);
  });
}

void settle_condition_status(const Framework &framework,
                             const UseCase &use_case,
                             std::vector<RaisedAdvice> &conditions) {
  for (auto &raised : conditions) {
    const Advice &condition = framework.conditions[static_cast<std::size_t>(raised.advice)];
    raised.status = ConditionStatus::to_arrange;
    raised.waits_for.clear();
    raised.stated = stated_in_place(framework, use_case, raised.advice);
    if (raised.stated) {
      raised.status = ConditionStatus::in_place;
      continue;
    }
    if (!condition.met_when) {
      continue;
    }
    Evaluation met = evaluate(*condition.met_when, use_case);
    if (met.truth == Truth::unknown &&
        holds_for_every_answer(framework, use_case, {&*condition.met_when}) == Decided::yes) {
      met.truth = Truth::yes; // whatever the open answers are, it is arranged
    }
    if (met.truth == Truth::yes) {
      raised.status = ConditionStatus::in_place;
    } else if (met.truth == Truth::unknown) {
      raised.status = ConditionStatus::open;
      for (UnknownRef ref : met.unknowns) {
        ref.member = -1; // one question per list, as the open questions list them
        if (std::find(raised.waits_for.begin(), raised.waits_for.end(), ref) == raised.waits_for.end()) {
          raised.waits_for.push_back(ref);
        }
      }
    }
  }
}

int condition_flag(const Assessment &assessment, const RaisedAdvice &condition) {
  // assessment.flags is sorted most severe first, so the first match is the most severe.
  for (std::size_t f = 0; f < assessment.flags.size(); ++f) {
    for (const auto &rule : assessment.flags[f].rules) {
      if (std::find(condition.rules.begin(), condition.rules.end(), rule) != condition.rules.end()) {
        return static_cast<int>(f);
      }
    }
  }
  return -1;
}

std::vector<std::size_t> conditions_by_weight(const Assessment &assessment) {
  std::vector<std::size_t> order(assessment.conditions.size());
  std::vector<int> severity(assessment.conditions.size(), -1);
  for (std::size_t c = 0; c < order.size(); ++c) {
    order[c] = c;
    if (const int flag = condition_flag(assessment, assessment.conditions[c]); flag >= 0) {
      const int index = assessment.flags[static_cast<std::size_t>(flag)].flag;
      severity[c] = static_cast<int>(assessment.framework->flags[static_cast<std::size_t>(index)].severity);
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return severity[a] > severity[b]; });
  return order;
}

} // namespace kansrijk::core
