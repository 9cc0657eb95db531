// `kansrijk interview`: a guided assessment in the terminal. This file runs a session: it
// reads a draft to continue, saves the answers after every change, restores the terminal and
// keeps the answers on every way out (done, Ctrl-C, Ctrl-D, SIGTERM, an error), writes the
// use-case file and the report in any format. The questions come from the framework
// (interview_flow.cpp, question.cpp, task_picker.cpp); the files from interview_files.cpp.
#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/conversation.hpp>
#include <kansrijk/cli/interview_files.hpp>
#include <kansrijk/cli/interview_flow.hpp>
#include <kansrijk/cli/line_input.hpp>
#include <kansrijk/cli/report_options.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/answers.hpp>
#include <kansrijk/io/draft.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/tree.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <memory>
#include <ostream>
#include <unistd.h>

namespace kansrijk::cli {

namespace {

struct InterviewOptions {
  std::string output = "-"; // the report (-o), or "-" for stdout
  std::string case_file;    // the use-case file (--case), or a name from the title
  std::string resume;
  std::string framework;
  std::string order; // --order: decisive or framework; empty: $KANSRIJK_INTERVIEW_ORDER, else decisive
  ReportChoice report;
};

// What the session says on stderr, in its language.
class Messages {
public:
  Messages(report::Language language, std::ostream &err)
      : m_nl(language == report::Language::nl), m_err(err) {}
  void say(std::string_view nl, std::string_view en, const std::string &detail = {}) {
    m_err << "kansrijk: " << (m_nl ? nl : en) << util::safe_terminal(detail) << '\n';
  }
  std::string t(std::string_view nl, std::string_view en) const { return std::string(m_nl ? nl : en); }

private:
  bool m_nl;
  std::ostream &m_err;
};

bool anything_answered(const io::Answers &answers) {
  return !answers.tasks.empty() || std::any_of(answers.fields.begin(), answers.fields.end(),
                                               [](const io::Answer &a) { return a.answered(); });
}

// The title as a file name, or empty when there is no title yet.
std::string title_slug(const core::Framework &framework, const io::Answers &answers) {
  const int title = framework.field_with(core::FieldRole::title);
  return title >= 0 && answers.fields[static_cast<std::size_t>(title)].known()
             ? slug(answers.fields[static_cast<std::size_t>(title)].text)
             : std::string();
}

// `answers` with the fields the interview fills itself: an `id` the framework declares but
// does not ask is made from the title.
io::Answers completed(const core::Framework &framework, io::Answers answers) {
  const int id = framework.field_with(core::FieldRole::id);
  const std::string from_title = title_slug(framework, answers);
  if (id >= 0 && !framework.fields[static_cast<std::size_t>(id)].asked &&
      !answers.fields[static_cast<std::size_t>(id)].known() && !from_title.empty()) {
    answers.fields[static_cast<std::size_t>(id)] = io::Answer{io::Answer::State::known, from_title, {}};
  }
  return answers;
}

// The answers in the file `path` (a draft or a use case), read leniently; what is left out
// is reported on `err`.
io::Answers answers_from(const core::Framework &framework, const std::string &path, std::ostream &err) {
  auto text = util::read_text_file(path, io::k_max_use_case_bytes);
  if (!text) {
    throw util::Error(text.error());
  }
  auto tree = io::parse_document(*text, path, io::use_case_parse_limits());
  if (!tree) {
    throw util::Error(tree.error());
  }
  std::vector<util::Diagnostic> ignored;
  io::Answers answers = io::read_answers(framework, *tree, ignored);
  for (const auto &d : ignored) {
    err << util::safe_terminal(util::format_location(d.where))
        << ": ignored: " << util::safe_terminal(d.message) << '\n';
  }
  answers.fields.resize(framework.fields.size());
  return answers;
}

// The order of the questions: --order, else $KANSRIJK_INTERVIEW_ORDER, else decisive.
std::string interview_order(const InterviewOptions &options) {
  if (!options.order.empty()) {
    return options.order;
  }
  const char *env = std::getenv("KANSRIJK_INTERVIEW_ORDER");
  if (env != nullptr && *env != '\0') {
    if (std::string_view(env) != "decisive" && std::string_view(env) != "framework") {
      throw util::Error(
          util::Diagnostic{{"KANSRIJK_INTERVIEW_ORDER"},
                           fmt::format("'{}' is not an order of the questions; use decisive or framework",
                                       util::safe_terminal(env))});
    }
    return env;
  }
  return "decisive";
}

int run_interview(const InterviewOptions &options, std::ostream &out, std::ostream &err) {
  const report::Format format = *report::format_from_name(options.report.format);
  const bool report_to_stdout = options.output == util::k_standard_output;
  report::RenderOptions render =
      resolve_report_options(options.report, report_to_stdout && stdout_is_terminal());
  // The report may not land on a file the session reads: the framework, the draft resumed,
  // or the use-case file it writes.
  util::check_output_target("-o", options.output);
  const std::string framework_folder = io::framework_folder_for(options.framework);
  std::vector<std::string> inputs = io::framework_file_paths(framework_folder);
  inputs.push_back(options.resume);
  inputs.push_back(options.case_file);
  util::refuse_output_over_inputs("-o", options.output, inputs);
  util::RunFiles run_files; // the use case and the report never share a file
  run_files.claim("--case", options.case_file == options.resume ? std::string() : options.case_file);
  run_files.claim("-o", options.output);
  const core::Framework framework = io::load_framework_for(options.framework);
  // The session speaks the framework's language: its first, or --lang when it declares it (an
  // English-only framework gets an English interview; --lang en on a Dutch-only one is refused,
  // as assess refuses it).
  render.language = report::language_for(framework, options.report.language);
  Messages messages(render.language, err);
  // Following the printed command resumes under the same framework, not the built-in one.
  const std::string resume_command = io::resume_command(framework_folder);
  InterviewFiles files(options.case_file, options.resume);
  io::Answers answers;
  if (!options.resume.empty()) {
    answers = answers_from(framework, options.resume, err);
  }
  answers.fields.resize(framework.fields.size());

  // Questions wrap at the terminal's width (or --width); a scripted session is not wrapped.
  const bool terminal = isatty(STDIN_FILENO) == 1 && stdout_is_terminal();
  const std::size_t width = options.report.width != 0 ? static_cast<std::size_t>(options.report.width)
                            : stdout_is_terminal()
                                ? static_cast<std::size_t>(resolve_report_options(options.report, true).width)
                                : 0;
  const util::InterruptGuard stop(util::StdinOnStop::end);
  LineInput input(terminal ? LineInput::Mode::terminal : LineInput::Mode::plain, out);
  Conversation talk(out, input, render.language, width);
  const std::string draft_header = messages.t("Concept van kansrijk interview; ga verder met: ",
                                              "Draft of kansrijk interview; continue with: ") +
                                   resume_command + messages.t("<dit bestand>", "<this file>");
  const auto save_draft = [&](const io::Answers &now) {
    files.save_draft(io::write_answers(framework, completed(framework, now), draft_header,
                                       framework.interview_tasks.after),
                     title_slug(framework, now));
    if (const auto warning = files.take_warning()) {
      messages.say("let op: ", "warning: ", *warning);
    }
  };
  // Where the answers are, said on every way out that did not finish.
  const auto report_draft = [&] {
    if (!files.unsaved().empty()) {
      messages.say("het concept kon nergens worden bewaard; hier is het:",
                   "the draft could not be saved anywhere; here it is:");
      err << util::safe_terminal_lines(files.unsaved());
    } else if (!files.draft().empty()) {
      messages.say("concept bewaard in ", "draft saved in ",
                   fmt::format("{}; {}: {}{}", files.draft(), messages.t("ga verder met", "continue with"),
                               resume_command, io::shell_word(files.draft())));
    }
  };

  // After the tasks: the decisive questions first, recomputed after every answer (the range
  // and ranked questions of the answers so far, without the what-if search).
  // The answers as the use case the saved file would hold.
  const auto use_case_of = [&](const io::Answers &given) {
    const std::string yaml = io::write_answers(framework, given, {}, framework.interview_tasks.after);
    return io::parse_use_case(yaml, "interview", framework, "interview");
  };
  const auto judge = [&](const io::Answers &now) -> std::optional<OpenQuestions> {
    try {
      const core::UseCase use_case = use_case_of(completed(framework, now));
      core::AssessOptions assess_options = core::waited_for();
      assess_options.what_if = false;
      assess_options.score_range = false; // the order needs the verdicts, not the score range
      const core::Assessment assessment = core::assess(framework, use_case, assess_options);
      OpenQuestions open;
      for (const bool decisive : {true, false}) {
        for (const auto &question : assessment.questions) {
          if (question.can_change == decisive && !question.ref.task_field &&
              std::find(open.fields.begin(), open.fields.end(), question.ref.field) == open.fields.end()) {
            open.fields.push_back(question.ref.field);
          }
        }
        open.decisive = decisive ? open.fields.size() : open.decisive;
      }
      for (const auto &condition : assessment.conditions) {
        if (condition.status != core::ConditionStatus::in_place || condition.stated) {
          open.conditions.push_back(framework.conditions[static_cast<std::size_t>(condition.advice)].id);
        }
      }
      const core::VerdictRange &range = assessment.range;
      // Stating the offered conditions as arranged (the last question) can still resolve flags:
      // settled only when doing so would leave the verdict as it is.
      const auto unchanged_by_stating = [&] {
        if (framework.in_place_field < 0 || open.conditions.empty()) {
          return true;
        }
        io::Answers stated = completed(framework, now);
        stated.fields[static_cast<std::size_t>(framework.in_place_field)] =
            io::Answer{io::Answer::State::known, {}, open.conditions};
        const core::VerdictRange other = core::assess(framework, use_case_of(stated), assess_options).range;
        return other.computed && other.exact && other.best == range.best && other.worst == range.worst;
      };
      if (range.computed && range.exact && range.best == range.worst && unchanged_by_stating()) {
        open.settled = range.best;
      }
      return open;
    } catch (const util::Error &) {
      return std::nullopt; // not enough to assess yet (no title, say): declaration order
    }
  };
  InterviewFlow flow(framework, talk, std::move(answers), save_draft,
                     interview_order(options) == "framework" ? InterviewFlow::Judge{}
                                                             : InterviewFlow::Judge{judge});
  bool done = false;
  try {
    done = flow.run();
  } catch (...) {
    input.restore_terminal();
    out << std::flush;
    if (anything_answered(flow.answers())) {
      save_draft(flow.answers());
      report_draft();
    }
    throw;
  }
  input.restore_terminal();

  if (!done) {
    out << '\n';
    if (!anything_answered(flow.answers())) {
      messages.say("gestopt; er was nog niets beantwoord, dus er is niets bewaard",
                   "stopped; nothing was answered yet, so nothing was saved");
    } else {
      save_draft(flow.answers());
      messages.say("gestopt", "stopped");
      report_draft();
    }
    if (input.overlong()) {
      messages.say("een regel van meer dan 64 KiB is geen antwoord; de invoer is gestopt",
                   "a line of more than 64 KiB is not an answer; the input was stopped");
      return k_exit_usage;
    }
    return util::interrupt_requested() ? util::InterruptGuard::exit_code() : 130;
  }

  const io::Answers final_answers = completed(framework, flow.answers());
  const std::string yaml = io::write_answers(
      framework, final_answers,
      fmt::format("{} {}", messages.t("Gemaakt met kansrijk interview op", "Made with kansrijk interview on"),
                  render.date),
      framework.interview_tasks.after);
  std::string path;
  try {
    path = files.write_case(yaml, title_slug(framework, final_answers), options.output);
  } catch (const util::Error &) {
    save_draft(flow.answers());
    report_draft();
    throw;
  }
  messages.say("toepassing opgeslagen in ", "use case saved in ", path);
  core::UseCase use_case;
  try {
    use_case = io::parse_use_case(yaml, path, framework, title_slug(framework, final_answers));
  } catch (const util::Error &e) {
    // The answers are on disk; what the framework does not accept is said, not lost.
    print_diagnostics(e, err);
    messages.say("de antwoorden staan in ", "the answers are in ",
                 fmt::format("{}; {} kansrijk assess {}", path,
                             messages.t("verbeter het bestand en beoordeel het met",
                                        "correct the file and assess it with"),
                             path));
    return k_exit_usage;
  }
  const std::string rendered =
      report::render(core::assess(framework, use_case, core::waited_for()), format, render);
  if (report_to_stdout) {
    util::write_stream(out, "\n" + rendered);
  } else {
    util::write_file_atomically(options.output, rendered);
    messages.say("rapport geschreven in ", "report written to ", options.output);
  }
  return k_exit_ok;
}

} // namespace

void add_interview(CommandLine &app, Action &action) {
  auto options = std::make_shared<InterviewOptions>();
  Command *sub = app.add_subcommand(
      "interview",
      "Describe an AI use case by answering questions; saves the use case and prints the report.");
  sub->add_option("--case", options->case_file,
                  "Use-case file to write (default: named after the title); never written over")
      ->check([](const std::string &name) {
        return name.empty() || name == util::k_standard_output
                   ? std::string("the answers are kept in a file; give a file name (the report goes to "
                                 "standard output, or to -o)")
                   : std::string();
      })
      ->value_kind(ValueKind::file);
  sub->add_option("-o,--output", options->output,
                  "Write the report to this file (atomically), or - for stdout (the default)")
      ->check(output_name())
      ->value_kind(ValueKind::file);
  sub->add_option("--resume", options->resume,
                  "Continue from a draft (or change a use-case file, saved under a new name)")
      ->value_kind(ValueKind::file);
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->add_option("--order", options->order,
                  "Order of the questions after the tasks: decisive (those that can change the verdict "
                  "first, the default; or set $KANSRIJK_INTERVIEW_ORDER) or framework (as the framework "
                  "declares them)")
      ->choices({"decisive", "framework"});
  add_report_options(sub, options->report, "Language of the questions and the report");
  sub->callback([options, &action] {
    action = [options](std::istream &, std::ostream &out, std::ostream &err) {
      return run_interview(*options, out, err);
    };
  });
}

} // namespace kansrijk::cli
