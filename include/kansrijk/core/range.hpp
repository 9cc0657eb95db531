// The verdict range: the most and least favourable verdict (and overall score) that the open
// questions of a use case still allow. Decided by depth-first search over the open answers
// with bounds: at each step the three-valued engine gives, for every score and flag, what all
// the answers still open can make of it, so a branch whose outcome is settled, or cannot widen
// the range found so far, is not searched further.
#pragma once

#include <cstddef>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/core/use_case.hpp>
#include <optional>
#include <vector>

namespace kansrijk::core {

// What every completion below one point of the search can still come to.
struct Bounds {
  Verdict best = Verdict::promising;
  Verdict worst = Verdict::not_advised;
  std::optional<Interval> overall; // nullopt: no completion has an overall score
  bool point = false;              // every completion gives the same verdict and score
  std::vector<UnknownRef> open;    // open answers that matter, most rules first
};

// The bounds of `use_case`'s completions: every open answer given a value.
Bounds completion_bounds(const Framework &framework, const UseCase &use_case);

// The verdict range of `use_case`, exact unless a search visits more than `limit` points;
// with `scores`, also the overall score's range (two more searches). `within`, when given,
// is the range of a use case that `use_case` refines (the same with more answers given),
// which holds every completion of `use_case` too: the search stops as soon as it has found
// that whole range, and a point's bounds are narrowed to it.
VerdictRange verdict_range(const Framework &framework,
                           const UseCase &use_case,
                           std::size_t limit,
                           bool scores = true,
                           const VerdictRange *within = nullptr);

// The verdict `policy_verdict` becomes given the range of the open questions: the range's one
// verdict when every way of answering gives the same (exactly), else at most its best.
Verdict limit_by_range(Verdict policy_verdict, const VerdictRange &range);

} // namespace kansrijk::core
