// The top-level command line: subcommands, help and version, and the only catch of
// util::Error.
#include <filesystem>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/command_line.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/text.hpp>
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
    action = [subcommand, &app](std::ostream &out, std::ostream &) {
      out << app.help(*subcommand);
      return k_exit_ok;
    };
  });
  Command *version = app.add_subcommand("version", "Print the version (as -v and --version do).");
  version->callback([&app, &action] {
    action = [&app](std::ostream &out, std::ostream &) {
      out << app.version() << '\n';
      return k_exit_ok;
    };
  });
}

} // namespace

void print_diagnostics(const std::exception &error, std::ostream &err) {
  if (const auto *located = dynamic_cast<const util::Error *>(&error)) {
    for (const auto &d : located->diagnostics()) {
      const std::string place = util::format_location(d.where);
      err << (place.empty() ? std::string("kansrijk") : place) << ": error: " << d.message << '\n';
    }
    return;
  }
  err << "kansrijk: error: " << error.what() << '\n';
}

void declare_command_line(CommandLine &app, Action &action) {
  add_assess(app, action);
  add_batch(app, action);
  add_interview(app, action);
  add_validate(app, action);
  add_validate_case(app, action);
  add_schema(app, action);
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

int run_cli(std::span<const std::string> args, std::ostream &out, std::ostream &err) {
  CommandLine app(program_description(), program_version(),
                  "Exit codes: 0 ok, 1 findings (failed golden cases), 2 usage or input error,\n"
                  "3 batch: some cases could not be assessed, 130 interrupted.\n"
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
    return action ? action(out, err) : k_exit_usage;
  } catch (const util::Error &e) {
    print_diagnostics(e, err);
    return k_exit_usage;
  } catch (const std::exception &e) {
    err << "kansrijk: error: " << e.what() << '\n';
    return k_exit_usage;
  }
}

} // namespace kansrijk::cli
