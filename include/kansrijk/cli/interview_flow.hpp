// The course of an interview: the framework's fields as questions, with the tasks step where
// the framework puts it; questions whose `ask_if` no longer holds are skipped; `<` goes back;
// a summary at the end to confirm or change answers. Every change is handed to a saver at
// once, so a session that ends in any way has its answers on disk.
// Up to and including the tasks, the questions come in declaration order. After that, with a
// judge, the questions whose answer can still change the verdict come first, the most
// decisive first (the ranking of core/decision.hpp, recomputed after every answer), and the
// interview says when no answer can change the verdict any more; without one, declaration
// order throughout. Last, with a judge, the conditions that apply: which are arranged
// already (the field with role in_place, use-case format 1.2).
#pragma once

#include <cstddef>
#include <functional>
#include <kansrijk/cli/conversation.hpp>
#include <kansrijk/cli/question.hpp>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/model.hpp>
#include <kansrijk/io/answers.hpp>
#include <optional>
#include <vector>

namespace kansrijk::cli {

// What the answers so far leave open.
struct OpenQuestions {
  std::vector<int> fields;              // open fields, in the order to ask them
  std::size_t decisive = 0;             // the first `decisive` can change the verdict
  std::optional<core::Verdict> settled; // no answer can change the verdict any more
  // The ids of the conditions that apply and that the answers do not show as arranged:
  // what the last question (the field with role in_place) offers.
  std::vector<std::string> conditions;
};

class InterviewFlow {
public:
  using Saver = std::function<void(const io::Answers &)>;
  // The open questions of the answers so far, or nullopt when they cannot be assessed yet.
  using Judge = std::function<std::optional<OpenQuestions>(const io::Answers &)>;

  // An interview of `framework` in `talk`, starting from `answers` (empty, or read from a
  // draft: what is answered is not asked again); `save` gets the answers after each change.
  InterviewFlow(const core::Framework &framework,
                Conversation &talk,
                io::Answers answers,
                Saver save,
                Judge judge = {});

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
  // The next question to ask, or nullopt when every question is answered or skipped.
  std::optional<std::size_t> next_step();
  // Asks the judge again (after the tasks) and says when the verdict has become settled.
  void rejudge();
  std::size_t question_number(std::size_t step) const;
  // After the description: the tasks and answers the text so far points to, as suggestions
  // (core/suggest.hpp), never as answers.
  void offer_suggestions();
  // The questions not answered yet that `decl`'s `ask_if` reads: while there are any, it waits.
  std::vector<int> waiting_on(const core::FieldDecl &decl) const;

  const core::Framework &m_fw;
  Conversation &m_talk;
  io::Answers m_answers;
  Saver m_save;
  bool m_tasks_done;
  std::vector<int> m_steps; // a field index, or k_tasks
  Judge m_judge;
  std::optional<OpenQuestions> m_open; // the judge's last answer
  bool m_said_settled = false;
  bool m_suggested = false;
};

} // namespace kansrijk::cli
