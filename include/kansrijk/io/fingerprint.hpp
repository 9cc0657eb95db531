// The fingerprint of a framework: SHA-256 over its definition files (all but `tests/*`) in
// name order, each as name, NUL, content, NUL; so the built-in copy and the same folder on
// disk have the same fingerprint. kansrijk_embed computes the built-in one at build time.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kansrijk::io {

// `files` are (name relative to the framework folder, content) pairs in any order.
std::string framework_fingerprint(std::vector<std::pair<std::string_view, std::string_view>> files);

} // namespace kansrijk::io
