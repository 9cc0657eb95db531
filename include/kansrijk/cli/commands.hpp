// One function pair per subcommand: `add_*` declares its options on the parser, `run_*`
// carries it out. Kept apart from cli.cpp so each subcommand lives in its own file.
#pragma once

#include <exception>
#include <functional>
#include <iosfwd>
#include <kansrijk/cli/command_line.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::cli {

// What a subcommand does once its options are parsed: standard input is `in`, results go
// to `out`, diagnostics to `err`; returns the exit code.
using Action = std::function<int(std::istream &in, std::ostream &out, std::ostream &err)>;

// Declares `kansrijk assess` on `app`; `action` is set to run it.
void add_assess(CommandLine &app, Action &action);

// Declares `kansrijk compare` on `app`; `action` is set to run it.
void add_compare(CommandLine &app, Action &action);

// Applies `--set FIELD=VALUE` settings to `use_case` and marks its title with them (assess,
// compare).
void apply_what_if(const core::Framework &framework,
                   core::UseCase &use_case,
                   const std::vector<std::string> &settings);

// Declares `kansrijk batch` on `app`; `action` is set to run it.
void add_batch(CommandLine &app, Action &action);

// Declares `kansrijk interview` on `app`; `action` is set to run it.
void add_interview(CommandLine &app, Action &action);

// Declares `kansrijk validate` on `app`; `action` is set to run it.
void add_validate(CommandLine &app, Action &action);

// Declares `kansrijk validate-case` on `app`; `action` is set to run it.
void add_validate_case(CommandLine &app, Action &action);

// Declares `kansrijk schema` on `app`; `action` is set to run it.
void add_schema(CommandLine &app, Action &action);

// Declares `kansrijk template` on `app`; `action` is set to run it.
void add_template(CommandLine &app, Action &action);

// Declares `kansrijk graph` on `app`; `action` is set to run it.
void add_graph(CommandLine &app, Action &action);

// Declares `kansrijk diff` on `app`; `action` is set to run it.
void add_diff(CommandLine &app, Action &action);

// Declares `kansrijk test` on `app`; `action` is set to run it.
void add_test(CommandLine &app, Action &action);

// Declares `kansrijk framework list|show|explain` on `app`; `action` is set to run it.
void add_framework(CommandLine &app, Action &action);

// Declares every subcommand on `app`; `action` is set to run the one the command line selects.
void declare_command_line(CommandLine &app, Action &action);

// The program's one-sentence description and its version line ("kansrijk 0.1.0").
std::string program_description();
std::string program_version();

// Prints `error`'s diagnostics to `err` as `file:line:col: error: message`, made safe for a
// terminal (util::safe_terminal).
void print_diagnostics(const std::exception &error, std::ostream &err);

// `d` as one line `file:line:col: error: message` (with `fallback` when it has no place),
// made safe for a terminal, with its newline.
std::string diagnostic_line(const util::Diagnostic &d, std::string_view fallback = "kansrijk");

// The check for an option that names an output: not empty ("-" is standard output).
OptionCheck output_name();

} // namespace kansrijk::cli
