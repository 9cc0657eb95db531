// The output layer: checked writes to standard output, atomic regular files that keep their
// mode, FIFOs and devices written in place, and outputs that would overwrite an input refused.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <kansrijk/util/output.hpp>
#include <optional>
#include <ostream>
#include <sys/stat.h>
#include <unistd.h>

namespace kansrijk::util {

namespace {

namespace fs = std::filesystem;

std::string describe(int error) { return std::strerror(error); }

// The process's umask, read without changing it where Linux allows (umask(2) can only set
// it, and setting it even briefly races with other threads creating files).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("Umask:")) {
      return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8) & 0777U);
    }
  }
  const mode_t old = ::umask(022);
  ::umask(old);
  return old;
}

// Why nothing can be written at a path whose status is `st`, or empty when it can be.
std::string refusal(const struct stat &st) {
  if (S_ISDIR(st.st_mode)) {
    return "is a folder; give a file name for the output";
  }
  if (S_ISSOCK(st.st_mode) || S_ISBLK(st.st_mode)) {
    return std::string("is a ") + (S_ISSOCK(st.st_mode) ? "socket" : "block device") +
           "; kansrijk writes regular files, pipes (FIFOs) and character devices such as /dev/null";
  }
  return {};
}

// The open descriptor a path names when it is one of ours: /dev/stdout, /dev/stderr,
// /dev/fd/N, /proc/self/fd/N, or any name of the file behind standard output or standard
// error. Such a file is written through the descriptor as a stream, never replaced: replacing
// it would erase what the shell appended there before (`-o /dev/stdout >> log`).
std::optional<int> descriptor_named(const std::string &path, const struct stat &st) {
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.starts_with(prefix)) {
      const std::string number = path.substr(prefix.size());
      if (!number.empty() && number.size() < 6 &&
          number.find_first_not_of("0123456789") == std::string::npos) {
        return std::stoi(number);
      }
    }
  }
  if (path == "/dev/stdout") {
    return 1;
  }
  if (path == "/dev/stderr") {
    return 2;
  }
  for (const int fd : {1, 2}) {
    struct stat open {};
    if (::fstat(fd, &open) == 0 && open.st_dev == st.st_dev && open.st_ino == st.st_ino) {
      return fd;
    }
  }
  return std::nullopt;
}

} // namespace

mode_t new_file_mode() { return 0666U & ~current_umask(); }

void check_output_name(std::string_view option, const std::string &path) {
  if (path.empty()) {
    throw Error(std::string(option) + " was given an empty name; give a file name, or - for standard output");
  }
}

void check_output_target(std::string_view option, const std::string &path) {
  check_output_name(option, path);
  if (path == k_standard_output) {
    return;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (const std::string why = refusal(st); !why.empty()) {
      throw Error(Diagnostic{{path}, why});
    }
    if (S_ISREG(st.st_mode) && ::access(path.c_str(), W_OK) != 0) {
      throw Error(Diagnostic{{path}, "cannot write file: " + describe(errno)});
    }
    return;
  }
  struct stat link {};
  if (errno == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    throw Error(Diagnostic{{path},
                           "is a symbolic link to a file that does not exist; remove the link or give "
                           "another file name"});
  }
}

namespace {

[[noreturn]] void stream_failed(int error) {
  throw Error(std::string("cannot write to standard output") + (error != 0 ? ": " + describe(error) : ""));
}

} // namespace

void flush_stream(std::ostream &out) {
  if (!out) {
    stream_failed(0);
  }
  errno = 0;
  out.flush();
  if (!out) {
    stream_failed(errno);
  }
}

void write_stream(std::ostream &out, std::string_view data) {
  errno = 0;
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) {
    stream_failed(errno);
  }
  flush_stream(out);
}

OutputFile::OutputFile(std::string path, Naming naming) : m_path(std::move(path)) {
  check_output_name("an output", m_path);
  struct stat link {};
  if (naming == Naming::chosen && ::lstat(m_path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    // A name kansrijk made up (a report or draft in a folder) that is a symbolic link was
    // planted there: writing through it would replace whatever it points to.
    throw Error(Diagnostic{{m_path},
                           "is a symbolic link; kansrijk does not write through a link in a folder it "
                           "writes to: remove the link, or give another folder"});
  }
  struct stat st {};
  if (::stat(m_path.c_str(), &st) == 0) {
    if (const std::string why = refusal(st); !why.empty()) {
      throw Error(Diagnostic{{m_path}, why});
    }
    if (const auto fd = descriptor_named(m_path, st)) { // our own output: a stream, in place
      m_fd = ::fcntl(*fd, F_DUPFD_CLOEXEC, 3);
      if (m_fd < 0) {
        fail(errno);
      }
      return;
    }
    if (!S_ISREG(st.st_mode)) { // a FIFO or a character device: written in place, never replaced
      m_fd = ::open(m_path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (m_fd < 0) {
        fail(errno);
      }
      return;
    }
    if (::access(m_path.c_str(), W_OK) != 0) {
      fail(errno);
    }
    m_mode = st.st_mode & 07777U;
    m_owner.emplace(st.st_uid, st.st_gid);
    char resolved[PATH_MAX];
    if (::realpath(m_path.c_str(), resolved) == nullptr) {
      fail(errno);
    }
    m_target = resolved; // replace the file a symbolic link points to, not the link
  } else {
    const int error = errno;
    if (error == ENOENT && ::lstat(m_path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      throw Error(Diagnostic{{m_path},
                             "is a symbolic link to a file that does not exist; remove the link or give "
                             "another file name"});
    }
    if (error != ENOENT) {
      fail(error);
    }
    m_mode = new_file_mode();
    m_target = m_path;
  }
  const fs::path target(m_target);
  fs::path folder = target.parent_path();
  if (folder.empty()) {
    folder = ".";
  }
  m_temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  m_fd = ::mkostemp(m_temp.data(), O_CLOEXEC);
  if (m_fd < 0) {
    const int error = errno;
    m_temp.clear();
    fail(error);
  }
}

OutputFile::~OutputFile() { discard(); }

void OutputFile::fail(int error) {
  discard();
  throw Error(Diagnostic{{m_path}, "cannot write file: " + describe(error)});
}

void OutputFile::write(std::string_view data) {
  if (m_fd < 0) {
    throw Error(Diagnostic{{m_path}, "cannot write file: it is already closed"});
  }
  const char *at = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    const ssize_t written = ::write(m_fd, at, left);
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail(errno);
    }
    at += written;
    left -= static_cast<std::size_t>(written);
  }
}

void OutputFile::commit() {
  if (m_fd < 0) {
    throw Error(Diagnostic{{m_path}, "cannot write file: it is already closed"});
  }
  if (m_temp.empty()) { // in place
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0 && errno != EINTR) {
      fail(errno);
    }
    return;
  }
  if (m_owner && ::fchown(m_fd, m_owner->first, m_owner->second) != 0 && errno != EPERM) {
    fail(errno);
  }
  if (::fchmod(m_fd, m_mode) != 0 || ::fsync(m_fd) != 0) {
    fail(errno);
  }
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    fail(errno);
  }
  if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    fail(errno);
  }
  m_temp.clear();
}

void OutputFile::discard() noexcept {
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
  if (!m_temp.empty()) {
    ::unlink(m_temp.c_str());
    m_temp.clear();
  }
}

void write_output(const std::string &path, std::string_view content, std::ostream &out) {
  if (path == k_standard_output) {
    write_stream(out, content);
    return;
  }
  write_file_atomically(path, content);
}

void write_file_atomically(const std::string &path, std::string_view content, Naming naming) {
  OutputFile file(path, naming);
  file.write(content);
  file.commit();
}

std::optional<FileId> file_id(const std::string &path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return std::nullopt;
  }
  return FileId{st.st_dev, st.st_ino};
}

void refuse_output_over_inputs(std::string_view option,
                               const std::string &path,
                               std::span<const std::string> inputs) {
  if (path == k_standard_output) {
    return;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
    return; // a new file cannot be an input; a device or FIFO is written in place
  }
  const FileId output{st.st_dev, st.st_ino};
  for (const auto &input : inputs) {
    if (input != k_standard_output && file_id(input) == output) {
      throw Error(Diagnostic{{path},
                             "is also an input of this run (" + input + "); give " + std::string(option) +
                                 " another " + (S_ISDIR(st.st_mode) ? "folder" : "file") +
                                 " so the input is not overwritten"});
    }
  }
}

namespace {

// `path` made absolute, with symbolic links in the part that exists resolved: two names of
// one file give one string.
std::string normalised(const std::string &path) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) {
    out = fs::absolute(path, ec).lexically_normal();
  }
  return out.string();
}

} // namespace

bool same_file_name(const std::string &a, const std::string &b) {
  if (normalised(a) == normalised(b)) {
    return true;
  }
  const auto id = file_id(a);
  return id && id == file_id(b);
}

void RunFiles::input(const std::string &path) {
  if (path.empty() || path == k_standard_output) {
    return;
  }
  const std::string name = normalised(path);
  m_inputs.insert(name);
  m_names.emplace(name, "an input");
  if (const auto id = file_id(path)) {
    m_ids.emplace(std::pair(id->device, id->inode), "an input");
  }
}

void RunFiles::claim(std::string_view option, const std::string &path) {
  if (path.empty() || path == k_standard_output) {
    return;
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    return; // a device or FIFO is written in place, by as many outputs as name it
  }
  const std::string name = normalised(path);
  std::string first;
  if (const auto found = m_names.find(name); found != m_names.end()) {
    first = found->second;
  } else if (exists) {
    if (const auto same = m_ids.find({st.st_dev, st.st_ino}); same != m_ids.end()) {
      first = same->second;
    } else {
      m_ids.emplace(std::pair(st.st_dev, st.st_ino), std::string(option));
    }
  }
  if (first == "an input") {
    throw Error(Diagnostic{{path},
                           "is an input of this run, and " + std::string(option) +
                               " would overwrite it; give the output another file or folder"});
  }
  if (!first.empty()) {
    throw Error(Diagnostic{{path},
                           "would be written by " + first + " and by " + std::string(option) +
                               " of this run; give each output a file of its own"});
  }
  m_names.emplace(name, std::string(option));
}

} // namespace kansrijk::util
