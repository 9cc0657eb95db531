// The framework loader: broken frameworks get every problem located, in one run; what the
// engine needs from a framework is declared in it and checked.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/engine.hpp>
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

TEST_CASE("the mini framework loads, its rules gathered from two files", "[io][framework]") {
  const auto fw = test::mini_framework();
  CHECK(fw.id == "mini");
  CHECK(fw.rules.size() == 7);
  CHECK(fw.sha256.size() == 64);
  CHECK(fw.tasks_key == "jobs");
  CHECK(fw.field_with(core::FieldRole::technology) == fw.field_index("tool.kind"));
  CHECK(fw.block_with(core::Computed::quality_of_work) == fw.block_index("life"));
  CHECK(fw.verdict.steps.size() == 6);
  CHECK(fw.warnings.empty());
}

TEST_CASE("a rule condition error points into the YAML file", "[io][framework]") {
  auto files = test::mini_files();
  files["rules.yaml"] =
      replace(files["rules.yaml"], "when: \"tool.mode == draft\"", "when: \"tool.mode == drafts\"");
  const auto all = errors(files);
  REQUIRE(all.size() == 1);
  CHECK(all[0] ==
        "mini/rules.yaml:3:52: value \"drafts\" is not allowed for `tool.mode`; allowed: look, draft, "
        "act, rule (did you mean \"draft\"?)");
}

TEST_CASE("a condition in a literal block scalar is located on its own line", "[io][framework]") {
  auto files = test::mini_files();
  files["rules.yaml"] += "  - id: r.block\n    block: work\n    when: |\n      tool.mode == draft and\n      "
                         "tool.mod == look\n    text: {nl: x, en: x}\n    effects: {points: {work: 1}}\n";
  const auto all = errors(files);
  REQUIRE(all.size() == 1);
  CHECK(all[0] == "mini/rules.yaml:9:7: unknown field \"tool.mod\" (did you mean \"tool.mode\"?)");
}

TEST_CASE("dangling references, duplicates across files and missing texts are all reported",
          "[io][framework]") {
  auto files = test::mini_files();
  files["rules.yaml"] = replace(files["rules.yaml"], "flags: [ko]", "flags: [k0]");
  files["rules-life.yaml"] = replace(files["rules-life.yaml"], "id: r.dirty", "id: r.goal");
  files["catalogue.yaml"] =
      replace(files["catalogue.yaml"], "message: {nl: \"hi\", en: \"hi\"}", "message: {nl: \"hi\"}");
  files["catalogue.yaml"] = replace(files["catalogue.yaml"], "needs: {write: 3}", "needs: {writ: 3}");
  const auto all = errors(files);
  CHECK(all ==
        std::vector<std::string>{
            "mini/catalogue.yaml:10:125: unknown skill \"writ\" (did you mean \"write\"?)",
            "mini/catalogue.yaml:29:39: \"message\" has no \"en\" text",
            // files are read in name order: rules-life.yaml comes before rules.yaml
            "mini/rules.yaml:2:10: duplicate rule id \"r.goal\" (first defined at mini/rules-life.yaml:2:10)",
            "mini/rules.yaml:4:104: unknown flag \"k0\" (did you mean \"ko\"?)",
        });
}

TEST_CASE("a missing section and invalid YAML are located", "[io][framework]") {
  auto files = test::mini_files();
  files["catalogue.yaml"] = replace(files["catalogue.yaml"], "dimensions:", "dimension:");
  files["rules-life.yaml"] = "rules: [\n";
  const auto all = errors(files);
  CHECK(std::find(all.begin(), all.end(),
                  "mini: no file declares \"dimensions\"; every framework has it (see "
                  "framework-authoring.md in the documentation, `man kansrijk` FILES)") != all.end());
  CHECK(std::any_of(all.begin(), all.end(), [](const std::string &e) {
    return e.starts_with("mini/catalogue.yaml:") &&
           e.find("unknown key \"dimension\" (did you mean \"dimensions\"?)") != std::string::npos;
  }));
  CHECK(std::any_of(all.begin(), all.end(), [](const std::string &e) {
    return e.starts_with("mini/rules-life.yaml:2:1: invalid YAML");
  }));
}

TEST_CASE("a single section may not be declared twice; a stray file is a warning", "[io][framework]") {
  auto files = test::mini_files();
  files["extra.yaml"] = "verdict: {thresholds: {promising: 3, conditional: 2, limited: 1}, policy: []}\n";
  const auto all = errors(files);
  REQUIRE(all.size() == 1);
  CHECK(all[0] ==
        "mini/framework.yaml:26:1: \"verdict\" is declared twice (first at mini/extra.yaml:1:1); only "
        "lists such as rules may be split over files");
  auto stray = test::mini_files();
  stray["notes.yaml"] = "author: me\n";
  const auto fw = io::load_framework(test::as_sources(stray), "mini");
  REQUIRE(fw.warnings.size() == 1); // a file that declares no section is a warning
  CHECK(fw.warnings[0].code == "KR113");
  CHECK(fw.warnings[0].where.file == "mini/notes.yaml");
  auto typo = test::mini_files();
  typo["rules-life.yaml"] += "rulez: []\n";
  CHECK(errors(typo).size() == 1); // an unknown key next to known sections is an error
  auto empty_file = test::mini_files();
  empty_file["notes.yaml"] = "# nothing yet\n{}\n";
  CHECK(io::load_framework(test::as_sources(empty_file), "mini").warnings.empty());
}

TEST_CASE("thresholds must fall and grades must be complete", "[io][framework]") {
  auto files = test::mini_files();
  files["framework.yaml"] = replace(files["framework.yaml"], "promising: 70", "promising: 40");
  files["catalogue.yaml"] =
      replace(files["catalogue.yaml"], "      learning: {grade: none, why: {nl: \"x\", en: \"x\"}}\n", "");
  const auto all = errors(files);
  CHECK(all ==
        std::vector<std::string>{
            "mini/catalogue.yaml:16:3: no grade for skill \"care\" with technology \"learning\"",
            "mini/framework.yaml:27:15: verdict thresholds must fall: promising > conditional > limited",
        });
}

TEST_CASE("verdict policy steps are type-checked against the verdict facts", "[io][framework]") {
  auto files = test::mini_files();
  files["framework.yaml"] =
      replace(files["framework.yaml"], "when: \"flags.high >= 2\"", "when: \"flags.hgh >= 2\"");
  files["framework.yaml"] =
      replace(files["framework.yaml"], "when: \"score.lowest < 30\"", "when: \"score.life < low\"");
  files["framework.yaml"] = replace(files["framework.yaml"], "at_most: conditional, text: {nl: een",
                                    "at_most: so-so, text: {nl: een");
  const auto all = errors(files);
  REQUIRE(all.size() == 3);
  CHECK(all[0].ends_with("unknown field \"flags.hgh\" (did you mean \"flags.high\"?)"));
  CHECK(all[1].ends_with("\"at_most\" must be one of promising, conditional, limited, not_advised, "
                         "insufficient_information, not \"so-so\""));
  CHECK(all[2].ends_with("a number can only be compared with a number"));
}

TEST_CASE("interview conditions and defaults of fields are parsed, type-checked and located",
          "[io][framework]") {
  auto files = test::mini_files();
  files["vocabulary.yaml"] =
      replace(files["vocabulary.yaml"], "ask_if: \"data.private != no\"", "ask_if: \"data.privat != no\"");
  files["vocabulary.yaml"] = replace(files["vocabulary.yaml"], "if_skipped: \"no\"", "if_skipped: \"nee\"");
  files["vocabulary.yaml"] =
      replace(files["vocabulary.yaml"], "{when: \"tool.mode in [act, rule]\", value: does}",
              "{when: \"any(jobs, t.dull == high)\", value: doing}");
  const auto all = errors(files);
  CHECK(all ==
        std::vector<std::string>{
            "mini/vocabulary.yaml:12:72: unknown field \"data.privat\" (did you mean \"data.private\"?)",
            "mini/vocabulary.yaml:12:104: \"nee\" is not a value of \"data.sensitive\"",
            // a default reads the use case's own fields, not its tasks
            "mini/vocabulary.yaml:31:17: there is no task list to range over here",
            "mini/vocabulary.yaml:31:52: \"doing\" is not a value of \"how\"",
        });
}

TEST_CASE("renaming the technology field keeps the framework working, or gives a located error",
          "[io][framework]") {
  // Renamed consistently: the role moves with it and the scores stay the same.
  auto renamed = test::mini_files();
  renamed["vocabulary.yaml"] = replace(renamed["vocabulary.yaml"], "path: tool.kind", "path: tool.family");
  const auto fw = io::load_framework(test::as_sources(renamed), "mini");
  const auto uc =
      test::use_case(fw, "name: T\njobs: [{item: desk.write}]\ntool: {mode: draft, family: learning}\n");
  const auto a = core::assess(fw, uc);
  CHECK(a.blocks[static_cast<std::size_t>(fw.block_index("fit"))].score == 100);
  // Without a role the fit block has nothing to rest on: an error, not a silent change of scores.
  auto no_role = test::mini_files();
  no_role["vocabulary.yaml"] = replace(no_role["vocabulary.yaml"], "role: technology, ", "");
  const auto all = errors(no_role);
  REQUIRE(all.size() == 1);
  CHECK(all[0] == "mini/framework.yaml:14:5: a block rests on technology_fit, so a field with role "
                  "technology must be declared");
  // A value that is no declared technology is an error too.
  auto bad_value = test::mini_files();
  bad_value["vocabulary.yaml"] = replace(bad_value["vocabulary.yaml"], "values: [rules, learning]",
                                         "values: [rules, "
                                         "learnin]");
  const auto values = errors(bad_value);
  REQUIRE(values.size() == 1);
  CHECK(values[0].ends_with(
      "\"learnin\" of field \"tool.kind\" (role technology) is not a declared technology (did "
      "you mean \"learning\"?)"));
}

TEST_CASE("renaming a block, a task kind value or the task list key is checked where it is used",
          "[io][framework]") {
  auto block = test::mini_files();
  block["framework.yaml"] = replace(block["framework.yaml"], "{id: life,", "{id: living,");
  const auto block_errors = errors(block);
  CHECK(std::any_of(block_errors.begin(), block_errors.end(), [](const std::string &e) {
    return e == "mini/rules-life.yaml:2:26: unknown building block \"life\"";
  }));
  auto kind = test::mini_files();
  kind["vocabulary.yaml"] =
      replace(kind["vocabulary.yaml"], "values: [chore, step]", "values: [chore, move]");
  const auto kind_errors = errors(kind);
  REQUIRE(kind_errors.size() == 1);
  CHECK(kind_errors[0] == "mini/catalogue.yaml:11:41: \"sort\" must be one of chore, move, not \"step\"");
  auto key = test::mini_files();
  key["vocabulary.yaml"] =
      replace(key["vocabulary.yaml"], "task_list: {key: jobs}", "task_list: {key: chores}");
  key["rules.yaml"] +=
      "  - {id: r.any, block: work, when: \"any(jobs, t.dull == high)\", text: {nl: x, en: x}, "
      "effects: {points: {work: 1}}}\n";
  const auto key_errors = errors(key);
  REQUIRE(key_errors.size() == 1);
  CHECK(key_errors[0].ends_with("`any` ranges over the task list; write `any(chores, ...)`"));
}

TEST_CASE("a condition's met_when is type-checked and located; a recommendation has none",
          "[io][framework]") {
  auto files = test::mini_files();
  files["catalogue.yaml"] =
      replace(files["catalogue.yaml"], "- {id: cond, text: {nl: \"c\", en: \"c\"}}",
              "- {id: cond, text: {nl: \"c\", en: \"c\"}, met_when: \"team.asked == ja\"}");
  files["catalogue.yaml"] =
      replace(files["catalogue.yaml"], "- {id: rec, text: {nl: \"r\", en: \"r\"}}",
              "- {id: rec, text: {nl: \"r\", en: \"r\"}, met_when: \"team.asked == yes\"}");
  const auto all = errors(files);
  REQUIRE(all.size() == 2);
  CHECK(all[0] ==
        "mini/catalogue.yaml:35:41: unknown key \"met_when\"; allowed here: id, text, provenance, source");
  CHECK(all[1] ==
        "mini/catalogue.yaml:37:67: value \"ja\" is not allowed for `team.asked`; allowed: yes, no");
}

TEST_CASE("the interview's wording of the tasks step is framework data, checked at load", "[io][framework]") {
  const auto builtin = io::load_framework(io::builtin_framework_sources(), "builtin");
  CHECK(builtin.interview_tasks.after == "purpose.benefits");
  CHECK(builtin.interview_tasks.question.in("nl").find("BOB-model") != std::string::npos);
  CHECK(builtin.interview_tasks.help.in("en").starts_with("The BOB model divides"));

  // Optional, and like every section it may live in any file of the framework.
  CHECK(test::mini_framework().interview_tasks.after.empty());
  const std::string section = "interview:\n"
                              "  tasks:\n"
                              "    after: aim.goal\n"
                              "    label: {nl: Taken, en: Tasks}\n"
                              "    question: {nl: \"Welke taken?\", en: \"Which tasks?\"}\n";
  auto files = test::mini_files();
  files["interview.yaml"] = section;
  const auto fw = io::load_framework(test::as_sources(files), "mini");
  CHECK(fw.interview_tasks.after == "aim.goal");
  CHECK(fw.interview_tasks.question.in("en") == "Which tasks?");
  CHECK(fw.interview_tasks.help.in("en").empty());

  files["interview.yaml"] = replace(section, "after: aim.goal", "after: aim.goals");
  auto found = errors(files);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "mini/interview.yaml:3:12: \"aim.goals\" is not a field the interview asks (did you mean "
                    "\"aim.goal\"?)");

  files["interview.yaml"] = replace(section, "after: aim.goal", "after: code\n    colour: red");
  found = errors(files);
  REQUIRE(found.size() == 2);
  CHECK(found[0].ends_with(": \"code\" is not a field the interview asks"));
  CHECK(found[1].find(": unknown key \"colour\"; allowed here: after, label, question, help") !=
        std::string::npos);
}
