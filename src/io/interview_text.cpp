// The interview's wording that belongs to the framework, not to the program: the tasks
// step's label, question and help, and where it comes among the questions.
#include "interview_text.hpp"

#include <kansrijk/util/text.hpp>

namespace kansrijk::io {

void read_interview_text(const Node &node, core::Framework &framework, Reader &reader) {
  if (!reader.expect_map(node, "\"interview\"")) {
    return;
  }
  reader.check_keys(node, {"tasks"}, {"tasks"});
  const Node *tasks = node.find("tasks");
  if (tasks == nullptr || !reader.expect_map(*tasks, "\"interview.tasks\"")) {
    return;
  }
  reader.check_keys(*tasks, {"after", "label", "question", "help"}, {"label", "question"});
  core::InterviewTasks &out = framework.interview_tasks;
  if (const auto after = reader.string(*tasks, "after", false)) {
    const int index = framework.field_index(*after);
    if (index >= 0 && framework.fields[static_cast<std::size_t>(index)].asked) {
      out.after = *after;
    } else {
      std::vector<std::string> asked;
      for (const auto &field : framework.fields) {
        if (field.asked) {
          asked.push_back(field.path);
        }
      }
      reader.error(tasks->find("after")->where, "\"" + *after + "\" is not a field the interview asks" +
                                                    util::did_you_mean(*after, asked));
    }
  }
  out.label = reader.text(*tasks, "label", true);
  out.question = reader.text(*tasks, "question", true);
  if (tasks->find("help") != nullptr) {
    out.help = reader.text(*tasks, "help", false);
  }
}

} // namespace kansrijk::io
