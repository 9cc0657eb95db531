// Loading a framework from its YAML files (a folder, or the copy built into the binary)
// into a checked core::Framework. All problems across all files are reported together.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/io/tree.hpp>
#include <map>
#include <string>
#include <vector>

namespace kansrijk::io {

// One file of a framework: `name` is its path relative to the framework folder, `display`
// the name diagnostics use.
struct SourceFile {
  std::string name;
  std::string display;
  std::string content;
};

// The files a framework is made of; `tests/` holds its golden cases.
inline constexpr const char *k_framework_files[] = {
    "framework.yaml",  "fields.yaml", "skills.yaml",          "taxonomy.yaml", "technologies.yaml",
    "dimensions.yaml", "flags.yaml",  "recommendations.yaml", "rules.yaml"};

// The largest framework file accepted.
inline constexpr std::size_t k_max_framework_file_bytes = 4U << 20U;

// Reads the framework files and golden tests under `folder`; throws util::Error.
std::vector<SourceFile> read_framework_folder(const std::string &folder);

// The framework files built into the binary, named `builtin:<file>`.
std::vector<SourceFile> builtin_framework_sources();

// Framework files parsed once, by file name, for loading frameworks that share them many
// times over (the framework fuzz target changes one file and keeps eight).
using ParsedFiles = std::map<std::string, Node, std::less<>>;

// The trees of those `files` that parse into a mapping.
ParsedFiles parse_framework_files(const std::vector<SourceFile> &files);

// Builds and checks a framework from `files` (which may include `tests/*`, ignored here);
// `origin` says where it came from. A file named in `parsed` is not parsed again: its tree
// there must be that of the same content. Throws util::Error with every problem found.
core::Framework load_framework(const std::vector<SourceFile> &files,
                               const std::string &origin,
                               const ParsedFiles *parsed = nullptr);

// The framework named by `folder`, or by $KANSRIJK_FRAMEWORK, or the built-in one.
core::Framework load_framework_for(const std::string &folder);

// The folder load_framework_for(`folder`) reads: `folder`, else $KANSRIJK_FRAMEWORK, else
// empty (the built-in framework).
std::string framework_folder_for(const std::string &folder);

// The paths of the framework files in `folder` (none for an empty folder, the built-in
// framework), so outputs can be checked against them before anything is read.
std::vector<std::string> framework_file_paths(const std::string &folder);

} // namespace kansrijk::io
