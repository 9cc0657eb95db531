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

} // namespace

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

OutputFile::OutputFile(std::string path) : m_path(std::move(path)) {
  check_output_name("an output", m_path);
  struct stat st {};
  if (::stat(m_path.c_str(), &st) == 0) {
    if (const std::string why = refusal(st); !why.empty()) {
      throw Error(Diagnostic{{m_path}, why});
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
    struct stat link {};
    if (error == ENOENT && ::lstat(m_path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      throw Error(Diagnostic{{m_path},
                             "is a symbolic link to a file that does not exist; remove the link or give "
                             "another file name"});
    }
    if (error != ENOENT) {
      fail(error);
    }
    m_mode = 0666U & ~current_umask();
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

void write_file_atomically(const std::string &path, std::string_view content) {
  OutputFile file(path);
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

} // namespace kansrijk::util
