// The whole command line driven in-process through cli::run_cli with injected streams:
// standard input, output and errors are plain string streams here.
#include <catch2/catch.hpp>
#include <kansrijk/cli/cli.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace kansrijk;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args, const std::string &input = {}, std::ostream *out_override = nullptr) {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  Run result;
  result.code = cli::run_cli(args, in, out_override != nullptr ? *out_override : out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

const std::string k_case = "title: Conceptrapport\ntasks: [{ref: besluitvorming.rapport-schrijven}]\n";

class FailingBuffer : public std::streambuf {
protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char *, std::streamsize) override { return 0; }
};

} // namespace

TEST_CASE("assess reads the use case from the injected standard input", "[cli]") {
  const Run r = run({"assess", "-", "--format", "json", "--date", "2026-11-23"}, k_case);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("\"title\": \"Conceptrapport\"") != std::string::npos);
  const Run dash = run({"assess", "-", "-o", "-", "--format", "json", "--date", "2026-11-23"}, k_case);
  CHECK(dash.out == r.out); // -o - is standard output
}

TEST_CASE("a failed write to standard output is exit 2 with a message", "[cli]") {
  FailingBuffer failing;
  std::ostream broken(&failing);
  const Run r = run({"assess", "-"}, k_case, &broken);
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("kansrijk: error: cannot write to standard output"));
  const Run version = run({"--version"}, {}, &broken);
  CHECK(version.code == 2);
}

TEST_CASE("an empty output name is a usage error", "[cli]") {
  const Run r = run({"assess", "-", "-o", ""}, k_case);
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("an empty name; give a file name, or - for standard output") != std::string::npos);
  CHECK(run({"batch", "-", "--summary", ""}, "").code == 2);
}

TEST_CASE("missing files are usage errors in validate-case and diff", "[cli]") {
  const Run vc = run({"validate-case", "/nonexistent.yaml"});
  CHECK(vc.code == 2);
  CHECK(vc.err == "/nonexistent.yaml: error: no such file\n");
  const std::string fw = std::string(KANSRIJK_SOURCE_DIR) + "/frameworks/tno-arbeidsdeskundige";
  const Run diff = run({"diff", fw, fw, "/nonexistent.yaml"});
  CHECK(diff.code == 2);
  CHECK(diff.out.empty());
}

TEST_CASE("batch reads JSON Lines from the injected standard input", "[cli]") {
  const Run r =
      run({"batch", "-", "--summary-format", "jsonl"},
          "{\"title\": \"A\", \"tasks\": [{\"ref\": \"besluitvorming.rapporteren\"}]}\n{\"title\": }\n");
  CHECK(r.code == 3);
  CHECK(r.out.find("\"title\":\"A\"") != std::string::npos);
  CHECK(r.out.find("\"source\":\"<stdin>:2\"") != std::string::npos);
  CHECK(r.err.find("<stdin>:2:11: error:") != std::string::npos);
}

TEST_CASE("error messages show escape sequences from the input instead of sending them", "[cli]") {
  const Run r = run({"assess", "-"}, "title: x\ntasks: [{ref: \"a\\e]0;pwned\\a\"}]\n");
  CHECK(r.code == 2);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find("unknown task \"a<U+001B>]0;pwned<U+0007>\"") != std::string::npos);
}
