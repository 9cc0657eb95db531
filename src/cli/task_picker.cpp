// Choosing tasks: the pillars of the taxonomy, the tasks and actions of one pillar, and a
// task of one's own.
#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/cli/task_picker.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/text.hpp>
#include <sstream>

namespace kansrijk::cli {

using core::FieldDecl;
using io::TaskAnswer;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A whole number of at most `digits` digits, else 0.
int number_in(const std::string &text, std::size_t digits) {
  return !text.empty() && text.size() <= digits && text.find_first_not_of("0123456789") == std::string::npos
             ? std::stoi(text)
             : 0;
}

// The attributes of one's own task, one question each; `<` goes back one attribute, or
// cancels the task at the first.
Outcome ask_own_task(Conversation &talk, const core::Framework &framework, TaskAnswer &task) {
  std::vector<const FieldDecl *> asked;
  for (const auto &decl : framework.task_fields) {
    if (decl.asked && !decl.derived && decl.role != core::FieldRole::task_ref) {
      asked.push_back(&decl);
    }
  }
  std::size_t i = 0;
  while (i < asked.size()) {
    const FieldDecl &decl = *asked[i];
    FieldDecl shown = decl;
    shown.required = decl.role == core::FieldRole::task_name;
    if (shown.domain.values.empty() && decl.values_from == "skills") {
      for (const auto &skill : framework.skills) {
        shown.domain.values.push_back(skill.id);
      }
    }
    const Outcome outcome = ask_field(talk, framework, shown, task.attributes[decl.path],
                                      fmt::format("{} · {} {}/{}", talk.t("Eigen taak", "Own task"),
                                                  decl.label.in(talk.language()), i + 1, asked.size()));
    if (!task.attributes[decl.path].answered()) {
      task.attributes.erase(decl.path);
    }
    if (outcome == Outcome::stop) {
      return outcome;
    }
    if (outcome == Outcome::back) {
      if (i == 0) {
        return Outcome::back;
      }
      --i;
      continue;
    }
    ++i;
  }
  return Outcome::answered;
}

// The tasks and actions of pillar `pillar`; the chosen ones are added to `tasks`.
Outcome pick_items(Conversation &talk,
                   const core::Framework &framework,
                   int pillar,
                   std::vector<TaskAnswer> &tasks,
                   const std::function<void()> &changed) {
  std::vector<std::size_t> items;
  for (std::size_t i = 0; i < framework.items.size(); ++i) {
    if (framework.items[i].pillar == pillar) {
      items.push_back(i);
    }
  }
  const std::string &lang = talk.language();
  const int kind_field = framework.task_field_with(core::FieldRole::task_kind);
  while (true) {
    talk.say("");
    talk.say(framework.pillars[static_cast<std::size_t>(pillar)].label.in(lang));
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto &item = framework.items[items[i]];
      talk.item(fmt::format("  {:>2}) ", i + 1),
                fmt::format("{} [{}]", item.label.in(lang),
                            kind_field < 0 ? std::string("-")
                                           : core::value_label(
                                                 framework.task_fields[static_cast<std::size_t>(kind_field)],
                                                 item.kind, lang)));
    }
    talk.item("  ",
              talk.t("Kies één of meer nummers (bijvoorbeeld 1 3); ? + nummer = uitleg (bijvoorbeeld ?2); "
                     "Enter of < = terug.",
                     "Choose one or more numbers (for example 1 3); ? + number = explanation (for example "
                     "?2); Enter or < = back."));
    const auto line = talk.read("> ");
    if (!line) {
      return Outcome::stop;
    }
    std::string input = util::trim(*line);
    if (input.empty() || input == "<") {
      return Outcome::answered;
    }
    if (input.starts_with('?')) {
      const int n = number_in(util::trim(input.substr(1)), 2);
      if (n >= 1 && n <= static_cast<int>(items.size())) {
        talk.say(framework.items[items[static_cast<std::size_t>(n - 1)]].description.in(lang));
      } else {
        talk.say(talk.t("Typ ? met het nummer van een taak, bijvoorbeeld ?2.",
                        "Type ? with the number of a task, for example ?2."));
      }
      continue;
    }
    std::replace(input.begin(), input.end(), ',', ' ');
    std::istringstream words(input);
    std::vector<std::size_t> chosen;
    bool ok = true;
    for (std::string token; words >> token;) {
      const int n = number_in(token, 2);
      if (n < 1 || n > static_cast<int>(items.size())) {
        talk.say(fmt::format("{} \"{}\"; {} 1-{}.", talk.t("Geen geldige keuze:", "Not a valid choice:"),
                             token, talk.t("typ nummers van", "type numbers from"), items.size()));
        ok = false;
        break;
      }
      chosen.push_back(items[static_cast<std::size_t>(n - 1)]);
    }
    if (!ok) {
      continue;
    }
    for (const std::size_t item : chosen) {
      const std::string &ref = framework.items[item].id;
      if (std::none_of(tasks.begin(), tasks.end(), [&](const TaskAnswer &task) { return task.ref == ref; })) {
        if (tasks.size() >= io::k_max_tasks) {
          talk.say(talk.t("Het maximum aantal taken is bereikt.", "The maximum number of tasks is reached."));
          break;
        }
        tasks.push_back(TaskAnswer{ref, {}});
      }
    }
    changed();
    return Outcome::answered;
  }
}

} // namespace

std::string task_name(const Conversation &talk, const core::Framework &framework, const TaskAnswer &task) {
  if (!task.ref.empty()) {
    const auto &item = framework.items[static_cast<std::size_t>(framework.item_index(task.ref))];
    return fmt::format("{} ({})", item.label.in(talk.language()),
                       framework.pillars[static_cast<std::size_t>(item.pillar)].label.in(talk.language()));
  }
  const auto it = task.attributes.find(io::task_key(framework, core::FieldRole::task_name, "name"));
  return fmt::format("{} ({})", it != task.attributes.end() ? it->second.text : std::string("?"),
                     talk.t("eigen taak", "own task"));
}

Outcome pick_tasks(Conversation &talk,
                   const core::Framework &framework,
                   std::vector<TaskAnswer> &tasks,
                   const std::string &heading,
                   const std::function<void()> &changed) {
  const core::InterviewTasks &wording = framework.interview_tasks;
  const std::string &lang = talk.language();
  while (true) {
    talk.say("");
    talk.say(heading);
    talk.say(wording.question.in(lang).empty()
                 ? talk.t("Welke taken raakt de toepassing? Kies ze per pijler, of beschrijf een eigen taak.",
                          "Which tasks does the application touch? Choose them per pillar, or describe your "
                          "own task.")
                 : wording.question.in(lang));
    if (tasks.empty()) {
      talk.item("  ", talk.t("Nog geen taken gekozen.", "No tasks chosen yet."));
    } else {
      talk.item("  ", talk.t("Gekozen:", "Chosen:"));
      for (std::size_t i = 0; i < tasks.size(); ++i) {
        talk.item(fmt::format("    {}. ", i + 1), task_name(talk, framework, tasks[i]));
      }
    }
    for (std::size_t p = 0; p < framework.pillars.size(); ++p) {
      talk.item(fmt::format("  {:>2}) ", p + 1), framework.pillars[p].label.in(lang));
    }
    talk.item("   ", talk.t("e) een eigen taak beschrijven", "c) describe your own task"));
    if (!tasks.empty()) {
      talk.item("   ", talk.t("w) een gekozen taak weghalen", "r) remove a chosen task"));
      talk.item("   ", talk.t("k) klaar met taken", "d) done with tasks"));
    }
    const auto line = talk.read("> ");
    if (!line) {
      return Outcome::stop;
    }
    const std::string input = lower(util::trim(*line));
    if (input == "<") {
      return Outcome::back;
    }
    if (input == "?") {
      talk.say(wording.help.in(lang).empty()
                   ? talk.t("Geen uitleg bij deze vraag.", "No help for this question.")
                   : wording.help.in(lang));
      continue;
    }
    const bool done = input == "k" || input == "d" || input.empty();
    if (done && !tasks.empty()) {
      return Outcome::answered;
    }
    if (done) {
      talk.say(talk.t("Kies ten minste één taak of handeling.", "Choose at least one task or action."));
      continue;
    }
    if (input == "e" || input == "c") {
      TaskAnswer task;
      const Outcome outcome = ask_own_task(talk, framework, task);
      if (outcome == Outcome::stop) {
        return outcome;
      }
      if (outcome == Outcome::answered && tasks.size() < io::k_max_tasks) {
        tasks.push_back(std::move(task));
        changed();
      }
      continue;
    }
    if ((input == "w" || input == "r") && !tasks.empty()) {
      const auto which = talk.read(talk.t("Welk nummer weghalen? ", "Which number to remove? "));
      if (!which) {
        return Outcome::stop;
      }
      const int n = number_in(util::trim(*which), 3);
      if (n >= 1 && n <= static_cast<int>(tasks.size())) {
        tasks.erase(tasks.begin() + (n - 1));
        changed();
      } else {
        talk.say(talk.t("Geen geldig nummer.", "Not a valid number."));
      }
      continue;
    }
    const int pillar = number_in(input, 2);
    if (pillar < 1 || pillar > static_cast<int>(framework.pillars.size())) {
      talk.say(fmt::format("{} \"{}\"; {}", talk.t("Geen geldige keuze:", "Not a valid choice:"), input,
                           talk.t("typ het nummer van een pijler, e, w, k, ? of <.",
                                  "type the number of a pillar, c, r, d, ? or <.")));
      continue;
    }
    if (pick_items(talk, framework, pillar - 1, tasks, changed) == Outcome::stop) {
      return Outcome::stop;
    }
  }
}

} // namespace kansrijk::cli
