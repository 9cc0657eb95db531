// The interview's input, a line at a time: libedit's readline (line editing, history) on a
// terminal, plain lines from standard input otherwise, so that sessions can be scripted.
// Lines are bounded, and the terminal's settings are put back on every way out.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <termios.h>

namespace kansrijk::cli {

class LineInput {
public:
  enum class Mode { terminal, plain };

  // The longest line accepted; a longer one ends the input (`overlong()` then says so),
  // so that `kansrijk interview < /dev/zero` cannot grow without bound.
  static constexpr std::size_t k_max_line_bytes = std::size_t{64} * 1024;

  // Reads from standard input in `mode`; prompts (and, in plain mode, the line read, so a
  // scripted transcript reads like a session) go to `out`.
  LineInput(Mode mode, std::ostream &out);
  // Restores the terminal.
  ~LineInput();
  LineInput(const LineInput &) = delete;
  LineInput &operator=(const LineInput &) = delete;

  // The next line after showing `prompt`; nullopt at the end of input, after a stop signal
  // (util::InterruptGuard with StdinOnStop::end) or for a line longer than k_max_line_bytes.
  std::optional<std::string> read(const std::string &prompt);

  // Whether the input ended because a line was too long.
  [[nodiscard]] bool overlong() const { return m_overlong; }

  // Puts the terminal's settings back as they were before the session; safe to call again.
  // Needed because a stop signal replaces standard input, so libedit cannot reach the
  // terminal any more to restore it itself (it stayed without echo).
  void restore_terminal();

private:
  std::optional<std::string> read_plain(const std::string &prompt);

  Mode m_mode;
  std::ostream &m_out;
  bool m_overlong = false;
  int m_tty = -1; // the terminal, kept open for restoring it
  termios m_saved{};
};

} // namespace kansrijk::cli
