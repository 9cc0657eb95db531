// Exact satisfiability of conditions (used by `kansrijk validate`): decided over every value
// of the fields read, unknown included, and task lists as long as counts need.
#include <catch2/catch.hpp>
#include <kansrijk/core/analysis.hpp>
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/io/framework_loader.hpp>

using namespace kansrijk;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = io::load_framework(io::builtin_framework_sources(), "builtin");
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
  CHECK(answer("ai.role == draft") == A::yes);
  CHECK(answer("ai.role == draft and ai.role == decide") == A::no);
  CHECK(answer("ai.role >= automate and ai.role < recommend") == A::no);
  CHECK(answer("purpose.goal != unknown") == A::yes); // not monotone: needs a value
  CHECK(answer("purpose.goal == unknown and purpose.goal != unknown") == A::no);
  CHECK(answer("time_saving in purpose.benefits and time_saving not in purpose.benefits") == A::no);
  CHECK(answer("count(tasks, t.pillar == beeldvorming) >= 3") == A::yes); // needs three tasks
  CHECK(answer("count(tasks, t.pillar == beeldvorming) >= 1 and all(tasks, t.pillar == besluitvorming)") ==
        A::no);
  CHECK(answer("any(tasks, t.id == besluitvorming.rapport-schrijven and t.pillar == beeldvorming)") == A::no);
  CHECK(answer("any(tasks, t.pillar == beeldvorming and t.routine == high)") ==
        A::yes); // some taxonomy task is
}

TEST_CASE("a witness is a use case that makes every condition true", "[core][analysis]") {
  auto a = core::parse_expression("impact.freed_time == more_cases");
  auto b = core::parse_expression("ai.role in [draft, recommend]");
  REQUIRE((a && b));
  REQUIRE(core::type_check(*a, fw()));
  REQUIRE(core::type_check(*b, fw()));
  const auto result = core::satisfiable(fw(), {&*a, &*b});
  REQUIRE(result.answer == core::Satisfiability::Answer::yes);
  REQUIRE(result.witness);
  CHECK(result.witness->description.find("impact.freed_time: more_cases") != std::string::npos);
  CHECK(result.witness->description.find("ai.role: draft") != std::string::npos);
}
