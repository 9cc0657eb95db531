// The kansrijk binary: everything lives in kansrijk_lib; this only hands over the arguments
// and the standard streams.
#include <iostream>
#include <kansrijk/cli/cli.hpp>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return kansrijk::cli::run_cli(args, std::cin, std::cout, std::cerr);
}
