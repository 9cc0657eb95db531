// The order of the questions, skipping, going back and the summary; see interview_flow.hpp.
#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/cli/interview_flow.hpp>
#include <kansrijk/cli/question.hpp>
#include <kansrijk/cli/task_picker.hpp>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/suggest.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/report/strings.hpp>
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

InterviewFlow::InterviewFlow(
    const core::Framework &framework, Conversation &talk, io::Answers answers, Saver save, Judge judge)
    : m_fw(framework), m_talk(talk), m_answers(std::move(answers)), m_save(std::move(save)),
      m_tasks_done(!m_answers.tasks.empty()), m_judge(std::move(judge)) {
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
  if (m_fw.in_place_field >= 0) {
    m_steps.push_back(m_fw.in_place_field); // last: it offers the conditions the answers raise
  }
}

bool InterviewFlow::run() {
  m_talk.say(m_talk.t(
      "Beantwoord de vragen met het nummer van uw keuze. ? = uitleg, < = vorige vraag, Enter = 'weet "
      "ik niet' (of het huidige antwoord behouden), Ctrl-D of Ctrl-C = stoppen en bewaren als concept.",
      "Answer with the number of your choice. ? = help, < = previous question, Enter = 'don't know' "
      "(or keep the current answer), Ctrl-D or Ctrl-C = stop and save a draft."));
  std::vector<std::size_t> history;
  std::optional<std::size_t> again; // a step to ask next whatever the order says
  rejudge();
  while (true) {
    const std::optional<std::size_t> step = again ? again : next_step();
    again.reset();
    if (!step) {
      break;
    }
    const Outcome outcome = ask(*step);
    if (outcome == Outcome::stop) {
      return false;
    }
    if (outcome == Outcome::back) {
      if (history.empty()) {
        m_talk.say(m_talk.t("Dit is de eerste vraag.", "This is the first question."));
        again = step;
        continue;
      }
      again = history.back();
      history.pop_back();
      unanswer(*again);
      rejudge();
      continue;
    }
    changed();
    history.push_back(*step);
    if (m_steps[*step] != k_tasks &&
        m_fw.fields[static_cast<std::size_t>(m_steps[*step])].role == core::FieldRole::description) {
      offer_suggestions();
    }
    rejudge();
  }
  return summary(history);
}

void InterviewFlow::offer_suggestions() {
  if (m_suggested || m_tasks_done) {
    return;
  }
  std::string text; // every text answered so far: title, description, ...
  for (const auto &decl : m_fw.fields) {
    const Answer &answer = m_answers.fields[static_cast<std::size_t>(decl.index)];
    if (decl.type == FieldType::text && answer.known()) {
      text += answer.text + "\n";
    }
  }
  const core::Suggestions found = core::Suggester(m_fw).suggest(text);
  if (found.tasks.empty() && found.answers.empty()) {
    return;
  }
  m_suggested = true;
  const std::string &lang = m_talk.language();
  m_talk.say(
      m_talk.t("Op grond van wat u tot nu toe schreef, lijken deze taken en antwoorden te passen. Het zijn "
               "suggesties, geen antwoorden: u kiest zelf bij de vragen.",
               "From what you wrote so far, these tasks and answers seem to fit. They are suggestions, not "
               "answers: you choose at the questions."));
  for (const auto &task : found.tasks) {
    const int item = m_fw.item_index(task.ref);
    if (item < 0) {
      continue;
    }
    const core::TaxonomyItem &entry = m_fw.items[static_cast<std::size_t>(item)];
    const std::string pillar =
        entry.pillar >= 0 ? " (" + m_fw.pillars[static_cast<std::size_t>(entry.pillar)].label.in(lang) + ")"
                          : "";
    m_talk.item("  - ",
                fmt::format("{}{}{}", entry.label.in(lang), pillar,
                            task.words.empty() ? std::string() : " · " + util::join(task.words, ", ")));
  }
  for (const auto &answer : found.answers) {
    const int field = m_fw.field_index(answer.field);
    if (field < 0) {
      continue;
    }
    const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(field)];
    m_talk.item("  - ",
                fmt::format("{}: {}{}", decl.label.in(lang),
                            core::value_label(decl, decl.domain.index_of(answer.value), lang),
                            answer.words.empty() ? std::string() : " · " + util::join(answer.words, ", ")));
  }
}

std::vector<int> InterviewFlow::waiting_on(const FieldDecl &decl) const {
  std::vector<int> fields;
  if (!decl.ask_if) {
    return fields;
  }
  core::Reads reads;
  core::collect_reads(*decl.ask_if, reads);
  for (const auto &path : reads.fields) {
    const int field = m_fw.field_index(path);
    if (field >= 0 && !m_answers.fields[static_cast<std::size_t>(field)].answered()) {
      fields.push_back(field);
    }
  }
  return fields;
}

std::optional<std::size_t> InterviewFlow::next_step() {
  const bool by_ranking = m_open.has_value() && m_tasks_done;
  std::vector<std::size_t> open;
  for (std::size_t step = 0; step < m_steps.size(); ++step) {
    if (answered(step) || skip(step)) {
      continue;
    }
    if (!by_ranking) {
      return step; // declaration order
    }
    open.push_back(step);
  }
  if (open.empty()) {
    return std::nullopt;
  }
  // Ranked open questions first, in their order; then the others in declaration order. A
  // question that depends on an answer not given yet (its `ask_if` reads it) waits, and the
  // question it depends on moves up to its place.
  std::vector<std::size_t> key(m_steps.size(), 0);
  for (const std::size_t step : open) {
    const auto ranked = std::find(m_open->fields.begin(), m_open->fields.end(), m_steps[step]);
    key[step] = ranked != m_open->fields.end() ? static_cast<std::size_t>(ranked - m_open->fields.begin())
                                               : m_steps.size() + step;
  }
  for (const std::size_t step : open) {
    const int index = m_steps[step];
    if (index == k_tasks) {
      continue;
    }
    const std::vector<int> parents = waiting_on(m_fw.fields[static_cast<std::size_t>(index)]);
    if (parents.empty()) {
      continue;
    }
    for (const std::size_t other : open) {
      if (std::find(parents.begin(), parents.end(), m_steps[other]) != parents.end()) {
        key[other] = std::min(key[other], key[step]);
      }
    }
    key[step] = 2 * m_steps.size() + step;
  }
  return *std::min_element(open.begin(), open.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(key[a], a) < std::pair(key[b], b);
  });
}

void InterviewFlow::rejudge() {
  if (!m_judge || !m_tasks_done) {
    return;
  }
  m_open = m_judge(m_answers);
  if (!m_open || !m_open->settled) {
    m_said_settled = false;
    return;
  }
  if (m_said_settled) {
    return;
  }
  bool open_left = false;
  for (std::size_t step = 0; step < m_steps.size() && !open_left; ++step) {
    open_left = !answered(step) && !skip(step);
  }
  if (open_left) {
    const auto language = report::Language::from_code(m_talk.language()).value_or(report::Language{});
    m_talk.say(
        fmt::format(fmt::runtime(m_talk.t(
                        "Het oordeel ligt nu vast: {}. Geen antwoord op de overige vragen verandert het "
                        "nog; ze horen wel bij een volledig beeld (voorwaarden, signalen). Ctrl-D stopt en "
                        "bewaart de antwoorden als concept.",
                        "The verdict is now settled: {}. No answer to the remaining questions can change "
                        "it; they do belong to a complete picture (conditions, red flags). Ctrl-D stops and "
                        "saves the answers as a draft.")),
                    report::verdict_word(*m_open->settled, language)));
    m_said_settled = true;
  }
}

std::size_t InterviewFlow::question_number(std::size_t step) const {
  if (!m_open) {
    return step + 1; // declaration order: the question's place
  }
  std::size_t done = 0; // ranked order: the questions answered so far, plus one
  for (std::size_t s = 0; s < m_steps.size(); ++s) {
    done += answered(s) ? 1 : 0;
  }
  return done + 1;
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
  if (index == m_fw.in_place_field) {
    return !m_open || m_open->conditions.empty(); // nothing applies (yet): nothing to state
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
    const Outcome outcome = pick_tasks(m_talk, m_fw, m_answers.tasks,
                                       fmt::format("{} {}/{} · {}", m_talk.t("Vraag", "Question"),
                                                   question_number(step), m_steps.size(), label),
                                       [this] { changed(); });
    m_tasks_done = outcome == Outcome::answered;
    return outcome;
  }
  const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
  if (index == m_fw.in_place_field && m_open) {
    // Only the conditions that apply, and those already stated, are offered.
    FieldDecl offered = decl;
    Answer &answer = m_answers.fields[static_cast<std::size_t>(index)];
    offered.domain.values = m_open->conditions;
    for (const auto &value : answer.values) {
      if (std::find(offered.domain.values.begin(), offered.domain.values.end(), value) ==
          offered.domain.values.end()) {
        offered.domain.values.push_back(value);
      }
    }
    return ask_field(m_talk, m_fw, offered, answer,
                     fmt::format("{} {}/{} · {}", m_talk.t("Vraag", "Question"), question_number(step),
                                 m_steps.size(), decl.label.in(lang)));
  }
  // With the ranking, a question whose answer can change the verdict says so.
  std::string label = decl.label.in(lang);
  if (m_open) {
    const auto end = m_open->fields.begin() + static_cast<std::ptrdiff_t>(m_open->decisive);
    if (std::find(m_open->fields.begin(), end, index) != end) {
      label += m_talk.t(" (kan het oordeel veranderen)", " (can change the verdict)");
    }
  }
  return ask_field(m_talk, m_fw, decl, m_answers.fields[static_cast<std::size_t>(index)],
                   fmt::format("{} {}/{} · {}", m_talk.t("Vraag", "Question"), question_number(step),
                               m_steps.size(), label));
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
    rejudge();
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
