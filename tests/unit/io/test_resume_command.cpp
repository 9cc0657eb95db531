// The command a draft prints to continue it: under the framework it belongs to, with the
// folder quoted for a shell only when it has to be.
#include <catch2/catch.hpp>
#include <kansrijk/io/draft.hpp>

using namespace kansrijk;

TEST_CASE("the resume command names a framework other than the built-in one", "[io][draft]") {
  CHECK(io::resume_command("") == "kansrijk interview --resume ");
  CHECK(io::resume_command("frameworks/schuldhulp") ==
        "kansrijk interview --framework frameworks/schuldhulp --resume ");
}

TEST_CASE("a word a shell would split or expand is quoted", "[io][draft]") {
  CHECK(io::shell_word("kader/v2.1") == "kader/v2.1");
  CHECK(io::shell_word("Mijn kader") == "'Mijn kader'");
  CHECK(io::shell_word("a$b") == "'a$b'");
  CHECK(io::shell_word("it's") == "'it'\\''s'");
  CHECK(io::shell_word("") == "''");
  CHECK(io::shell_word("schuldhulpverlening-één") == "schuldhulpverlening-één"); // UTF-8 passes as it is
}
