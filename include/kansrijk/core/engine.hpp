// The rule engine: evaluates every rule of a framework for one use case and turns the
// outcomes into scores, directions, flags and a verdict. No I/O.
#pragma once

#include <cstddef>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/use_case.hpp>

namespace kansrijk::core {

// What an assessment computes beyond the rules themselves.
struct AssessOptions {
  // Decide rules, flags and quality-of-work effects that hold whatever the open answers are
  // (they hold now), by searching the answers they read.
  bool for_every_answer = true;
  // Compute the verdict range over every way to answer the open questions; the verdict is
  // then never more favourable than the best verdict any answers give.
  bool range = true;
  std::size_t range_limit = 4000; // search nodes; beyond it the range is approximate
  // Also the range of the overall score (reports show it; a batch summary does not, and the
  // verdict range alone needs far fewer search nodes).
  bool score_range = true;
  // Rank the open questions by what their answers can change (core/decision.hpp), on up to
  // `threads` threads (one assessment in a terminal: every core; a batch, whose workers are
  // threads already: one).
  bool questions = true;
  unsigned threads = 1;
  // Search the smallest changes to design choices that make the verdict more favourable.
  bool what_if = true;
  int what_if_changes = 2;         // the largest set of changes it tries (batch --overview alone: 1)
  bool what_if_first_only = false; // only the first lift is used (batch --overview alone)
};

// The options for one assessment someone waits for (assess, interview): the ranked questions
// searches on every core.
AssessOptions waited_for();

// Assesses `use_case` (whose tasks are completed) against `framework`. Every rule is
// evaluated; the result refers to both arguments, which must outlive it.
Assessment assess(const Framework &framework, const UseCase &use_case, const AssessOptions &options = {});

} // namespace kansrijk::core
