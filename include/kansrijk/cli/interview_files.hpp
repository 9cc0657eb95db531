// Where an interview keeps its answers. The draft is saved after every answer, under a name
// made from the title (or the time) that no other file had; the finished use-case file gets
// a name that no file has. Neither ever replaces a file the interview did not make, and when
// the planned folder cannot be written the draft goes to the temporary folder instead.
#pragma once

#include <optional>
#include <string>

namespace kansrijk::cli {

// `title` as a file name: lower case letters, digits and dashes, at most about 40
// characters, cut at a dash; "toepassing" when nothing is left.
std::string slug(const std::string &title);

class InterviewFiles {
public:
  // `case_file` is the use-case file asked for (--case) or empty; `resume` the file the
  // session continues (--resume) or empty. Throws util::Error when `case_file` exists and
  // is not `resume`: the interview would have nowhere to put its result.
  InterviewFiles(std::string case_file, std::string resume);

  // Saves `yaml` as the draft. The first save chooses the name: the draft being resumed, else
  // NAME.draft.yaml from --case, else from `name_hint` (a slug of the title; empty: the time),
  // with -2, -3 ... added until no file has it. A draft that cannot be written there goes to
  // the temporary folder; one that cannot be written at all is kept for `unsaved`.
  // Never throws.
  void save_draft(const std::string &yaml, const std::string &name_hint);

  // The draft's file, or empty when none was written.
  [[nodiscard]] const std::string &draft() const { return m_draft; }
  // A problem met while saving the draft, once: what failed and where the draft went.
  std::optional<std::string> take_warning();
  // The last draft when no file could take it (print it rather than lose it), else empty.
  [[nodiscard]] const std::string &unsaved() const { return m_unsaved; }

  // Writes the finished use case `yaml` under a name no file has: --case, else the resumed
  // draft's name without ".draft", else `name_hint`, with -2, -3 ... as needed (--case only
  // when it equals --resume is written over). Removes the draft and returns the name.
  // Throws util::Error when it cannot be written; the draft is kept then. A name that is the
  // same file as `report` (where the report goes next) is passed over.
  std::string
  write_case(const std::string &yaml, const std::string &name_hint, const std::string &report = {});

private:
  bool write_draft_at(const std::string &path, const std::string &yaml);

  std::string m_case;
  std::string m_resume;
  std::string m_draft;
  bool m_draft_is_temporary = false;
  std::string m_unsaved;
  std::optional<std::string> m_warning;
};

} // namespace kansrijk::cli
