// Making untrusted text safe for each place it is shown. One decoder walks the UTF-8 and one
// predicate says which characters must not reach a reader as they are; each sink then adds
// the escaping of its own syntax.
#include <algorithm>
#include <cctype>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::util {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

// The code point at `text[at]` and its length in bytes; length 0 when the bytes there are
// not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF included).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) {
    return {c, 1};
  }
  std::size_t length = 0;
  char32_t min_value = 0;
  if ((c & 0xE0U) == 0xC0U) {
    length = 2;
    min_value = 0x80;
  } else if ((c & 0xF0U) == 0xE0U) {
    length = 3;
    min_value = 0x800;
  } else if ((c & 0xF8U) == 0xF0U) {
    length = 4;
    min_value = 0x10000;
  } else {
    return {0, 0};
  }
  if (at + length > text.size()) {
    return {0, 0};
  }
  char32_t value = c & (0xFFU >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[at + k]);
    if ((next & 0xC0U) != 0x80U) {
      return {0, 0};
    }
    value = (value << 6U) | (next & 0x3FU);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {0, 0};
  }
  return {value, length};
}

// Characters that act on a terminal or a renderer, or that hide or reorder text: controls
// (C0, DEL, C1), bidirectional controls, zero-width and other invisible format characters,
// line and paragraph separators, and the tag characters (invisible copies of ASCII).
bool is_hidden(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) ||
         c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

// `value` as at least four hex digits.
void append_hex(std::string &out, unsigned value, bool upper) {
  const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  int shift = value > 0xFFFFFU ? 20 : value > 0xFFFFU ? 16 : 12;
  for (; shift >= 0; shift -= 4) {
    out += digits[(value >> static_cast<unsigned>(shift)) & 0xFU];
  }
}

void append_visible(std::string &out, char32_t c) {
  out += "<U+";
  append_hex(out, static_cast<unsigned>(c), true);
  out += '>';
}

enum class Breaks { visible, keep, space };

// Appends `text` to `out` with hidden characters shown as <U+XXXX> and invalid bytes as
// U+FFFD. Line feeds and tabs follow `breaks`. Unless breaks are spaces (running text in a
// report, never a line of its own), a line that would start with a GitHub workflow command
// (`::` or `##[`, after blanks) gets its first character shown as <U+XXXX>.
void neutralise(std::string &out, std::string_view text, Breaks breaks) {
  bool line_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    if (line_start && breaks != Breaks::space) {
      line_start = false;
      std::size_t j = i;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) {
        ++j;
      }
      const std::string_view rest = text.substr(j);
      if (rest.starts_with("::") || rest.starts_with("##[")) {
        out.append(j - i, ' ');
        append_visible(out, static_cast<unsigned char>(rest[0]));
        i = j + 1;
        continue;
      }
    }
    // A run of printable ASCII is copied whole: most text is nothing else (reports pass every
    // framework text through here).
    std::size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x20 &&
           static_cast<unsigned char>(text[run]) < 0x7F) {
      ++run;
    }
    if (run > i) {
      out.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    const auto [c, length] = decode(text, i);
    if (length == 0) {
      out += k_replacement;
      ++i;
      continue;
    }
    if (c == '\t') {
      out += breaks == Breaks::keep ? '\t' : ' ';
    } else if (c == '\n' && breaks == Breaks::keep) {
      out += '\n';
      line_start = true;
    } else if ((c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) && breaks == Breaks::space) {
      out += ' ';
    } else if (is_hidden(c)) {
      append_visible(out, c);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
}

std::string neutralised(std::string_view text, Breaks breaks) {
  std::string out;
  out.reserve(text.size());
  neutralise(out, text, breaks);
  return out;
}

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Characters of the local part of an e-mail address, as GFM's autolinker reads it.
bool is_email_local(char c) { return is_alnum(c) || c == '.' || c == '+' || c == '-' || c == '_'; }

void append_json_escape(std::string &out, char32_t c) {
  if (c >= 0x10000) { // a surrogate pair
    const char32_t v = c - 0x10000;
    out += "\\u";
    append_hex(out, static_cast<unsigned>(0xD800 + (v >> 10U)), false);
    out += "\\u";
    append_hex(out, static_cast<unsigned>(0xDC00 + (v & 0x3FFU)), false);
  } else {
    out += "\\u";
    append_hex(out, static_cast<unsigned>(c), false);
  }
}

std::string percent_encode(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace

std::string safe_terminal(std::string_view text) { return neutralised(text, Breaks::visible); }

std::string safe_terminal_lines(std::string_view text) { return neutralised(text, Breaks::keep); }

std::string safe_text_report(std::string_view text) { return neutralised(text, Breaks::space); }

std::string safe_markdown(std::string_view raw) {
  // Running text on one line, without the blanks in front that would make it a code block.
  std::string text = neutralised(raw, Breaks::space);
  text.erase(0, text.find_first_not_of(' '));
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const std::size_t leading_digits = text.find_first_not_of("0123456789");
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    const char prev = i > 0 ? text[i - 1] : '\0';
    bool escape = false;
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '&':
    case '~':
    case '|':
      escape = true;
      break;
    case '@':
      // GFM links e-mail addresses after parsing, whatever was escaped; only another
      // character stops it: a full-width at sign, which reads the same.
      if (is_email_local(prev) && is_alnum(next)) {
        out += "\xEF\xBC\xA0"; // U+FF20
        continue;
      }
      escape = true;
      break;
    case '#':
    case '-':
    case '+':
    case '=':
      escape = i == 0;
      break;
    case '.':
    case ')':
      escape = (i > 0 && i == leading_digits) || (c == '.' && is_alnum(prev) && is_alnum(next));
      break;
    case ':':
      escape = next == '/';
      break;
    default:
      break;
    }
    if (escape) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string safe_html(std::string_view raw) {
  const std::string text = neutralised(raw, Breaks::space);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string safe_csv(std::string_view raw) {
  std::string text = neutralised(raw, Breaks::visible);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    text.insert(0, 1, '\'');
  }
  if (text.find_first_of(",;\"\r\n") == std::string::npos &&
      (text.empty() || (text.front() != ' ' && text.back() != ' '))) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

std::string safe_json(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  if (std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\';
      })) {
    return out.append(text) + '"'; // most ids and titles: nothing to escape
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const auto [c, length] = decode(text, i);
    if (length == 0) {
      out += k_replacement;
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (is_hidden(c)) {
      append_json_escape(out, c);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  out += '"';
  return out;
}

std::string safe_json_document(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  std::size_t i = 0;
  while (i < json.size()) {
    const auto [c, length] = decode(json, i);
    if (length == 0) {
      out += k_replacement;
      ++i;
      continue;
    }
    // The writer already escaped what JSON requires (C0, quote, backslash); line breaks and
    // spaces between tokens are its own and stay.
    if (c >= 0x7F && is_hidden(c)) {
      append_json_escape(out, c);
    } else {
      out.append(json.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string safe_sarif(std::string_view text) { return safe_terminal(text); }

std::string safe_github_data(std::string_view text) { return percent_encode(safe_terminal(text), false); }

std::string safe_github_property(std::string_view text) { return percent_encode(safe_terminal(text), true); }

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::size_t i = 0;
  std::size_t chars = 0;
  while (i < text.size() && chars < max_chars) {
    const std::size_t length = decode(text, i).second;
    i += length == 0 ? 1 : length;
    ++chars;
  }
  if (i >= text.size()) {
    return std::string(text);
  }
  return std::string(text.substr(0, i)) + "\xE2\x80\xA6"; // U+2026
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = decode(text, i).second;
    if (length == 0) {
      out += k_replacement;
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

} // namespace kansrijk::util
