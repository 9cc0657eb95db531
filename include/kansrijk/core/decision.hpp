// Decision support beyond one verdict: which open questions can still move the verdict (and
// where each answer leads), and which changes to the design choices an organisation controls
// would make a use case more promising. Both are exact: they use the verdict range
// (core/range.hpp), which searches every way to answer the open questions, and an upper bound
// from one three-valued evaluation to skip what cannot matter.
#pragma once

#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/use_case.hpp>

namespace kansrijk::core {

// The open questions of `assessment` (of `use_case`), most decisive first: questions whose
// answer can change the verdict range, then those that narrow it most in the worst case. The
// searches are limited to `limit` points each; a search that hits it marks its outcome inexact.
// The searches (one per answer) run on up to `threads` threads; the result is the same for any
// number.
std::vector<RankedQuestion> rank_questions(const Framework &framework,
                                           const UseCase &use_case,
                                           const Assessment &assessment,
                                           std::size_t limit = 4000,
                                           unsigned threads = 1);

// How many bounds and assessments a what-if search may spend (beyond it: `complete` false).
inline constexpr std::size_t k_what_if_limit = 20000;

// The smallest sets of changes (at most `max_changes`, at most one per field) to the fields the
// framework marks as design choices that make `assessment`'s verdict more favourable. A set is
// listed when its verdict beats that of every proper subset; sets with the same fields and the
// same result are listed once, with the other values as alternatives. With `first_only`, only
// the first lift is certain to be listed (the most favourable verdict, then the highest
// score, with its alternatives): changes that cannot reach the best verdict found so far are
// not assessed (the overview's quick wins show only that one).
WhatIf find_lifts(const Framework &framework,
                  const UseCase &use_case,
                  const Assessment &assessment,
                  int max_changes = 2,
                  std::size_t limit = k_what_if_limit,
                  bool first_only = false);

// `use_case` with `field` set to `value`, the answers it implies (imply_skipped_answers) and the
// defaults recomputed (give_answer). A question the new value rules out (its `ask_if` is now
// false) takes its `if_skipped` answer even when it had another: `--set` and what-if changes
// never leave a contradiction such as "no personal data" with "health data: yes".
void set_field(const Framework &framework, UseCase &use_case, int field, const FieldValue &value);

} // namespace kansrijk::core
