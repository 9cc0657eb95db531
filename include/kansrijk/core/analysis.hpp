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
