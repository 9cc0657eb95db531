// Reading input files with the checks every input gets (exists, regular, size, text).
// Output goes through output.hpp.
#pragma once

#include <cstddef>
#include <istream>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/expected.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kansrijk::util {

// Reads the file at `path` whole; refuses a missing path, a directory, anything larger than
// `max_bytes`, a file with NUL bytes and invalid UTF-8, each as a located diagnostic.
util::expected<std::string, Diagnostic> read_text_file(const std::string &path, std::size_t max_bytes);

// Reads `in` whole (standard input) with the same checks as read_text_file; `name` is the
// name diagnostics use for it.
util::expected<std::string, Diagnostic>
read_text_stream(std::istream &in, const std::string &name, std::size_t max_bytes);

// Why the file at `path` cannot be read at all (missing, a folder, not a regular file, no
// permission), or nullopt when it can be opened; "-" (standard input) always can.
std::optional<Diagnostic> check_readable_file(const std::string &path);

// Checks `text` (already read from `name`) for NUL bytes and invalid UTF-8.
util::expected<void, Diagnostic> check_text(const std::string &text, const std::string &name);

} // namespace kansrijk::util
