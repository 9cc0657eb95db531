// Generic helpers: suggestions, UTF-8 checks, SHA-256 and atomic writes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/sha256.hpp>
#include <kansrijk/util/text.hpp>

using namespace kansrijk::util;

TEST_CASE("did you mean suggests close names only", "[util][text]") {
  const std::vector<std::string> names = {"ai.role", "ai.technology", "data.quality"};
  CHECK(did_you_mean("ai.rol", names) == " (did you mean \"ai.role\"?)");
  CHECK(did_you_mean("data.qualty", names) == " (did you mean \"data.quality\"?)");
  CHECK(did_you_mean("completely.different", names).empty());
  const std::vector<std::string> keys = {"title", "tasks", "id"};
  CHECK(did_you_mean("titel", keys) == " (did you mean \"title\"?)"); // a swap is one edit
}

TEST_CASE("invalid UTF-8 is found at its byte", "[util][text]") {
  CHECK_FALSE(find_invalid_utf8("beïnvloedt — ok"));
  CHECK(find_invalid_utf8("ab\xC3") == 2U);
  CHECK(find_invalid_utf8("ab\xC0\x80") == 2U);   // overlong
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0U); // surrogate
  CHECK(find_invalid_utf8("x\xFFy") == 1U);
  CHECK(line_and_column("a\nbc\nd", 4) == std::pair{2, 3});
}

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[util][sha256]") {
  Sha256 empty;
  CHECK(empty.hex_digest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 abc;
  abc.update("abc");
  CHECK(abc.hex_digest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 two_blocks;
  two_blocks.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
  CHECK(two_blocks.hex_digest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 pieces;
  pieces.update("abcdbcdecdefdefgefghfghighijhijk");
  pieces.update("ijkljklmklmnlmnomnopnopq");
  CHECK(pieces.hex_digest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("files are checked before they are read", "[util][file]") {
  const auto dir = std::filesystem::temp_directory_path() / "kansrijk-util-test";
  std::filesystem::create_directories(dir);
  CHECK(read_text_file((dir / "missing.yaml").string(), 100).error().message == "no such file");
  CHECK(read_text_file(dir.string(), 100).error().message == "is a directory; expected a file");
  {
    std::ofstream(dir / "big.yaml") << std::string(200, 'x');
    std::ofstream(dir / "nul.yaml") << std::string("ab\ncd\0", 6);
  }
  CHECK(read_text_file((dir / "big.yaml").string(), 100).error().message ==
        "file is too large (200 bytes); the limit is 100 bytes");
  const auto nul = read_text_file((dir / "nul.yaml").string(), 100).error();
  CHECK(nul.to_string() ==
        (dir / "nul.yaml").string() + ":2:3: file contains a NUL byte; expected a UTF-8 text file");
  std::filesystem::remove_all(dir);
}

TEST_CASE("one run's outputs never land on an input or on each other", "[util][file]") {
  const auto dir = std::filesystem::temp_directory_path() / "kansrijk-run-files-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto input = (dir / "in.csv").string();
  write_file_atomically(input, "x");
  RunFiles files;
  files.input(input);
  CHECK_THROWS_WITH(files.claim("--summary", (dir / "." / "in.csv").string()),
                    Catch::Contains("is an input of this run, and --summary would overwrite it"));
  files.claim("--summary", (dir / "s.csv").string()); // new, not yet written
  CHECK_THROWS_WITH(files.claim("--overview", (dir / "sub" / ".." / "s.csv").string()),
                    Catch::Contains("would be written by --summary and by --overview"));
  files.claim("--overview", "-"); // standard output is never refused
  files.claim("--summary", "-");
  files.claim("a", "/dev/null"); // a device takes any number of outputs
  files.claim("b", "/dev/null");
  CHECK(same_file_name((dir / "a" / ".." / "x").string(), (dir / "x").string()));
  CHECK_FALSE(same_file_name((dir / "x").string(), (dir / "y").string()));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a name kansrijk chose is never written through a symbolic link", "[util][file]") {
  const auto dir = std::filesystem::temp_directory_path() / "kansrijk-link-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto victim = (dir / "victim").string();
  write_file_atomically(victim, "precious");
  std::filesystem::create_symlink(victim, dir / "report.html");
  CHECK_THROWS_WITH(write_file_atomically((dir / "report.html").string(), "x", Naming::chosen),
                    Catch::Contains("is a symbolic link"));
  std::ifstream in(victim);
  CHECK(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()) == "precious");
  write_file_atomically((dir / "report.html").string(), "given", Naming::given); // a name the user gave
  std::ifstream again(victim);
  CHECK(std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()) == "given");
  std::filesystem::remove_all(dir);
}

TEST_CASE("atomic writes replace the file whole and leave no temporary files", "[util][file]") {
  const auto dir = std::filesystem::temp_directory_path() / "kansrijk-atomic-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = (dir / "out.json").string();
  write_file_atomically(path, "first");
  write_file_atomically(path, "second");
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "second");
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  CHECK_THROWS_AS(write_file_atomically((dir / "no-such-dir" / "x").string(), "x"), Error);
  std::filesystem::remove_all(dir);
}
