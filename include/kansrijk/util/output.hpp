// The one way kansrijk writes its results, for every subcommand: to standard output ("-")
// or to a file. A regular file is written atomically (a temporary file in the same folder,
// synced, then renamed), keeping the mode of the file it replaces; a new file gets the mode
// the umask allows. A FIFO or a character device (/dev/null, /dev/stdout, a terminal) is
// written in place, never replaced; a folder, socket or block device is refused. Every write
// and the final flush or close is checked: a full disk or a closed pipe is an Error, never a
// silent exit 0. An output that is also an input of the run is refused before anything is read.
#pragma once

#include <iosfwd>
#include <kansrijk/util/diagnostic.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace kansrijk::util {

// The output name that means standard output, in every option that takes one.
inline constexpr std::string_view k_standard_output = "-";

// Throws Error when the output name given to `option` (such as "-o") is empty: an empty
// name is a mistake (an unset shell variable), not a request for standard output.
void check_output_name(std::string_view option, const std::string &path);

// Throws Error when nothing could be written at `path` (given to `option`): a folder, a socket
// or a block device, a dangling symbolic link, a file that may not be written. Checks early,
// before any input is read; OutputFile checks again when it opens.
void check_output_target(std::string_view option, const std::string &path);

// Writes `data` to `out` and flushes it; throws Error when the stream failed (a full disk, a
// closed pipe), naming standard output.
void write_stream(std::ostream &out, std::string_view data);

// Flushes `out`; throws Error when it or an earlier write failed.
void flush_stream(std::ostream &out);

// A result written in pieces. For a regular file (new or existing) it appears at `path`
// only when committed: until then it is a temporary file in the same folder, removed if the
// object is destroyed first, so an error or an interrupted run never leaves a half-written
// file. A FIFO or character device at `path` is written in place as the pieces come.
class OutputFile {
public:
  explicit OutputFile(std::string path); // throws Error when the path cannot be written
  ~OutputFile();
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  void write(std::string_view data); // throws Error
  void commit();                     // flushes, syncs, sets the mode and renames; throws Error
  void discard() noexcept;           // removes the temporary file

private:
  [[noreturn]] void fail(int error);

  std::string m_path;   // as given, for messages
  std::string m_target; // where the file lands: `m_path` with symbolic links resolved
  std::string m_temp;   // the temporary file; empty when written in place
  int m_fd = -1;
  mode_t m_mode = 0;
  std::optional<std::pair<uid_t, gid_t>> m_owner; // of the file being replaced
};

// Writes `content` to `path`: to `out` when it is "-", else through an OutputFile.
void write_output(const std::string &path, std::string_view content, std::ostream &out);

// Writes `content` to the file at `path` through an OutputFile.
void write_file_atomically(const std::string &path, std::string_view content);

// A file's identity (device and inode), to tell whether two paths name the same file.
struct FileId {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileId &) const = default;
};

// The identity of what `path` names (symbolic links followed), or nullopt when it does not exist.
std::optional<FileId> file_id(const std::string &path);

// Throws Error when the output `path` given to `option` names the same file or folder as one
// of `inputs` ("-" and paths that do not exist never match).
void refuse_output_over_inputs(std::string_view option,
                               const std::string &path,
                               std::span<const std::string> inputs);

} // namespace kansrijk::util
