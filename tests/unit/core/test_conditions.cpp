// Raised conditions get a status from their `met_when`: in place, to arrange, or open while
// it depends on open answers; those that answer a flag come first.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/core/engine.hpp>

using namespace kansrijk;
using core::ConditionStatus;

namespace {
// The mini framework with three more conditions, raised by a rule in a file read before the
// mini framework's own rules, so it raises them before r.dirty raises `cond` with a high flag.
const core::Framework &fw() {
  static const core::Framework framework = [] {
    auto files = test::mini_files();
    files["catalogue.yaml"] += "  - {id: asked, text: {nl: a, en: a}, met_when: \"team.asked == yes\"}\n"
                               "  - {id: checked, text: {nl: c, en: c}, met_when: \"tool.mode == look and "
                               "data.private == no\"}\n"
                               "  - {id: any-skill, text: {nl: s, en: s}, met_when: \"team.skill >= low\"}\n";
    files["rules-a.yaml"] =
        "rules:\n  - {id: r.outside, block: life, when: \"data.outside == yes\", text: {nl: "
        "x, en: x}, effects: {conditions: [asked, checked, any-skill]}}\n";
    return io::load_framework(test::as_sources(files), "mini");
  }();
  return framework;
}

struct Result {
  core::UseCase use_case;
  core::Assessment assessment;
};

Result run(const std::string &yaml) {
  Result r{test::use_case(fw(), yaml), {}};
  r.assessment = core::assess(fw(), r.use_case);
  return r;
}

const core::RaisedAdvice &raised(const core::Assessment &a, const std::string &id) {
  for (const auto &c : a.conditions) {
    if (fw().conditions[static_cast<std::size_t>(c.advice)].id == id) {
      return c;
    }
  }
  FAIL("condition " << id << " was not raised");
  throw std::logic_error("unreachable");
}
} // namespace

TEST_CASE("a raised condition the answers already meet is in place; otherwise it is to arrange",
          "[core][conditions]") {
  const auto yes =
      run("name: T\njobs: [{item: desk.write}]\ndata: {outside: \"yes\"}\nteam: {asked: \"yes\"}\n");
  CHECK(raised(yes.assessment, "asked").status == ConditionStatus::in_place);
  const auto no =
      run("name: T\njobs: [{item: desk.write}]\ndata: {outside: \"yes\"}\nteam: {asked: \"no\"}\n");
  CHECK(raised(no.assessment, "asked").status == ConditionStatus::to_arrange);
  CHECK(raised(no.assessment, "asked").waits_for.empty());
}

TEST_CASE("a condition whose met_when depends on an open answer is open and names that answer",
          "[core][conditions]") {
  const auto r = run("name: T\njobs: [{item: desk.write}]\ndata: {outside: \"yes\"}\ntool: {mode: look}\n");
  const auto &asked = raised(r.assessment, "asked");
  CHECK(asked.status == ConditionStatus::open);
  REQUIRE(asked.waits_for.size() == 1);
  CHECK(asked.waits_for[0].field == fw().field_index("team.asked"));
  const auto &checked = raised(r.assessment, "checked");
  CHECK(checked.status == ConditionStatus::open);
  REQUIRE(checked.waits_for.size() == 1);
  CHECK(checked.waits_for[0].field == fw().field_index("data.private"));
}

TEST_CASE("an answer that already fails met_when decides it, however the rest is answered",
          "[core][conditions]") {
  // `tool.mode == draft` makes the conjunction false whatever data.private is.
  const auto r = run("name: T\njobs: [{item: desk.write}]\ndata: {outside: \"yes\"}\ntool: {mode: draft}\n");
  CHECK(raised(r.assessment, "checked").status == ConditionStatus::to_arrange);
}

TEST_CASE("a met_when that holds for every open answer is in place now", "[core][conditions]") {
  const auto r = run("name: T\njobs: [{item: desk.write}]\ndata: {outside: \"yes\"}\n");
  CHECK(raised(r.assessment, "any-skill").status == ConditionStatus::in_place);
}

TEST_CASE("a condition without met_when is always to arrange", "[core][conditions]") {
  const auto r = run("name: T\njobs: [{item: desk.write}]\ndata: {state: dirty}\nteam: {asked: \"yes\"}\n");
  CHECK(raised(r.assessment, "cond").status == ConditionStatus::to_arrange);
}

TEST_CASE("conditions that answer a flag come first, the most severe flag first", "[core][conditions]") {
  const auto r = run(
      "name: T\njobs: [{item: desk.write}]\ndata: {outside: \"yes\", state: dirty}\nteam: {asked: \"no\"}\n");
  const auto &a = r.assessment;
  // r.outside is read first and raises asked, checked and any-skill; r.dirty raises cond and
  // the high flag hi.
  REQUIRE(a.conditions.size() == 4);
  CHECK(fw().conditions[static_cast<std::size_t>(a.conditions[0].advice)].id == "asked");
  const auto order = core::conditions_by_weight(a);
  REQUIRE(order.size() == 4);
  CHECK(fw().conditions[static_cast<std::size_t>(a.conditions[order[0]].advice)].id == "cond");
  CHECK(fw().conditions[static_cast<std::size_t>(a.conditions[order[1]].advice)].id == "asked");
  CHECK(fw().conditions[static_cast<std::size_t>(a.conditions[order[2]].advice)].id == "checked");
  const int flag = core::condition_flag(a, a.conditions[order[0]]);
  REQUIRE(flag >= 0);
  CHECK(fw().flags[static_cast<std::size_t>(a.flags[static_cast<std::size_t>(flag)].flag)].id == "hi");
  CHECK(core::condition_flag(a, a.conditions[order[1]]) == -1);
}
