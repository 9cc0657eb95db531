// The type checker, with every message a framework author can meet asserted word for word.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/type_check.hpp>

using namespace kansrijk;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}

std::string check(const std::string &text) {
  auto parsed = core::parse_expression(text);
  REQUIRE(parsed);
  auto typed = core::type_check(*parsed, fw());
  return typed ? std::string("ok") : std::to_string(typed.error().offset) + ": " + typed.error().message;
}
} // namespace

TEST_CASE("well-typed conditions pass", "[core][type_check]") {
  CHECK(check("ai.role == draft") == "ok");
  CHECK(check("draft == ai.role") == "ok");
  CHECK(check("ai.role >= recommend and ai.technology in [generative, hybrid]") == "ok");
  CHECK(check("emotion_recognition in ai.about_people") == "ok");
  CHECK(check("profiling not in ai.about_people") == "ok");
  CHECK(check("purpose.goal == unknown or ai.role != unknown") == "ok");
  CHECK(check("any(tasks, t.routine == high and t.enjoyment == low)") == "ok");
  CHECK(check("count(tasks, writing in t.skills) >= 2") == "ok");
  CHECK(check("all(tasks, t.id in [p.write, p.talk])") == "ok");
  CHECK(check("any(tasks, t.affective_share == high)") == "ok");
}

TEST_CASE("unknown fields and values get a suggestion", "[core][type_check]") {
  CHECK(check("ai.rol == draft") == "0: unknown field \"ai.rol\" (did you mean \"ai.role\"?)");
  CHECK(check("ai.role == drafts") == "11: value \"drafts\" is not allowed for `ai.role`; allowed: inform, "
                                      "draft, recommend, automate, decide (did you mean \"draft\"?)");
  CHECK(check("any(tasks, t.routin == high)") ==
        "11: unknown task attribute \"t.routin\" (did you mean \"t.routine\"?)");
  CHECK(check("any(tasks, t.routine == hgh)") == "24: value \"hgh\" is not allowed for `t.routine`; allowed: "
                                                 "low, medium, high (did you mean \"high\"?)");
  CHECK(check("ai.technology in [generative, symbolc]") ==
        "30: value \"symbolc\" is not allowed for `ai.technology`; allowed: symbolic, machine_learning, "
        "generative, hybrid (did you mean \"symbolic\"?)");
  CHECK(check("emotions in ai.about_people") ==
        "0: value \"emotions\" is not allowed for `ai.about_people`; allowed: profiling, "
        "emotion_recognition, task_allocation, performance_monitoring");
}

TEST_CASE("type mismatches are explained", "[core][type_check]") {
  CHECK(check("ai.role") ==
        "0: `ai.role` is a field, not a condition; compare it, as in `ai.role == inform`");
  CHECK(check("ai.technology > symbolic") == "0: `ai.technology` has no order (symbolic, machine_learning, "
                                             "generative, hybrid); use `==`, `!=` or `in`");
  CHECK(check("ai.about_people == profiling") ==
        "0: `ai.about_people` is a list; write `value in ai.about_people`");
  CHECK(check("purpose.goal == x") ==
        "0: `purpose.goal` is free text; it can only be compared with `unknown`");
  CHECK(check("ai.role < unknown") == "10: `unknown` can only be compared with `==` or `!=`");
  CHECK(check("ai.role == 3") ==
        "11: `ai.role` takes one of: inform, draft, recommend, automate, decide; not a number");
  CHECK(check("count(tasks, t.routine == high) >= high") ==
        "35: a number can only be compared with a number");
  CHECK(check("count(tasks, t.routine == high)") ==
        "0: a number is not a condition; compare it, as in `count(tasks, ...) >= 2`");
  CHECK(check("ai.role == data.quality") ==
        "11: `ai.role` and `data.quality` have different values and cannot be compared");
  CHECK(check("ai.role in ai.technology") == "0: `in` needs a field and a list (`ai.role in [draft, "
                                             "inform]`) or a value and a list field (`empathy in t.skills`)");
  CHECK(check("ai.about_people in [profiling]") ==
        "0: `ai.about_people` cannot be tested with `in [...]`; it is not a single choice");
}

TEST_CASE("task variables are scoped to quantifiers", "[core][type_check]") {
  CHECK(check("t.routine == high") ==
        "0: `t` is only defined inside `any(tasks, ...)`, `all(tasks, ...)` or `count(tasks, ...)`");
  CHECK(check("any(tasks, any(tasks, t.routine == high))") ==
        "11: `any(tasks, ...)` cannot be nested inside another quantifier");
  CHECK(check("tasks == x") ==
        "0: `tasks` is a list; use it in `any(tasks, ...)`, `all(tasks, ...)` or `count(tasks, ...)`");
  CHECK(check("unknown == ai.role") == "0: `unknown` can only stand on the right of `==` or `!=`");
  CHECK(check("[a] == ai.role") == "0: a list can only stand on the right of `in` or `not in`");
}
