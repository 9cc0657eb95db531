// A use case written back as YAML in the use-case format, with suggestions from its
// description pre-filled and marked, for `kansrijk batch --drafts`: a person checks the
// draft (or completes it with `kansrijk interview --resume`) before it counts.
#pragma once

#include <kansrijk/core/suggest.hpp>
#include <kansrijk/core/use_case.hpp>
#include <string>

namespace kansrijk::io {

// The YAML of `use_case` (every known answer) plus, for each field and the task list it
// leaves open, the suggestions of `suggestions`, each marked with a comment naming its
// score and the words that led to it. `source` says where the case came from; `dutch`
// chooses the language of the comments.
std::string draft_yaml(const core::Framework &framework,
                       const core::UseCase &use_case,
                       const core::Suggestions &suggestions,
                       const std::string &source,
                       bool dutch);

} // namespace kansrijk::io
