// Scoring and verdicts on the mini framework, with every expected figure worked out by hand
// in the comments from the rules in support/mini_framework.hpp.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/engine.hpp>

using namespace kansrijk;
using core::Verdict;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}

struct Result {
  core::UseCase use_case;
  core::Assessment assessment;
};

Result run(const std::string &yaml, const core::Framework &framework = fw()) {
  Result r{test::use_case(framework, yaml), {}};
  r.assessment = core::assess(framework, r.use_case);
  return r;
}

std::optional<int> block_score(const core::Assessment &a, const std::string &id) {
  return a.blocks[static_cast<std::size_t>(a.framework->block_index(id))].score;
}

const core::QowResult &qow(const core::Assessment &a, const std::string &id) {
  for (const auto &result : a.quality_of_work) {
    if (a.framework->dimensions[static_cast<std::size_t>(result.dimension)].id == id) {
      return result;
    }
  }
  FAIL("no dimension " << id);
  throw;
}

std::vector<std::string> flag_ids(const core::Assessment &a) {
  std::vector<std::string> ids;
  for (const auto &raised : a.flags) {
    ids.push_back(a.framework->flags[static_cast<std::size_t>(raised.flag)].id);
  }
  return ids;
}

const core::VerdictReason *binding(const core::Assessment &a) {
  for (const auto &reason : a.verdict_reasons) {
    if (reason.binding) {
      return &reason;
    }
  }
  return nullptr;
}

std::string binding_step(const core::Assessment &a) {
  const auto *reason = binding(a);
  REQUIRE(reason != nullptr);
  REQUIRE(reason->kind == core::VerdictReason::Kind::policy_step);
  return a.framework->verdict.steps[static_cast<std::size_t>(reason->step)].id;
}

const std::string k_good = R"(name: Goed
aim: {goal: "Minder schrijfwerk"}
jobs: [{item: desk.write}]
tool: {mode: draft, kind: learning}
data: {state: clean}
time: {spent: rest}
team: {skill: high}
)";

std::string with(std::string yaml, const std::string &from, const std::string &to) {
  const auto at = yaml.find(from);
  REQUIRE(at != std::string::npos);
  return yaml.replace(at, from.size(), to);
}
} // namespace

TEST_CASE("block scores are the sum of visible terms", "[core][engine]") {
  const auto r = run(k_good);
  const auto &a = r.assessment;
  CHECK(block_score(a, "aim") == 70);   // 50 + r.goal 20
  CHECK(block_score(a, "work") == 90);  // suitability 50 + 20 (dull high) + 10 (joy low), + r.draft 10
  CHECK(block_score(a, "know") == 100); // write: best grade strong
  CHECK(block_score(a, "fit") == 100);  // learning fit for write: strong
  CHECK(block_score(a, "life") == 80);  // 50 + stress down (favourable) 10 + r.calm 10 + r.clean 10
  CHECK(a.overall == 88);               // (70 + 90 + 100 + 100 + 80) / 5
  CHECK(a.verdict == Verdict::promising);
  REQUIRE(a.tasks.size() == 1);
  CHECK(a.tasks[0].suitability == 80);
  REQUIRE(a.technologies.size() == 2);
  CHECK(fw().technologies[static_cast<std::size_t>(a.technologies[0].technology)].id == "learning");
  CHECK(a.technologies[0].fit == 100);
  CHECK(a.technologies[1].fit == 33);
}

TEST_CASE("a knock-out makes the verdict not_advised whatever the scores", "[core][engine]") {
  const auto r = run(with(k_good, "mode: draft", "mode: rule"));
  const auto &a = r.assessment;
  CHECK(a.overall >= 70);
  CHECK(a.verdict_from_score == Verdict::promising);
  CHECK(a.verdict == Verdict::not_advised);
  CHECK(flag_ids(a) == std::vector<std::string>{"ko"});
  CHECK(a.flags[0].rule == "r.decide");
  CHECK(binding_step(a) == "ko");
}

TEST_CASE("a high flag caps the verdict at conditional; good scores do not compensate", "[core][engine]") {
  const auto r = run(with(k_good, "state: clean", "state: dirty"));
  const auto &a = r.assessment;
  CHECK(a.overall == 86); // working life 70 instead of 80
  CHECK(a.verdict_from_score == Verdict::promising);
  CHECK(a.verdict == Verdict::conditional);
  CHECK(binding_step(a) == "high");
  REQUIRE(a.conditions.size() == 1);
  CHECK(fw().conditions[static_cast<std::size_t>(a.conditions[0].advice)].id == "cond");
}

TEST_CASE("high flags add up: two of them cap the verdict below conditional", "[core][engine]") {
  const auto framework = test::mini_framework_with(
      "  - {id: r.watch, block: life, when: \"scores in people.watch\", text: {nl: x, en: "
      "x}, effects: {flags: [hi2]}}\n");
  const auto one = run(with(k_good, "state: clean", "state: dirty"), framework);
  CHECK(one.assessment.verdict == Verdict::conditional);
  const auto two =
      run(with(k_good, "state: clean", "state: dirty") + "people: {watch: [scores]}\n", framework);
  CHECK(flag_ids(two.assessment) == std::vector<std::string>{"hi", "hi2"});
  CHECK(two.assessment.verdict == Verdict::limited);
  CHECK(binding_step(two.assessment) == "two-high");
  // the single-flag step holds too, but does not bind
  std::vector<std::string> holding;
  for (const auto &reason : two.assessment.verdict_reasons) {
    if (reason.kind == core::VerdictReason::Kind::policy_step) {
      holding.push_back(framework.verdict.steps[static_cast<std::size_t>(reason.step)].id);
    }
  }
  CHECK(holding == std::vector<std::string>{"two-high", "high"});
}

TEST_CASE("rules that disagree make a direction mixed", "[core][engine]") {
  const auto r = run(with(k_good, "spent: rest", "spent: more"));
  const auto &result = qow(r.assessment, "stress");
  CHECK(result.direction == core::QowDirection::mixed);
  CHECK(result.valence == core::Valence::mixed);
  CHECK(result.reasons.size() == 2);
  CHECK(block_score(r.assessment, "life") == 66); // 50 - 4 (mixed) + 10 + 10
}

TEST_CASE("a dimension no rule touches has no change; one that depends on open answers is unknown",
          "[core][engine]") {
  const auto known = run(k_good);
  CHECK(qow(known.assessment, "variety").direction == core::QowDirection::none);
  const auto open = run("name: T\njobs: [{item: desk.write}]\n");
  CHECK(qow(open.assessment, "stress").direction == core::QowDirection::unknown);
  CHECK(qow(open.assessment, "stress").valence == core::Valence::unknown);
}

TEST_CASE("an unknown answer is neither favourable nor unfavourable and becomes a question",
          "[core][engine]") {
  const auto good = run(k_good);
  const auto poor = run(with(k_good, "state: clean", "state: dirty"));
  const auto open = run(with(k_good, "data: {state: clean}\n", ""));
  const int with_good = *block_score(good.assessment, "life");
  const int with_poor = *block_score(poor.assessment, "life");
  const int with_unknown = *block_score(open.assessment, "life");
  CHECK(with_unknown < with_good);
  CHECK(with_poor <= with_unknown);
  CHECK(open.assessment.flags.empty()); // no flag is raised on a guess
  bool asked = false;
  for (const auto &q : open.assessment.open_questions) {
    if (!q.ref.task_field && q.ref.field == fw().field_index("data.state")) {
      asked = true;
      CHECK(q.rules == std::vector<std::string>{"r.dirty", "r.clean"});
    }
  }
  CHECK(asked);
}

TEST_CASE("a block is null when too much that informs it is unknown; then no verdict is given",
          "[core][engine]") {
  const auto r = run("name: T\njobs: [{called: Eigen taak}]\n");
  const auto &a = r.assessment;
  CHECK_FALSE(block_score(a, "work")); // the own task's attributes are all unknown
  CHECK_FALSE(block_score(a, "know")); // its skills are unknown
  CHECK_FALSE(block_score(a, "fit"));  // no skills, no technology named
  CHECK_FALSE(block_score(a, "life")); // 4 of 4 units unknown
  CHECK(block_score(a, "aim") == 50);  // `aim.goal != unknown` is decided: false
  CHECK_FALSE(a.overall);
  CHECK(a.verdict == Verdict::insufficient_information);
  CHECK(binding_step(a) == "unknown");
  REQUIRE_FALSE(a.verdict_reasons.empty());
  CHECK(a.verdict_reasons[0].kind == core::VerdictReason::Kind::no_score);
}

TEST_CASE("missing information can never make a use case promising", "[core][engine]") {
  const auto r = run("name: T\njobs: [{item: desk.write}]\ntool: {mode: draft}\n");
  CHECK(r.assessment.verdict != Verdict::promising);
}

TEST_CASE("every rule is evaluated: there is no first match", "[core][engine]") {
  const auto r = run(with(with(k_good, "mode: draft", "mode: rule"), "state: clean", "state: dirty"));
  std::vector<std::string> fired;
  for (const auto &f : r.assessment.fired) {
    fired.push_back(fw().rules[static_cast<std::size_t>(f.rule)].id);
  }
  // files are read in name order: rules-life.yaml before rules.yaml
  CHECK(fired == std::vector<std::string>{"r.dirty", "r.calm", "r.goal", "r.decide"});
  CHECK(flag_ids(r.assessment) == std::vector<std::string>{"ko", "hi"}); // most severe first
}

TEST_CASE("an unscored block caps a promising mean at conditional", "[core][engine]") {
  // aim 50, work 90, know 100 are known; fit (no technology) and working life are not.
  const auto r = run("name: T\njobs: [{item: desk.write}]\ntool: {mode: draft}\n");
  CHECK(r.assessment.overall == 80);
  CHECK(r.assessment.verdict_from_score == Verdict::promising);
  CHECK(r.assessment.verdict == Verdict::conditional);
  CHECK(binding_step(r.assessment) == "unscored");
}

TEST_CASE("a block built on a computed term has no score without it", "[core][engine]") {
  // Skills are known, so every technology has a fit, but the use case names none: the
  // fit block must not fall back to its base of 0.
  const auto r = run(with(k_good, "kind: learning", "kind: unknown"));
  CHECK_FALSE(block_score(r.assessment, "fit"));
  CHECK(r.assessment.technologies.size() == 2);
  bool asked = false;
  for (const auto &q : r.assessment.open_questions) {
    asked = asked || (!q.ref.task_field && q.ref.field == fw().field_index("tool.kind"));
  }
  CHECK(asked);
}

TEST_CASE("a very weak block caps a promising mean at conditional", "[core][engine]") {
  const auto framework = test::mini_framework_with("  - {id: r.sink, block: life, when: \"team.asked == "
                                                   "no\", text: {nl: x, en: x}, effects: {points: {life: "
                                                   "-60}}}\n");
  const auto r = run(with(k_good, "team: {skill: high}", "team: {skill: high, asked: \"no\"}"), framework);
  const auto &a = r.assessment;
  REQUIRE(block_score(a, "life") == 20); // 80 - 60
  CHECK(a.overall == 76);                // (70+90+100+100+20)/5
  CHECK(a.verdict_from_score == Verdict::promising);
  CHECK(a.verdict == Verdict::conditional);
  CHECK(binding_step(a) == "weak");
}

TEST_CASE("an unknown derived attribute is asked for through what it is derived from", "[core][engine]") {
  const auto framework =
      test::mini_framework_with("  - {id: r.warm, block: work, when: \"any(jobs, t.warmth == "
                                "high)\", text: {nl: x, en: x}, effects: {points: {work: -5}}}\n");
  const auto r = run("name: T\njobs: [{called: Eigen taak}]\n", framework);
  bool needs_asked = false;
  for (const auto &q : r.assessment.open_questions) {
    CHECK(q.ref.field != framework.task_field_index("warmth"));
    if (q.ref.task_field && q.ref.field == framework.task_field_index("needs")) {
      needs_asked = std::find(q.rules.begin(), q.rules.end(), "r.warm") != q.rules.end();
    }
  }
  CHECK(needs_asked);
}

TEST_CASE("a task the AI only works beside is left out of suitability, skills and fit", "[core][engine]") {
  // desk.talk is low on suitability (50 - 10 dull low - 20 joy high = 20) and needs care, which
  // no technology supports. Beside it, the scores rest on desk.write alone.
  const auto both =
      run(with(k_good, "jobs: [{item: desk.write}]", "jobs: [{item: desk.write}, {item: desk.talk}]"));
  CHECK(block_score(both.assessment, "work") == 60); // (80 + 20) / 2 + 10
  const auto beside = run(with(k_good, "jobs: [{item: desk.write}]",
                               "jobs: [{item: desk.write}, {item: desk.talk, how: beside}]"));
  CHECK(block_score(beside.assessment, "work") == 90);
  CHECK(block_score(beside.assessment, "know") == 100);
  CHECK(block_score(beside.assessment, "fit") == 100);
  REQUIRE(beside.assessment.tasks.size() == 2);
  CHECK_FALSE(beside.assessment.tasks[1].suitability);
}

TEST_CASE("a per-use attribute a use case leaves out takes its declared default", "[core][engine]") {
  const auto framework =
      test::mini_framework_with("  - {id: r.takes, block: work, when: \"any(jobs, t.how == does)\", "
                                "text: {nl: x, en: x}, effects: {points: {work: -10}}}\n");
  const auto acting = run(with(k_good, "mode: draft", "mode: act"), framework);
  const auto how = framework.task_field_index("how");
  CHECK(acting.use_case.tasks[0].attributes[static_cast<std::size_t>(how)].value ==
        framework.task_fields[static_cast<std::size_t>(how)].domain.index_of("does"));
  CHECK(acting.use_case.tasks[0].attributes[static_cast<std::size_t>(how)].defaulted);
  const auto drafting = run(k_good, framework);
  CHECK(drafting.use_case.tasks[0].attributes[static_cast<std::size_t>(how)].value ==
        framework.task_fields[static_cast<std::size_t>(how)].domain.index_of("helps"));
  // Without a mode no default is decided: the attribute is open, and the question is the mode.
  const auto open = run(with(k_good, "mode: draft, ", ""), framework);
  CHECK_FALSE(open.use_case.tasks[0].attributes[static_cast<std::size_t>(how)].known);
  bool mode_asked = false;
  for (const auto &q : open.assessment.open_questions) {
    if (!q.ref.task_field && q.ref.field == framework.field_index("tool.mode")) {
      mode_asked = std::find(q.rules.begin(), q.rules.end(), "r.takes") != q.rules.end();
    }
  }
  CHECK(mode_asked);
}
