// The top-level command line: subcommands, help and version, the only catch of util::Error,
// and the final check that standard output was written.
#include <filesystem>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/command_line.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <memory>
#include <ostream>
#include <system_error>
#include <vector>

namespace kansrijk::cli {

namespace {

// Where the help sends a reader: the guides installed next to the binary
// (PREFIX/share/doc/kansrijk, as the Debian package and `cmake --install` lay them out), else
// the source tree the binary was built in.
std::string documentation_place() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto docs = exe.parent_path().parent_path() / "share" / "doc" / "kansrijk";
    if (std::filesystem::is_directory(docs, ec)) {
      return "`man kansrijk` and " + docs.lexically_normal().string();
    }
  }
  return "`man kansrijk`, or README.md and docs/ in the source tree";
}

// `kansrijk help [SUBCOMMAND]` and `kansrijk version`, as real subcommands so that the help,
// the man page and the completions list them.
void add_help_and_version(CommandLine &app, Action &action) {
  auto subcommand = std::make_shared<std::string>();
  std::vector<std::string> names = app.subcommand_names();
  names.insert(names.end(), {"help", "version"});
  Command *help = app.add_subcommand("help", "Show the help of kansrijk, or of one subcommand.");
  help->add_option("SUBCOMMAND", *subcommand, "The subcommand to explain")->choices(names);
  help->callback([subcommand, &app, &action] {
    action = [subcommand, &app](std::istream &, std::ostream &out, std::ostream &) {
      out << app.help(*subcommand);
      return k_exit_ok;
    };
  });
  Command *version = app.add_subcommand("version", "Print the version (as -v and --version do).");
  version->callback([&app, &action] {
    action = [&app](std::istream &, std::ostream &out, std::ostream &) {
      out << app.version() << '\n';
      return k_exit_ok;
    };
  });
}

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
  CommandLine app(program_description(), program_version(),
                  "Exit codes: 0 ok, 1 findings (failed golden cases, validation problems), 2 usage, input\n"
                  "or output error, 3 batch: some cases could not be assessed, 130 (143) stopped by\n"
                  "Ctrl-C (SIGTERM).\n"
                  "Run `kansrijk help SUBCOMMAND` for the options of one subcommand.\n"
                  "Documentation: " +
                      documentation_place() + ".");
  Action action;
  declare_command_line(app, action);
  switch (app.parse(args, out, err)) {
  case Parsed::done:
    return k_exit_ok;
  case Parsed::usage_error:
    return k_exit_usage;
  case Parsed::run:
    break;
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

OptionCheck output_name() {
  return [](const std::string &name) {
    return name.empty() ? std::string("an empty name; give a file name, or - for standard output")
                        : std::string();
  };
}

void declare_command_line(CommandLine &app, Action &action) {
  add_assess(app, action);
  add_compare(app, action);
  add_batch(app, action);
  add_interview(app, action);
  add_validate(app, action);
  add_validate_case(app, action);
  add_schema(app, action);
  add_template(app, action);
  add_graph(app, action);
  add_diff(app, action);
  add_test(app, action);
  add_framework(app, action);
  add_help_and_version(app, action);
}

std::string program_description() {
  return "kansrijk: assess whether an AI application is a good idea for a piece of the work of "
         "arbeidsdeskundigen (labour experts), after TNO's weighing framework.";
}

std::string program_version() { return std::string("kansrijk ") + KANSRIJK_VERSION; }

int run_cli(std::span<const std::string> args, std::istream &in, std::ostream &out, std::ostream &err) {
  return finish(run(args, in, out, err), out, err);
}

} // namespace kansrijk::cli
