// Loading a framework from its YAML files (a folder, or the copy built into the binary)
// into a checked core::Framework. All problems across all files are reported together.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <string>
#include <vector>

namespace kansrijk::io {

// One file of a framework: `name` is its path relative to the framework folder, `display`
// the name diagnostics use.
struct SourceFile {
  std::string name;
  std::string display;
  std::string content;
  // For the built-in framework's definition files: the tree parsed at build time
  // (io/tree_image.hpp) and the text it was parsed from. The loader reads the image instead
  // of parsing `content` only while `content` is still that text, so a changed copy is parsed.
  std::string_view image = {};
  std::string_view image_of = {};

  // The image of `content`, or empty.
  [[nodiscard]] std::string_view image_of_content() const {
    return content == image_of ? image : std::string_view();
  }
};

// The largest framework file accepted.
inline constexpr std::size_t k_max_framework_file_bytes = 4U << 20U;

// Reads every YAML file under `folder` (its sections may be spread over files as the author
// likes; `tests/` holds the golden cases); throws util::Error.
std::vector<SourceFile> read_framework_folder(const std::string &folder);

// The framework files built into the binary, named `builtin:<file>`, with their parsed trees.
std::vector<SourceFile> builtin_framework_sources();

// Builds and checks a framework from `files` (which may include `tests/*`, ignored here);
// `origin` says where it came from. `known_fingerprint`, when not empty, is the fingerprint
// of `files` computed before (io/fingerprint.hpp; for the built-in framework at build
// time, builtin_framework_fingerprint()). Throws util::Error with every problem found.
core::Framework load_framework(const std::vector<SourceFile> &files,
                               const std::string &origin,
                               std::string_view known_fingerprint = {});

// A framework loaded as far as it goes: `problems` holds every problem (empty when it
// loaded cleanly) and `checked_rules` the indices of the rules whose condition parsed and
// type-checked, so `validate` can analyse those rules even when other parts are broken.
struct PartialFramework {
  core::Framework framework;
  std::vector<util::Diagnostic> problems;
  std::vector<std::size_t> checked_rules;
};

// Like load_framework, but never throws for problems in `files`: returns them with the
// framework as far as it could be read.
PartialFramework load_framework_partially(const std::vector<SourceFile> &files,
                                          const std::string &origin,
                                          std::string_view known_fingerprint = {});

// The framework named by `folder`, or by $KANSRIJK_FRAMEWORK, or the built-in one.
core::Framework load_framework_for(const std::string &folder);

// The folder load_framework_for(`folder`) reads: `folder`, else $KANSRIJK_FRAMEWORK, else
// empty (the built-in framework).
std::string framework_folder_for(const std::string &folder);

// The paths of the framework files in `folder` (none for an empty folder, the built-in
// framework), so outputs can be checked against them before anything is read.
std::vector<std::string> framework_file_paths(const std::string &folder);

} // namespace kansrijk::io
