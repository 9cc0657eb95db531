// Checked input reading.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/text.hpp>
#include <sys/stat.h>
#include <unistd.h>

namespace kansrijk::util {

namespace fs = std::filesystem;

util::expected<void, Diagnostic> check_text(const std::string &text, const std::string &name) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return util::unexpected(Diagnostic{{name, 1, 1}, "file is UTF-16 text; save it as UTF-8"});
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    const auto [line, column] = line_and_column(text, nul);
    return util::unexpected(
        Diagnostic{{name, line, column}, "file contains a NUL byte; expected a UTF-8 text file"});
  }
  if (const auto bad = find_invalid_utf8(text)) {
    const auto [line, column] = line_and_column(text, *bad);
    return util::unexpected(Diagnostic{{name, line, column}, "invalid UTF-8; save the file as UTF-8 text"});
  }
  return {};
}

std::optional<Diagnostic> check_readable_file(const std::string &path) {
  if (path == "-") {
    return std::nullopt;
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return Diagnostic{{path}, "no such file"};
  }
  if (fs::is_directory(status)) {
    return Diagnostic{{path}, "is a directory; expected a file"};
  }
  if (!fs::is_regular_file(status)) {
    return Diagnostic{{path}, "is not a regular file (a pipe, device or socket); expected a file"};
  }
  if (::access(path.c_str(), R_OK) != 0) {
    return Diagnostic{{path}, std::string("cannot open file: ") + std::strerror(errno)};
  }
  return std::nullopt;
}

util::expected<std::string, Diagnostic> read_text_file(const std::string &path, std::size_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return util::unexpected(Diagnostic{{path}, "no such file"});
  }
  if (fs::is_directory(status)) {
    return util::unexpected(Diagnostic{{path}, "is a directory; expected a file"});
  }
  if (!fs::is_regular_file(status)) {
    return util::unexpected(
        Diagnostic{{path}, "is not a regular file (a pipe, device or socket); expected a file"});
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return util::unexpected(Diagnostic{{path},
                                       "file is too large (" + std::to_string(size) +
                                           " bytes); the limit is " + std::to_string(max_bytes) + " bytes"});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return util::unexpected(Diagnostic{{path}, std::string("cannot open file: ") + std::strerror(errno)});
  }
  return read_text_stream(in, path, max_bytes);
}

util::expected<std::string, Diagnostic>
read_text_stream(std::istream &in, const std::string &name, std::size_t max_bytes) {
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return util::unexpected(
          Diagnostic{{name}, "input is too large; the limit is " + std::to_string(max_bytes) + " bytes"});
    }
  }
  if (in.bad()) {
    return util::unexpected(Diagnostic{{name}, "cannot read the file (read error)"});
  }
  if (auto ok = check_text(text, name); !ok) {
    return util::unexpected(ok.error());
  }
  return text;
}

} // namespace kansrijk::util
