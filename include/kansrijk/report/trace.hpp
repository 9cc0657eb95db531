// A rule's condition taken apart for one use case: each part with its value (true, false,
// unknown), so an author sees which part kept a rule from firing. Used by `kansrijk test`
// for failing expectations and by `kansrijk framework explain RULE --case FILE`.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/core/use_case.hpp>
#include <string>
#include <string_view>

namespace kansrijk::report {

// The condition of `rule` for `use_case` as indented lines, each prefixed by `indent`: the
// whole condition first, then its parts, a quantifier's body once per task (named by its
// taxonomy id or own name). Text from the framework is made safe for a terminal.
std::string condition_trace(const core::Framework &framework,
                            const core::Rule &rule,
                            const core::UseCase &use_case,
                            std::string_view indent);

} // namespace kansrijk::report
