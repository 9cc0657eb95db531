// Asking one field: showing the question and its choices, reading the answer, refusing what
// is not an answer with a message that says what is.
#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/cli/question.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/text.hpp>
#include <sstream>

namespace kansrijk::cli {

using core::FieldDecl;
using core::FieldType;
using io::Answer;

namespace {

// Why `text` cannot be a text answer, or empty when it can: it must be readable UTF-8
// without control characters (the use-case loader would refuse it otherwise).
std::string text_problem(const Conversation &talk, const std::string &text) {
  if (text.size() > io::k_max_text_bytes) {
    return fmt::format("{} {} bytes.",
                       talk.t("Dat is te lang; het maximum is", "That is too long; the maximum is"),
                       io::k_max_text_bytes);
  }
  const bool control = std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t') || byte == 0x7F;
  });
  if (util::find_invalid_utf8(text) || control) {
    return talk.t("Dat is geen leesbare tekst (ongeldige UTF-8 of stuurtekens); typ het antwoord opnieuw.",
                  "That is not readable text (invalid UTF-8 or control characters); type the answer again.");
  }
  return {};
}

} // namespace

std::string value_label(const Conversation &talk,
                        const core::Framework &framework,
                        const FieldDecl &decl,
                        const std::string &value) {
  if (decl.values_from == "skills") {
    for (const auto &skill : framework.skills) {
      if (skill.id == value) {
        return skill.label.in(talk.language()) +
               (skill.group > 0 ? " (" +
                                      framework.skill_groups[static_cast<std::size_t>(skill.group)].label.in(
                                          talk.language()) +
                                      ")"
                                : "");
      }
    }
  }
  if (const auto it = decl.value_labels.find(value); it != decl.value_labels.end()) {
    return it->second.in(talk.language());
  }
  return value;
}

std::string answer_text(const Conversation &talk,
                        const core::Framework &framework,
                        const FieldDecl &decl,
                        const Answer &answer) {
  if (!answer.known()) {
    return decl.type == FieldType::text ? talk.t("niet ingevuld", "not given")
                                        : talk.t("weet ik niet", "don't know");
  }
  if (decl.type == FieldType::text) {
    return answer.text;
  }
  if (answer.values.empty()) {
    return talk.t("geen", "none");
  }
  std::string out;
  for (const auto &value : answer.values) {
    out += (out.empty() ? "" : ", ") + value_label(talk, framework, decl, value);
  }
  return out;
}

Outcome ask_field(Conversation &talk,
                  const core::Framework &framework,
                  const FieldDecl &decl,
                  Answer &answer,
                  const std::string &heading) {
  const bool is_text = decl.type == FieldType::text;
  const bool multi = decl.type == FieldType::enum_list;
  const std::vector<std::string> &values = decl.domain.values;
  const std::string &lang = talk.language();
  while (true) {
    talk.say("");
    talk.say(heading);
    talk.say(decl.question.in(lang).empty() ? decl.label.in(lang) : decl.question.in(lang));
    if (!is_text) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        talk.item(fmt::format("  {:>2}) ", i + 1), value_label(talk, framework, decl, values[i]));
      }
      if (!decl.required) {
        talk.item("   0) ", talk.t("weet ik niet", "don't know"));
      }
      if (multi) {
        talk.item("  ",
                  talk.t("Meerdere keuzes mogelijk: typ de nummers met spaties ertussen (bijvoorbeeld 1 3); "
                         "geen van deze: typ -",
                         "Several choices possible: type the numbers with spaces (for example 1 3); none of "
                         "these: type -"));
      }
    }
    if (answer.answered()) {
      talk.item("  ",
                fmt::format("[{}: {}]", talk.t("nu", "now"), answer_text(talk, framework, decl, answer)));
    }
    const auto line = talk.read("> ");
    if (!line) {
      return Outcome::stop;
    }
    const std::string input = util::trim(*line);
    if (input == "?") {
      talk.say(decl.help.in(lang).empty()
                   ? talk.t("Geen uitleg bij deze vraag.", "No help for this question.")
                   : decl.help.in(lang));
      continue;
    }
    if (input == "<") {
      return Outcome::back;
    }
    if (input.empty()) {
      if (answer.answered()) {
        return Outcome::answered; // keep
      }
      if (decl.required) {
        talk.say(talk.t("Deze vraag is verplicht.", "This question needs an answer."));
        continue;
      }
      answer = Answer{Answer::State::unknown, {}, {}};
      talk.item("  ", fmt::format("({})", answer_text(talk, framework, decl, answer)));
      return Outcome::answered;
    }
    if (is_text) {
      if (const std::string problem = text_problem(talk, input); !problem.empty()) {
        talk.say(problem);
        continue;
      }
      answer = Answer{Answer::State::known, input, {}};
      return Outcome::answered;
    }
    if (input == "0" && !decl.required) {
      answer = Answer{Answer::State::unknown, {}, {}};
      return Outcome::answered;
    }
    if (multi && input == "-") {
      answer = Answer{Answer::State::known, {}, {}};
      return Outcome::answered;
    }
    std::vector<std::string> chosen;
    std::string problem;
    std::string spaced = input;
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    std::istringstream words(spaced);
    for (std::string token; words >> token;) {
      const int number = token.size() <= 3 && token.find_first_not_of("0123456789") == std::string::npos
                             ? std::stoi(token)
                             : 0;
      if (number < 1 || number > static_cast<int>(values.size())) {
        problem = fmt::format("{} \"{}\"; {} 1-{}{}", talk.t("Geen geldige keuze:", "Not a valid choice:"),
                              token, talk.t("typ een nummer", "type a number"), values.size(),
                              talk.t(", 0 voor 'weet ik niet', ? voor uitleg of < voor terug.",
                                     ", 0 for 'don't know', ? for help or < to go back."));
        break;
      }
      const std::string &value = values[static_cast<std::size_t>(number - 1)];
      if (std::find(chosen.begin(), chosen.end(), value) == chosen.end()) {
        chosen.push_back(value);
      }
    }
    if (problem.empty() && !multi && chosen.size() != 1) {
      problem = talk.t("Kies één nummer.", "Choose one number.");
    }
    if (!problem.empty()) {
      talk.say(problem);
      continue;
    }
    answer = Answer{Answer::State::known, {}, chosen};
    return Outcome::answered;
  }
}

} // namespace kansrijk::cli
