// Line input for the interview; see line_input.hpp.
#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <editline/readline.h>
#include <kansrijk/cli/line_input.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <langinfo.h>
#include <memory>
#include <ostream>
#include <unistd.h>

namespace kansrijk::cli {

LineInput::LineInput(Mode mode, std::ostream &out) : m_mode(mode), m_out(out) {
  if (m_mode != Mode::terminal) {
    return;
  }
  m_tty = ::dup(STDIN_FILENO);
  if (m_tty >= 0 && ::tcgetattr(m_tty, &m_saved) != 0) {
    ::close(m_tty);
    m_tty = -1;
  }
  // libedit reads multibyte characters only in a UTF-8 locale; without one it drops every
  // accented letter (ë, é, ó) without a word. Use the user's locale if it is UTF-8, else
  // C.UTF-8 (always present on Debian).
  const char *locale = std::setlocale(LC_CTYPE, "");
  if (locale == nullptr || std::string_view(nl_langinfo(CODESET)) != "UTF-8") {
    (void)std::setlocale(LC_CTYPE, "C.UTF-8"); // present on Debian; else stays "C"
  }
  rl_catch_signals = 0;
  using_history();
}

LineInput::~LineInput() {
  restore_terminal();
  if (m_tty >= 0) {
    ::close(m_tty);
  }
}

void LineInput::restore_terminal() {
  if (m_tty >= 0) {
    ::tcsetattr(m_tty, TCSANOW, &m_saved);
  }
}

std::optional<std::string> LineInput::read(const std::string &prompt) {
  if (util::interrupt_requested() || m_overlong) {
    return std::nullopt;
  }
  if (m_mode == Mode::plain) {
    return read_plain(prompt);
  }
  m_out.flush();
  // readline's line is malloc'ed: freed by the pointer on every path.
  const std::unique_ptr<char, void (*)(void *)> line(readline(prompt.c_str()), std::free);
  if (line == nullptr || util::interrupt_requested()) {
    return std::nullopt;
  }
  std::string text(line.get());
  if (text.size() > k_max_line_bytes) {
    m_overlong = true;
    return std::nullopt;
  }
  if (!text.empty()) {
    add_history(text.c_str());
  }
  return text;
}

std::optional<std::string> LineInput::read_plain(const std::string &prompt) {
  m_out << prompt << std::flush;
  std::string text;
  char c = 0;
  while (true) {
    const ssize_t got = ::read(STDIN_FILENO, &c, 1);
    if (got < 0 && errno == EINTR && !util::interrupt_requested()) {
      continue;
    }
    if (got <= 0 || util::interrupt_requested()) {
      if (got == 0 && !text.empty() && !util::interrupt_requested()) {
        break; // a last line without a newline
      }
      return std::nullopt;
    }
    if (c == '\n') {
      break;
    }
    if (text.size() == k_max_line_bytes) {
      m_overlong = true;
      return std::nullopt;
    }
    text += c;
  }
  if (!text.empty() && text.back() == '\r') {
    text.pop_back();
  }
  m_out << util::safe_terminal(text) << '\n'; // echo, so a scripted transcript reads like a session
  return text;
}

} // namespace kansrijk::cli
