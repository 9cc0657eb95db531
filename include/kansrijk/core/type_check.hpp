// Resolves the names in a parsed condition against a framework's declared fields and checks
// that every comparison makes sense, so that a typo in a rule is an error at load time.
#pragma once

#include <kansrijk/core/expression.hpp>
#include <kansrijk/core/model.hpp>
#include <kansrijk/util/expected.hpp>

namespace kansrijk::core {

// Type-checks `expr` (a whole condition, which must be boolean) against the fields and task
// fields of `framework`, filling in field and value indices; the first problem is returned.
util::expected<void, ExprError> type_check(Expr &expr, const Framework &framework);

} // namespace kansrijk::core
