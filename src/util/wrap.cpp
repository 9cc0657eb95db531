// Display width and word wrapping for terminal text.
#include <kansrijk/util/wrap.hpp>
#include <utility>
#include <vector>

namespace kansrijk::util {

namespace {

// Code points that take no column: combining marks (a decomposed "ë" is "e" + U+0308),
// zero-width spaces and joiners, variation selectors.
constexpr std::pair<char32_t, char32_t> k_zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// Code points that take two columns: East Asian wide and fullwidth characters, emoji.
constexpr std::pair<char32_t, char32_t> k_wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F5},   {0x26FA, 0x26FD},
    {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},   {0x274C, 0x274C},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
};

template <std::size_t N> bool in(char32_t c, const std::pair<char32_t, char32_t> (&ranges)[N]) {
  for (const auto &[low, high] : ranges) {
    if (c >= low && c <= high) {
      return true;
    }
  }
  return false;
}

// The code point at `text[i]` and its length in bytes; an invalid sequence is one byte.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t length = c < 0x80             ? 1
                             : (c & 0xE0) == 0xC0 ? 2
                             : (c & 0xF0) == 0xE0 ? 3
                             : (c & 0xF8) == 0xF0 ? 4
                                                  : 0;
  if (length <= 1 || i + length > text.size()) {
    return {c, 1};
  }
  char32_t value = c & (0xFFU >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      return {c, 1};
    }
    value = (value << 6U) | (next & 0x3FU);
  }
  return {value, length};
}

} // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\x1b') {
      const std::size_t end = text.find('m', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    const auto [c, length] = decode(text, i);
    i += length;
    // Below U+0300 (ASCII and Latin letters) nothing is zero-width or wide.
    width += c < 0x300 ? 1 : in(c, k_zero_width) ? 0 : in(c, k_wide) ? 2 : 1;
  }
  return width;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view first, std::size_t indent) {
  std::string out(first);
  std::size_t line_width = display_width(first);
  bool line_has_word = false;
  // A label such as "Datum: " counts as content: a word too wide for the rest of its line
  // moves to the next one, and the label's line then ends without its space.
  bool line_has_label = first.find_first_not_of(' ') != std::string_view::npos;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t space = text.find(' ', pos);
    const std::string_view word = text.substr(pos, space == std::string_view::npos ? space : space - pos);
    pos = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) {
      continue;
    }
    const std::size_t word_width = display_width(word);
    if ((line_has_word || line_has_label) && width > 0 && line_width + 1 + word_width > width) {
      if (!line_has_word) {
        out.erase(out.find_last_not_of(' ') + 1);
      }
      out += '\n';
      out.append(indent, ' ');
      line_width = indent;
      line_has_word = false;
      line_has_label = false;
    }
    if (line_has_word) {
      out += ' ';
      ++line_width;
    }
    out += word;
    line_width += word_width;
    line_has_word = true;
  }
  return out;
}

} // namespace kansrijk::util
