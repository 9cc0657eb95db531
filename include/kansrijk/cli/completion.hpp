// Shell completions for bash, zsh and fish, made from the command line's own declarations
// (`CommandLine::describe`): subcommands, options, the values of options with choices,
// files and folders where a value is one, and framework ids (asked from
// `kansrijk framework list`, for the framework named by --framework on the line).
#pragma once

#include <kansrijk/cli/command_line.hpp>
#include <string>

namespace kansrijk::cli {

// A bash completion script for `program` (for /usr/share/bash-completion/completions).
std::string bash_completion(const CommandInfo &program);

// A zsh completion function for `program` (for a folder in $fpath, as `_kansrijk`).
std::string zsh_completion(const CommandInfo &program);

// A fish completion script for `program` (for /usr/share/fish/vendor_completions.d).
std::string fish_completion(const CommandInfo &program);

} // namespace kansrijk::cli
