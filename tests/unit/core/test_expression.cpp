// The condition parser: precedence, every syntax error word for word, and the limits.
#include <catch2/catch.hpp>
#include <kansrijk/core/expression.hpp>

using kansrijk::core::Expr;
using kansrijk::core::parse_expression;

namespace {
std::string error_of(const std::string &text) {
  auto parsed = parse_expression(text);
  REQUIRE_FALSE(parsed);
  return std::to_string(parsed.error().offset) + ": " + parsed.error().message;
}
} // namespace

TEST_CASE("and binds tighter than or", "[core][expression]") {
  auto e = parse_expression("a == x or b == y and c == z");
  REQUIRE(e);
  REQUIRE(e->kind == Expr::Kind::logical_or);
  REQUIRE(e->children.size() == 2);
  CHECK(e->children[0].kind == Expr::Kind::compare);
  CHECK(e->children[1].kind == Expr::Kind::logical_and);
}

TEST_CASE("parentheses override precedence and not applies to one operand", "[core][expression]") {
  auto e = parse_expression("not (a == x or b == y) and c in [p, q]");
  REQUIRE(e);
  REQUIRE(e->kind == Expr::Kind::logical_and);
  CHECK(e->children[0].kind == Expr::Kind::logical_not);
  CHECK(e->children[0].children[0].kind == Expr::Kind::logical_or);
  CHECK(e->children[1].kind == Expr::Kind::membership);
  CHECK(e->children[1].children[1].children.size() == 2);
}

TEST_CASE("not in, ordinal operators, quantifiers and counts parse", "[core][expression]") {
  auto e = parse_expression(
      "x not in [a] and count(tasks, t.routine >= high) > 1 and any(tasks, empathy in t.skills)");
  REQUIRE(e);
  CHECK(e->children[0].negated);
  CHECK(e->children[1].children[0].kind == Expr::Kind::quantifier);
  CHECK(e->children[1].children[0].quantifier == Expr::Quantifier::count);
  CHECK(e->children[1].op == Expr::Op::gt);
  CHECK(e->children[2].quantifier == Expr::Quantifier::any);
}

TEST_CASE("ids with dots and hyphens are one name", "[core][expression]") {
  auto e = parse_expression("t.id == besluitvorming.re-integratieplan-opstellen");
  REQUIRE(e);
  CHECK(e->children[1].name == "besluitvorming.re-integratieplan-opstellen");
}

TEST_CASE("syntax errors say where and what would be right", "[core][expression]") {
  CHECK(error_of("") == "0: empty condition; expected an expression such as `ai.role == draft`");
  CHECK(error_of("ai.role = draft") == "8: `=` is not an operator; write `==` to compare");
  CHECK(error_of("a == b &&  c == d") == "7: `&` is not an operator; write `and`");
  CHECK(error_of("(a == b") == "7: expected `)` but found the end of the condition");
  CHECK(error_of("a == b c") == "7: unexpected \"c\"; expected `and`, `or` or the end of the condition");
  CHECK(error_of("a == b == c") == "7: comparisons cannot be chained; join them with `and`");
  CHECK(error_of("any(3, x == y)") == "4: `any` ranges over the task list; write `any(tasks, ...)`");
  CHECK(error_of("any tasks") == "4: expected `(` after `any`, as in `any(tasks, t.routine == high)`");
  CHECK(error_of("x in [a b]") == "8: expected `,` or `]` in the list but found \"b\"");
  CHECK(error_of("x in []") == "6: expected a value in the list but found \"]\"");
  CHECK(error_of("a == $") == "5: unexpected character \"$\"; names are letters, digits, `_`, `-` and `.`");
  CHECK(error_of("a not b") == "2: `not` after a value must be followed by `in`");
  CHECK(error_of("and") == "0: expected a field, a value or `(` but found \"and\"");
}

TEST_CASE("hostile conditions hit the length and depth limits, not the stack", "[core][expression]") {
  CHECK(
      error_of(std::string(5000, 'a')).ends_with("condition is longer than 4096 characters; split the rule"));
  std::string deep(200, '(');
  deep += "a == b" + std::string(200, ')');
  CHECK(error_of(deep).ends_with("levels deep; split the rule"));
  std::string nots;
  for (int i = 0; i < 500; ++i)
    nots += "not ";
  CHECK(error_of(nots + "a == b").ends_with("levels deep; split the rule"));
}
