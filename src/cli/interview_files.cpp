// The interview's files; see interview_files.hpp. A new name is claimed by creating the file
// with O_EXCL, and the finished file is linked into place (link() fails if the name exists),
// so that not even a file appearing meanwhile is replaced.
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <kansrijk/cli/interview_files.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/output.hpp>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace kansrijk::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_draft_suffix = ".draft.yaml";

// `base` + "" / "-2" / "-3" ... + `suffix` for attempt `n` (from 1).
std::string numbered(const std::string &base, int n, std::string_view suffix) {
  return n == 1 ? base + std::string(suffix) : fmt::format("{}-{}{}", base, n, suffix);
}

// The local time as 20261130-194500, for a draft without a title.
std::string timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  localtime_r(&now, &parts);
  return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                     parts.tm_hour, parts.tm_min, parts.tm_sec);
}

// Creates `path` empty if no file has that name; false otherwise (or when it cannot).
bool claim(const std::string &path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    return false;
  }
  ::close(fd);
  return true;
}

// Writes `content` to a new file with a unique name in `folder` and returns its name;
// throws util::Error.
std::string write_temporary(const fs::path &folder, const std::string &content) {
  std::string name = ((folder.empty() ? fs::path(".") : folder) / ".kansrijk-interview-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    throw util::Error(
        util::Diagnostic{{name, 0, 0}, std::string("cannot write the use case: ") + std::strerror(errno)});
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t wrote = ::write(fd, content.data() + done, content.size() - done);
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(name.c_str());
      throw util::Error(util::Diagnostic{{name, 0, 0}, "cannot write the use case: " + reason});
    }
    done += static_cast<std::size_t>(wrote);
  }
  const bool synced = ::fchmod(fd, util::new_file_mode()) == 0 && ::fsync(fd) == 0;
  const std::string reason = std::strerror(errno);
  ::close(fd);
  if (!synced) {
    ::unlink(name.c_str());
    throw util::Error(util::Diagnostic{{name, 0, 0}, "cannot write the use case: " + reason});
  }
  return name;
}

std::string without_draft_suffix(const std::string &path) {
  return path.ends_with(k_draft_suffix) ? path.substr(0, path.size() - k_draft_suffix.size()) : std::string();
}

} // namespace

std::string slug(const std::string &title) {
  std::string out;
  for (const char c : title) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 && byte < 0x80) {
      out += static_cast<char>(std::tolower(byte));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  if (out.size() > 40) { // cut at a word boundary
    const auto dash = out.rfind('-', 40);
    out = out.substr(0, dash != std::string::npos && dash >= 20 ? dash : 40);
  }
  return out.empty() ? std::string("toepassing") : out;
}

InterviewFiles::InterviewFiles(std::string case_file, std::string resume)
    : m_case(std::move(case_file)), m_resume(std::move(resume)) {
  std::error_code ec;
  if (!m_case.empty() && m_case != m_resume && fs::exists(m_case, ec)) {
    throw util::Error(util::Diagnostic{
        {m_case, 0, 0},
        fmt::format(
            "exists already; the interview never writes over a file: choose another --case, or change this "
            "use case with --resume {}",
            m_case)});
  }
  if (!without_draft_suffix(m_resume).empty()) {
    m_draft = m_resume; // the draft being continued is this session's own
  }
}

bool InterviewFiles::write_draft_at(const std::string &path, const std::string &yaml) {
  try {
    util::write_file_atomically(path, yaml);
    return true;
  } catch (const util::Error &e) {
    m_warning = fmt::format("cannot save the draft in {}: {}", path, e.what());
    return false;
  }
}

void InterviewFiles::save_draft(const std::string &yaml, const std::string &name_hint) {
  const bool failing_already = !m_unsaved.empty(); // said once is enough
  if (m_draft.empty()) {
    const std::string base =
        !m_case.empty() ? (fs::path(m_case).parent_path() / fs::path(m_case).stem()).string()
        : !without_draft_suffix(m_resume).empty() ? without_draft_suffix(m_resume)
        : !m_resume.empty()                       ? (fs::path(m_resume).parent_path() /
                               (name_hint.empty() ? "interview-" + timestamp() : name_hint))
                                  .string()
        : name_hint.empty() ? "interview-" + timestamp()
                            : name_hint;
    for (int n = 1; n < 1000 && m_draft.empty(); ++n) {
      const std::string candidate = numbered(base, n, k_draft_suffix);
      if (claim(candidate)) {
        m_draft = candidate;
      } else if (errno != EEXIST) {
        m_warning = fmt::format("cannot save the draft in {}: {}", candidate, std::strerror(errno));
        break;
      }
    }
  }
  if (!m_draft.empty() && write_draft_at(m_draft, yaml)) {
    m_unsaved.clear();
    return;
  }
  if (!m_draft_is_temporary) {
    // The planned folder failed: the temporary folder, under a name mkstemps makes unique.
    const char *tmpdir = std::getenv("TMPDIR");
    std::string pattern = fmt::format("{}/kansrijk-interview-XXXXXX{}",
                                      tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp", k_draft_suffix);
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(k_draft_suffix.size()));
    if (fd >= 0) {
      ::close(fd);
      m_draft = pattern;
      m_draft_is_temporary = true;
      if (m_warning) {
        *m_warning += "; saved in " + m_draft + " instead";
      }
    }
  }
  if (m_draft_is_temporary && write_draft_at(m_draft, yaml)) {
    m_unsaved.clear();
    return;
  }
  m_unsaved = yaml;
  if (failing_already) {
    m_warning.reset();
  }
}

std::optional<std::string> InterviewFiles::take_warning() { return std::exchange(m_warning, std::nullopt); }

std::string
InterviewFiles::write_case(const std::string &yaml, const std::string &name_hint, const std::string &report) {
  std::string chosen;
  if (!m_case.empty() && m_case == m_resume) {
    util::write_file_atomically(m_case, yaml); // asked for in so many words
    chosen = m_case;
  } else {
    const std::string base = !m_case.empty()
                                 ? (fs::path(m_case).parent_path() / fs::path(m_case).stem()).string()
                             : !without_draft_suffix(m_resume).empty() ? without_draft_suffix(m_resume)
                             : !m_resume.empty() ? (fs::path(m_resume).parent_path() / name_hint).string()
                                                 : name_hint;
    const std::string extension =
        !m_case.empty() ? fs::path(m_case).extension().string() : std::string(".yaml");
    // Written whole under a temporary name, then linked to the first free name.
    const std::string written = write_temporary(fs::path(base).parent_path(), yaml);
    for (int n = 1; n < 1000 && chosen.empty(); ++n) {
      const std::string candidate = numbered(base, n, extension);
      if (!report.empty() && report != util::k_standard_output && util::same_file_name(candidate, report)) {
        continue; // the report's file: two outputs of one session never share a file
      }
      if (::link(written.c_str(), candidate.c_str()) == 0) {
        chosen = candidate;
      } else if (errno != EEXIST) {
        const std::string reason = std::strerror(errno);
        ::unlink(written.c_str());
        throw util::Error(util::Diagnostic{{candidate, 0, 0}, "cannot write the use case: " + reason});
      }
    }
    ::unlink(written.c_str());
    if (chosen.empty()) {
      throw util::Error(util::Diagnostic{{base + extension, 0, 0}, "no free name for the use case"});
    }
  }
  if (!m_draft.empty() && m_draft != chosen) {
    std::error_code ec;
    fs::remove(m_draft, ec);
  }
  return chosen;
}

} // namespace kansrijk::cli
