// Static analysis of a framework's rules, decided exactly over the finite domains of the
// declared fields: can a rule fire at all, and can two rules fire together? Used by
// `kansrijk validate` (never-fires and contradiction checks).
#pragma once

#include <cstddef>
#include <kansrijk/core/model.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::core {

// A use case that makes conditions true, for messages: `ai.role: decide, tasks: [...]`.
struct Witness {
  std::string description;
};

struct Satisfiability {
  enum class Answer { yes, no, undecided };
  Answer answer = Answer::undecided;
  std::optional<Witness> witness; // with `yes`
  std::size_t tried = 0;          // use cases evaluated
};

// Limits of the exhaustive search; beyond them the answer is `undecided`, never a guess.
inline constexpr std::size_t k_max_search = 5'000'000;
inline constexpr int k_max_symbolic_tasks = 5;

// Whether some use case makes every condition in `conditions` true (three-valued: true,
// not unknown). Enumerates every value (and unknown) of each field the conditions read,
// and task lists of up to (largest count constant + 1) tasks drawn from the taxonomy and
// from own tasks with every combination of the task attributes read.
Satisfiability satisfiable(const Framework &framework, const std::vector<const Expr *> &conditions);

} // namespace kansrijk::core

namespace kansrijk::core {

// A field whose answer, left open, raises milder flags than any answer would: the kind of
// design error where an unknown hides a consequence (the rule for personal data sent to an
// external service once excluded health data, so leaving health open raised no flag at all).
struct UnknownFavours {
  std::string field;
  std::vector<std::string> rules; // the rules reading the field that raise flags
  std::string witness;            // the other answers for which it happens
  int unknown_severity = -1;      // the most severe flag with the field open; -1: none
  int least_answer_severity = -1; // the mildest "most severe flag" any answer gives
};

struct UnknownFavoursResult {
  std::vector<UnknownFavours> found;
  std::vector<std::string> undecided; // fields whose search hit the limit
};

// For every use-case field, whether some combination of the other answers read by the
// flag-raising rules that read the field makes the open field milder than every answer to
// it. A flag that holds for every answer to the field counts as raised (as the engine raises
// it). Rules over tasks are left out of this check. The rules fall into groups that share no
// field besides this one; each group's combinations are searched apart and only their distinct
// outcomes combined, so the search is exact and far smaller than every combination of all
// fields. Each field's search is limited to `limit` steps; beyond that it is `undecided`.
UnknownFavoursResult unknown_favours(const Framework &framework, std::size_t limit = 200000);

} // namespace kansrijk::core
