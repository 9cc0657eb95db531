// The command line, callable in-process so tests can drive it without spawning a binary.
#pragma once

#include <iosfwd>
#include <span>
#include <string>

namespace kansrijk::cli {

// Exit codes; documented in README.md and stable.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1; // failed golden cases (and, later, validation findings)
inline constexpr int k_exit_usage = 2;    // usage, input or output error
inline constexpr int k_exit_partial = 3;  // batch: some cases could not be assessed

// Runs kansrijk with `args` (without the program name), reading standard input from `in`;
// results go to `out`, diagnostics to `err`; returns the exit code. `out` is flushed and
// checked before returning: a failed write to it is exit code 2 with a message on `err`.
int run_cli(std::span<const std::string> args, std::istream &in, std::ostream &out, std::ostream &err);

} // namespace kansrijk::cli
