// The command line's grammar: subcommands and their options, declared through small handles
// so that only command_line.cpp compiles CLI11. CLI11 is header-only and its code was
// generated again in every file that declared an option, a quarter of a clean build
// (docs/performance.md, "Build time"). The same declarations give the man page and the shell
// completions (`describe`), so those cannot drift from what the parser accepts.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace kansrijk::cli {

// What an option's value is: the man page names it, completions offer matching words.
enum class ValueKind {
  none,         // a flag
  text,         // free text
  number,       // an integer
  date,         // YYYY-MM-DD
  choice,       // one of `choices`
  file,         // a file (or - for standard input/output where the help says so)
  directory,    // a folder
  framework_id, // an id of the framework (`kansrijk framework list`)
};

// One declared option or positional argument, as `CommandLine::describe` reports it.
struct OptionInfo {
  std::vector<std::string> names; // "--format", "-o"; a positional has its one name, "FILE"
  std::string help;
  std::string value_name; // "FORMAT", "FILE"; empty for a flag
  std::string default_value;
  std::vector<std::string> choices;
  ValueKind kind = ValueKind::none;
  bool positional = false;
  bool required = false;
  bool repeatable = false; // takes any number of values
};

// A subcommand (or the program itself) with its options, as declared.
struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;
  std::vector<CommandInfo> commands;
};

// What CLI11 does not keep about an option: its kind and its choices.
struct OptionExtra {
  const CLI::Option *option = nullptr;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;
};

// A check of an option's value: the empty string accepts it, anything else is the reason it
// is refused.
using OptionCheck = std::function<std::string(const std::string &value)>;

// A handle to a declared option; each call adds to the declaration and returns the handle.
class Option {
public:
  Option(CLI::Option *option, OptionExtra *extra) : m_option(option), m_extra(extra) {}

  // The option must be given.
  Option *required();
  // Only the values in `values` are accepted; completions offer them.
  Option *choices(std::vector<std::string> values);
  // Only integers from `low` to `high` are accepted.
  Option *range(int low, int high);
  // The help shows the current value of the bound variable as the default.
  Option *capture_default_str();
  // Values that `test` refuses are a usage error with its reason.
  Option *check(OptionCheck test);
  // What the value is (file, folder, framework id ...), for completions and the man page.
  Option *value_kind(ValueKind kind);

private:
  CLI::Option *m_option;
  OptionExtra *m_extra;
};

// A handle to a declared subcommand.
class Command {
public:
  Command(CLI::App *app, std::vector<std::unique_ptr<OptionExtra>> &extras) : m_app(app), m_extras(extras) {}

  // Declares an option or positional argument `names` ("--format", "-o,--output", "FILE")
  // bound to `target`, with `help`.
  Option *add_option(const std::string &names, std::string &target, const std::string &help);
  Option *add_option(const std::string &names, std::vector<std::string> &target, const std::string &help);
  Option *add_option(const std::string &names, int &target, const std::string &help);
  Option *add_option(const std::string &names, unsigned &target, const std::string &help);
  // Declares a flag `names` that sets `target`.
  Option *add_flag(const std::string &names, bool &target, const std::string &help);
  // `callback` runs when the command line selected this subcommand and parsed without error.
  void callback(std::function<void()> callback);

private:
  Option *remember(CLI::Option *option, ValueKind kind);

  CLI::App *m_app;
  std::vector<std::unique_ptr<OptionExtra>> &m_extras;
  std::vector<std::unique_ptr<Option>> m_handles;
};

// The outcome of `CommandLine::parse`.
enum class Parsed {
  run,         // a subcommand was selected; its callback has run
  done,        // --help or --version was answered on `out`
  usage_error, // the message is on `err`
};

// The program's command line: its subcommands, the parser and the help texts.
class CommandLine {
public:
  // `description` opens the help; `version` answers -v and --version; `footer` closes the
  // top-level help.
  CommandLine(const std::string &description, const std::string &version, const std::string &footer);
  ~CommandLine();
  CommandLine(const CommandLine &) = delete;
  CommandLine &operator=(const CommandLine &) = delete;

  // Declares the subcommand `name`.
  Command *add_subcommand(const std::string &name, const std::string &description);

  // Parses `args` (without the program name). An unknown subcommand or option is refused
  // with a suggestion of the closest one and a pointer to that subcommand's help.
  Parsed parse(std::span<const std::string> args, std::ostream &out, std::ostream &err);

  // Whether `name` is a subcommand.
  [[nodiscard]] bool has_subcommand(const std::string &name) const;
  // The names of all subcommands, in the order they were declared.
  [[nodiscard]] std::vector<std::string> subcommand_names() const;
  // The help of subcommand `name`, or of the program when `name` is empty.
  [[nodiscard]] std::string help(const std::string &name = {}) const;
  // The version line.
  [[nodiscard]] const std::string &version() const { return m_version; }
  // Every subcommand and option as declared, walked from the parser itself.
  [[nodiscard]] CommandInfo describe() const;

private:
  std::unique_ptr<CLI::App> m_app;
  std::string m_version;
  std::vector<std::unique_ptr<OptionExtra>> m_extras; // CLI::Option's user data, see describe()
  std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace kansrijk::cli
