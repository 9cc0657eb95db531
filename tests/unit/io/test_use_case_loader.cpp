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
      fw(), "title: T\ntasks: [{ref: p.write}, {name: Eigen, routine: high}]\nai: {role: draft}\n");
  CHECK(uc.id == "case");
  CHECK(uc.title == "T");
  CHECK(uc.fields[static_cast<std::size_t>(fw().field_index("ai.role"))].known);
  CHECK_FALSE(uc.fields[static_cast<std::size_t>(fw().field_index("ai.technology"))].known);
  REQUIRE(uc.tasks.size() == 2);
  CHECK(uc.tasks[0].item == fw().item_index("p.write"));
  CHECK(uc.tasks[1].name == "Eigen");
}

TEST_CASE("JSON use cases load like YAML", "[io][use_case]") {
  const auto uc = test::use_case(
      fw(), R"({"id": "j", "title": "J", "tasks": [{"ref": "p.talk"}], "data": {"health": "yes"}})");
  CHECK(uc.id == "j");
  CHECK(uc.fields[static_cast<std::size_t>(fw().field_index("data.health"))].known);
}

TEST_CASE("unknown keys and values are located and get suggestions", "[io][use_case]") {
  CHECK(error("title: T\ntasks: [{ref: p.write}]\nai: {rol: draft}\n") ==
        "case.yaml:3:6: unknown key \"ai.rol\" (did you mean \"role\"?); allowed here: role, technology, "
        "share, oversight, external_service, about_people");
  CHECK(error("title: T\ntasks: [{ref: p.write}]\nai: {role: drafts}\n") ==
        "case.yaml:3:12: \"drafts\" is not allowed for \"ai.role\" (did you mean \"draft\"?); allowed: "
        "inform, draft, recommend, automate, decide");
  CHECK(error("title: T\ntasks: [{ref: p.writ}]\n") ==
        "case.yaml:2:15: unknown task \"p.writ\" (did you mean \"p.write\"?); `kansrijk framework list` "
        "lists the task ids");
  CHECK(error("title: T\ntasks: [{ref: p.write}]\nai: {about_people: [profilng]}\n") ==
        "case.yaml:3:21: \"profilng\" is not allowed in \"ai.about_people\" (did you mean \"profiling\"?); "
        "allowed: profiling, emotion_recognition, task_allocation, performance_monitoring");
  CHECK(error("title: T\ntasks: [{name: X, routin: high}]\n") ==
        "case.yaml:2:19: unknown key \"routin\" on a task (did you mean \"routine\"?); allowed here: name, "
        "kind, skills, routine, enjoyment, essential, client_impact, admin_burden");
  CHECK(error("title: T\ntasks: [{name: X, affective_share: high}]\n") ==
        "case.yaml:2:19: unknown key \"affective_share\" on a task; allowed here: name, kind, skills, "
        "routine, enjoyment, essential, client_impact, admin_burden");
}

TEST_CASE("wrong types are explained", "[io][use_case]") {
  CHECK(error("title: T\ntasks: [{ref: p.write}]\nai: draft\n") ==
        "case.yaml:3:5: \"ai\" must be a mapping (key: value), not text");
  CHECK(error("title: T\ntasks: [{ref: p.write}]\nai: {role: [draft]}\n") ==
        "case.yaml:3:12: \"ai.role\" must be one of inform, draft, recommend, automate, decide or unknown, "
        "not a list");
  CHECK(error("title: [T]\ntasks: [{ref: p.write}]\n") ==
        "case.yaml:1:8: \"title\" must be text, not a list");
  CHECK(error("title: T\ntasks: {ref: p.write}\n") == "case.yaml:2:8: \"tasks\" must be a list, not mapping");
  CHECK(error("title: T\ntasks: [{ref: p.write}]\ndata: {health: true}\n") ==
        "case.yaml:3:16: \"true\" is not allowed for \"data.health\" (did you mean \"yes\"?); allowed: yes, "
        "no");
  CHECK(
      error("title: T\ntasks: [{ref: p.write}]\ndata: {health: nee}\n") ==
      "case.yaml:3:16: \"nee\" is not allowed for \"data.health\" (did you mean \"no\"?); allowed: yes, no");
  CHECK(error("- a\n- b\n") == "case.yaml:1:1: a use case must be a mapping (key: value), not list; see "
                               "USE-CASE FILES in `man kansrijk`");
}

TEST_CASE("missing title or tasks", "[io][use_case]") {
  CHECK(error("tasks: [{ref: p.write}]\n") == "case.yaml:1:1: missing required key \"title\"");
  CHECK(error("title: T\n") == "case.yaml:1:1: missing required key \"tasks\"; list at least one task, e.g. "
                               "`tasks: [{ref: besluitvorming.rapport-schrijven}]`");
  CHECK(error("title: T\ntasks: []\n") ==
        "case.yaml:2:8: \"tasks\" is empty; list at least one task or action the AI touches");
  CHECK(error("title: \"  \"\ntasks: [{ref: p.write}]\n") == "case.yaml:1:8: \"title\" must not be empty");
  CHECK(error("title: T\ntasks: [{ref: p.write, name: X}]\n") ==
        "case.yaml:2:9: a task has either \"ref\" (a taxonomy task) or \"name\" (your own task), not both");
  CHECK(error("title: T\ntasks: [{kind: task}]\n") ==
        "case.yaml:2:9: a task needs \"ref\" (a taxonomy id such as besluitvorming.rapport-schrijven) or "
        "\"name\" (your own task)");
  CHECK(error("title: T\ntasks: [{ref: p.write, routine: low}]\n") ==
        "case.yaml:2:24: unknown key \"routine\" on a taxonomy task; it takes its attributes from the "
        "framework (describe your own task with \"name\" instead)");
}

TEST_CASE("all problems in a file are reported together", "[io][use_case]") {
  const auto all = errors("title: T\ntasks: [{ref: p.nope}]\nai: {role: x, technology: y}\nfoo: 1\n");
  CHECK(all.size() == 4);
}

TEST_CASE("syntax errors, empty files and limits", "[io][use_case]") {
  CHECK(error("") == "case.yaml:1:1: file is empty; expected a YAML or JSON mapping");
  CHECK(error("  \n\n") == "case.yaml:1:1: file is empty; expected a YAML or JSON mapping");
  CHECK(error("title: T\ntasks: [\n").starts_with("case.yaml:3:1: invalid YAML: "));
  CHECK(error("{\"title\": \"T\",}").starts_with("case.yaml:1:"));
  CHECK(error("title: T\ntitle: U\ntasks: [{ref: p.write}]\n") ==
        "case.yaml:2:1: duplicate key \"title\" (first at line 1); remove one");
  CHECK(error("title: T\n---\ntitle: U\n") ==
        "case.yaml:2:1: file holds more than one YAML document, or text after the end of the first; put one "
        "use case or framework part in each file");
  // yaml-cpp 0.7's LoadAll loops forever on this; we must answer at once.
  CHECK(error("!t, *a") == "case.yaml:1:3: file holds more than one YAML document, or text after the end of "
                           "the first; put one use case or framework part in each file");
  CHECK(error("# only a comment\n\n") == "case.yaml:1:1: file is empty; expected a YAML or JSON mapping");
  CHECK(error("title: " + std::string(100, '[') + std::string(100, ']') + "\n") ==
        "case.yaml:1:40: nesting is deeper than 32 levels; flatten the document");
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    const char prev = static_cast<char>(c - 1);
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  CHECK(error(bomb).ends_with(
      "document has more than 20000 nodes (YAML aliases expand to copies); simplify it"));
  CHECK(error("title: T\ndescription: " + std::string(20000, 'x') + "\ntasks: [{ref: p.write}]\n") ==
        "case.yaml:2:14: text is longer than 16384 bytes");
}

TEST_CASE("JSON surrogate-pair escapes (emoji from json.dumps) are read correctly", "[io][use_case]") {
  const auto uc =
      test::use_case(fw(), R"({"title": "Caf\u00e9 \ud83e\udd16 \\ud83e", "tasks": [{"ref": "p.write"}]})");
  CHECK(uc.title == "Caf\xC3\xA9 \xF0\x9F\xA4\x96 \\ud83e"); // an escaped backslash stays a backslash
}

TEST_CASE("a byte order mark and CRLF line ends are accepted", "[io][use_case]") {
  const auto uc = test::use_case(fw(), "\xEF\xBB\xBFtitle: T\r\ntasks: [{ref: p.write}]\r\n");
  CHECK(uc.title == "T");
}
