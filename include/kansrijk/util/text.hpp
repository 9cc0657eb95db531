// Small string helpers shared by every layer: suggestions for typos, UTF-8 checks, joining.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::util {

// The candidate closest to `word` by edit distance, if one is close enough to be a likely
// typo (distance at most a third of the word's length, and at least 1 allowed).
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

// `(did you mean "x"?)` for the closest of `candidates`, or an empty string.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

// `text` without leading and trailing characters from `blanks`.
std::string trim(std::string_view text, std::string_view blanks = " \t");

// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt when it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// `items` joined with `separator`.
std::string join(std::span<const std::string> items, std::string_view separator);

// 1-based line and column of byte `offset` in `text` (columns count bytes).
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

} // namespace kansrijk::util
