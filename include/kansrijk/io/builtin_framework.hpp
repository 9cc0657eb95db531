// The built-in framework's files, embedded at build time by cmake/embed_framework.cmake.
#pragma once

#include <span>
#include <string_view>

namespace kansrijk::io {

struct EmbeddedFile {
  std::string_view name; // relative to the framework folder, e.g. `rules.yaml`
  std::string_view content;
};

// Every YAML file of frameworks/tno-arbeidsdeskundige, sorted by name.
std::span<const EmbeddedFile> builtin_framework_files();

} // namespace kansrijk::io
