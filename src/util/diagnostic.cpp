// Formatting of located diagnostics.
#include <kansrijk/util/diagnostic.hpp>

namespace kansrijk::util {

std::string format_location(const Location &where) {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) {
      out += ':' + std::to_string(where.column);
    }
  }
  return out;
}

std::string Diagnostic::to_string() const {
  const std::string place = format_location(where);
  return place.empty() ? message : place + ": " + message;
}

namespace {
std::string summary(const std::vector<Diagnostic> &diagnostics) {
  return diagnostics.empty() ? std::string("error") : diagnostics.front().to_string();
}
} // namespace

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), m_diagnostics(std::move(diagnostics)) {}

Error::Error(Diagnostic diagnostic) : Error(std::vector<Diagnostic>{std::move(diagnostic)}) {}

Error::Error(const std::string &message) : Error(Diagnostic{{}, message}) {}

} // namespace kansrijk::util
