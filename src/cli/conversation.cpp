// The interview's output and input; see conversation.hpp.
#include <kansrijk/cli/conversation.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/wrap.hpp>
#include <ostream>

namespace kansrijk::cli {

Conversation::Conversation(std::ostream &out, LineInput &in, report::Language language, std::size_t width)
    : m_out(out), m_in(in), m_language(language), m_code(report::language_code(language)), m_width(width) {}

std::string Conversation::t(std::string_view nl, std::string_view en) const {
  return std::string(m_language == report::Language::nl ? nl : en);
}

// Without a width (a scripted session) texts are written as they are, so a transcript is
// one line per text.
// Every text is made safe for the terminal first (util::safe_terminal_lines): framework
// texts and the user's own answers are shown, and neither may move the cursor.
void Conversation::say(std::string_view raw) {
  const std::string text = util::safe_terminal_lines(raw);
  if (m_width == 0) {
    m_out << text << '\n';
  } else {
    m_out << util::wrap(text, m_width) << '\n';
  }
}

void Conversation::item(std::string_view raw_marker, std::string_view raw) {
  const std::string marker = util::safe_terminal(raw_marker);
  const std::string text = util::safe_terminal_lines(raw);
  if (m_width == 0) {
    m_out << marker << text << '\n';
  } else {
    m_out << util::wrap(text, m_width, marker, util::display_width(marker)) << '\n';
  }
}

std::optional<std::string> Conversation::read(std::string_view raw) {
  const std::string prompt = util::safe_terminal_lines(raw);
  if (m_width == 0) {
    return m_in.read(prompt);
  }
  const std::string wrapped = util::wrap(prompt, m_width);
  const std::size_t last = wrapped.rfind('\n');
  if (last != std::string::npos) {
    m_out << wrapped.substr(0, last + 1);
  }
  // wrap() drops a trailing space; the prompt keeps it, so the answer does not touch it
  std::string line = last == std::string::npos ? wrapped : wrapped.substr(last + 1);
  if (prompt.ends_with(' ')) {
    line += ' ';
  }
  return m_in.read(line);
}

} // namespace kansrijk::cli
