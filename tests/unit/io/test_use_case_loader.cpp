// The use-case loader: every kind of bad input gets a located message, word for word.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/util/diagnostic.hpp>

using namespace kansrijk;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}

std::vector<std::string> errors(const std::string &yaml) {
  try {
    test::use_case(fw(), yaml);
  } catch (const util::Error &e) {
    std::vector<std::string> out;
    for (const auto &d : e.diagnostics()) {
      out.push_back(d.to_string());
    }
    return out;
  }
  FAIL("no error for:\n" << yaml);
  return {};
}

std::string error(const std::string &yaml) {
  const auto all = errors(yaml);
  REQUIRE(all.size() == 1);
  return all[0];
}
} // namespace

TEST_CASE("a valid use case loads, with omitted fields unknown", "[io][use_case]") {
  const auto uc = test::use_case(
      fw(), "name: T\njobs: [{item: desk.write}, {called: Eigen, dull: high}]\ntool: {mode: draft}\n");
  CHECK(uc.id == "case");
  CHECK(uc.title == "T");
  CHECK(uc.fields[static_cast<std::size_t>(fw().field_index("tool.mode"))].known);
  CHECK_FALSE(uc.fields[static_cast<std::size_t>(fw().field_index("tool.kind"))].known);
  REQUIRE(uc.tasks.size() == 2);
  CHECK(uc.tasks[0].item == fw().item_index("desk.write"));
  CHECK(uc.tasks[1].name == "Eigen");
}

TEST_CASE("JSON use cases load like YAML", "[io][use_case]") {
  const auto uc = test::use_case(
      fw(), R"({"code": "j", "name": "J", "jobs": [{"item": "desk.talk"}], "data": {"private": "yes"}})");
  CHECK(uc.id == "j");
  CHECK(uc.fields[static_cast<std::size_t>(fw().field_index("data.private"))].known);
}

TEST_CASE("unknown keys and values are located and get suggestions", "[io][use_case]") {
  CHECK(error("name: T\njobs: [{item: desk.write}]\ntool: {mod: draft}\n") ==
        "case.yaml:3:8: unknown key \"tool.mod\" (did you mean \"mode\"?); allowed here: mode, kind, check");
  CHECK(error("name: T\njobs: [{item: desk.write}]\ntool: {mode: drafts}\n") ==
        "case.yaml:3:14: \"drafts\" is not allowed for \"tool.mode\" (did you mean \"draft\"?); allowed: "
        "look, draft, "
        "act, rule");
  CHECK(error("name: T\njobs: [{item: desk.writ}]\n") ==
        "case.yaml:2:15: unknown task \"desk.writ\" (did you mean \"desk.write\"?); `kansrijk framework "
        "list` lists "
        "the task ids");
  CHECK(error("name: T\njobs: [{item: desk.write}]\npeople: {watch: [score]}\n") ==
        "case.yaml:3:18: \"score\" is not allowed in \"people.watch\" (did you mean \"scores\"?); allowed: "
        "scores, "
        "moods");
  CHECK(error("name: T\njobs: [{called: X, dul: high}]\n") ==
        "case.yaml:2:20: unknown key \"dul\" on a task (did you mean \"dull\"?); allowed here: called, sort, "
        "needs, "
        "dull, joy, how");
  CHECK(
      error("name: T\njobs: [{called: X, warmth: high}]\n") ==
      "case.yaml:2:20: unknown key \"warmth\" on a task; allowed here: called, sort, needs, dull, joy, how");
}

TEST_CASE("wrong types are explained", "[io][use_case]") {
  CHECK(error("name: T\njobs: [{item: desk.write}]\ntool: draft\n") ==
        "case.yaml:3:7: \"tool\" must be a mapping (key: value), not text");
  CHECK(error("name: T\njobs: [{item: desk.write}]\ntool: {mode: [draft]}\n") ==
        "case.yaml:3:14: \"tool.mode\" must be one of look, draft, act, rule or unknown, not a list");
  CHECK(error("name: [T]\njobs: [{item: desk.write}]\n") ==
        "case.yaml:1:7: \"name\" must be text, not a list");
  CHECK(error("name: T\njobs: {item: desk.write}\n") ==
        "case.yaml:2:7: \"jobs\" must be a list, not mapping");
  CHECK(error("name: T\njobs: [{item: desk.write}]\ndata: {private: true}\n") ==
        "case.yaml:3:17: \"true\" is not allowed for \"data.private\" (did you mean \"yes\"?); allowed: yes, "
        "no");
  CHECK(
      error("name: T\njobs: [{item: desk.write}]\ndata: {private: nee}\n") ==
      "case.yaml:3:17: \"nee\" is not allowed for \"data.private\" (did you mean \"no\"?); allowed: yes, no");
  CHECK(error("- a\n- b\n") == "case.yaml:1:1: a use case must be a mapping (key: value), not list; see "
                               "USE-CASE FILES in `man kansrijk`");
}

TEST_CASE("missing title or tasks", "[io][use_case]") {
  CHECK(error("jobs: [{item: desk.write}]\n") == "case.yaml:1:1: missing required key \"name\"");
  CHECK(error("name: T\n") == "case.yaml:1:1: missing required key \"jobs\"; list at least one task, e.g. "
                              "`jobs: [{item: desk.write}]`");
  CHECK(error("name: T\njobs: []\n") ==
        "case.yaml:2:7: \"jobs\" is empty; list at least one task the AI touches");
  CHECK(error("name: \"  \"\njobs: [{item: desk.write}]\n") == "case.yaml:1:7: \"name\" must not be empty");
  CHECK(
      error("name: T\njobs: [{item: desk.write, called: X}]\n") ==
      "case.yaml:2:8: a task has either \"item\" (a taxonomy task) or \"called\" (your own task), not both");
  CHECK(error("name: T\njobs: [{sort: chore}]\n") == "case.yaml:2:8: a task needs \"item\" (a taxonomy id "
                                                     "such as desk.write) or \"called\" (your own task)");
  CHECK(error("name: T\njobs: [{item: desk.write, dull: low}]\n") ==
        "case.yaml:2:27: unknown key \"dull\" on a taxonomy task; it takes that attribute from the framework "
        "(describe your own task with \"called\" instead)");
}

TEST_CASE("all problems in a file are reported together", "[io][use_case]") {
  const auto all = errors("name: T\njobs: [{item: desk.nope}]\ntool: {mode: x, kind: y}\nfoo: 1\n");
  CHECK(all.size() == 4);
}

TEST_CASE("syntax errors, empty files and limits", "[io][use_case]") {
  CHECK(error("") == "case.yaml:1:1: file is empty; expected a YAML or JSON mapping");
  CHECK(error("  \n\n") == "case.yaml:1:1: file is empty; expected a YAML or JSON mapping");
  CHECK(error("name: T\njobs: [\n").starts_with("case.yaml:3:1: invalid YAML: "));
  CHECK(error("{\"name\": \"T\",}").starts_with("case.yaml:1:"));
  CHECK(error("name: T\nname: U\njobs: [{item: desk.write}]\n") ==
        "case.yaml:2:1: duplicate key \"name\" (first at line 1); remove one");
  CHECK(error("name: T\n---\nname: U\n") ==
        "case.yaml:2:1: file holds more than one YAML document, or text after the end of the first; put one "
        "use case or framework part in each file");
  // yaml-cpp 0.7's LoadAll loops forever on this; we must answer at once.
  CHECK(error("!t, *a") == "case.yaml:1:3: file holds more than one YAML document, or text after the end of "
                           "the first; put one use case or framework part in each file");
  CHECK(error("# only a comment\n\n") == "case.yaml:1:1: file is empty; expected a YAML or JSON mapping");
  CHECK(error("name: " + std::string(100, '[') + std::string(100, ']') + "\n") ==
        "case.yaml:1:39: nesting is deeper than 32 levels; flatten the document");
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    const char prev = static_cast<char>(c - 1);
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  CHECK(error(bomb).ends_with(
      "document has more than 20000 nodes (YAML aliases expand to copies); simplify it"));
  CHECK(error("name: T\naim: {goal: " + std::string(20000, 'x') + "}\njobs: [{item: desk.write}]\n") ==
        "case.yaml:2:13: text is longer than 16384 bytes");
}

TEST_CASE("JSON surrogate-pair escapes (emoji from json.dumps) are read correctly", "[io][use_case]") {
  const auto uc =
      test::use_case(fw(), R"({"name": "Caf\u00e9 \ud83e\udd16 \\ud83e", "jobs": [{"item": "desk.write"}]})");
  CHECK(uc.title == "Caf\xC3\xA9 \xF0\x9F\xA4\x96 \\ud83e"); // an escaped backslash stays a backslash
}

TEST_CASE("a byte order mark and CRLF line ends are accepted", "[io][use_case]") {
  const auto uc = test::use_case(fw(), "\xEF\xBB\xBFname: T\r\njobs: [{item: desk.write}]\r\n");
  CHECK(uc.title == "T");
}

TEST_CASE("a taxonomy task may say how this use case touches it, not what the task is", "[io][use_case]") {
  const auto uc = test::use_case(fw(), "name: T\njobs: [{item: desk.talk, how: beside}]\n");
  const auto how = fw().task_field_index("how");
  CHECK(uc.tasks[0].attributes[static_cast<std::size_t>(how)].known);
  CHECK_FALSE(uc.tasks[0].attributes[static_cast<std::size_t>(how)].defaulted);
}

TEST_CASE("an answer a skipped question implies is filled in", "[io][use_case]") {
  // data.sensitive is only asked when data.private is not no; left out, it is then no.
  const auto uc = test::use_case(fw(), "name: T\njobs: [{item: desk.write}]\ndata: {private: \"no\"}\n");
  const auto &sensitive = uc.fields[static_cast<std::size_t>(fw().field_index("data.sensitive"))];
  CHECK(sensitive.known);
  CHECK(sensitive.value == 1);
  const auto open = test::use_case(fw(), "name: T\njobs: [{item: desk.write}]\ndata: {private: \"yes\"}\n");
  CHECK_FALSE(open.fields[static_cast<std::size_t>(fw().field_index("data.sensitive"))].known);
}
