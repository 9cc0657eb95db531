// The tasks step of the interview: taxonomy tasks chosen per pillar, and tasks of one's own
// described by answering the framework's task fields. Its wording comes from the framework
// (fields.yaml, `interview: tasks:`); this file only knows how choosing works.
#pragma once

#include <functional>
#include <kansrijk/cli/question.hpp>
#include <string>
#include <vector>

namespace kansrijk::cli {

// Lets the user choose tasks until done; `tasks` is changed in place and `changed` is called
// after every change. `heading` heads the step. Returns `back` for `<`, `stop` when the
// session must stop, `answered` when at least one task is chosen and the user is done.
Outcome pick_tasks(Conversation &talk,
                   const core::Framework &framework,
                   std::vector<io::TaskAnswer> &tasks,
                   const std::string &heading,
                   const std::function<void()> &changed);

// A chosen task as the summary shows it: its label and pillar, or its name.
std::string task_name(const Conversation &talk, const core::Framework &framework, const io::TaskAnswer &task);

} // namespace kansrijk::cli
