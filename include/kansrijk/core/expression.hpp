// The rule condition language: a small typed expression language over use-case fields,
// with three-valued (true/false/unknown) evaluation. Parsing is separate from type checking
// (type_check.hpp), which resolves names against the framework's declared fields.
#pragma once

#include <cstddef>
#include <kansrijk/util/expected.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::core {

// The static type of an expression, set by the type checker.
enum class ValueType { boolean, integer, enumeration, enum_set, text, symbol, symbol_list };

// One node of a parsed condition.
struct Expr {
  enum class Kind {
    logical_and,
    logical_or,
    logical_not,
    compare,    // children[0] op children[1]
    membership, // children[0] in children[1]; `negated` for `not in`
    quantifier, // any/all/count(tasks, children[0])
    field,      // a use-case field or, inside a quantifier, `t.<attribute>`
    symbol,     // a bare value such as `high` or `besluitvorming.rapport-schrijven`
    unknown,    // the literal `unknown`
    integer,
    list, // [a, b, c]
  };
  enum class Op { eq, ne, lt, le, gt, ge };
  enum class Quantifier { any, all, count };

  Kind kind = Kind::symbol;
  Op op = Op::eq;
  Quantifier quantifier = Quantifier::any;
  bool negated = false;
  std::string name; // field path (without `t.`), symbol text, or quantifier name
  std::string list; // quantifier: the list it ranges over (the framework's task list)
  std::size_t list_offset = 0;
  long long number = 0;   // for integer
  std::size_t offset = 0; // byte offset of the node in the source text
  std::vector<Expr> children;

  // Filled in by the type checker.
  ValueType type = ValueType::boolean;
  int field = -1;          // index into Framework::fields or Framework::task_fields
  bool task_field = false; // `field` indexes Framework::task_fields
  int value = -1;          // symbol: index in the compared field's domain
  std::vector<int> values; // list: indices in the compared field's domain
};

// A problem in a condition, at byte `offset` of its text.
struct ExprError {
  std::size_t offset = 0;
  std::string message;
};

// Limits that keep a hostile condition from exhausting the stack or memory.
inline constexpr std::size_t k_max_expression_length = 4096;
inline constexpr int k_max_expression_depth = 32;

// Parses `text` into an untyped tree, or says where and why it is not a valid condition.
util::expected<Expr, ExprError> parse_expression(std::string_view text);

// The operator as written in the language (`==`, `<=`, ...).
std::string_view op_text(Expr::Op op);

// `expr` written back in the condition language, with parentheses only where needed.
std::string to_text(const Expr &expr);

} // namespace kansrijk::core
