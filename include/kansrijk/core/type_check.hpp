// Resolves the names in a parsed condition against a framework's declared fields and checks
// that every comparison makes sense, so that a typo in a rule is an error at load time.
#pragma once

#include <kansrijk/core/expression.hpp>
#include <kansrijk/core/model.hpp>
#include <kansrijk/util/expected.hpp>

namespace kansrijk::core {

// The names a condition may use: fields, and task attributes (`t.<path>`) inside a
// quantifier over the list called `tasks_key`.
struct Vocabulary {
  const std::vector<FieldDecl> &fields;
  const std::vector<FieldDecl> &task_fields;
  std::string_view tasks_key;
};

// Type-checks `expr` (a whole condition, which must be boolean) against `vocabulary`, filling
// in field and value indices; the first problem is returned.
util::expected<void, ExprError> type_check(Expr &expr, const Vocabulary &vocabulary);

// Type-checks `expr` against the use-case fields and task fields of `framework`.
util::expected<void, ExprError> type_check(Expr &expr, const Framework &framework);

} // namespace kansrijk::core
