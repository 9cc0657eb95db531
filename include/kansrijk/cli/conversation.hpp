// What the interview says and hears: its own words in the session's language, every text
// wrapped at word boundaries to the terminal's width (never "prestatie|s"), and answers read
// a line at a time.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <kansrijk/cli/line_input.hpp>
#include <kansrijk/report/render.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kansrijk::cli {

class Conversation {
public:
  // Talks on `out` and listens on `in`, in `language`, wrapping at `width` columns (0: no
  // wrapping, for scripted sessions whose transcript is a log).
  Conversation(std::ostream &out, LineInput &in, report::Language language, std::size_t width);

  // `nl` or `en`, as the session's language asks.
  [[nodiscard]] std::string t(std::string_view nl, std::string_view en) const;
  // The language code for framework texts ("nl", "en").
  [[nodiscard]] const std::string &language() const { return m_code; }

  // Writes `text` as a paragraph.
  void say(std::string_view text);
  // Writes `text` after `marker` (such as "  3) "), later lines indented under the text.
  void item(std::string_view marker, std::string_view text);
  // Shows `prompt` (wrapped, its last line on the input line) and reads an answer; nullopt
  // when the session must stop (end of input, a stop signal, an overlong line).
  std::optional<std::string> read(std::string_view prompt);

private:
  std::ostream &m_out;
  LineInput &m_in;
  report::Language m_language;
  std::string m_code;
  std::size_t m_width;
};

} // namespace kansrijk::cli
