// The man page and the completions are made from the declared command line: every option of
// every subcommand, with its choices and its kind of value, must reach all four of them.
// A subcommand or option added to the CLI appears in them without further work; one whose
// kind of value the generators do not handle fails here.
#include <catch2/catch.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/completion.hpp>
#include <kansrijk/cli/manual.hpp>

using namespace kansrijk::cli;

namespace {

CommandInfo declared() {
  CommandLine app(program_description(), program_version(), "");
  Action action;
  declare_command_line(app, action);
  return app.describe();
}

std::string roff_name(const std::string &name) {
  std::string out;
  for (const char c : name) {
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  }
  return out;
}

// The part of `script` from `start` up to the next `end` (or the end).
std::string block(const std::string &script, const std::string &start, const std::string &end) {
  const auto from = script.find(start);
  REQUIRE(from != std::string::npos);
  const auto to = script.find(end, from + start.size());
  return script.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("every subcommand and option reaches the man page and all three completions", "[cli][manual]") {
  const CommandInfo program = declared();
  const std::string man = man_page(program, program_version());
  const std::string bash = bash_completion(program);
  const std::string zsh = zsh_completion(program);
  const std::string fish = fish_completion(program);
  REQUIRE(program.commands.size() >= 12);
  for (const auto &command : program.commands) {
    INFO("subcommand " << command.name);
    const std::string man_section = block(man, ".SS kansrijk " + roff_name(command.name) + "\n", ".SS ");
    const std::string bash_case = block(bash, "\n  " + command.name + ")\n", "\n    ;;\n");
    const std::string zsh_case = block(zsh, "\n    " + command.name + ")\n", "\n      ;;\n");
    const std::string fish_lines = block(fish, "\n# kansrijk " + command.name + "\n", "\n\n");
    CHECK(has(block(bash, "\n  \"\")\n", "\n    ;;\n"), " " + command.name));
    CHECK(has(zsh, "'" + command.name + ":"));
    CHECK(has(fish, "-a " + command.name + " -d "));
    for (const auto &option : command.options) {
      INFO("option " << option.names.front());
      CHECK(has(man_section, roff_name(option.names.front())));
      for (const auto &name : option.names) {
        if (option.positional) {
          continue;
        }
        CHECK(has(bash_case, " " + name));
        CHECK(has(zsh_case, name));
        CHECK(has(fish_lines, name.starts_with("--") ? "-l " + name.substr(2) : "-s " + name.substr(1)));
      }
      for (const auto &choice : option.choices) {
        CHECK(has(man_section, roff_name(choice)));
        CHECK(has(bash_case, " " + choice));
        CHECK(has(zsh_case, choice));
        CHECK(has(fish_lines, choice));
      }
      switch (option.kind) {
      case ValueKind::file:
        CHECK(has(bash_case, "_kansrijk_offer file"));
        CHECK(has(zsh_case, ":_files'"));
        CHECK(has(fish_lines, "-F"));
        break;
      case ValueKind::directory:
        CHECK(has(bash_case, "_kansrijk_offer directory"));
        CHECK(has(zsh_case, ":_files -/'"));
        CHECK(has(fish_lines, "__fish_complete_directories"));
        break;
      case ValueKind::framework_id:
        CHECK(has(bash_case, "_kansrijk_offer framework_id"));
        CHECK(has(zsh_case, "_kansrijk_ids"));
        CHECK(has(fish_lines, "__kansrijk_ids"));
        break;
      case ValueKind::choice:
      case ValueKind::none:
      case ValueKind::text:
      case ValueKind::number:
      case ValueKind::date:
        break;
      }
    }
  }
}

TEST_CASE("an option added to a command line appears in the man page and completions", "[cli][manual]") {
  CommandLine app("demo: a demonstration.", "demo 1", "");
  std::string value;
  std::string folder;
  Command *sub = app.add_subcommand("frob", "Frobnicate a thing.");
  sub->add_option("--shade", value, "The shade")->choices({"umber", "ochre"});
  sub->add_option("--into", folder, "Where to")->value_kind(ValueKind::directory);
  const CommandInfo program = app.describe();
  const std::string man = man_page(program, "demo 1");
  CHECK(has(man, ".SS kansrijk frob\n"));
  CHECK(has(man, "\\fB\\-\\-shade\\fR \\fIumber|ochre\\fR\nThe shade. One of: umber, ochre.\n"));
  CHECK(has(man, "\\fB\\-\\-into\\fR \\fIDIR\\fR\nWhere to.\n"));
  CHECK(has(bash_completion(program), "      --shade) _kansrijk_offer choice umber ochre; return ;;\n"
                                      "      --into) _kansrijk_offer directory; return ;;\n"));
  CHECK(has(zsh_completion(program), "'--shade[The shade]:umber|ochre:(umber ochre)' \\\n"
                                     "        '--into[Where to]:DIR:_files -/' \\\n"));
  CHECK(has(fish_completion(program),
            "complete -c kansrijk -n '__kansrijk_using frob' -l shade -x -a 'umber ochre' -d 'The shade'\n"));
}

TEST_CASE("help texts are quoted for each shell", "[cli][manual]") {
  CommandLine app("demo: a demonstration.", "demo 1", "");
  bool flag = false;
  app.add_subcommand("it", "It's [odd]: a \\ test.")->add_flag("--odd", flag, "the user's [choice]");
  const CommandInfo program = app.describe();
  CHECK(has(zsh_completion(program), "'it:It'\\''s [odd]: a \\ test.'"));
  CHECK(has(zsh_completion(program), "'--odd[the user'\\''s \\[choice\\]]'"));
  CHECK(has(fish_completion(program), "-d 'It\\'s [odd]: a \\\\ test.'"));
  CHECK(has(fish_completion(program), "-l odd -d 'the user\\'s [choice]'"));
  CHECK(has(man_page(program, "demo 1"), "It's [odd]: a \\e test."));
}
