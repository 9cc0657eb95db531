// The one translation unit that compiles CLI11: declarations from the subcommand files go
// through the handles of command_line.hpp, and parsing, help and the description for the
// man page and completions happen here.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <kansrijk/cli/command_line.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <optional>
#include <ostream>

namespace kansrijk::cli {

namespace {

// The name a value is shown with in the help and the man page.
std::string value_name(const OptionExtra &extra) {
  switch (extra.kind) {
  case ValueKind::none:
    return {};
  case ValueKind::text:
    return "TEXT";
  case ValueKind::number:
    return "N";
  case ValueKind::date:
    return "DATE";
  case ValueKind::choice:
    return util::join(extra.choices, "|");
  case ValueKind::file:
    return "FILE";
  case ValueKind::directory:
    return "DIR";
  case ValueKind::framework_id:
    return "ID";
  }
  return {};
}

const OptionExtra *extra_of(const CLI::Option *option,
                            const std::vector<std::unique_ptr<OptionExtra>> &extras) {
  const auto found = std::find_if(extras.begin(), extras.end(),
                                  [&](const std::unique_ptr<OptionExtra> &e) { return e->option == option; });
  return found == extras.end() ? nullptr : found->get();
}

OptionInfo describe_option(const CLI::Option &option, const OptionExtra *extra) {
  OptionInfo info;
  for (const auto &name : option.get_snames()) {
    info.names.push_back("-" + name);
  }
  for (const auto &name : option.get_lnames()) {
    info.names.push_back("--" + name);
  }
  info.positional = info.names.empty() && option.get_positional();
  if (info.positional) {
    info.names.push_back(option.get_name(true));
  }
  info.help = option.get_description();
  info.required = option.get_required();
  info.repeatable = option.get_items_expected_max() > 1;
  info.default_value = option.get_default_str();
  if (extra != nullptr && option.get_type_size() != 0) {
    info.kind = extra->kind;
    info.choices = extra->choices;
    info.value_name = info.positional ? info.names.front() : value_name(*extra);
  }
  return info;
}

CommandInfo describe_app(const CLI::App &app, const std::vector<std::unique_ptr<OptionExtra>> &extras) {
  CommandInfo info;
  info.name = app.get_name();
  info.description = app.get_description();
  for (const CLI::Option *option : app.get_options()) {
    info.options.push_back(describe_option(*option, extra_of(option, extras)));
  }
  for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; })) {
    info.commands.push_back(describe_app(*sub, extras));
  }
  return info;
}

const CLI::Option *find_option(const CLI::App &app, const std::string &name) {
  for (const CLI::Option *option : app.get_options()) {
    if (name.starts_with("--") ? option->check_lname(name.substr(2)) : option->check_sname(name.substr(1))) {
      return option;
    }
  }
  return nullptr;
}

// The first option in `args` that `app` does not declare, as a message with the closest
// declared long option. Values of options are skipped; so are "-" (standard input) and
// negative numbers, and everything after "--".
std::optional<std::string>
unknown_option(const CLI::App &app, std::span<const std::string> args, const std::string &command) {
  std::vector<std::string> long_names;
  for (const CLI::Option *option : app.get_options()) {
    for (const auto &name : option->get_lnames()) {
      long_names.push_back("--" + name);
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (arg == "--") {
      break;
    }
    if (arg.size() < 2 || arg[0] != '-' || std::isdigit(static_cast<unsigned char>(arg[1])) != 0) {
      continue;
    }
    const bool is_long = arg.starts_with("--");
    const std::string name = is_long ? arg.substr(0, arg.find('=')) : arg.substr(0, 2);
    const CLI::Option *option = find_option(app, name);
    if (option == nullptr) {
      return fmt::format("unknown option {} for `{}`{}", name, command,
                         is_long ? util::did_you_mean(name, long_names) : std::string());
    }
    const bool value_attached = is_long ? arg.find('=') != std::string::npos : arg.size() > 2;
    if (option->get_type_size() != 0 && !value_attached) {
      ++i; // the option's value
    }
  }
  return std::nullopt;
}

} // namespace

Option *Option::required() {
  m_option->required();
  return this;
}

Option *Option::choices(std::vector<std::string> values) {
  // CLI11's IsMember says only "not in {...}"; this also names the likely intended value.
  m_option->check(CLI::Validator(
      [values](std::string &value) {
        if (std::find(values.begin(), values.end(), value) != values.end()) {
          return std::string();
        }
        return fmt::format("\"{}\" is not one of {}{}", value, util::join(values, ", "),
                           util::did_you_mean(value, values));
      },
      "{" + util::join(values, ",") + "}"));
  m_extra->kind = ValueKind::choice;
  m_extra->choices = std::move(values);
  return this;
}

Option *Option::range(int low, int high) {
  m_option->check(CLI::Range(low, high));
  return this;
}

Option *Option::check(OptionCheck test) {
  m_option->check(CLI::Validator([test = std::move(test)](std::string &value) { return test(value); }, ""));
  return this;
}

Option *Option::capture_default_str() {
  m_option->capture_default_str();
  return this;
}

Option *Option::value_kind(ValueKind kind) {
  m_extra->kind = kind;
  if (kind == ValueKind::file || kind == ValueKind::directory || kind == ValueKind::date ||
      kind == ValueKind::framework_id) {
    m_option->type_name(value_name(*m_extra)); // the help says FILE, DIR ... instead of TEXT
  }
  return this;
}

Option *Command::remember(CLI::Option *option, ValueKind kind) {
  auto extra = std::make_unique<OptionExtra>();
  extra->option = option;
  extra->kind = kind;
  m_handles.push_back(std::make_unique<Option>(option, extra.get()));
  m_extras.push_back(std::move(extra));
  return m_handles.back().get();
}

Option *Command::add_option(const std::string &names, std::string &target, const std::string &help) {
  return remember(m_app->add_option(names, target, help), ValueKind::text);
}

Option *
Command::add_option(const std::string &names, std::vector<std::string> &target, const std::string &help) {
  return remember(m_app->add_option(names, target, help), ValueKind::text);
}

Option *Command::add_option(const std::string &names, int &target, const std::string &help) {
  return remember(m_app->add_option(names, target, help), ValueKind::number);
}

Option *Command::add_option(const std::string &names, unsigned &target, const std::string &help) {
  return remember(m_app->add_option(names, target, help), ValueKind::number);
}

Option *Command::add_flag(const std::string &names, bool &target, const std::string &help) {
  return remember(m_app->add_flag(names, target, help), ValueKind::none);
}

void Command::callback(std::function<void()> callback) { m_app->callback(std::move(callback)); }

CommandLine::CommandLine(const std::string &description,
                         const std::string &version,
                         const std::string &footer)
    : m_app(std::make_unique<CLI::App>(description, "kansrijk")), m_version(version) {
  m_app->set_version_flag("-v,--version", version);
  m_app->require_subcommand(1);
  m_app->footer(footer);
}

CommandLine::~CommandLine() = default;

Command *CommandLine::add_subcommand(const std::string &name, const std::string &description) {
  m_commands.push_back(std::make_unique<Command>(m_app->add_subcommand(name, description), m_extras));
  return m_commands.back().get();
}

bool CommandLine::has_subcommand(const std::string &name) const {
  const auto names = subcommand_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> CommandLine::subcommand_names() const {
  std::vector<std::string> names;
  for (const CLI::App *sub : m_app->get_subcommands([](const CLI::App *) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string CommandLine::help(const std::string &name) const {
  // Through the formatter: App::help would show the help of the subcommand the last parse
  // selected (`help` itself, for `kansrijk help`).
  const CLI::App *app = name.empty() ? m_app.get() : m_app->get_subcommand(name);
  return m_app->get_formatter()->make_help(app, name.empty() ? "kansrijk" : "kansrijk " + name,
                                           CLI::AppFormatMode::Normal);
}

CommandInfo CommandLine::describe() const { return describe_app(*m_app, m_extras); }

Parsed CommandLine::parse(std::span<const std::string> args, std::ostream &out, std::ostream &err) {
  const auto refuse = [&](const std::string &message, const std::string &command) {
    err << "kansrijk: error: " << util::safe_terminal(message) << '\n';
    if (command.empty() || command == "help") {
      err << "Run `kansrijk help` for usage.\n";
    } else {
      err << "Run `kansrijk help " << command << "` for its options.\n";
    }
    return Parsed::usage_error;
  };
  const std::vector<std::string> names = subcommand_names();
  if (args.empty()) {
    return refuse("no subcommand given; choose one of " + util::join(names, ", "), {});
  }
  std::string command;
  if (!args.front().starts_with('-')) {
    command = args.front();
    if (!has_subcommand(command)) {
      return refuse(fmt::format("unknown subcommand \"{}\"{}", command, util::did_you_mean(command, names)),
                    {});
    }
    if (auto problem =
            unknown_option(*m_app->get_subcommand(command), args.subspan(1), "kansrijk " + command)) {
      return refuse(*problem, command);
    }
  } else if (auto problem = unknown_option(*m_app, args.first(1), "kansrijk")) {
    return refuse(*problem, {});
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    m_app->parse(reversed);
  } catch (const CLI::ParseError &e) {
    if (e.get_exit_code() == 0) {
      m_app->exit(e, out, err);
      return Parsed::done;
    }
    return refuse(e.what(), command);
  }
  return Parsed::run;
}

} // namespace kansrijk::cli
