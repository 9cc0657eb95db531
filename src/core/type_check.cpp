// The type checker: every name becomes a field index or a value index in a field's domain.
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/util/text.hpp>
#include <utility>

namespace kansrijk::core {

namespace {

std::string quoted_list(const std::vector<std::string> &values) { return util::join(values, ", "); }

int index_in(const std::vector<FieldDecl> &fields, std::string_view path) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].path == path) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

class Checker {
public:
  explicit Checker(const Vocabulary &vocabulary) : m_vocabulary(vocabulary) {
    for (const auto &field : vocabulary.fields) {
      m_field_names.push_back(field.path);
    }
    for (const auto &field : vocabulary.task_fields) {
      m_task_field_names.push_back("t." + field.path);
    }
  }

  util::expected<void, ExprError> check_condition(Expr &expr) {
    if (auto ok = check(expr); !ok) {
      return ok;
    }
    return expect_boolean(expr);
  }

private:
  static util::unexpected<ExprError> fail(const Expr &at, std::string message) {
    return util::unexpected(ExprError{at.offset, std::move(message)});
  }

  const FieldDecl &decl(const Expr &field) const {
    return field.task_field ? m_vocabulary.task_fields[static_cast<std::size_t>(field.field)]
                            : m_vocabulary.fields[static_cast<std::size_t>(field.field)];
  }

  std::string field_name(const Expr &field) const {
    return (field.task_field ? "t." : "") + decl(field).path;
  }

  util::expected<void, ExprError> expect_boolean(const Expr &expr) const {
    if (expr.type == ValueType::boolean) {
      return {};
    }
    if (expr.kind == Expr::Kind::field) {
      return fail(expr, "`" + field_name(expr) + "` is a field, not a condition; compare it, as in `" +
                            field_name(expr) + " == " + example_value(expr) + "`");
    }
    if (expr.type == ValueType::integer) {
      return fail(expr, "a number is not a condition; compare it, as in `count(" +
                            std::string(m_vocabulary.tasks_key.empty() ? "tasks" : m_vocabulary.tasks_key) +
                            ", ...) >= 2`");
    }
    if (expr.type == ValueType::symbol) {
      return unknown_name(expr);
    }
    return fail(expr, "this is a value, not a condition");
  }

  std::string example_value(const Expr &field) const {
    const auto &d = decl(field);
    if (d.type == FieldType::text || d.domain.values.empty()) {
      return "unknown";
    }
    return d.domain.values.front();
  }

  util::unexpected<ExprError> unknown_name(const Expr &expr) const {
    if (expr.name.rfind("t.", 0) == 0) {
      return fail(expr, "unknown task attribute \"" + expr.name + "\"" +
                            util::did_you_mean(expr.name, m_task_field_names));
    }
    return fail(expr, "unknown field \"" + expr.name + "\"" + util::did_you_mean(expr.name, m_field_names));
  }

  // Resolves a bare name to a field if it names one; otherwise it stays a symbol whose
  // meaning the comparison around it decides.
  util::expected<void, ExprError> resolve_name(Expr &expr) {
    if (!m_vocabulary.tasks_key.empty() && expr.name == m_vocabulary.tasks_key) {
      const std::string list(m_vocabulary.tasks_key);
      return fail(expr, "`" + list + "` is a list; use it in `any(" + list + ", ...)`, `all(" + list +
                            ", ...)` or `count(" + list + ", ...)`");
    }
    if (expr.name.rfind("t.", 0) == 0) {
      if (!m_in_quantifier) {
        const std::string list(m_vocabulary.tasks_key.empty() ? "tasks" : m_vocabulary.tasks_key);
        return fail(expr, "`t` is only defined inside `any(" + list + ", ...)`, `all(" + list +
                              ", ...)` or `count(" + list + ", ...)`");
      }
      const int index = index_in(m_vocabulary.task_fields, std::string_view(expr.name).substr(2));
      if (index < 0) {
        return unknown_name(expr);
      }
      expr.kind = Expr::Kind::field;
      expr.field = index;
      expr.task_field = true;
    } else if (const int index = index_in(m_vocabulary.fields, expr.name); index >= 0) {
      expr.kind = Expr::Kind::field;
      expr.field = index;
    } else {
      expr.type = ValueType::symbol;
      return {};
    }
    switch (decl(expr).type) {
    case FieldType::text:
      expr.type = ValueType::text;
      break;
    case FieldType::enumeration:
      expr.type = ValueType::enumeration;
      break;
    case FieldType::enum_list:
      expr.type = ValueType::enum_set;
      break;
    case FieldType::integer:
      expr.type = ValueType::integer;
      break;
    }
    return {};
  }

  util::expected<void, ExprError> resolve_value(Expr &symbol, const Expr &field) const {
    const auto &d = decl(field);
    symbol.value = d.domain.index_of(symbol.name);
    if (symbol.value >= 0) {
      return {};
    }
    return fail(symbol, "value \"" + symbol.name + "\" is not allowed for `" + field_name(field) +
                            "`; allowed: " + quoted_list(d.domain.values) +
                            util::did_you_mean(symbol.name, d.domain.values));
  }

  util::expected<void, ExprError> check(Expr &expr) {
    switch (expr.kind) {
    case Expr::Kind::logical_and:
    case Expr::Kind::logical_or:
    case Expr::Kind::logical_not:
      for (auto &child : expr.children) {
        if (auto ok = check(child); !ok) {
          return ok;
        }
        if (auto ok = expect_boolean(child); !ok) {
          return ok;
        }
      }
      expr.type = ValueType::boolean;
      return {};
    case Expr::Kind::symbol:
      return resolve_name(expr);
    case Expr::Kind::field:
      return {};
    case Expr::Kind::unknown:
      return fail(expr, "`unknown` can only stand on the right of `==` or `!=`");
    case Expr::Kind::integer:
      expr.type = ValueType::integer;
      return {};
    case Expr::Kind::list:
      return fail(expr, "a list can only stand on the right of `in` or `not in`");
    case Expr::Kind::quantifier:
      return check_quantifier(expr);
    case Expr::Kind::compare:
      return check_compare(expr);
    case Expr::Kind::membership:
      return check_membership(expr);
    }
    return {};
  }

  util::expected<void, ExprError> check_quantifier(Expr &expr) {
    if (m_vocabulary.tasks_key.empty()) {
      return fail(expr, "there is no task list to range over here");
    }
    if (expr.list != m_vocabulary.tasks_key) {
      const std::string list(m_vocabulary.tasks_key);
      return util::unexpected(ExprError{expr.list_offset, "`" + expr.name +
                                                              "` ranges over the task list; write `" +
                                                              expr.name + "(" + list + ", ...)`"});
    }
    if (m_in_quantifier) {
      return fail(expr,
                  "`" + expr.name + "(" + expr.list + ", ...)` cannot be nested inside another quantifier");
    }
    m_in_quantifier = true;
    auto ok = check(expr.children[0]);
    if (ok) {
      ok = expect_boolean(expr.children[0]);
    }
    m_in_quantifier = false;
    if (!ok) {
      return ok;
    }
    expr.type = expr.quantifier == Expr::Quantifier::count ? ValueType::integer : ValueType::boolean;
    return {};
  }

  util::expected<void, ExprError> check_operand(Expr &operand) {
    if (operand.kind == Expr::Kind::unknown || operand.kind == Expr::Kind::list) {
      return {};
    }
    return check(operand);
  }

  util::expected<void, ExprError> check_compare(Expr &expr) {
    Expr *left = expr.children.data();
    Expr *right = &expr.children[1];
    if (auto ok = check_operand(*left); !ok) {
      return ok;
    }
    if (auto ok = check_operand(*right); !ok) {
      return ok;
    }
    expr.type = ValueType::boolean;
    const std::string op(op_text(expr.op));
    const bool ordinal = expr.op != Expr::Op::eq && expr.op != Expr::Op::ne;
    if (left->kind == Expr::Kind::list || right->kind == Expr::Kind::list) {
      return fail(left->kind == Expr::Kind::list ? *left : *right,
                  "a list can only stand on the right of `in` or `not in`");
    }
    // A value on the left and a field on the right: read it the other way round.
    if (left->kind != Expr::Kind::field && right->kind == Expr::Kind::field &&
        left->type == ValueType::symbol) {
      std::swap(expr.children[0], expr.children[1]);
      left = expr.children.data();
      right = &expr.children[1];
      expr.op = expr.op == Expr::Op::lt   ? Expr::Op::gt
                : expr.op == Expr::Op::le ? Expr::Op::ge
                : expr.op == Expr::Op::gt ? Expr::Op::lt
                : expr.op == Expr::Op::ge ? Expr::Op::le
                                          : expr.op;
    }
    if (left->type == ValueType::integer) {
      if (right->kind == Expr::Kind::unknown) {
        if (left->kind != Expr::Kind::field) {
          return fail(*right, "only a field can be compared with `unknown`");
        }
        if (ordinal) {
          return fail(*right, "`unknown` can only be compared with `==` or `!=`");
        }
        return {};
      }
      if (right->type != ValueType::integer) {
        return fail(*right, "a number can only be compared with a number");
      }
      return {};
    }
    if (left->kind == Expr::Kind::unknown) {
      return fail(*left, "`unknown` can only stand on the right of `==` or `!=`");
    }
    if (left->kind != Expr::Kind::field) {
      if (left->type == ValueType::symbol) {
        return unknown_name(*left);
      }
      return fail(*left, "the left side of `" + op + "` must be a field");
    }
    const auto &d = decl(*left);
    if (right->kind == Expr::Kind::unknown) {
      if (ordinal) {
        return fail(*right, "`unknown` can only be compared with `==` or `!=`");
      }
      return {};
    }
    if (left->type == ValueType::text) {
      return fail(*left, "`" + field_name(*left) + "` is free text; it can only be compared with `unknown`");
    }
    if (left->type == ValueType::enum_set) {
      return fail(*left, "`" + field_name(*left) + "` is a list; write `value in " + field_name(*left) + "`");
    }
    if (right->type == ValueType::integer) {
      return fail(*right, "`" + field_name(*left) + "` takes one of: " + quoted_list(d.domain.values) +
                              "; not a number");
    }
    if (ordinal && !d.domain.ordered) {
      return fail(*left, "`" + field_name(*left) + "` has no order (" + quoted_list(d.domain.values) +
                             "); use `==`, `!=` or `in`");
    }
    if (right->kind == Expr::Kind::field) {
      if (decl(*right).domain.values != d.domain.values) {
        return fail(*right, "`" + field_name(*left) + "` and `" + field_name(*right) +
                                "` have different values and cannot be compared");
      }
      return {};
    }
    if (right->type != ValueType::symbol) {
      return fail(*right, "the right side of `" + op + "` must be a value or `unknown`");
    }
    return resolve_value(*right, *left);
  }

  util::expected<void, ExprError> check_membership(Expr &expr) {
    Expr &left = expr.children[0];
    Expr &right = expr.children[1];
    if (auto ok = check_operand(left); !ok) {
      return ok;
    }
    if (auto ok = check_operand(right); !ok) {
      return ok;
    }
    expr.type = ValueType::boolean;
    if (left.kind == Expr::Kind::field && right.kind == Expr::Kind::list) {
      if (left.type != ValueType::enumeration) {
        return fail(left,
                    "`" + field_name(left) + "` cannot be tested with `in [...]`; it is not a single choice");
      }
      for (auto &item : right.children) {
        if (auto ok = resolve_value(item, left); !ok) {
          return ok;
        }
        right.values.push_back(item.value);
      }
      right.type = ValueType::symbol_list;
      return {};
    }
    if (right.kind == Expr::Kind::field && right.type == ValueType::enum_set) {
      if (left.kind != Expr::Kind::symbol) {
        return fail(left, "the left side of `in " + field_name(right) + "` must be a value");
      }
      return resolve_value(left, right);
    }
    if (left.kind == Expr::Kind::symbol && left.type == ValueType::symbol && right.kind == Expr::Kind::list) {
      return unknown_name(left);
    }
    if (right.kind == Expr::Kind::symbol && right.type == ValueType::symbol) {
      return unknown_name(right);
    }
    return fail(expr, "`in` needs a field and a list (`field in [a, b]`) or a value and a list field "
                      "(`a in list_field`)");
  }

  const Vocabulary &m_vocabulary;
  std::vector<std::string> m_field_names;
  std::vector<std::string> m_task_field_names;
  bool m_in_quantifier = false;
};

} // namespace

util::expected<void, ExprError> type_check(Expr &expr, const Vocabulary &vocabulary) {
  return Checker(vocabulary).check_condition(expr);
}

util::expected<void, ExprError> type_check(Expr &expr, const Framework &framework) {
  return type_check(expr, Vocabulary{framework.fields, framework.task_fields, framework.tasks_key});
}

} // namespace kansrijk::core
