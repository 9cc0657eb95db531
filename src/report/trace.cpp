// A rule's condition taken apart for one use case (see trace.hpp).
#include <fmt/format.h>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/report/trace.hpp>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::report {

std::string condition_trace(const core::Framework &framework,
                            const core::Rule &rule,
                            const core::UseCase &use_case,
                            std::string_view indent) {
  std::string out;
  for (const auto &line : core::trace(rule.when, use_case)) {
    const std::string_view value = line.truth == core::Truth::yes  ? "true   "
                                   : line.truth == core::Truth::no ? "false  "
                                                                   : "unknown";
    std::string task;
    if (line.task >= 0) {
      const auto &entry = use_case.tasks[static_cast<std::size_t>(line.task)];
      task = fmt::format("[task {}: {}] ", line.task + 1,
                         entry.item >= 0 ? framework.items[static_cast<std::size_t>(entry.item)].id
                                         : entry.name);
    }
    out += fmt::format("{}{} {:{}}{}{}\n", indent, value, "", line.depth * 2, util::safe_terminal(task),
                       util::safe_terminal(line.text));
  }
  return out;
}

} // namespace kansrijk::report
