// `--set FIELD=VALUE`: a user's own what-if, applied to a loaded use case. The value is written
// as in a use-case file (a code, `unknown`, a list as `a,b` or `[]`) or as the value's label in
// any language the framework declares, in any case.
#pragma once

#include <kansrijk/core/use_case.hpp>
#include <string>
#include <vector>

namespace kansrijk::io {

// Applies every `FIELD=VALUE` of `settings` to `use_case`, in order, and recomputes the
// defaults. Throws util::Error with every setting that is not right, each saying what would be.
void apply_settings(const core::Framework &framework,
                    core::UseCase &use_case,
                    const std::vector<std::string> &settings);

} // namespace kansrijk::io
