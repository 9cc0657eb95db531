// The built-in framework's files, embedded at build time by kansrijk_embed (src/embed.cpp).
#pragma once

#include <span>
#include <string_view>

namespace kansrijk::io {

struct EmbeddedFile {
  std::string_view name; // relative to the framework folder, e.g. `rules.yaml`
  std::string_view content;
  std::string_view image; // the parsed tree (io/tree_image.hpp); empty for the golden cases in tests/
};

// Every YAML file of frameworks/tno-arbeidsdeskundige, sorted by name.
std::span<const EmbeddedFile> builtin_framework_files();

// io::framework_fingerprint of those files, computed when they were embedded.
std::string_view builtin_framework_fingerprint();

} // namespace kansrijk::io
