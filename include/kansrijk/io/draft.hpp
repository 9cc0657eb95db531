// A use case written back as YAML in the use-case format, with suggestions from its
// description pre-filled and marked, for `kansrijk batch --drafts`: a person checks the
// draft (or completes it with `kansrijk interview --resume`) before it counts.
#pragma once

#include <kansrijk/core/suggest.hpp>
#include <kansrijk/core/use_case.hpp>
#include <string>
#include <string_view>

namespace kansrijk::io {

// The command that continues a draft, up to the file name: `kansrijk interview --resume `, with
// `--framework FOLDER` when the draft belongs to a framework other than the built-in one (so
// that following it does not resume under the built-in framework and drop the answers). The
// folder is quoted for a POSIX shell when it needs to be.
std::string resume_command(const std::string &framework_folder);

// `word` as one word of a POSIX shell command line: as it is when no shell treats any of its
// characters specially, else in single quotes.
std::string shell_word(const std::string &word);

// The YAML of `use_case` (every known answer) plus, for each field and the task list it
// leaves open, the suggestions of `suggestions`, each marked with a comment naming its
// score and the words that led to it. `source` says where the case came from; `dutch`
// chooses the language of the comments.
std::string draft_yaml(const core::Framework &framework,
                       const core::UseCase &use_case,
                       const core::Suggestions &suggestions,
                       const std::string &source,
                       bool dutch,
                       const std::string &resume = resume_command({}));

// `yaml` with a last comment line that holds the SHA-256 of everything before it, so that a
// later run can tell a draft nobody changed (it may be replaced by a newer one) from a draft a
// person edited, or a file that is no draft of kansrijk at all (never replaced).
std::string sealed_draft(const std::string &yaml);

// Whether `content` is a sealed draft, unchanged since kansrijk wrote it.
bool unchanged_draft(std::string_view content);

} // namespace kansrijk::io
