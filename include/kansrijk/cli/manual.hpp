// The man page kansrijk(1), made from the command line's own declarations
// (`CommandLine::describe`) so that it cannot drift from what the parser accepts.
// `kansrijk_docgen` writes it at build time; the Debian package ships it.
#pragma once

#include <kansrijk/cli/command_line.hpp>
#include <string>

namespace kansrijk::cli {

// kansrijk(1) in roff (man macros): `program` with a subsection per subcommand, then exit
// status, environment, files, the use-case format and examples; `version` ("kansrijk 0.1.0")
// is shown in the page's footer.
std::string man_page(const CommandInfo &program, const std::string &version);

} // namespace kansrijk::cli
