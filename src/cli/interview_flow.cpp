// The order of the questions, skipping, going back and the summary; see interview_flow.hpp.
#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/cli/interview_flow.hpp>
#include <kansrijk/cli/question.hpp>
#include <kansrijk/cli/task_picker.hpp>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/util/text.hpp>
#include <optional>

namespace kansrijk::cli {

using core::FieldDecl;
using core::FieldType;
using io::Answer;

namespace {

// The answers so far as a use case, to evaluate the conditions that skip questions.
core::UseCase partial_use_case(const core::Framework &framework, const io::Answers &answers) {
  core::UseCase uc;
  uc.fields.resize(framework.fields.size());
  for (const auto &decl : framework.fields) {
    const Answer &answer = answers.fields[static_cast<std::size_t>(decl.index)];
    core::FieldValue &value = uc.fields[static_cast<std::size_t>(decl.index)];
    if (!answer.known()) {
      continue;
    }
    value.known = true;
    value.text = answer.text;
    for (const auto &v : answer.values) {
      value.values.push_back(decl.domain.index_of(v));
    }
    std::sort(value.values.begin(), value.values.end());
    if (decl.type == FieldType::enumeration && !answer.values.empty()) {
      value.value = decl.domain.index_of(answer.values.front());
    }
  }
  return uc;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

} // namespace

InterviewFlow::InterviewFlow(const core::Framework &framework,
                             Conversation &talk,
                             io::Answers answers,
                             Saver save)
    : m_fw(framework), m_talk(talk), m_answers(std::move(answers)), m_save(std::move(save)),
      m_tasks_done(!m_answers.tasks.empty()) {
  m_answers.fields.resize(m_fw.fields.size());
  for (const auto &decl : m_fw.fields) {
    if (decl.asked && !decl.derived) {
      m_steps.push_back(decl.index);
    }
    if (decl.path == m_fw.interview_tasks.after) {
      m_steps.push_back(k_tasks);
    }
  }
  if (std::find(m_steps.begin(), m_steps.end(), k_tasks) == m_steps.end()) {
    m_steps.push_back(k_tasks);
  }
}

bool InterviewFlow::run() {
  m_talk.say(m_talk.t(
      "Beantwoord de vragen met het nummer van uw keuze. ? = uitleg, < = vorige vraag, Enter = 'weet "
      "ik niet' (of het huidige antwoord behouden), Ctrl-D of Ctrl-C = stoppen en bewaren als concept.",
      "Answer with the number of your choice. ? = help, < = previous question, Enter = 'don't know' "
      "(or keep the current answer), Ctrl-D or Ctrl-C = stop and save a draft."));
  std::size_t step = 0;
  std::vector<std::size_t> history;
  while (step < m_steps.size()) {
    if (answered(step) || skip(step)) {
      ++step;
      continue;
    }
    const Outcome outcome = ask(step);
    if (outcome == Outcome::stop) {
      return false;
    }
    if (outcome == Outcome::back) {
      if (history.empty()) {
        m_talk.say(m_talk.t("Dit is de eerste vraag.", "This is the first question."));
        continue;
      }
      step = history.back();
      history.pop_back();
      unanswer(step);
      continue;
    }
    changed();
    history.push_back(step);
    ++step;
  }
  return summary(history);
}

bool InterviewFlow::answered(std::size_t step) const {
  const int index = m_steps[step];
  return index == k_tasks ? m_tasks_done : m_answers.fields[static_cast<std::size_t>(index)].answered();
}

void InterviewFlow::unanswer(std::size_t step) {
  const int index = m_steps[step];
  if (index == k_tasks) {
    m_tasks_done = false;
  } else {
    m_answers.fields[static_cast<std::size_t>(index)].state = Answer::State::open;
  }
}

bool InterviewFlow::skip(std::size_t step) {
  const int index = m_steps[step];
  if (index == k_tasks) {
    return false;
  }
  const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
  if (!decl.ask_if ||
      core::evaluate(*decl.ask_if, partial_use_case(m_fw, m_answers)).truth != core::Truth::no) {
    return false;
  }
  Answer &answer = m_answers.fields[static_cast<std::size_t>(index)];
  answer = Answer{};
  if (decl.if_skipped >= 0) {
    answer =
        Answer{Answer::State::known, {}, {decl.domain.values[static_cast<std::size_t>(decl.if_skipped)]}};
  }
  return true;
}

Outcome InterviewFlow::ask(std::size_t step) {
  const int index = m_steps[step];
  const std::string &lang = m_talk.language();
  if (index == k_tasks) {
    const std::string label = m_fw.interview_tasks.label.in(lang).empty()
                                  ? m_talk.t("Taken", "Tasks")
                                  : m_fw.interview_tasks.label.in(lang);
    const Outcome outcome = pick_tasks(
        m_talk, m_fw, m_answers.tasks,
        fmt::format("{} {}/{} · {}", m_talk.t("Vraag", "Question"), step + 1, m_steps.size(), label),
        [this] { changed(); });
    m_tasks_done = outcome == Outcome::answered;
    return outcome;
  }
  const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
  return ask_field(m_talk, m_fw, decl, m_answers.fields[static_cast<std::size_t>(index)],
                   fmt::format("{} {}/{} · {}", m_talk.t("Vraag", "Question"), step + 1, m_steps.size(),
                               decl.label.in(lang)));
}

bool InterviewFlow::summary(std::vector<std::size_t> &history) {
  const std::string &lang = m_talk.language();
  while (true) {
    m_talk.say("");
    m_talk.say(m_talk.t("Samenvatting", "Summary"));
    std::vector<std::size_t> shown;
    for (std::size_t step = 0; step < m_steps.size(); ++step) {
      const int index = m_steps[step];
      std::string text;
      std::string label;
      if (index == k_tasks) {
        label = m_fw.interview_tasks.label.in(lang).empty() ? m_talk.t("Taken", "Tasks")
                                                            : m_fw.interview_tasks.label.in(lang);
        for (const auto &task : m_answers.tasks) {
          text += (text.empty() ? "" : "; ") + task_name(m_talk, m_fw, task);
        }
      } else {
        const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
        const Answer &answer = m_answers.fields[static_cast<std::size_t>(index)];
        if (!answer.answered()) {
          continue; // skipped
        }
        label = decl.label.in(lang);
        text = answer_text(m_talk, m_fw, decl, answer);
      }
      shown.push_back(step);
      m_talk.item(fmt::format("  {:>2}. ", shown.size()), fmt::format("{}: {}", label, text));
    }
    const auto line = m_talk.read(
        m_talk.t("Klopt dit? j = opslaan en rapport tonen, nummer = antwoord wijzigen, < = terug: ",
                 "Is this right? y = save and show the report, number = change an answer, < = back: "));
    if (!line) {
      return false;
    }
    const std::string input = lower(util::trim(*line));
    if (input == "j" || input == "y" || input == "ja" || input == "yes") {
      return true;
    }
    std::optional<std::size_t> step;
    if (input == "<" && !history.empty()) {
      step = history.back();
    } else if (!input.empty() && input.size() <= 3 &&
               input.find_first_not_of("0123456789") == std::string::npos) {
      const auto n = static_cast<std::size_t>(std::stoi(input));
      if (n >= 1 && n <= shown.size()) {
        step = shown[n - 1];
      }
    }
    if (!step) {
      m_talk.say(m_talk.t("Typ j, een nummer uit de lijst of <.", "Type y, a number from the list, or <."));
      continue;
    }
    if (ask(*step) == Outcome::stop) {
      return false;
    }
    changed();
    // a changed answer may make later questions apply or not apply
    for (std::size_t later = 0; later < m_steps.size(); ++later) {
      if (!answered(later) && !skip(later)) {
        if (ask(later) == Outcome::stop) {
          return false;
        }
        changed();
      }
    }
  }
}

} // namespace kansrijk::cli
