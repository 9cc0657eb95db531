// The batch reader never loses a row: broken rows become one error record each and reading
// goes on at the next record boundary; folder walks do not follow links out of the folder;
// a stop signal ends reading even in the middle of an endless line.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace kansrijk;
namespace fs = std::filesystem;

namespace {

const core::Framework &builtin() {
  static const core::Framework framework = io::load_framework(io::builtin_framework_sources(), "builtin");
  return framework;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kansrijk-batch-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string &name, const std::string &content) const {
    const fs::path file = path / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }
};

// Every record of `inputs`, as "kind line:column text-or-error" lines.
std::vector<std::string> records(const std::vector<std::string> &inputs, io::SourceOptions options = {}) {
  io::RecordSource source(inputs, options);
  std::vector<std::string> out;
  while (auto record = source.next()) {
    if (record->kind == io::Record::Kind::broken) {
      out.push_back("broken " + std::to_string(record->where.line) + ":" +
                    std::to_string(record->where.column) + " " + record->error);
    } else if (record->kind == io::Record::Kind::csv_row) {
      out.push_back("row " + std::to_string(record->where.line) + " " + record->cells.front().text);
    } else {
      out.push_back("case " + std::to_string(record->where.line));
    }
  }
  return out;
}

// Zero bytes for ever, as /dev/zero gives.
class Zeros : public std::streambuf {
protected:
  std::streamsize xsgetn(char *s, std::streamsize n) override {
    std::fill(s, s + n, '\0');
    return n;
  }
  int_type underflow() override { return traits_type::to_int_type('\0'); }
};

} // namespace

TEST_CASE("a CSV row over the size limit is one error and the rows after it are read", "[io][batch]") {
  const TempDir dir;
  const std::string huge(io::k_max_line_bytes + 10, 'x');
  const std::string file =
      dir.write("inv.csv", "title,tasks\nA,besluitvorming.rapporteren\n\"" + huge +
                               "\",besluitvorming.rapporteren\nC,besluitvorming.rapporteren\n");
  CHECK(records({file}) ==
        std::vector<std::string>{"row 2 A", "broken 3:1 row is longer than 1048576 bytes", "row 4 C"});
}

TEST_CASE("a stray quote makes one error row; the next rows are read", "[io][batch]") {
  const TempDir dir;
  const std::string file = dir.write("inv.csv", "title,tasks\n"
                                                "a,5\" scherm,x\n"
                                                "B,besluitvorming.rapporteren\n"
                                                "\"C\"d,x\n"
                                                "E,\"met \"\"quote\"\"\"\n");
  CHECK(records({file}) ==
        std::vector<std::string>{
            "broken 2:4 a quote inside a cell that does not start with one; put the whole cell "
            "in quotes and double the quote, e.g. \"5\"\" scherm\"",
            "row 3 B",
            "broken 4:4 text after the closing quote of a cell; double a quote inside a "
            "quoted cell (\"\")",
            "row 5 E"});
}

TEST_CASE("a quote never closed is one error and the lines after it are read as rows", "[io][batch]") {
  const TempDir dir;
  const std::string file = dir.write("inv.csv", "title,tasks\n\"A,x\nB,y\nC,z\n");
  CHECK(records({file}) ==
        std::vector<std::string>{"broken 2:1 a quoted cell is not closed before the end of the "
                                 "file; the rows after this line are read as rows",
                                 "row 3 B", "row 4 C"});
  const std::string last = dir.write("last.csv", "title,tasks\nA,x\n\"B");
  CHECK(records({last}) ==
        std::vector<std::string>{"row 2 A",
                                 "broken 3:1 a quoted cell is not closed before the end of the file"});
}

TEST_CASE("quoted line breaks, CRLF, a byte order mark and ';' are read as one record each", "[io][batch]") {
  const TempDir dir;
  const std::string file =
      dir.write("inv.csv", "\xEF\xBB\xBFtitle;tasks\r\n\"Twee\r\nregels\";x\r\n\r\nB;y\r\n");
  io::RecordSource source({file});
  const auto first = source.next();
  REQUIRE(first);
  CHECK(first->cells.front().text == "Twee\nregels");
  CHECK(first->header->names.front().text == "title");
  const auto second = source.next();
  REQUIRE(second);
  CHECK(second->where.line == 5);
  CHECK_FALSE(source.next());
}

TEST_CASE("a CSV file whose header names no field is one error, not read on", "[io][batch]") {
  const TempDir dir;
  const std::string file =
      dir.write("shadow.csv", "root:$y$j9T$SECRET:19700:0:99999:7:::\nbob:$y$j9T$BOB:19700:0:99999:7:::\n");
  io::SourceOptions options;
  options.framework = &builtin();
  const auto found = records({file}, options);
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("not a kansrijk inventory") != std::string::npos);
  CHECK(found[0].find("SECRET") == std::string::npos);
}

TEST_CASE("a folder walk does not follow links that leave the folder", "[io][batch]") {
  const TempDir dir;
  const std::string outside = dir.write("secret.yaml", "title: geheim\n");
  dir.write("cases/a.yaml", "title: A\n");
  fs::create_symlink(outside, dir.path / "cases" / "s.yaml");
  fs::create_symlink(dir.path / "cases" / "a.yaml", dir.path / "cases" / "same.yaml");
  fs::create_symlink(dir.path / "nothing.yaml", dir.path / "cases" / "dangling.yaml");
  const std::string folder = (dir.path / "cases").string();
  CHECK(records({folder}) ==
        std::vector<std::string>{"case 0", "broken 0:0 a symbolic link to a file that does not exist",
                                 "broken 0:0 a symbolic link that leads out of the folder; not followed "
                                 "(--follow-symlinks reads it)",
                                 "case 0"});
  io::SourceOptions follow;
  follow.symlinks = io::Symlinks::follow;
  CHECK(records({folder}, follow) ==
        std::vector<std::string>{"case 0", "broken 0:0 a symbolic link to a file that does not exist",
                                 "case 0", "case 0"});
}

TEST_CASE("a stop signal ends reading in the middle of an endless line", "[io][batch]") {
  Zeros zeros;
  std::istream endless(&zeros);
  io::SourceOptions options;
  options.standard_input = &endless;
  io::RecordSource source({"-"}, options);
  const util::InterruptGuard guard;
  std::thread stopper([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::raise(SIGINT);
  });
  const auto record = source.next(); // without the signal this never returns
  stopper.join();
  CHECK_FALSE(record);
  CHECK(util::interrupt_requested());
}

TEST_CASE("a tab-separated file is read with tabs as the separator", "[io][batch]") {
  const TempDir dir;
  const std::string file = dir.write("inv.csv", "title\tai.role\nEen, twee\tdraft\n");
  io::RecordSource source({file});
  const auto first = source.next();
  REQUIRE(first);
  REQUIRE(first->cells.size() == 2);
  CHECK(first->cells[0].text == "Een, twee");
}

TEST_CASE("headings match fields by path, label in any language, column name or map", "[io][batch]") {
  CHECK(io::column_field("ai.role", builtin(), nullptr) == "ai.role");
  CHECK(io::column_field("Rol van de AI", builtin(), nullptr) == "ai.role");
  CHECK(io::column_field("  personal DATA: ", builtin(), nullptr) == "data.personal");
  CHECK(io::column_field("Naam", builtin(), nullptr) == "title");
  CHECK(io::column_field("Omschrijving", builtin(), nullptr) == "description");
  CHECK_FALSE(io::column_field("Afdeling", builtin(), nullptr));
  const io::ColumnMap map{{"afdeling", "context.organisation"}, {"Naam", ""}};
  CHECK(io::column_field("Afdeling", builtin(), &map) == "context.organisation");
  CHECK(io::column_field("Naam", builtin(), &map) == ""); // left out
}

TEST_CASE("unknown columns are one warning for the file and values may be labels", "[io][batch]") {
  const TempDir dir;
  const std::string file = dir.write(
      "reg.csv",
      "Naam;Status;Persoonsgegevens;tasks\r\nA;Pilot;Ja;Dossierstudie\r\nB;Idee;nee;Dossierstudie\r\n"
      "C;;JAA;Dossierstudie\r\n");
  io::SourceOptions options;
  options.framework = &builtin();
  io::RecordSource source({file}, options);
  std::vector<core::UseCase> cases;
  std::vector<std::string> errors;
  std::size_t warnings = 0;
  while (auto record = source.next()) {
    warnings += source.take_warnings().size();
    try {
      cases.push_back(io::use_case_from_record(*record, builtin()));
    } catch (const util::Error &e) {
      errors.push_back(e.diagnostics().front().to_string());
    }
  }
  CHECK(warnings == 1);
  REQUIRE(cases.size() == 2);
  const int personal = builtin().field_index("data.personal");
  const auto &decl = builtin().fields[static_cast<std::size_t>(personal)];
  CHECK(decl.domain
            .values[static_cast<std::size_t>(cases[0].fields[static_cast<std::size_t>(personal)].value)] ==
        "yes");
  CHECK(decl.domain
            .values[static_cast<std::size_t>(cases[1].fields[static_cast<std::size_t>(personal)].value)] ==
        "no");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        file + ":4:4: \"JAA\" is not a value of column \"Persoonsgegevens\" (data.personal); write one "
               "of: yes (ja / yes), no (nee / no) (did you mean \"ja\"?)");
}
