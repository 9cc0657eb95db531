// kansrijk_docgen DIR: writes the man page and the shell completions of kansrijk into DIR,
// from the same command-line declarations the binary parses with. Run by the build; the
// files are installed from there (CMakeLists.txt, install rules).
#include <fstream>
#include <iostream>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/completion.hpp>
#include <kansrijk/cli/manual.hpp>
#include <string>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: kansrijk_docgen DIR\n";
    return 2;
  }
  using namespace kansrijk::cli;
  CommandLine app(program_description(), program_version(), "");
  Action action;
  declare_command_line(app, action);
  const CommandInfo program = app.describe();
  const std::string dir = argv[1];
  const std::pair<std::string, std::string> files[] = {
      {"kansrijk.1", man_page(program, program_version())},
      {"kansrijk.bash", bash_completion(program)},
      {"_kansrijk", zsh_completion(program)},
      {"kansrijk.fish", fish_completion(program)},
  };
  for (const auto &[name, text] : files) {
    std::ofstream out(dir + "/" + name, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "kansrijk_docgen: cannot write " << dir << "/" << name << '\n';
      return 1;
    }
  }
  return 0;
}
