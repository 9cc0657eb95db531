// The kansrijk binary: everything lives in kansrijk_lib; this only hands over the arguments
// and the standard streams.
#include <csignal>
#include <iostream>
#include <kansrijk/cli/cli.hpp>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  // Past `ulimit -f` a write fails with EFBIG, which every output reports and cleans up after
  // (no temporary file left, exit 2), instead of SIGXFSZ killing the process mid-write.
  (void)std::signal(SIGXFSZ, SIG_IGN); // SIG_ERR only for an invalid signal number
  const std::vector<std::string> args(argv + 1, argv + argc);
  return kansrijk::cli::run_cli(args, std::cin, std::cout, std::cerr);
}
