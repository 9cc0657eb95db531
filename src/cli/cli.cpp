// The top-level parser: subcommands, --version, and the only catch of util::Error.
#include <algorithm>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <ostream>
#include <vector>

namespace kansrijk::cli {

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

int run_cli(std::span<const std::string> args, std::ostream &out, std::ostream &err) {
  CLI::App app{"kansrijk: assess whether an AI application is a good idea for a piece of the work of "
               "arbeidsdeskundigen (labour experts), after TNO's weighing framework."};
  app.name("kansrijk");
  app.set_version_flag("--version", std::string("kansrijk ") + KANSRIJK_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 findings (failed golden cases), 2 usage or input error,\n"
             "3 batch: some cases could not be assessed, 130 interrupted.\n"
             "Documentation: README.md and docs/ in the source tree.");
  Action action;
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
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError &e) {
    if (e.get_exit_code() == 0) {
      app.exit(e, out, err);
      return k_exit_ok;
    }
    err << "kansrijk: error: " << e.what() << "\nRun `kansrijk --help` for usage.\n";
    return k_exit_usage;
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
