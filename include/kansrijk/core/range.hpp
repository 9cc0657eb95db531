// The verdict range: the most and least favourable verdict (and overall score) that the open
// questions of a use case still allow. Decided by depth-first search over the open answers
// with bounds: at each step the three-valued engine gives, for every score and flag, what all
// the answers still open can make of it, so a branch whose outcome is settled, or cannot widen
// the range found so far, is not searched further.
#pragma once

#include <cstddef>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/core/use_case.hpp>
#include <memory>
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

// verdict_range of a use case that is a search_copy already, with its rules' outcomes as
// evaluate() gives them: the engine has both, so neither is made again. The search changes
// them along its path and leaves them as it found them.
VerdictRange verdict_range(const Framework &framework,
                           SearchCopy copy,
                           std::vector<Evaluation> &outcomes,
                           std::size_t limit,
                           bool scores);

// The verdict ranges of one use case with one more answer given, for the ranked questions:
// `with(ref, value)` is verdict_range(the use case with `ref` answered `value`, limit, false,
// &now), but the use case is copied and its rules evaluated once, not once per answer, and
// the searches share what they can reuse (the skill parts of the tasks).
class AnswerRanges {
public:
  // `now` is the range of `use_case`; it must outlive this.
  AnswerRanges(const Framework &framework,
               const UseCase &use_case,
               const VerdictRange &now,
               std::size_t limit);
  ~AnswerRanges();
  AnswerRanges(const AnswerRanges &) = delete;
  AnswerRanges &operator=(const AnswerRanges &) = delete;
  AnswerRanges(AnswerRanges &&) = delete;
  AnswerRanges &operator=(AnswerRanges &&) = delete;

  VerdictRange with(const UnknownRef &ref, const FieldValue &value);

private:
  struct State;
  const Framework &m_fw;
  const VerdictRange &m_now;
  std::size_t m_limit;
  std::unique_ptr<State> m_state;
};

// The completion bounds of one use case with one answer changed (given a value, or made
// unknown), for the what-if search: `with(ref, value)` is completion_bounds of the use case
// with `ref` set to `value` (the defaults recomputed), but the use case is copied and its
// rules evaluated once; only the rules that read `ref` are evaluated again. `open` is not set.
// `range(ref, value, limit)` is the verdict range of that use case, made the same way.
class ChangedBounds {
public:
  ChangedBounds(const Framework &framework, const UseCase &use_case);
  ~ChangedBounds();
  ChangedBounds(const ChangedBounds &) = delete;
  ChangedBounds &operator=(const ChangedBounds &) = delete;
  ChangedBounds(ChangedBounds &&) = delete;
  ChangedBounds &operator=(ChangedBounds &&) = delete;

  Bounds with(const UnknownRef &ref, const FieldValue &value);
  // verdict_range(the use case with `ref` set to `value`, limit, false), from the same copy.
  VerdictRange range(const UnknownRef &ref, const FieldValue &value, std::size_t limit);

private:
  struct State;
  const Framework &m_fw;
  std::unique_ptr<State> m_state;
};

// The verdict `policy_verdict` becomes given the range of the open questions: the range's one
// verdict when every way of answering gives the same (exactly), else at most its best.
Verdict limit_by_range(Verdict policy_verdict, const VerdictRange &range);

} // namespace kansrijk::core
