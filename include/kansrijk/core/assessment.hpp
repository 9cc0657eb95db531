// The result of assessing one use case: a plain value that every renderer (text, JSON, ...)
// turns into output without computing anything of its own.
#pragma once

#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/model.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::core {

enum class Verdict { promising, conditional, limited, not_advised };
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
  // Tasks, skills and technology rest on a computed term (suitability, skill support,
  // technology fit); without it the rule points alone would be a meaningless score.
  bool needs_computed_term = false;
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
};

struct QowResult {
  int dimension = -1;
  QowDirection direction = QowDirection::none;
  Valence valence = Valence::neutral;
  std::vector<QowReason> reasons;
};

struct RaisedFlag {
  int flag = -1;
  std::string rule;
};

// An advice item (recommendation or condition) and the rules that call for it.
struct RaisedAdvice {
  int advice = -1;
  std::vector<std::string> rules;
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

enum class VerdictReasonKind {
  score,
  insufficient_information,  // no overall score: at best conditional
  capped_by_unscored_blocks, // a building block has no score: at best conditional
  capped_by_weak_block,      // a building block scores below `weak_block`: at best conditional
  capped_by_high_flag,
  knockout
};

struct VerdictReason {
  VerdictReasonKind kind = VerdictReasonKind::score;
  std::string rule; // for flags
  int flag = -1;
  int block = -1; // for capped_by_weak_block
};

struct FiredRule {
  int rule = -1;
};

struct Assessment {
  const Framework *framework = nullptr;
  const UseCase *use_case = nullptr;
  Verdict verdict = Verdict::conditional;
  Verdict verdict_from_score = Verdict::conditional;
  std::vector<VerdictReason> verdict_reasons;
  std::vector<BlockScore> blocks; // in framework block order
  std::optional<int> overall;
  std::vector<TaskResult> tasks;
  std::vector<SkillNeed> skills;           // sorted by weight, highest first
  std::vector<TechnologyFit> technologies; // best first
  std::vector<QowResult> quality_of_work;  // in framework dimension order
  std::vector<RaisedFlag> flags;           // most severe first
  std::vector<OpenQuestion> open_questions;
  std::vector<RuleQuestion> rule_questions;
  std::vector<RaisedAdvice> conditions;
  std::vector<RaisedAdvice> recommendations;
  std::vector<FiredRule> fired; // in framework rule order
};

std::string_view to_string(Verdict verdict);
std::string_view to_string(QowDirection direction);
std::string_view to_string(Valence valence);
std::string_view to_string(Severity severity);
std::string_view to_string(Grade grade);
std::string_view to_string(Direction direction);

} // namespace kansrijk::core
