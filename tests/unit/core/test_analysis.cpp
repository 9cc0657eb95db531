// Exact satisfiability of conditions (used by `kansrijk validate`): decided over every value
// of the fields read, unknown included, and task lists as long as counts need.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/analysis.hpp>
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/io/framework_loader.hpp>

using namespace kansrijk;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}

core::Satisfiability::Answer answer(const std::string &text) {
  auto parsed = core::parse_expression(text);
  REQUIRE(parsed);
  REQUIRE(core::type_check(*parsed, fw()));
  return core::satisfiable(fw(), {&*parsed}).answer;
}
} // namespace

TEST_CASE("satisfiable and unsatisfiable conditions are told apart", "[core][analysis]") {
  using A = core::Satisfiability::Answer;
  CHECK(answer("tool.mode == draft") == A::yes);
  CHECK(answer("tool.mode == draft and tool.mode == rule") == A::no);
  CHECK(answer("tool.mode >= act and tool.mode < draft") == A::no);
  CHECK(answer("aim.goal != unknown") == A::yes); // not monotone: needs a value
  CHECK(answer("aim.goal == unknown and aim.goal != unknown") == A::no);
  CHECK(answer("scores in people.watch and scores not in people.watch") == A::no);
  CHECK(answer("count(jobs, t.area == desk and t.sort == chore) >= 3") == A::yes); // needs three tasks
  CHECK(answer("count(jobs, t.dull == high) >= 1 and all(jobs, t.dull == low)") == A::no);
  CHECK(answer("any(jobs, t.code == desk.write and t.sort == step)") == A::no);
  CHECK(answer("any(jobs, t.area == desk and t.dull == high)") == A::yes); // some taxonomy task is
}

TEST_CASE("a witness is a use case that makes every condition true", "[core][analysis]") {
  auto a = core::parse_expression("time.spent == more");
  auto b = core::parse_expression("tool.mode in [draft, act]");
  REQUIRE((a && b));
  REQUIRE(core::type_check(*a, fw()));
  REQUIRE(core::type_check(*b, fw()));
  const auto result = core::satisfiable(fw(), {&*a, &*b});
  REQUIRE(result.answer == core::Satisfiability::Answer::yes);
  REQUIRE(result.witness);
  CHECK(result.witness->description.find("time.spent: more") != std::string::npos);
  CHECK(result.witness->description.find("tool.mode: draft") != std::string::npos);
}
