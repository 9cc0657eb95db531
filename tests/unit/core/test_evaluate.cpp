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

const std::string k_base = "name: T\njobs: [{item: desk.write}]\n";
} // namespace

TEST_CASE("comparisons with known values are true or false", "[core][evaluate]") {
  const std::string uc = k_base + "tool: {mode: draft}\n";
  CHECK(eval("tool.mode == draft", uc).truth == Truth::yes);
  CHECK(eval("tool.mode != draft", uc).truth == Truth::no);
  CHECK(eval("tool.mode >= draft", uc).truth == Truth::yes);
  CHECK(eval("tool.mode > draft", uc).truth == Truth::no);
  CHECK(eval("tool.mode in [look, draft]", uc).truth == Truth::yes);
  CHECK(eval("tool.mode not in [look, draft]", uc).truth == Truth::no);
}

TEST_CASE("a comparison with an unknown field is unknown and names the field", "[core][evaluate]") {
  const auto result = eval("tool.mode == draft", k_base);
  CHECK(result.truth == Truth::unknown);
  REQUIRE(result.unknowns.size() == 1);
  CHECK(result.unknowns[0].field == fw().field_index("tool.mode"));
  CHECK(eval("tool.mode != draft", k_base).truth == Truth::unknown);
  CHECK(eval("not (tool.mode == draft)", k_base).truth == Truth::unknown);
}

TEST_CASE("Kleene logic: false and unknown is false, true or unknown is true", "[core][evaluate]") {
  const std::string uc = k_base + "tool: {mode: draft}\n";
  CHECK(eval("tool.mode == look and data.state == dirty", uc).truth == Truth::no);
  CHECK(eval("tool.mode == draft or data.state == dirty", uc).truth == Truth::yes);
  const auto open = eval("tool.mode == draft and data.state == dirty", uc);
  CHECK(open.truth == Truth::unknown);
  REQUIRE(open.unknowns.size() == 1);
  CHECK(open.unknowns[0].field == fw().field_index("data.state"));
  CHECK(eval("tool.mode == look or data.state == dirty", uc).truth == Truth::unknown);
}

TEST_CASE("comparing with unknown is always decided", "[core][evaluate]") {
  CHECK(eval("aim.goal == unknown", k_base).truth == Truth::yes);
  CHECK(eval("aim.goal != unknown", k_base + "aim: {goal: x}\n").truth == Truth::yes);
  CHECK(eval("people.watch == unknown", k_base).truth == Truth::yes);
}

TEST_CASE("an explicit unknown answer is the same as an omitted one", "[core][evaluate]") {
  CHECK(eval("tool.mode == draft", k_base + "tool: {mode: unknown}\n").truth == Truth::unknown);
  CHECK(eval("scores in people.watch", k_base + "people: {watch: unknown}\n").truth == Truth::unknown);
  CHECK(eval("scores in people.watch", k_base + "people: {watch: []}\n").truth == Truth::no);
}

TEST_CASE("quantifiers over taxonomy and custom tasks", "[core][evaluate]") {
  const std::string uc = "name: T\njobs:\n  - item: desk.write\n  - {called: Eigen, dull: low}\n";
  CHECK(eval("any(jobs, t.dull == high)", uc).truth == Truth::yes);
  CHECK(eval("all(jobs, t.dull == high)", uc).truth == Truth::no);
  // The own task's joy is unknown; the taxonomy task's is low.
  const auto open = eval("any(jobs, t.joy == high)", uc);
  CHECK(open.truth == Truth::unknown);
  REQUIRE(open.unknowns.size() == 1);
  CHECK(open.unknowns[0].task == 1);
  CHECK(open.unknowns[0].task_field);
  CHECK(eval("any(jobs, t.code == desk.write)", uc).truth == Truth::yes);
  CHECK(eval("all(jobs, t.code == desk.write)", uc).truth == Truth::no);
}

TEST_CASE("counts are ranges: decided when the known tasks decide them", "[core][evaluate]") {
  const std::string uc = "name: T\njobs:\n  - item: desk.write\n  - {called: A}\n  - {called: B}\n";
  CHECK(eval("count(jobs, t.dull == high) >= 1", uc).truth == Truth::yes);
  CHECK(eval("count(jobs, t.dull == high) >= 2", uc).truth == Truth::unknown);
  CHECK(eval("count(jobs, t.dull == high) > 3", uc).truth == Truth::no);
  CHECK(eval("count(jobs, t.dull == high) == 0", uc).truth == Truth::no);
  CHECK(eval("count(jobs, t.dull == high) == 2", uc).truth == Truth::unknown);
}

TEST_CASE("derived attributes of tasks", "[core][evaluate]") {
  const std::string uc =
      "name: T\njobs:\n  - item: desk.talk\n  - {called: Eigen, needs: [care]}\n  - {called: Open}\n";
  CHECK(eval("all(jobs, t.warmth == high)", uc).truth == Truth::unknown);
  CHECK(eval("count(jobs, t.warmth == high) >= 2", uc).truth == Truth::yes);
  CHECK(eval("any(jobs, t.area == desk)", uc).truth == Truth::yes);
  CHECK(eval("all(jobs, t.area == desk)", uc).truth == Truth::no);
}

TEST_CASE("integer facts are intervals: decided when the whole interval decides", "[core][evaluate]") {
  std::vector<core::FieldDecl> facts(1);
  facts[0].path = "score.x";
  facts[0].type = core::FieldType::integer;
  facts[0].domain.ordered = true;
  facts[0].domain.max = 100;
  facts[0].index = 0;
  const auto check = [&](const std::string &text, int low, int high, bool known) {
    auto parsed = core::parse_expression(text);
    REQUIRE(parsed);
    static const std::vector<core::FieldDecl> k_none;
    REQUIRE(core::type_check(*parsed, core::Vocabulary{facts, k_none, {}}));
    core::UseCase sheet;
    sheet.fields.resize(1);
    sheet.fields[0].known = known;
    sheet.fields[0].low = low;
    sheet.fields[0].high = high;
    return core::evaluate(*parsed, sheet).truth;
  };
  CHECK(check("score.x < 30", 10, 20, true) == Truth::yes);
  CHECK(check("score.x < 30", 30, 80, true) == Truth::no);
  CHECK(check("score.x < 30", 20, 40, true) == Truth::unknown); // a bound straddling 30
  CHECK(check("score.x == unknown", 0, 100, false) == Truth::yes);
  CHECK(check("score.x == unknown", 20, 40, true) == Truth::no); // known to lie in [20, 40]
  CHECK(check("30 > score.x", 10, 20, true) == Truth::yes);
}

TEST_CASE("a list member that is only possible is neither in nor out", "[core][evaluate]") {
  core::UseCase uc = test::use_case(fw(), k_base + "people: {watch: []}\n");
  auto &watch = uc.fields[static_cast<std::size_t>(fw().field_index("people.watch"))];
  watch.possible = {
      fw().fields[static_cast<std::size_t>(fw().field_index("people.watch"))].domain.index_of("moods")};
  auto parsed = core::parse_expression("moods in people.watch");
  REQUIRE(parsed);
  REQUIRE(core::type_check(*parsed, fw()));
  const auto result = core::evaluate(*parsed, uc);
  CHECK(result.truth == Truth::unknown);
  REQUIRE(result.unknowns.size() == 1);
  CHECK(result.unknowns[0].member == watch.possible[0]); // the member to decide
  auto scores = core::parse_expression("scores in people.watch");
  REQUIRE(scores);
  REQUIRE(core::type_check(*scores, fw()));
  CHECK(core::evaluate(*scores, uc).truth == Truth::no);
}

TEST_CASE("a trace gives every part of a condition its value, a quantifier's body per task",
          "[core][evaluate]") {
  auto parsed = core::parse_expression(
      "tool.mode == draft and (any(jobs, t.code == desk.write) or not tool.mode == look)");
  REQUIRE(parsed);
  REQUIRE(core::type_check(*parsed, fw()));
  const core::UseCase uc = test::use_case(fw(), k_base);
  const auto lines = core::trace(*parsed, uc);
  std::vector<std::string> shown;
  for (const auto &line : lines) {
    shown.push_back(std::to_string(line.depth) + " " +
                    (line.truth == Truth::yes  ? "true"
                     : line.truth == Truth::no ? "false"
                                               : "unknown") +
                    " " + (line.task >= 0 ? "[" + std::to_string(line.task) + "] " : "") + line.text);
  }
  CHECK(shown ==
        std::vector<std::string>{
            "0 unknown tool.mode == draft and (any(jobs, t.code == desk.write) or not tool.mode == look)",
            "1 unknown tool.mode == draft",
            "1 true any(jobs, t.code == desk.write) or not tool.mode == look",
            "2 true any(jobs, t.code == desk.write)",
            "3 true [0] t.code == desk.write",
            "2 unknown not tool.mode == look",
            "3 unknown tool.mode == look",
        });
}
