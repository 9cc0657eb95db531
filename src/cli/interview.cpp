// `kansrijk interview`: a guided assessment in the terminal. The questions, help texts,
// choices and skip conditions come from the framework's fields.yaml; this file only decides
// the order (purpose first, then tasks, then the AI, data, impact and context, as TNO's
// framework intends), reads answers, and writes the use-case file and the report.
//
// Input is a line at a time: libedit's readline (line editing, history) on a terminal,
// plain lines from standard input otherwise, so sessions can be scripted and tested.
// Ctrl-C or Ctrl-D ends the session at once and saves a draft that --resume continues.
#include <atomic>
#include <clocale>
#include <csignal>
#include <cstdlib>
#include <editline/readline.h>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/report_options.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/tree.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/text.hpp>
#include <langinfo.h>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <unistd.h>

namespace kansrijk::cli {

namespace {

namespace fs = std::filesystem;
using core::FieldDecl;
using core::FieldType;

std::atomic<bool> g_stop{false};

// Ctrl-C: remember it, and make the pending read see the end of input, so both a plain
// read() and libedit's readline() return at once (dup2 and open are async-signal-safe).
extern "C" void on_stop(int /*signal*/) {
  g_stop.store(true);
  const int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    ::dup2(null_fd, STDIN_FILENO);
    ::close(null_fd);
  }
}

class StopGuard {
public:
  StopGuard() {
    g_stop.store(false);
    struct sigaction action {};
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &m_old);
  }
  ~StopGuard() { sigaction(SIGINT, &m_old, nullptr); }
  StopGuard(const StopGuard &) = delete;
  StopGuard &operator=(const StopGuard &) = delete;

private:
  struct sigaction m_old {};
};

// One line at a time: readline on a terminal, plain read() otherwise.
class LineInput {
public:
  LineInput(bool terminal, std::ostream &out) : m_terminal(terminal), m_out(out) {
    if (m_terminal) {
      // libedit reads multibyte characters only in a UTF-8 locale; without one it drops
      // every accented letter (ë, é, ó) without a word. Use the user's locale if it is
      // UTF-8, else C.UTF-8 (always present on Debian).
      const char *locale = std::setlocale(LC_CTYPE, "");
      if (locale == nullptr || std::string_view(nl_langinfo(CODESET)) != "UTF-8") {
        std::setlocale(LC_CTYPE, "C.UTF-8");
      }
      rl_catch_signals = 0;
      using_history();
    }
  }

  // The next line, or nullopt at the end of input or after Ctrl-C.
  std::optional<std::string> read(const std::string &prompt) {
    if (g_stop.load()) {
      return std::nullopt;
    }
    if (m_terminal) {
      m_out.flush();
      char *line = readline(prompt.c_str());
      if (line == nullptr || g_stop.load()) {
        std::free(line);
        return std::nullopt;
      }
      std::string text(line);
      std::free(line);
      if (!text.empty()) {
        add_history(text.c_str());
      }
      return text;
    }
    m_out << prompt << std::flush;
    std::string text;
    char c = 0;
    while (true) {
      const ssize_t got = ::read(STDIN_FILENO, &c, 1);
      if (got < 0 && errno == EINTR && !g_stop.load()) {
        continue;
      }
      if (got <= 0 || g_stop.load()) {
        if (got == 0 && !text.empty() && !g_stop.load()) {
          break; // a last line without a newline
        }
        return std::nullopt;
      }
      if (c == '\n') {
        break;
      }
      text += c;
    }
    if (!text.empty() && text.back() == '\r') {
      text.pop_back();
    }
    m_out << text << '\n'; // echo, so a scripted transcript reads like a session
    return text;
  }

private:
  bool m_terminal;
  std::ostream &m_out;
};

struct Answer {
  bool answered = false; // asked (or read from a draft); unknown is an answer too
  bool known = false;
  std::string text;                // text fields
  std::vector<std::string> values; // enum: one value; enum_list: several
};

struct TaskAnswer {
  std::string ref; // a taxonomy task, or empty for a custom one
  std::map<std::string, Answer> attributes;
};

std::string lower(std::string text) {
  for (auto &c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

// A YAML double-quoted scalar (JSON-compatible escapes).
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

// An enum value as YAML: plain when it cannot be mistaken for something else.
std::string value_yaml(const std::string &value) {
  const bool plain =
      !value.empty() &&
      value.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.-") == std::string::npos &&
      value != "yes" && value != "no" && value != "on" && value != "off" && value != "y" && value != "n" &&
      value != "true" && value != "false" && value != "null";
  return plain ? value : yaml_quoted(value);
}

std::string slug(const std::string &title) {
  std::string out;
  for (const char c : lower(title)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  if (out.size() > 40) { // cut at a word boundary
    const auto dash = out.rfind('-', 40);
    out = out.substr(0, dash != std::string::npos && dash >= 20 ? dash : 40);
  }
  return out.empty() ? std::string("toepassing") : out;
}

class Interview {
public:
  Interview(const core::Framework &framework, report::Language language, std::ostream &out, LineInput &in)
      : m_fw(framework), m_language(language), m_lang(report::language_code(language)), m_out(out), m_in(in),
        m_fields(framework.fields.size()) {
    for (const auto &decl : m_fw.fields) {
      if (!decl.asked || decl.derived) {
        continue;
      }
      if (m_tasks_step < 0 && !decl.path.starts_with("purpose.") && !m_steps.empty() &&
          m_fw.fields[static_cast<std::size_t>(m_steps.back())].path.starts_with("purpose.")) {
        m_tasks_step = static_cast<int>(m_steps.size());
        m_steps.push_back(k_tasks);
      }
      m_steps.push_back(decl.index);
    }
    if (m_tasks_step < 0) {
      m_tasks_step = static_cast<int>(m_steps.size());
      m_steps.push_back(k_tasks);
    }
  }

  // Reads the answers of a draft (or of a finished use-case file) leniently: fields that are
  // present count as answered; values outside a domain are reported and asked again.
  void load(const io::Node &root, std::ostream &err) {
    if (!root.is_map()) {
      return;
    }
    const std::function<void(const io::Node &, const std::string &)> walk = [&](const io::Node &map,
                                                                                const std::string &prefix) {
      for (const auto &entry : map.entries) {
        const std::string path = prefix + entry.key.scalar;
        if (prefix.empty() && entry.key.scalar == "tasks") {
          load_tasks(entry.value, err);
          continue;
        }
        const int index = m_fw.field_index(path);
        if (index < 0) {
          if (entry.value.is_map()) {
            walk(entry.value, path + ".");
          } else {
            err << fmt::format("{}: ignored: \"{}\" is not a question of this framework\n",
                               util::format_location(entry.key.where), path);
          }
          continue;
        }
        const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
        if (auto answer = answer_from(decl, entry.value)) {
          m_fields[static_cast<std::size_t>(index)] = *answer;
        } else {
          err << fmt::format("{}: ignored: not a valid answer to \"{}\"; it will be asked again\n",
                             util::format_location(entry.value.where), path);
        }
      }
    };
    walk(root, "");
  }

  // Asks what is not answered yet, then shows the summary until the user confirms.
  // False when the user stopped (Ctrl-C, Ctrl-D).
  bool run() {
    say(t("Beantwoord de vragen met het nummer van uw keuze. ? = uitleg, < = vorige vraag, "
          "Enter = 'weet ik niet' (of het huidige antwoord behouden), Ctrl-D of Ctrl-C = stoppen en bewaren "
          "als concept.",
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
          say(t("Dit is de eerste vraag.", "This is the first question."));
          continue;
        }
        step = history.back();
        history.pop_back();
        unanswer(step);
        continue;
      }
      history.push_back(step);
      ++step;
    }
    return summary(history);
  }

  std::string id() const {
    const int title = m_fw.field_index("title");
    const Answer &answer = m_fields[static_cast<std::size_t>(title)];
    return slug(answer.known ? answer.text : std::string());
  }

  // The use case as YAML in the use-case format; `draft` marks a file to resume from.
  std::string yaml(bool draft, const std::string &date) const {
    std::string out;
    if (draft) {
      out += t("# Concept van kansrijk interview; ga verder met: kansrijk interview --resume <dit bestand>\n",
               "# Draft of kansrijk interview; continue with: kansrijk interview --resume <this file>\n");
    } else {
      out += fmt::format("# {} {}\n",
                         t("Gemaakt met kansrijk interview op", "Made with kansrijk interview on"), date);
    }
    out += fmt::format("id: {}\n", yaml_quoted(id()));
    std::string group;
    bool tasks_written = false;
    const auto write_tasks = [&] {
      if (tasks_written || m_tasks.empty()) {
        tasks_written = true;
        return;
      }
      tasks_written = true;
      out += "tasks:\n";
      for (const auto &task : m_tasks) {
        if (!task.ref.empty()) {
          out += fmt::format("  - ref: {}\n", task.ref);
          continue;
        }
        bool first = true;
        for (const auto &decl : m_fw.task_fields) {
          const auto it = task.attributes.find(decl.path);
          if (it == task.attributes.end() || !it->second.answered) {
            continue;
          }
          out += fmt::format("  {} {}: {}\n", first ? "-" : " ", decl.path, answer_yaml(decl, it->second));
          first = false;
        }
      }
    };
    for (const auto &decl : m_fw.fields) {
      if (decl.path == "id") {
        continue;
      }
      const Answer &answer = m_fields[static_cast<std::size_t>(decl.index)];
      if (!decl.path.starts_with("purpose.") && group == "purpose") {
        write_tasks();
      }
      if (!answer.answered) {
        continue;
      }
      const auto dot = decl.path.find('.');
      const std::string this_group = dot == std::string::npos ? std::string() : decl.path.substr(0, dot);
      if (this_group != group && !this_group.empty()) {
        out += this_group + ":\n";
      }
      group = this_group;
      out +=
          fmt::format("{}{}: {}\n", this_group.empty() ? "" : "  ",
                      this_group.empty() ? decl.path : decl.path.substr(dot + 1), answer_yaml(decl, answer));
    }
    write_tasks();
    return out;
  }

private:
  static constexpr int k_tasks = -1;
  enum class Outcome { answered, back, stop };

  std::string t(std::string_view nl, std::string_view en) const {
    return std::string(m_language == report::Language::nl ? nl : en);
  }
  void say(const std::string &text) { m_out << text << '\n'; }

  std::string value_label(const FieldDecl &decl, const std::string &value) const {
    if (decl.values_from == "skills") {
      for (const auto &skill : m_fw.skills) {
        if (skill.id == value) {
          return skill.label.in(m_lang) +
                 (skill.group == core::SkillGroup::affective ? t(" (affectief)", " (affective)") : "");
        }
      }
    }
    if (const auto it = decl.value_labels.find(value); it != decl.value_labels.end()) {
      return it->second.in(m_lang);
    }
    return value;
  }

  std::string answer_text(const FieldDecl &decl, const Answer &answer) const {
    if (!answer.known) {
      return decl.type == FieldType::text ? t("niet ingevuld", "not given") : t("weet ik niet", "don't know");
    }
    if (decl.type == FieldType::text) {
      return answer.text;
    }
    if (answer.values.empty()) {
      return t("geen", "none");
    }
    std::string out;
    for (const auto &value : answer.values) {
      out += (out.empty() ? "" : ", ") + value_label(decl, value);
    }
    return out;
  }

  static std::string answer_yaml(const FieldDecl &decl, const Answer &answer) {
    if (!answer.known) {
      return decl.type == FieldType::text ? "null" : "unknown";
    }
    if (decl.type == FieldType::text) {
      return yaml_quoted(answer.text);
    }
    if (decl.type == FieldType::enumeration) {
      return value_yaml(answer.values.front());
    }
    std::string out = "[";
    for (const auto &value : answer.values) {
      out += (out.size() > 1 ? ", " : "") + value_yaml(value);
    }
    return out + "]";
  }

  std::optional<Answer> answer_from(const FieldDecl &decl, const io::Node &node) const {
    Answer answer;
    answer.answered = true;
    if (node.kind == io::Node::Kind::null ||
        (node.is_scalar() && node.scalar == "unknown" && decl.type != FieldType::text)) {
      return answer;
    }
    const auto &domain = decl.domain.values;
    switch (decl.type) {
    case FieldType::text:
      if (!node.is_scalar()) {
        return std::nullopt;
      }
      answer.known = true;
      answer.text = node.scalar;
      return answer;
    case FieldType::enumeration:
      if (!node.is_scalar() || decl.domain.index_of(node.scalar) < 0) {
        return std::nullopt;
      }
      answer.known = true;
      answer.values = {node.scalar};
      return answer;
    case FieldType::enum_list:
      if (!node.is_seq()) {
        return std::nullopt;
      }
      answer.known = true;
      for (const auto &item : node.items) {
        if (!item.is_scalar() || std::find(domain.begin(), domain.end(), item.scalar) == domain.end()) {
          return std::nullopt;
        }
        answer.values.push_back(item.scalar);
      }
      return answer;
    }
    return std::nullopt;
  }

  void load_tasks(const io::Node &node, std::ostream &err) {
    if (!node.is_seq()) {
      return;
    }
    for (const auto &item : node.items) {
      TaskAnswer task;
      if (const io::Node *ref = item.find("ref");
          ref != nullptr && ref->is_scalar() && m_fw.item_index(ref->scalar) >= 0) {
        task.ref = ref->scalar;
      } else if (item.find("name") != nullptr) {
        for (const auto &entry : item.entries) {
          const int index = m_fw.task_field_index(entry.key.scalar);
          if (index < 0) {
            continue;
          }
          if (auto answer = answer_from(m_fw.task_fields[static_cast<std::size_t>(index)], entry.value)) {
            task.attributes[entry.key.scalar] = *answer;
          }
        }
      } else {
        err << fmt::format("{}: ignored: a task needs a known \"ref\" or a \"name\"\n",
                           util::format_location(item.where));
        continue;
      }
      m_tasks.push_back(std::move(task));
    }
    m_tasks_answered = !m_tasks.empty();
  }

  bool answered(std::size_t step) const {
    const int index = m_steps[step];
    return index == k_tasks ? m_tasks_answered : m_fields[static_cast<std::size_t>(index)].answered;
  }

  void unanswer(std::size_t step) {
    const int index = m_steps[step];
    if (index == k_tasks) {
      m_tasks_answered = false;
    } else {
      m_fields[static_cast<std::size_t>(index)].answered = false;
    }
  }

  // The answers so far as a use case, to evaluate skip conditions (`ask_if`).
  core::UseCase partial_use_case() const {
    core::UseCase uc;
    uc.fields.resize(m_fw.fields.size());
    for (const auto &decl : m_fw.fields) {
      const Answer &answer = m_fields[static_cast<std::size_t>(decl.index)];
      core::FieldValue &value = uc.fields[static_cast<std::size_t>(decl.index)];
      if (!answer.answered || !answer.known) {
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

  // Whether step `step` no longer applies; sets the field's `if_skipped` value if so.
  bool skip(std::size_t step) {
    const int index = m_steps[step];
    if (index == k_tasks) {
      return false;
    }
    const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
    if (!decl.ask_if) {
      return false;
    }
    const core::UseCase uc = partial_use_case();
    if (core::evaluate(*decl.ask_if, uc).truth != core::Truth::no) {
      return false;
    }
    Answer &answer = m_fields[static_cast<std::size_t>(index)];
    answer = Answer{};
    if (decl.if_skipped >= 0) {
      answer.answered = true;
      answer.known = true;
      answer.values = {decl.domain.values[static_cast<std::size_t>(decl.if_skipped)]};
    }
    return true;
  }

  Outcome ask(std::size_t step) {
    const int index = m_steps[step];
    if (index == k_tasks) {
      return ask_tasks();
    }
    const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
    const std::size_t number = step + 1;
    return ask_field(
        decl, m_fields[static_cast<std::size_t>(index)],
        fmt::format("{} {}/{} · {}", t("Vraag", "Question"), number, m_steps.size(), decl.label.in(m_lang)));
  }

  // Asks one field; the answer goes to `answer`.
  Outcome ask_field(const FieldDecl &decl, Answer &answer, const std::string &heading) {
    const bool is_text = decl.type == FieldType::text;
    const bool multi = decl.type == FieldType::enum_list;
    const std::vector<std::string> &values = decl.domain.values;
    while (true) {
      say("");
      say(heading);
      say(decl.question.in(m_lang).empty() ? decl.label.in(m_lang) : decl.question.in(m_lang));
      if (!is_text) {
        for (std::size_t i = 0; i < values.size(); ++i) {
          say(fmt::format("  {:>2}) {}", i + 1, value_label(decl, values[i])));
        }
        if (!decl.required) {
          say(fmt::format("   0) {}", t("weet ik niet", "don't know")));
        }
        if (multi) {
          say(t("  Meerdere keuzes mogelijk: typ de nummers met spaties ertussen (bijvoorbeeld 1 3); geen "
                "van deze: typ -",
                "  Several choices possible: type the numbers with spaces (for example 1 3); none of these: "
                "type -"));
        }
      }
      if (answer.answered) {
        say(fmt::format("  [{}: {}]", t("nu", "now"), answer_text(decl, answer)));
      }
      const auto line = m_in.read("> ");
      if (!line) {
        return Outcome::stop;
      }
      const std::string input = util::trim(*line);
      if (input == "?") {
        say(decl.help.in(m_lang).empty() ? t("Geen uitleg bij deze vraag.", "No help for this question.")
                                         : decl.help.in(m_lang));
        continue;
      }
      if (input == "<") {
        return Outcome::back;
      }
      if (input.empty()) {
        if (answer.answered) {
          return Outcome::answered; // keep
        }
        if (decl.required) {
          say(t("Deze vraag is verplicht.", "This question needs an answer."));
          continue;
        }
        answer = Answer{true, false, {}, {}};
        say(fmt::format("  ({})", answer_text(decl, answer)));
        return Outcome::answered;
      }
      if (is_text) {
        if (input.size() > io::k_max_text_bytes) {
          say(fmt::format("{} {} bytes.",
                          t("Dat is te lang; het maximum is", "That is too long; the maximum is"),
                          io::k_max_text_bytes));
          continue;
        }
        answer = Answer{true, true, input, {}};
        return Outcome::answered;
      }
      if (input == "0" && !decl.required) {
        answer = Answer{true, false, {}, {}};
        return Outcome::answered;
      }
      if (multi && input == "-") {
        answer = Answer{true, true, {}, {}};
        return Outcome::answered;
      }
      std::vector<std::string> chosen;
      std::string problem;
      std::string token;
      std::string spaced = input;
      std::replace(spaced.begin(), spaced.end(), ',', ' ');
      std::istringstream words(spaced);
      while (words >> token) {
        std::size_t used = 0;
        int number = 0;
        try {
          number = std::stoi(token, &used);
        } catch (const std::exception &) {
          used = 0;
        }
        if (used != token.size() || number < 1 || number > static_cast<int>(values.size())) {
          problem = fmt::format("{} \"{}\"; {} 1-{}{}", t("Geen geldige keuze:", "Not a valid choice:"),
                                token, t("typ een nummer", "type a number"), values.size(),
                                t(", 0 voor 'weet ik niet', ? voor uitleg of < voor terug.",
                                  ", 0 for 'don't know', ? for help or < to go back."));
          break;
        }
        const std::string &value = values[static_cast<std::size_t>(number - 1)];
        if (std::find(chosen.begin(), chosen.end(), value) == chosen.end()) {
          chosen.push_back(value);
        }
      }
      if (problem.empty() && !multi && chosen.size() != 1) {
        problem = t("Kies één nummer.", "Choose one number.");
      }
      if (!problem.empty()) {
        say(problem);
        continue;
      }
      answer = Answer{true, true, {}, chosen};
      return Outcome::answered;
    }
  }

  std::string task_name(const TaskAnswer &task) const {
    if (!task.ref.empty()) {
      const auto &item = m_fw.items[static_cast<std::size_t>(m_fw.item_index(task.ref))];
      return fmt::format("{} ({})", item.label.in(m_lang),
                         m_fw.pillars[static_cast<std::size_t>(item.pillar)].label.in(m_lang));
    }
    const auto it = task.attributes.find("name");
    return fmt::format("{} ({})", it != task.attributes.end() ? it->second.text : std::string("?"),
                       t("eigen taak", "own task"));
  }

  Outcome ask_tasks() {
    while (true) {
      say("");
      say(fmt::format("{} {}/{} · {}", t("Vraag", "Question"), m_tasks_step + 1, m_steps.size(),
                      t("Taken en handelingen", "Tasks and actions")));
      say(t("Welke taken en handelingen raakt de toepassing? Kies ze per pijler van het BOB-model, of "
            "beschrijf een eigen taak.",
            "Which tasks and actions does the application touch? Choose them per pillar of the BOB model, or "
            "describe your own task."));
      if (m_tasks.empty()) {
        say(t("  Nog geen taken gekozen.", "  No tasks chosen yet."));
      } else {
        say(t("  Gekozen:", "  Chosen:"));
        for (std::size_t i = 0; i < m_tasks.size(); ++i) {
          say(fmt::format("    {}. {}", i + 1, task_name(m_tasks[i])));
        }
      }
      for (std::size_t p = 0; p < m_fw.pillars.size(); ++p) {
        say(fmt::format("  {:>2}) {}", p + 1, m_fw.pillars[p].label.in(m_lang)));
      }
      say(t("   e) een eigen taak beschrijven", "   c) describe your own task"));
      if (!m_tasks.empty()) {
        say(t("   w) een gekozen taak weghalen", "   r) remove a chosen task"));
        say(t("   k) klaar met taken", "   d) done with tasks"));
      }
      const auto line = m_in.read("> ");
      if (!line) {
        return Outcome::stop;
      }
      const std::string input = lower(util::trim(*line));
      if (input == "<") {
        return Outcome::back;
      }
      if (input == "?") {
        say(t(
            "Het BOB-model deelt het werk van de arbeidsdeskundige in: Beeldvorming (informatie verzamelen), "
            "Oordeelsvorming (afwegen), Besluitvorming (advies en rapport) en Deskundigheidsbevordering. "
            "Een taak is resultaatgericht, een handeling concreet en waarneembaar.",
            "The BOB model divides the labour expert's work into Beeldvorming (gathering information), "
            "Oordeelsvorming (weighing), Besluitvorming (advice and report) and Deskundigheidsbevordering "
            "(professional development). A task aims at a result, an action is concrete and observable."));
        continue;
      }
      if ((input == "k" || input == "d" || input.empty()) && !m_tasks.empty()) {
        m_tasks_answered = true;
        return Outcome::answered;
      }
      if (input.empty() || input == "k" || input == "d") {
        say(t("Kies ten minste één taak of handeling.", "Choose at least one task or action."));
        continue;
      }
      if (input == "e" || input == "c") {
        TaskAnswer task;
        const Outcome outcome = ask_custom_task(task);
        if (outcome == Outcome::stop) {
          return outcome;
        }
        if (outcome == Outcome::answered) {
          m_tasks.push_back(std::move(task));
        }
        continue;
      }
      if ((input == "w" || input == "r") && !m_tasks.empty()) {
        const auto which = m_in.read(t("Welk nummer weghalen? ", "Which number to remove? "));
        if (!which) {
          return Outcome::stop;
        }
        const std::string number = util::trim(*which);
        const int n = number.size() <= 3 && !number.empty() &&
                              number.find_first_not_of("0123456789") == std::string::npos
                          ? std::stoi(number)
                          : 0;
        if (n >= 1 && n <= static_cast<int>(m_tasks.size())) {
          m_tasks.erase(m_tasks.begin() + (n - 1));
        } else {
          say(t("Geen geldig nummer.", "Not a valid number."));
        }
        continue;
      }
      const int pillar = input.size() <= 2 && input.find_first_not_of("0123456789") == std::string::npos
                             ? std::stoi(input)
                             : 0;
      if (pillar < 1 || pillar > static_cast<int>(m_fw.pillars.size())) {
        say(fmt::format("{} \"{}\"; {}", t("Geen geldige keuze:", "Not a valid choice:"), input,
                        t("typ het nummer van een pijler, e, w, k, ? of <.",
                          "type the number of a pillar, c, r, d, ? or <.")));
        continue;
      }
      if (const Outcome outcome = pick_items(pillar - 1); outcome == Outcome::stop) {
        return outcome;
      }
    }
  }

  Outcome pick_items(int pillar) {
    std::vector<int> items;
    for (std::size_t i = 0; i < m_fw.items.size(); ++i) {
      if (m_fw.items[i].pillar == pillar) {
        items.push_back(static_cast<int>(i));
      }
    }
    while (true) {
      say("");
      say(m_fw.pillars[static_cast<std::size_t>(pillar)].label.in(m_lang));
      for (std::size_t i = 0; i < items.size(); ++i) {
        const auto &item = m_fw.items[static_cast<std::size_t>(items[i])];
        say(fmt::format("  {:>2}) {} [{}]", i + 1, item.label.in(m_lang),
                        item.is_action ? t("handeling", "action") : t("taak", "task")));
      }
      say(t("  Kies één of meer nummers (bijvoorbeeld 1 3); ? + nummer = uitleg (bijvoorbeeld ?2); Enter of "
            "< = terug.",
            "  Choose one or more numbers (for example 1 3); ? + number = explanation (for example ?2); "
            "Enter or < = back."));
      const auto line = m_in.read("> ");
      if (!line) {
        return Outcome::stop;
      }
      std::string input = util::trim(*line);
      if (input.empty() || input == "<") {
        return Outcome::answered;
      }
      if (input.starts_with('?')) {
        const std::string number = util::trim(input.substr(1));
        const int n = !number.empty() && number.size() <= 2 &&
                              number.find_first_not_of("0123456789") == std::string::npos
                          ? std::stoi(number)
                          : 0;
        if (n >= 1 && n <= static_cast<int>(items.size())) {
          say(m_fw.items[static_cast<std::size_t>(items[static_cast<std::size_t>(n - 1)])].description.in(
              m_lang));
        } else {
          say(t("Typ ? met het nummer van een taak, bijvoorbeeld ?2.",
                "Type ? with the number of a task, for example ?2."));
        }
        continue;
      }
      std::replace(input.begin(), input.end(), ',', ' ');
      std::istringstream words(input);
      std::string token;
      std::vector<int> chosen;
      bool ok = true;
      while (words >> token) {
        const int n = token.size() <= 2 && token.find_first_not_of("0123456789") == std::string::npos
                          ? std::stoi(token)
                          : 0;
        if (n < 1 || n > static_cast<int>(items.size())) {
          say(fmt::format("{} \"{}\"; {} 1-{}.", t("Geen geldige keuze:", "Not a valid choice:"), token,
                          t("typ nummers van", "type numbers from"), items.size()));
          ok = false;
          break;
        }
        chosen.push_back(items[static_cast<std::size_t>(n - 1)]);
      }
      if (!ok) {
        continue;
      }
      for (const int item : chosen) {
        const std::string &ref = m_fw.items[static_cast<std::size_t>(item)].id;
        if (std::none_of(m_tasks.begin(), m_tasks.end(),
                         [&](const TaskAnswer &task) { return task.ref == ref; })) {
          if (m_tasks.size() >= io::k_max_tasks) {
            say(t("Het maximum aantal taken is bereikt.", "The maximum number of tasks is reached."));
            break;
          }
          m_tasks.push_back(TaskAnswer{ref, {}});
        }
      }
      return Outcome::answered;
    }
  }

  // The attributes of a custom task, one question each; `<` goes back one attribute, or
  // cancels the task at the first.
  Outcome ask_custom_task(TaskAnswer &task) {
    std::vector<const FieldDecl *> asked;
    for (const auto &decl : m_fw.task_fields) {
      if (decl.asked && !decl.derived && decl.path != "ref") {
        asked.push_back(&decl);
      }
    }
    std::size_t i = 0;
    while (i < asked.size()) {
      const FieldDecl &decl = *asked[i];
      Answer &answer = task.attributes[decl.path];
      FieldDecl shown = decl;
      shown.required = decl.path == "name";
      if (shown.domain.values.empty() && decl.values_from == "skills") {
        for (const auto &skill : m_fw.skills) {
          shown.domain.values.push_back(skill.id);
        }
      }
      const Outcome outcome = ask_field(shown, answer,
                                        fmt::format("{} · {} {}/{}", t("Eigen taak", "Own task"),
                                                    decl.label.in(m_lang), i + 1, asked.size()));
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

  // Shows every answer; the user confirms, or picks one to change.
  bool summary(std::vector<std::size_t> &history) {
    while (true) {
      say("");
      say(t("Samenvatting", "Summary"));
      std::vector<std::size_t> shown;
      for (std::size_t step = 0; step < m_steps.size(); ++step) {
        const int index = m_steps[step];
        std::string text;
        std::string label;
        if (index == k_tasks) {
          label = t("Taken en handelingen", "Tasks and actions");
          for (const auto &task : m_tasks) {
            text += (text.empty() ? "" : "; ") + task_name(task);
          }
        } else {
          const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
          const Answer &answer = m_fields[static_cast<std::size_t>(index)];
          if (!answer.answered) {
            continue; // skipped
          }
          label = decl.label.in(m_lang);
          text = answer_text(decl, answer);
        }
        shown.push_back(step);
        say(fmt::format("  {:>2}. {}: {}", shown.size(), label, text));
      }
      const auto line =
          m_in.read(t("Klopt dit? j = opslaan en rapport tonen, nummer = antwoord wijzigen, < = terug: ",
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
        say(t("Typ j, een nummer uit de lijst of <.", "Type y, a number from the list, or <."));
        continue;
      }
      if (ask(*step) == Outcome::stop) {
        return false;
      }
      // a changed answer may make later questions apply or not apply
      for (std::size_t later = 0; later < m_steps.size(); ++later) {
        if (!answered(later) && !skip(later)) {
          if (ask(later) == Outcome::stop) {
            return false;
          }
        }
      }
    }
  }

  const core::Framework &m_fw;
  report::Language m_language;
  std::string m_lang;
  std::ostream &m_out;
  LineInput &m_in;
  std::vector<Answer> m_fields;
  std::vector<TaskAnswer> m_tasks;
  bool m_tasks_answered = false;
  std::vector<int> m_steps; // field index, or k_tasks
  int m_tasks_step = -1;
};

struct InterviewOptions {
  std::string output;
  std::string resume;
  std::string framework;
  ReportChoice report;
};

std::string free_name(const std::string &base) {
  std::string name = base + ".yaml";
  for (int n = 2; fs::exists(name); ++n) {
    name = fmt::format("{}-{}.yaml", base, n);
  }
  return name;
}

int run_interview(const InterviewOptions &options, std::ostream &out, std::ostream &err) {
  const report::RenderOptions render = resolve_report_options(options.report, stdout_is_terminal());
  const core::Framework framework = io::load_framework_for(options.framework);
  const bool terminal = isatty(STDIN_FILENO) == 1 && stdout_is_terminal();
  LineInput input(terminal, out);
  Interview interview(framework, render.language, out, input);
  if (!options.resume.empty()) {
    auto text = util::read_text_file(options.resume, io::k_max_use_case_bytes);
    if (!text) {
      throw util::Error(text.error());
    }
    auto tree = io::parse_document(*text, options.resume);
    if (!tree) {
      throw util::Error(tree.error());
    }
    interview.load(*tree, err);
  }
  const StopGuard guard;
  const bool done = interview.run();
  std::string draft_path = options.resume;
  if (draft_path.empty()) {
    draft_path = options.output.empty() ? std::string("interview.draft.yaml")
                                        : (fs::path(options.output).parent_path() /
                                           (fs::path(options.output).stem().string() + ".draft.yaml"))
                                              .string();
  }
  if (!done) {
    util::write_file_atomically(draft_path, interview.yaml(true, render.date));
    out << '\n';
    err << fmt::format(
        "kansrijk: {} {}; {}: kansrijk interview --resume {}\n",
        render.language == report::Language::nl ? "gestopt; concept bewaard in" : "stopped; draft saved in",
        draft_path, render.language == report::Language::nl ? "ga verder met" : "continue with", draft_path);
    return 130;
  }
  std::string output = options.output;
  if (output.empty()) {
    if (!options.resume.empty() && options.resume.ends_with(".draft.yaml")) {
      output = options.resume.substr(0, options.resume.size() - std::string(".draft.yaml").size()) + ".yaml";
    } else {
      output = free_name(interview.id());
    }
  }
  const std::string yaml = interview.yaml(false, render.date);
  const core::UseCase use_case = io::parse_use_case(yaml, output, framework, interview.id());
  util::write_file_atomically(output, yaml);
  if (!options.resume.empty() && options.resume != output && options.resume.ends_with(".draft.yaml")) {
    fs::remove(options.resume);
  }
  err << fmt::format(
      "kansrijk: {} {}\n",
      render.language == report::Language::nl ? "toepassing opgeslagen in" : "use case saved in", output);
  out << '\n' << report::render(core::assess(framework, use_case), report::Format::text, render);
  return k_exit_ok;
}

} // namespace

void add_interview(CommandLine &app, Action &action) {
  auto options = std::make_shared<InterviewOptions>();
  Command *sub = app.add_subcommand(
      "interview",
      "Describe an AI use case by answering questions; writes the use-case file and prints the report.");
  sub->add_option("-o,--output", options->output,
                  "Use-case file to write (default: made from the title, never overwriting)")
      ->value_kind(ValueKind::file);
  sub->add_option("--resume", options->resume, "Continue from a draft (or change a use-case file)")
      ->value_kind(ValueKind::file);
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->add_option("--lang", options->report.language, "Language of the questions and the report")
      ->choices({"nl", "en"})
      ->capture_default_str();
  sub->add_option("--color", options->report.color, "Colour in the report: auto, always, never")
      ->choices({"auto", "always", "never"});
  sub->add_option("--date", options->report.date,
                  "Date of the report, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH's day, else today)")
      ->value_kind(ValueKind::date);
  sub->callback([options, &action] {
    action = [options](std::ostream &out, std::ostream &err) { return run_interview(*options, out, err); };
  });
}

} // namespace kansrijk::cli
