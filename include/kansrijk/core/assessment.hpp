// The result of assessing one use case: a plain value that every renderer (text, JSON, ...)
// turns into output without computing anything of its own.
#pragma once

#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/model.hpp>
#include <kansrijk/core/use_case.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::core {

enum class QowDirection { up, down, mixed, none, unknown };
enum class Valence { favourable, unfavourable, mixed, neutral, unknown };

// One visible contribution to a score. `rule` is a rule id or a computed component
// (`task-suitability.routine`, `technology-fit`, ...).
struct ScoreTerm {
  std::string rule;
  int points = 0;
  int task = -1; // the task it concerns, or -1
};

struct BlockScore {
  int block = -1;
  std::optional<int> score; // null when too much is unknown
  int base = 0;
  std::vector<ScoreTerm> terms;
  int known = 0;   // units of information that were known
  int unknown = 0; // and that were not
  // A block that rests on a computed term (Block::rests_on_computed) has no score without it.
  bool has_computed_term = false;
};

struct TaskResult {
  int task = -1; // index into UseCase::tasks
  std::optional<int> suitability;
  std::vector<ScoreTerm> terms;
};

struct SkillNeed {
  int skill = -1;
  int weight = 0; // summed over the touched tasks
  Grade best = Grade::none;
};

struct TechnologyFit {
  int technology = -1;
  int fit = 0;
};

struct QowReason {
  std::string rule;
  Direction direction = Direction::up;
  // Set when no single rule decided it, but one of these rules holds whatever the open
  // answers are (`rule` is the first of them).
  std::vector<std::string> either;
};

struct QowResult {
  int dimension = -1;
  QowDirection direction = QowDirection::none;
  Valence valence = Valence::neutral;
  std::vector<QowReason> reasons;
};

struct RaisedFlag {
  int flag = -1;
  std::string rule;               // the first rule that raised it
  std::vector<std::string> rules; // every rule that raised it, `rule` first
  // Set when the flag holds whatever the open answers are, through one of these rules,
  // although no single one is decided yet (`rule` is the first of them).
  std::vector<std::string> either;
};

// Whether a raised condition still has to be arranged: the answers show it is in place
// (`met_when` holds), do not show it, or leave it open (`met_when` depends on open answers).
enum class ConditionStatus { to_arrange, in_place, open };

// An advice item (recommendation or condition) and the rules that call for it.
struct RaisedAdvice {
  int advice = -1;
  std::vector<std::string> rules;
  ConditionStatus status = ConditionStatus::to_arrange; // conditions only
  std::vector<UnknownRef> waits_for;                    // open: the answers that decide it
  bool stated = false; // conditions only: in place because the use case states it (in_place)
};

// A question the use case leaves open, and the rules whose outcome depends on it.
struct OpenQuestion {
  UnknownRef ref;
  std::vector<std::string> rules;
};

// A question a rule asks explicitly when it fires.
struct RuleQuestion {
  std::string rule;
  int index = 0; // into the rule's `questions`
};

// What a verdict rests on, in the order the engine decided it.
struct VerdictReason {
  enum class Kind {
    score,          // the verdict the overall score gives by the thresholds
    no_score,       // there is no overall score: no verdict from the score
    policy_step,    // a step of the verdict policy holds
    open_questions, // whatever the open answers are, the verdict is at most `at_most`
    settled,        // every way of answering the open questions gives `at_most`: it is the verdict
  };
  Kind kind = Kind::score;
  int step = -1; // policy_step: index into VerdictPolicy::steps
  Verdict at_most = Verdict::promising;
  bool binding = false; // this reason sets the final verdict (the first that does)
};

// A rule that fired: its condition holds, or holds whatever the open answers are.
struct FiredRule {
  int rule = -1;
  bool for_every_answer = false; // decided only by trying every answer to the open questions
};

// Where the verdict can still go: the most and least favourable verdict, and overall score,
// over every way to answer the open questions (completions of the use case). Exact unless a
// search limit was hit; then the bounds are outer bounds, never guesses.
struct VerdictRange {
  bool computed = false;
  Verdict best = Verdict::promising;
  Verdict worst = Verdict::not_advised;
  std::optional<int> overall_min; // null when no completion has an overall score
  std::optional<int> overall_max;
  bool exact = true;
  std::size_t explored = 0; // search nodes visited
};

// Where one answer (or a group of answers with the same outcome) to an open question leads.
struct AnswerOutcome {
  std::vector<FieldValue> answers; // for a list member: in (values holds it) or out
  Verdict best = Verdict::promising;
  Verdict worst = Verdict::not_advised;
  bool exact = true;
};

// An open question, with the verdict range each of its answers leaves.
struct RankedQuestion {
  UnknownRef ref;                 // for a list field, `member` is the value asked about
  std::vector<std::string> rules; // the rules whose outcome depends on it
  std::vector<AnswerOutcome> outcomes;
  bool can_change = false;  // not every answer leaves the same range
  bool approximate = false; // an answer was tried directly for a derived attribute
};

// One change to a design choice.
struct DesignChange {
  int field = -1;
  FieldValue value;
};

// A set of changes that makes the verdict more favourable, with what it changes.
struct Lift {
  std::vector<DesignChange> changes;                 // in field order
  std::vector<std::vector<FieldValue>> alternatives; // per change: other values with the same result
  Verdict verdict = Verdict::conditional;
  std::optional<int> overall;
  std::vector<int> flags_removed; // indices into Framework::flags
  std::vector<int> flags_added;
  std::vector<int> rules_removed; // indices into Framework::rules (fired before, not after)
  std::vector<int> rules_added;
};

struct WhatIf {
  enum class Status {
    not_needed,        // the verdict is already the most favourable one
    needs_answers,     // the verdict is "insufficient information": answer the questions first
    no_design_fields,  // the framework marks no field as a design choice
    none_possible,     // proven: no change to any number of design choices lifts the verdict
    none_within_limit, // no set of up to `max_changes` changes lifts it
    found,             // `lifts` holds the minimal sets found
  };
  bool computed = false;
  Status status = Status::not_needed;
  std::vector<Lift> lifts; // most favourable verdict first, then fewest changes
  int max_changes = 2;
  bool complete = true;      // false when the search stopped at its limit
  std::size_t evaluated = 0; // cases assessed in full
  std::size_t bounded = 0;   // upper bounds computed
};

struct Assessment {
  const Framework *framework = nullptr;
  const UseCase *use_case = nullptr;
  Verdict verdict = Verdict::conditional;
  Verdict verdict_from_score = Verdict::conditional; // by the thresholds, or insufficient_information
  std::vector<VerdictReason> verdict_reasons;
  std::vector<Truth> step_truth;  // per verdict policy step: holds, does not hold, or open
  std::vector<BlockScore> blocks; // in framework block order
  std::optional<int> overall;
  std::vector<TaskResult> tasks;
  std::vector<SkillNeed> skills;           // sorted by weight, highest first
  std::vector<TechnologyFit> technologies; // best first
  std::vector<QowResult> quality_of_work;  // in framework dimension order
  std::vector<RaisedFlag> flags;           // most severe first
  std::vector<RaisedFlag> resolved_flags;  // raised by rules, but resolved (core::flag_resolved)
  std::vector<OpenQuestion> open_questions;
  std::vector<RuleQuestion> rule_questions;
  std::vector<RaisedAdvice> conditions;
  std::vector<RaisedAdvice> recommendations;
  std::vector<FiredRule> fired; // in framework rule order
  VerdictRange range;
  std::vector<RankedQuestion> questions; // AssessOptions::questions
  WhatIf what_if;                        // AssessOptions::what_if
};

std::string_view to_string(Verdict verdict);
std::string_view to_string(QowDirection direction);
std::string_view to_string(Valence valence);
std::string_view to_string(Severity severity);
std::string_view to_string(Grade grade);
std::string_view to_string(Direction direction);

} // namespace kansrijk::core
