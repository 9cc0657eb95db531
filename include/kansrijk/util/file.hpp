// Reading input files with the checks every input gets (exists, regular, size, text), and
// writing output files atomically so that a failed run never leaves a half-written file.
#pragma once

#include <cstddef>
#include <istream>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/expected.hpp>
#include <string>
#include <string_view>

namespace kansrijk::util {

// Reads the file at `path` whole; refuses a missing path, a directory, anything larger than
// `max_bytes`, a file with NUL bytes and invalid UTF-8, each as a located diagnostic.
util::expected<std::string, Diagnostic> read_text_file(const std::string &path, std::size_t max_bytes);

// Reads `in` whole (standard input) with the same checks as read_text_file; `name` is the
// name diagnostics use for it.
util::expected<std::string, Diagnostic>
read_text_stream(std::istream &in, const std::string &name, std::size_t max_bytes);

// Checks `text` (already read from `name`) for NUL bytes and invalid UTF-8.
util::expected<void, Diagnostic> check_text(const std::string &text, const std::string &name);

// A file written in pieces that appears at `path` only when committed: until then it is a
// temporary file in the same folder, removed if the object is destroyed first (an error or
// an interrupted run never leaves a half-written file under the real name).
class AtomicFile {
public:
  explicit AtomicFile(std::string path); // throws Error when the temporary file cannot be made
  ~AtomicFile();
  AtomicFile(const AtomicFile &) = delete;
  AtomicFile &operator=(const AtomicFile &) = delete;

  void write(std::string_view data); // throws Error
  void commit();                     // flushes, syncs and renames; throws Error
  void discard() noexcept;           // removes the temporary file

private:
  std::string m_path;
  std::string m_temp;
  int m_fd = -1;
};

// Writes `content` to `path` through a temporary file in the same folder and a rename, so
// readers see either the old file or the whole new one; throws Error on failure.
void write_file_atomically(const std::string &path, const std::string &content);

} // namespace kansrijk::util
