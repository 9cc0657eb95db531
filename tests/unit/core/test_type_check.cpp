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
  CHECK(check("tool.mode == draft") == "ok");
  CHECK(check("draft == tool.mode") == "ok");
  CHECK(check("tool.mode >= act and tool.kind in [rules, learning]") == "ok");
  CHECK(check("moods in people.watch") == "ok");
  CHECK(check("scores not in people.watch") == "ok");
  CHECK(check("aim.goal == unknown or tool.mode != unknown") == "ok");
  CHECK(check("any(jobs, t.dull == high and t.joy == low)") == "ok");
  CHECK(check("count(jobs, write in t.needs) >= 2") == "ok");
  CHECK(check("all(jobs, t.code in [desk.write, desk.talk])") == "ok");
  CHECK(check("any(jobs, t.warmth == high)") == "ok");
}

TEST_CASE("unknown fields and values get a suggestion", "[core][type_check]") {
  CHECK(check("tool.mod == draft") == "0: unknown field \"tool.mod\" (did you mean \"tool.mode\"?)");
  CHECK(check("tool.mode == drafts") == "13: value \"drafts\" is not allowed for `tool.mode`; allowed: look, "
                                        "draft, act, rule (did you mean \"draft\"?)");
  CHECK(check("any(jobs, t.dul == high)") ==
        "10: unknown task attribute \"t.dul\" (did you mean \"t.dull\"?)");
  CHECK(check("any(jobs, t.dull == hgh)") ==
        "20: value \"hgh\" is not allowed for `t.dull`; allowed: low, mid, high (did you mean \"high\"?)");
  CHECK(check("tool.kind in [learning, rulez]") == "24: value \"rulez\" is not allowed for `tool.kind`; "
                                                   "allowed: rules, learning (did you mean \"rules\"?)");
  CHECK(check("mood in people.watch") == "0: value \"mood\" is not allowed for `people.watch`; allowed: "
                                         "scores, moods (did you mean \"moods\"?)");
}

TEST_CASE("type mismatches are explained", "[core][type_check]") {
  CHECK(check("tool.mode") ==
        "0: `tool.mode` is a field, not a condition; compare it, as in `tool.mode == look`");
  CHECK(check("tool.kind > rules") ==
        "0: `tool.kind` has no order (rules, learning); use `==`, `!=` or `in`");
  CHECK(check("people.watch == scores") == "0: `people.watch` is a list; write `value in people.watch`");
  CHECK(check("aim.goal == x") == "0: `aim.goal` is free text; it can only be compared with `unknown`");
  CHECK(check("tool.mode < unknown") == "12: `unknown` can only be compared with `==` or `!=`");
  CHECK(check("tool.mode == 3") == "13: `tool.mode` takes one of: look, draft, act, rule; not a number");
  CHECK(check("count(jobs, t.dull == high) >= high") == "31: a number can only be compared with a number");
  CHECK(check("count(jobs, t.dull == high)") ==
        "0: a number is not a condition; compare it, as in `count(jobs, ...) >= 2`");
  CHECK(check("tool.mode == data.state") ==
        "13: `tool.mode` and `data.state` have different values and cannot be compared");
  CHECK(
      check("tool.mode in tool.kind") ==
      "0: `in` needs a field and a list (`field in [a, b]`) or a value and a list field (`a in list_field`)");
  CHECK(check("people.watch in [scores]") ==
        "0: `people.watch` cannot be tested with `in [...]`; it is not a single choice");
}

TEST_CASE("quantifiers range over the framework's own task list", "[core][type_check]") {
  CHECK(check("any(tasks, t.dull == high)") == "4: `any` ranges over the task list; write `any(jobs, ...)`");
}

TEST_CASE("task variables are scoped to quantifiers", "[core][type_check]") {
  CHECK(check("t.dull == high") ==
        "0: `t` is only defined inside `any(jobs, ...)`, `all(jobs, ...)` or `count(jobs, ...)`");
  CHECK(check("any(jobs, any(jobs, t.dull == high))") ==
        "10: `any(jobs, ...)` cannot be nested inside another quantifier");
  CHECK(check("jobs == x") ==
        "0: `jobs` is a list; use it in `any(jobs, ...)`, `all(jobs, ...)` or `count(jobs, ...)`");
  CHECK(check("unknown == tool.mode") == "0: `unknown` can only stand on the right of `==` or `!=`");
  CHECK(check("[a] == tool.mode") == "0: a list can only stand on the right of `in` or `not in`");
}
