// The output layer: atomic files that keep their mode, devices and FIFOs written in place,
// refused targets, checked streams, outputs that are inputs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <kansrijk/util/output.hpp>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace kansrijk::util;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kansrijk-output-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

mode_t mode_of(const fs::path &path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777U;
}

// A stream buffer that fails every write, as a full disk or a closed pipe does.
class FailingBuffer : public std::streambuf {
protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char *, std::streamsize) override { return 0; }
};

} // namespace

TEST_CASE("a new file gets the mode the umask allows, an existing file keeps its own", "[util][output]") {
  const TempDir dir;
  const mode_t old_mask = ::umask(027);
  write_file_atomically((dir.path / "new.txt").string(), "x");
  ::umask(077);
  write_file_atomically((dir.path / "private.txt").string(), "x");
  ::umask(old_mask);
  CHECK(mode_of(dir.path / "new.txt") == 0640);
  CHECK(mode_of(dir.path / "private.txt") == 0600);
  const fs::path secret = dir.path / "secret.txt";
  std::ofstream(secret) << "old";
  ::chmod(secret.c_str(), 0600);
  write_file_atomically(secret.string(), "new");
  CHECK(slurp(secret) == "new");
  CHECK(mode_of(secret) == 0600);
  ::chmod(secret.c_str(), 0640);
  write_file_atomically(secret.string(), "newer");
  CHECK(mode_of(secret) == 0640);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 3); // no temporary left
}

TEST_CASE("a symbolic link to a file is written through, not replaced", "[util][output]") {
  const TempDir dir;
  std::ofstream(dir.path / "target.txt") << "old";
  fs::create_symlink(dir.path / "target.txt", dir.path / "link.txt");
  write_file_atomically((dir.path / "link.txt").string(), "new");
  CHECK(fs::is_symlink(dir.path / "link.txt"));
  CHECK(slurp(dir.path / "target.txt") == "new");
  fs::create_symlink(dir.path / "missing.txt", dir.path / "dangling.txt");
  CHECK_THROWS_WITH(write_file_atomically((dir.path / "dangling.txt").string(), "x"),
                    Catch::Contains("is a symbolic link to a file that does not exist"));
}

TEST_CASE("a FIFO and a character device are written in place, never replaced", "[util][output]") {
  const TempDir dir;
  const fs::path fifo = dir.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = slurp(fifo); });
  write_file_atomically(fifo.string(), "through the pipe");
  reader.join();
  CHECK(received == "through the pipe");
  CHECK(fs::is_fifo(fifo));
  write_file_atomically("/dev/null", "gone");
  CHECK(fs::is_character_file("/dev/null"));
  CHECK_THROWS_WITH(write_file_atomically("/dev/full", "x"),
                    "/dev/full: cannot write file: No space left on device");
}

TEST_CASE("a folder, a socket and an empty name are refused", "[util][output]") {
  const TempDir dir;
  CHECK_THROWS_WITH(write_file_atomically(dir.path.string(), "x"),
                    dir.path.string() + ": is a folder; give a file name for the output");
  const fs::path socket_path = dir.path / "sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
  CHECK_THROWS_WITH(check_output_target("-o", socket_path.string()),
                    Catch::Contains(": is a socket; kansrijk writes"));
  CHECK_THROWS_WITH(write_file_atomically(socket_path.string(), "x"), Catch::Contains(": is a socket;"));
  ::close(fd);
  CHECK_THROWS_WITH(check_output_name("-o", ""),
                    "-o was given an empty name; give a file name, or - for standard output");
  CHECK_NOTHROW(check_output_target("-o", "-"));
}

TEST_CASE("standard output that fails is an error, not a silent success", "[util][output]") {
  FailingBuffer failing;
  std::ostream broken(&failing);
  CHECK_THROWS_WITH(write_stream(broken, "report"), Catch::StartsWith("cannot write to standard output"));
  std::ostringstream fine;
  write_output("-", "report", fine);
  CHECK(fine.str() == "report");
}

TEST_CASE("an output that is also an input is refused", "[util][output]") {
  const TempDir dir;
  const fs::path input = dir.path / "in.yaml";
  std::ofstream(input) << "title: x\n";
  const std::vector<std::string> inputs = {"-", input.string()};
  CHECK_THROWS_WITH(refuse_output_over_inputs("-o", input.string(), inputs),
                    input.string() + ": is also an input of this run (" + input.string() +
                        "); give -o another file so the input is not overwritten");
  fs::create_symlink(input, dir.path / "alias.yaml"); // another name for the same file
  CHECK_THROWS(refuse_output_over_inputs("-o", (dir.path / "alias.yaml").string(), inputs));
  const std::vector<std::string> folders = {dir.path.string()};
  CHECK_THROWS_WITH(refuse_output_over_inputs("--out", dir.path.string(), folders),
                    Catch::Contains("give --out another folder"));
  CHECK_NOTHROW(refuse_output_over_inputs("-o", (dir.path / "new.txt").string(), inputs));
  CHECK_NOTHROW(refuse_output_over_inputs("-o", "-", inputs));
  CHECK(slurp(input) == "title: x\n");
}
