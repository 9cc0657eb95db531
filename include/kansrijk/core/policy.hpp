// The verdict policy's vocabulary ("facts": flag counts, block scores, unknown share) and its
// evaluation. A framework declares the policy steps in framework.yaml; they are conditions in
// the rule language over these facts, type-checked at load like rules.
#pragma once

#include <kansrijk/core/use_case.hpp>
#include <optional>
#include <vector>

namespace kansrijk::core {

// The facts a policy step may read, for `framework`: `flags` (the raised flag ids), counts
// `flags.knockout`, `flags.high`, `flags.medium`, `flags.low`, `score.<block>` and
// `score.overall` (0-100, unknown when there is no score), `score.lowest` (the lowest block
// score), `blocks.unscored` (how many blocks have no score) and `unknown_share` (the percentage
// of the questions the framework asks that are left open).
std::vector<FieldDecl> verdict_facts(const Framework &framework);

// A closed interval of integers.
struct Interval {
  int low = 0;
  int high = 0;
};

// The facts of one assessment, exact or as bounds: flags raised for certain or only possibly,
// block scores as intervals (or no score).
struct FactValues {
  std::vector<int> raised;                     // flag indices raised for certain
  std::vector<int> possible;                   // flag indices that may be raised
  std::vector<std::optional<Interval>> blocks; // per block; nullopt: no score
  std::optional<Interval> overall;
  int unknown_share = 0;
  bool bounds = false; // the scores are bounds over completions, known to exist
};

// The facts as a use case over `framework.verdict.facts`, for the evaluator.
UseCase fact_sheet(const Framework &framework, const FactValues &values);

// The same into `sheet`, whose storage is reused (a search fills one sheet per point).
void fact_sheet_into(const Framework &framework, const FactValues &values, UseCase &sheet);

// What a policy step reads: the facts (paths such as "flags.high" or "score.quality_of_work")
// and the flags it names (`x in flags`), so a report can show what a step rests on.
struct StepReads {
  std::vector<std::string> facts;
  std::vector<int> flags;
};
StepReads step_reads(const VerdictPolicy &policy, const PolicyStep &step);

// The verdict the thresholds give for an overall score `overall`.
Verdict verdict_for_score(const VerdictPolicy &policy, int overall);

// The percentage of the questions `framework` asks (declared top-level fields that are asked
// and not derived) that `use_case` leaves unknown.
int unknown_share(const Framework &framework, const UseCase &use_case);

} // namespace kansrijk::core
