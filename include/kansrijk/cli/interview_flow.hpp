// The course of an interview: the framework's fields as questions in declaration order, with
// the tasks step where the framework puts it; questions whose `ask_if` no longer holds are
// skipped; `<` goes back; a summary at the end to confirm or change answers. Every change is
// handed to a saver at once, so a session that ends in any way has its answers on disk.
#pragma once

#include <cstddef>
#include <functional>
#include <kansrijk/cli/conversation.hpp>
#include <kansrijk/cli/question.hpp>
#include <kansrijk/core/model.hpp>
#include <kansrijk/io/answers.hpp>
#include <vector>

namespace kansrijk::cli {

class InterviewFlow {
public:
  using Saver = std::function<void(const io::Answers &)>;

  // An interview of `framework` in `talk`, starting from `answers` (empty, or read from a
  // draft: what is answered is not asked again); `save` gets the answers after each change.
  InterviewFlow(const core::Framework &framework, Conversation &talk, io::Answers answers, Saver save);

  // Asks what is open, then shows the summary until the user confirms. False when the
  // session was stopped (Ctrl-C, Ctrl-D, the end of the input).
  bool run();

  // The answers so far.
  [[nodiscard]] const io::Answers &answers() const { return m_answers; }

private:
  static constexpr int k_tasks = -1; // the tasks step among the field indices of m_steps

  bool answered(std::size_t step) const;
  void unanswer(std::size_t step);
  bool skip(std::size_t step);
  Outcome ask(std::size_t step);
  bool summary(std::vector<std::size_t> &history);
  void changed() { m_save(m_answers); }

  const core::Framework &m_fw;
  Conversation &m_talk;
  io::Answers m_answers;
  Saver m_save;
  bool m_tasks_done;
  std::vector<int> m_steps; // a field index, or k_tasks
};

} // namespace kansrijk::cli
