// Three-valued evaluation of type-checked conditions against a use case: a condition is
// true, false, or unknown when the answer depends on fields the use case leaves open.
#pragma once

#include <kansrijk/core/expression.hpp>
#include <kansrijk/core/use_case.hpp>
#include <string>
#include <vector>

namespace kansrijk::core {

enum class Truth { no, yes, unknown };

// An unknown field a result depended on: a use-case field (`task == -1`) or an attribute of
// task number `task`.
struct UnknownRef {
  int field = -1;
  int task = -1;
  bool task_field = false;
  int member = -1; // a list field tested for one value (`value in field`): that value

  // NOLINTNEXTLINE(readability-implicit-bool-conversion): reported inside the defaulted body
  friend auto operator<=>(const UnknownRef &, const UnknownRef &) = default;
};

struct Evaluation {
  Truth truth = Truth::no;
  // When `truth` is unknown: the unknown fields that decide it (sorted, unique).
  std::vector<UnknownRef> unknowns;
};

// Evaluates the type-checked condition `expr` for `use_case` with Kleene logic: `false and
// unknown` is false, `true or unknown` is true, a comparison with an unknown field is unknown.
Evaluation evaluate(const Expr &expr, const UseCase &use_case);

// The truth alone, with `scratch` for the unknowns it meets (reused by callers that evaluate
// often and need no unknowns: the bounds of a search).
Truth truth_of(const Expr &expr, const UseCase &use_case, std::vector<UnknownRef> &scratch);

// One boolean part of a condition and its value for a use case: `depth` is its nesting
// (0 for the whole condition), `text` the part as written, `task` the task it was evaluated
// for inside a quantifier (-1 outside one).
struct TraceLine {
  int depth = 0;
  std::string text;
  Truth truth = Truth::no;
  int task = -1;
};

// Every boolean part of the type-checked condition `expr` with its value for `use_case`, the
// whole condition first and each part after the part it belongs to; a quantifier's body is
// listed once per task. For explaining which part of a condition made a rule (not) fire.
std::vector<TraceLine> trace(const Expr &expr, const UseCase &use_case);

} // namespace kansrijk::core
