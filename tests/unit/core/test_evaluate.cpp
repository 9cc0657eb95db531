// Three-valued evaluation: unknown answers stay unknown, and Kleene logic decides what the
// known answers already decide.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/type_check.hpp>

using namespace kansrijk;
using core::Truth;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}

core::Evaluation eval(const std::string &condition, const std::string &yaml) {
  auto parsed = core::parse_expression(condition);
  REQUIRE(parsed);
  REQUIRE(core::type_check(*parsed, fw()));
  const core::UseCase uc = test::use_case(fw(), yaml);
  return core::evaluate(*parsed, uc);
}

const std::string k_base = "title: T\ntasks: [{ref: p.write}]\n";
} // namespace

TEST_CASE("comparisons with known values are true or false", "[core][evaluate]") {
  const std::string uc = k_base + "ai: {role: draft}\n";
  CHECK(eval("ai.role == draft", uc).truth == Truth::yes);
  CHECK(eval("ai.role != draft", uc).truth == Truth::no);
  CHECK(eval("ai.role >= draft", uc).truth == Truth::yes);
  CHECK(eval("ai.role > draft", uc).truth == Truth::no);
  CHECK(eval("ai.role in [inform, draft]", uc).truth == Truth::yes);
  CHECK(eval("ai.role not in [inform, draft]", uc).truth == Truth::no);
}

TEST_CASE("a comparison with an unknown field is unknown and names the field", "[core][evaluate]") {
  const auto result = eval("ai.role == draft", k_base);
  CHECK(result.truth == Truth::unknown);
  REQUIRE(result.unknowns.size() == 1);
  CHECK(result.unknowns[0].field == fw().field_index("ai.role"));
  CHECK(eval("ai.role != draft", k_base).truth == Truth::unknown);
  CHECK(eval("not (ai.role == draft)", k_base).truth == Truth::unknown);
}

TEST_CASE("Kleene logic: false and unknown is false, true or unknown is true", "[core][evaluate]") {
  const std::string uc = k_base + "ai: {role: draft}\n";
  CHECK(eval("ai.role == inform and data.quality == poor", uc).truth == Truth::no);
  CHECK(eval("ai.role == draft or data.quality == poor", uc).truth == Truth::yes);
  const auto open = eval("ai.role == draft and data.quality == poor", uc);
  CHECK(open.truth == Truth::unknown);
  REQUIRE(open.unknowns.size() == 1);
  CHECK(open.unknowns[0].field == fw().field_index("data.quality"));
  CHECK(eval("ai.role == inform or data.quality == poor", uc).truth == Truth::unknown);
}

TEST_CASE("comparing with unknown is always decided", "[core][evaluate]") {
  CHECK(eval("purpose.goal == unknown", k_base).truth == Truth::yes);
  CHECK(eval("purpose.goal != unknown", k_base + "purpose: {goal: x}\n").truth == Truth::yes);
  CHECK(eval("ai.about_people == unknown", k_base).truth == Truth::yes);
}

TEST_CASE("an explicit unknown answer is the same as an omitted one", "[core][evaluate]") {
  CHECK(eval("ai.role == draft", k_base + "ai: {role: unknown}\n").truth == Truth::unknown);
  CHECK(eval("profiling in ai.about_people", k_base + "ai: {about_people: unknown}\n").truth ==
        Truth::unknown);
  CHECK(eval("profiling in ai.about_people", k_base + "ai: {about_people: []}\n").truth == Truth::no);
}

TEST_CASE("quantifiers over taxonomy and custom tasks", "[core][evaluate]") {
  const std::string uc = "title: T\ntasks:\n  - ref: p.write\n  - {name: Eigen, routine: low}\n";
  CHECK(eval("any(tasks, t.routine == high)", uc).truth == Truth::yes);
  CHECK(eval("all(tasks, t.routine == high)", uc).truth == Truth::no);
  // The custom task's enjoyment is unknown; the taxonomy task's is low.
  const auto open = eval("any(tasks, t.enjoyment == high)", uc);
  CHECK(open.truth == Truth::unknown);
  REQUIRE(open.unknowns.size() == 1);
  CHECK(open.unknowns[0].task == 1);
  CHECK(open.unknowns[0].task_field);
  CHECK(eval("any(tasks, t.id == p.write)", uc).truth == Truth::yes);
  CHECK(eval("all(tasks, t.id == p.write)", uc).truth == Truth::no);
}

TEST_CASE("counts are ranges: decided when the known tasks decide them", "[core][evaluate]") {
  const std::string uc = "title: T\ntasks:\n  - ref: p.write\n  - {name: A}\n  - {name: B}\n";
  CHECK(eval("count(tasks, t.routine == high) >= 1", uc).truth == Truth::yes);
  CHECK(eval("count(tasks, t.routine == high) >= 2", uc).truth == Truth::unknown);
  CHECK(eval("count(tasks, t.routine == high) > 3", uc).truth == Truth::no);
  CHECK(eval("count(tasks, t.routine == high) == 0", uc).truth == Truth::no);
  CHECK(eval("count(tasks, t.routine == high) == 2", uc).truth == Truth::unknown);
}

TEST_CASE("derived attributes of tasks", "[core][evaluate]") {
  const std::string uc =
      "title: T\ntasks:\n  - ref: p.talk\n  - {name: Eigen, skills: [empathy]}\n  - {name: Open}\n";
  CHECK(eval("all(tasks, t.affective_share == high)", uc).truth == Truth::unknown);
  CHECK(eval("count(tasks, t.affective_share == high) >= 2", uc).truth == Truth::yes);
  CHECK(eval("any(tasks, t.pillar == p)", uc).truth == Truth::yes);
  CHECK(eval("all(tasks, t.pillar == p)", uc).truth == Truth::no);
}
