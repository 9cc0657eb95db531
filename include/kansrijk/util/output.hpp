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
#include <map>
#include <optional>
#include <set>
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

// Who named an output file: the user (an option's value: a symbolic link there is followed,
// and the file it points to replaced) or kansrijk (a report or draft it names in a folder: a
// symbolic link there is refused, since someone else may have planted it).
enum class Naming { given, chosen };

// The mode a new file gets: 0666 less the process's umask.
mode_t new_file_mode();

// A result written in pieces. For a regular file (new or existing) it appears at `path`
// only when committed: until then it is a temporary file in the same folder, removed if the
// object is destroyed first, so an error or an interrupted run never leaves a half-written
// file. A FIFO or character device at `path` is written in place as the pieces come, and so
// is standard output or error under any of its names (/dev/stdout, /dev/fd/1, the file the
// shell redirected it to): those are written through the descriptor, never replaced.
class OutputFile {
public:
  explicit OutputFile(std::string path, Naming naming = Naming::given); // throws Error
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
void write_file_atomically(const std::string &path, std::string_view content, Naming naming = Naming::given);

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

// Whether `a` and `b` name the same file: the same name once made absolute and with the
// symbolic links of the part that exists resolved, or the same existing file.
bool same_file_name(const std::string &a, const std::string &b);

// The files one run reads and writes, so that one rule guards every output: no output is an
// input of the run, and no two outputs of one run name the same file (by name, or by identity
// when the file exists). Standard output ("-") is never refused.
class RunFiles {
public:
  void input(const std::string &path);
  // Claims `path` for the output given to `option` (or named by kansrijk, described by
  // `option`); throws Error when it is an input of the run or another output claimed it first.
  void claim(std::string_view option, const std::string &path);

private:
  std::map<std::string, std::string> m_names; // normalised name -> the input or output's option
  std::map<std::pair<dev_t, ino_t>, std::string> m_ids;
  std::set<std::string> m_inputs; // normalised names of inputs
};

} // namespace kansrijk::util
