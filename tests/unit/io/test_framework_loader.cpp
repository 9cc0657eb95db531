// The framework loader: broken frameworks get every problem located, in one run.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/util/diagnostic.hpp>

using namespace kansrijk;

namespace {
std::vector<std::string> errors(std::map<std::string, std::string> files) {
  try {
    io::load_framework(test::as_sources(files), "mini");
  } catch (const util::Error &e) {
    std::vector<std::string> out;
    for (const auto &d : e.diagnostics()) {
      out.push_back(d.to_string());
    }
    return out;
  }
  FAIL("the framework loaded");
  return {};
}

std::string replace(std::string text, const std::string &from, const std::string &to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
} // namespace

TEST_CASE("the mini framework loads", "[io][framework]") {
  const auto fw = test::mini_framework();
  CHECK(fw.id == "mini");
  CHECK(fw.rules.size() == 7);
  CHECK(fw.sha256.size() == 64);
}

TEST_CASE("a rule condition error points into the YAML file", "[io][framework]") {
  auto files = test::mini_files();
  files["rules.yaml"] =
      replace(files["rules.yaml"], "when: \"ai.role == draft\"", "when: \"ai.role == drafts\"");
  const auto all = errors(files);
  REQUIRE(all.size() == 1);
  CHECK(all[0] == "mini/rules.yaml:3:51: value \"drafts\" is not allowed for `ai.role`; allowed: inform, "
                  "draft, recommend, automate, decide (did you mean \"draft\"?)");
}

TEST_CASE("a condition in a literal block scalar is located on its own line", "[io][framework]") {
  auto files = test::mini_files();
  files["rules.yaml"] +=
      "  - id: r.block\n    block: tasks\n    when: |\n      ai.role == draft and\n      ai.rol == inform\n"
      "    text: {nl: x, en: x}\n    effects: {points: {tasks: 1}}\n    provenance: quoted\n    source: "
      "[S]\n";
  const auto all = errors(files);
  REQUIRE(all.size() == 1);
  CHECK(all[0] == "mini/rules.yaml:13:7: unknown field \"ai.rol\" (did you mean \"ai.role\"?)");
}

TEST_CASE("dangling references, duplicates and missing texts are all reported", "[io][framework]") {
  auto files = test::mini_files();
  files["rules.yaml"] = replace(files["rules.yaml"], "flags: [ko]", "flags: [k0]");
  files["rules.yaml"] = replace(files["rules.yaml"], "id: r.poor", "id: r.goal");
  files["flags.yaml"] =
      replace(files["flags.yaml"], "message: {nl: \"hi\", en: \"hi\"}", "message: {nl: \"hi\"}");
  files["taxonomy.yaml"] = replace(files["taxonomy.yaml"], "skills: {writing: 3}", "skills: {writng: 3}");
  files["skills.yaml"] =
      replace(files["skills.yaml"], "source: [S]}\n  - {id: empathy", "source: [T]}\n  - {id: empathy");
  const auto all = errors(files);
  CHECK(all ==
        std::vector<std::string>{
            "mini/flags.yaml:3:39: \"message\" has no \"en\" text",
            "mini/rules.yaml:4:105: unknown flag \"k0\" (did you mean \"ko\"?)",
            "mini/rules.yaml:5:10: duplicate rule id \"r.goal\" (first defined at mini/rules.yaml:2:10)",
            "mini/skills.yaml:2:5: unknown source \"T\" (did you mean \"S\"?); sources are declared in "
            "framework.yaml",
            "mini/taxonomy.yaml:4:119: unknown skill \"writng\" (did you mean \"writing\"?)",
        });
}

TEST_CASE("a missing file and invalid YAML are located", "[io][framework]") {
  auto files = test::mini_files();
  files.erase("dimensions.yaml");
  files["flags.yaml"] = "flags: [\n";
  const auto all = errors(files);
  REQUIRE(all.size() >= 2);
  CHECK(std::find(all.begin(), all.end(),
                  "mini/dimensions.yaml: missing framework file; every framework has dimensions.yaml") !=
        all.end());
  CHECK(std::any_of(all.begin(), all.end(),
                    [](const std::string &e) { return e.starts_with("mini/flags.yaml:2:1: invalid YAML"); }));
}

TEST_CASE("thresholds must fall and grades must be complete", "[io][framework]") {
  auto files = test::mini_files();
  files["framework.yaml"] = replace(files["framework.yaml"], "promising: 70", "promising: 40");
  files["technologies.yaml"] = replace(files["technologies.yaml"],
                                       "      generative: {grade: none, why: {nl: \"x\", en: \"x\"}}\n", "");
  const auto all = errors(files);
  CHECK(all ==
        std::vector<std::string>{
            "mini/framework.yaml:18:23: verdict thresholds must fall: promising > conditional > limited",
            "mini/technologies.yaml:5:3: no grade for skill \"empathy\" with technology \"generative\"",
        });
}

TEST_CASE("interview conditions of fields are parsed, type-checked and located", "[io][framework]") {
  auto files = test::mini_files();
  files["fields.yaml"] =
      replace(files["fields.yaml"], "ask_if: \"data.personal != no\"", "ask_if: \"data.persnal != no\"");
  files["fields.yaml"] = replace(files["fields.yaml"], "if_skipped: \"no\"", "if_skipped: \"nee\"");
  files["fields.yaml"] =
      replace(files["fields.yaml"], "    asked: false\n", "    asked: false\n    if_skipped: \"x\"\n");
  const auto all = errors(files);
  REQUIRE(all.size() == 4);
  CHECK(all[0] == "mini/fields.yaml:12:17: \"if_skipped\" needs \"ask_if\"; without a condition the question "
                  "is never skipped");
  CHECK(all[1] == "mini/fields.yaml:12:17: \"x\" is not a value of \"id\"");
  CHECK(all[2] ==
        "mini/fields.yaml:131:14: unknown field \"data.persnal\" (did you mean \"data.personal\"?)");
  CHECK(all[3] == "mini/fields.yaml:132:17: \"nee\" is not a value of \"data.health\"");
}

TEST_CASE("the interview's wording of the tasks step is framework data, checked at load", "[io][framework]") {
  const auto fw = test::mini_framework();
  CHECK(fw.interview_tasks.after == "purpose.benefits");
  CHECK(fw.interview_tasks.question.in("nl").find("BOB-model") != std::string::npos);
  CHECK(fw.interview_tasks.help.in("en").starts_with("The BOB model divides"));

  auto files = test::mini_files();
  const std::string section = files["fields.yaml"].substr(files["fields.yaml"].find("\ninterview:\n"));
  files["fields.yaml"] = replace(files["fields.yaml"], section, "\n");
  CHECK(io::load_framework(test::as_sources(files), "mini").interview_tasks.after.empty());

  files = test::mini_files();
  files["fields.yaml"] = replace(files["fields.yaml"], "after: purpose.benefits", "after: purpose.benefit");
  auto found = errors(files);
  REQUIRE(found.size() == 1);
  CHECK(found[0].ends_with(": \"purpose.benefit\" is not a field the interview asks (did you mean "
                           "\"purpose.benefits\"?)"));
  CHECK(found[0].starts_with("mini/fields.yaml:"));

  files = test::mini_files();
  files["fields.yaml"] =
      replace(files["fields.yaml"], "after: purpose.benefits", "after: id\n    colour: red");
  found = errors(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].ends_with(": \"id\" is not a field the interview asks"));
  CHECK(found[1].find(": unknown key \"colour\"; allowed here: after, label, question, help") !=
        std::string::npos);
}
