// Located diagnostics and the one error type thrown across layer boundaries, so that every
// message a user sees can say `file:line:col: what is wrong; what would be right`.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace kansrijk::util {

// A place in an input file; `line` and `column` are 1-based, 0 means "not known".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// Formats `where` as `file:line:col`, leaving out the parts that are not known.
std::string format_location(const Location &where);

// One problem found in an input, with the place it was found.
struct Diagnostic {
  Location where;
  std::string message;
  std::string code = {}; // a check id such as "KR030" where the producer knows it; see docs/validate.md

  // `file:line:col: message`.
  [[nodiscard]] std::string to_string() const;
};

// Thrown at layer boundaries; carries every diagnostic collected before giving up.
class Error : public std::runtime_error {
public:
  explicit Error(std::vector<Diagnostic> diagnostics);
  explicit Error(Diagnostic diagnostic);
  explicit Error(const std::string &message);

  [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }

private:
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace kansrijk::util
