// The top-level parser: subcommands, --version, the only catch of util::Error, and the
// final check that standard output was written.
#include <algorithm>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <ostream>
#include <vector>

namespace kansrijk::cli {

std::string diagnostic_line(const util::Diagnostic &d, std::string_view fallback) {
  const std::string place = util::format_location(d.where);
  return util::safe_terminal(place.empty() ? fallback : place) +
         ": error: " + util::safe_terminal(d.message) + "\n";
}

void print_diagnostics(const std::exception &error, std::ostream &err) {
  if (const auto *located = dynamic_cast<const util::Error *>(&error)) {
    for (const auto &d : located->diagnostics()) {
      err << diagnostic_line(d);
    }
    return;
  }
  err << "kansrijk: error: " << util::safe_terminal(error.what()) << '\n';
}

CLI::Validator output_name() {
  return CLI::Validator(
      [](std::string &name) {
        return name.empty() ? std::string("an empty name; give a file name, or - for standard output")
                            : std::string();
      },
      "FILE|-");
}

namespace {

// `code`, unless what was written to `out` did not all arrive: then the error, exit code 2
// (unless the run already failed with 2, whose message said why).
int finish(int code, std::ostream &out, std::ostream &err) {
  if (code == k_exit_usage) {
    return code;
  }
  try {
    util::flush_stream(out);
  } catch (const util::Error &e) {
    print_diagnostics(e, err);
    return k_exit_usage;
  }
  return code;
}

int run(std::span<const std::string> args, std::istream &in, std::ostream &out, std::ostream &err) {
  CLI::App app{"kansrijk: assess whether an AI application is a good idea for a piece of the work of "
               "arbeidsdeskundigen (labour experts), after TNO's weighing framework."};
  app.name("kansrijk");
  app.set_version_flag("--version", std::string("kansrijk ") + KANSRIJK_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 findings (failed golden cases, validation problems), 2 usage, input\n"
             "or output error, 3 batch: some cases could not be assessed, 130 (143) stopped by\n"
             "Ctrl-C (SIGTERM). Documentation: README.md and docs/ in the source tree.");
  Action action;
  add_assess(app, action);
  add_compare(app, action);
  add_batch(app, action);
  add_interview(app, action);
  add_validate(app, action);
  add_validate_case(app, action);
  add_schema(app, action);
  add_graph(app, action);
  add_diff(app, action);
  add_test(app, action);
  add_framework(app, action);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError &e) {
    if (e.get_exit_code() == 0) {
      app.exit(e, out, err);
      return k_exit_ok;
    }
    err << "kansrijk: error: " << util::safe_terminal(e.what()) << "\nRun `kansrijk --help` for usage.\n";
    return k_exit_usage;
  }
  try {
    return action ? action(in, out, err) : k_exit_usage;
  } catch (const util::Error &e) {
    print_diagnostics(e, err);
    return k_exit_usage;
  } catch (const std::exception &e) {
    err << "kansrijk: error: " << util::safe_terminal(e.what()) << '\n';
    return k_exit_usage;
  }
}

} // namespace

int run_cli(std::span<const std::string> args, std::istream &in, std::ostream &out, std::ostream &err) {
  return finish(run(args, in, out, err), out, err);
}

} // namespace kansrijk::cli
