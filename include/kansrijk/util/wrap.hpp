// Text laid out for a terminal: how many columns a UTF-8 string takes, and wrapping at word
// boundaries only, so that no word (with or without diacritics) is ever cut in two.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kansrijk::util {

// Columns `text` (UTF-8) takes in a terminal: one per character, none for combining marks,
// zero-width characters and colour sequences (ESC [ ... m), two for East Asian wide
// characters and emoji. Bytes that are not valid UTF-8 count one column each.
std::size_t display_width(std::string_view text);

// `text` broken into lines of at most `width` columns at spaces only: the first line starts
// with `first`, later lines with `indent` spaces. A word wider than a line stays whole on a
// line of its own; one that does not fit after a non-blank `first` (a label) starts the next
// line, and the label's line loses its trailing spaces. Runs of spaces collapse to one; the lines are joined
// with '\n', without a final newline. A `width` of 0 means no wrapping.
std::string
wrap(std::string_view text, std::size_t width, std::string_view first = {}, std::size_t indent = 0);

} // namespace kansrijk::util
