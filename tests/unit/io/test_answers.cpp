// The use-case writer against the use-case loader, for any declared field tree: random
// frameworks (fields at any depth, groups declared out of order, enum values that YAML
// could misread) and random answers (text with quotes, control characters, line
// separators, diacritics and emoji) are written, loaded back strictly and read back
// leniently, and must give the same values.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/io/answers.hpp>
#include <kansrijk/io/draft.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <random>
#include <set>

using namespace kansrijk;
using io::Answer;

namespace {

// A framework with `fields` (path, type, values) and the task fields and taxonomy the
// loader needs for tasks; built in code, so it shares nothing with a shipped framework.
core::Framework framework_with(const std::vector<core::FieldDecl> &fields) {
  core::Framework fw;
  fw.id = "random";
  for (auto field : fields) {
    field.index = static_cast<int>(fw.fields.size());
    fw.fields.push_back(std::move(field));
  }
  fw.pillars.push_back(core::Pillar{"p", {}, {}, {}});
  fw.skill_groups.push_back(core::SkillGroupDecl{"cognitive", {}});
  fw.skill_groups.push_back(core::SkillGroupDecl{"affective", {}});
  fw.skills.push_back(core::Skill{"think", 0, {}, {}, {}});
  fw.skills.push_back(core::Skill{"feel", 1, {}, {}, {}});
  for (const char *id : {"p.one", "p.two"}) {
    core::TaxonomyItem item;
    item.id = id;
    item.pillar = 0;
    item.skills.push_back(core::SkillWeight{0, 2});
    fw.items.push_back(item);
  }
  const auto task_field = [&](std::string path, core::FieldType type, std::vector<std::string> values,
                              core::FieldRole role = core::FieldRole::none) {
    core::FieldDecl decl;
    decl.path = std::move(path);
    decl.type = type;
    decl.role = role;
    decl.domain.values = std::move(values);
    decl.index = static_cast<int>(fw.task_fields.size());
    fw.task_fields.push_back(std::move(decl));
  };
  task_field("ref", core::FieldType::enumeration, {"p.one", "p.two"}, core::FieldRole::task_ref);
  task_field("name", core::FieldType::text, {}, core::FieldRole::task_name);
  task_field("kind", core::FieldType::enumeration, {"task", "action"}, core::FieldRole::task_kind);
  task_field("skills", core::FieldType::enum_list, {"think", "feel"}, core::FieldRole::task_skills);
  task_field("routine", core::FieldType::enumeration, {"low", "medium", "high"});
  fw.index_field_groups();
  return fw;
}

class Generator {
public:
  explicit Generator(std::uint32_t seed) : m_random(seed) {}

  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

  // A name for a key: a word, sometimes one YAML would misread.
  std::string key() {
    static const std::vector<std::string> k_words = {"doel", "ai",  "data", "context", "impact",
                                                     "x",    "rol", "yes",  "on",      "null",
                                                     "true", "1a",  "a-b",  "nee",     "ü"};
    return k_words[below(k_words.size())] + std::to_string(below(3));
  }

  std::string value() {
    static const std::vector<std::string> k_values = {
        "low", "high", "yes", "no", "on", "off", "true", "false", "null", "~",  "1",  "0.5", "-x",
        "a b", "y",    "n",   "Ja", "é",  "[x]", "#c",   "a: b",  "'q'",  "\"", "NO", "x.y", "_"};
    return k_values[below(k_values.size())];
  }

  std::string text() {
    static const std::vector<std::string> k_pieces = {"Dossier",
                                                      " ",
                                                      "beïnvloedt",
                                                      "cliënt",
                                                      "\"quoted\"",
                                                      "'single'",
                                                      "\\back",
                                                      ": colon",
                                                      "# hash",
                                                      "\t",
                                                      "\n",
                                                      "\r\n",
                                                      "\x01",
                                                      "\x7f",
                                                      "\xC2\x85",
                                                      "\xE2\x80\xA8",
                                                      "\xE2\x80\xA9",
                                                      "😀",
                                                      "\xEF\xBB\xBF",
                                                      "- dash",
                                                      "{x}",
                                                      "[y]",
                                                      "&anchor",
                                                      "*alias",
                                                      "!tag",
                                                      "%",
                                                      "@",
                                                      "`",
                                                      "|",
                                                      ">",
                                                      "null",
                                                      "~",
                                                      "yes",
                                                      "123",
                                                      "  ",
                                                      "e\xCC\x88",
                                                      "日本",
                                                      ","};
    std::string out;
    const std::size_t pieces = 1 + below(8);
    for (std::size_t i = 0; i < pieces; ++i) {
      out += k_pieces[below(k_pieces.size())];
    }
    if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
      out += "x"; // blank text is no answer
    }
    return out;
  }

  // Fields at depths 1-3, groups interleaved, no path both a field and a group.
  std::vector<core::FieldDecl> fields() {
    std::vector<core::FieldDecl> out;
    std::set<std::string> paths;
    std::set<std::string> groups;
    const std::size_t count = 1 + below(14);
    while (out.size() < count) {
      std::string path = key();
      for (std::size_t depth = below(3); depth > 0; --depth) {
        path += "." + key();
      }
      bool clash =
          path == "tasks" || path.starts_with("tasks.") || paths.count(path) != 0 || groups.count(path) != 0;
      for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) {
        clash = clash || paths.count(path.substr(0, dot)) != 0;
      }
      if (clash) {
        continue;
      }
      for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) {
        groups.insert(path.substr(0, dot));
      }
      paths.insert(path);
      core::FieldDecl decl;
      decl.path = path;
      decl.type = static_cast<core::FieldType>(below(3));
      if (decl.type != core::FieldType::text) {
        std::set<std::string> values;
        for (std::size_t n = 1 + below(5); values.size() < n;) {
          values.insert(value());
        }
        decl.domain.values.assign(values.begin(), values.end());
      }
      out.push_back(std::move(decl));
    }
    return out;
  }

  Answer answer(const core::FieldDecl &decl) {
    Answer answer;
    const std::size_t roll = below(10);
    if (roll < 2) {
      return answer; // open
    }
    if (roll < 4) {
      answer.state = Answer::State::unknown;
      return answer;
    }
    answer.state = Answer::State::known;
    if (decl.type == core::FieldType::text) {
      answer.text = text();
    } else if (decl.type == core::FieldType::enumeration) {
      answer.values = {decl.domain.values[below(decl.domain.values.size())]};
    } else {
      for (const auto &value : decl.domain.values) {
        if (chance(50)) {
          answer.values.push_back(value);
        }
      }
    }
    return answer;
  }

  io::Answers answers(const core::Framework &fw) {
    io::Answers out;
    for (const auto &decl : fw.fields) {
      out.fields.push_back(answer(decl));
    }
    for (std::size_t n = below(4); n > 0; --n) {
      io::TaskAnswer task;
      if (chance(50)) {
        task.ref = fw.items[below(fw.items.size())].id;
      } else {
        task.attributes["name"] = Answer{Answer::State::known, text(), {}};
        for (const auto &decl : fw.task_fields) {
          if (decl.path != "ref" && decl.path != "name" && chance(70)) {
            task.attributes[decl.path] = answer(decl);
            if (!task.attributes[decl.path].answered()) {
              task.attributes.erase(decl.path);
            }
          }
        }
      }
      out.tasks.push_back(std::move(task));
    }
    return out;
  }

private:
  std::mt19937 m_random;
};

// What the strict loader must have made of `answer`.
void check_value(const core::FieldDecl &decl, const Answer &answer, const core::FieldValue &value) {
  REQUIRE(value.known == answer.known());
  if (!answer.known()) {
    return;
  }
  if (decl.type == core::FieldType::text) {
    CHECK(value.text == answer.text);
  } else if (decl.type == core::FieldType::enumeration) {
    CHECK(value.value == decl.domain.index_of(answer.values.front()));
  } else {
    std::vector<int> expected;
    for (const auto &v : answer.values) {
      expected.push_back(decl.domain.index_of(v));
    }
    std::sort(expected.begin(), expected.end());
    CHECK(value.values == expected);
  }
}

} // namespace

TEST_CASE("written answers load back to the same values for random field trees", "[io][answers]") {
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    Generator random(seed);
    const core::Framework fw = framework_with(random.fields());
    io::Answers answers = random.answers(fw);
    const std::string tasks_after = fw.fields[random.below(fw.fields.size())].path;
    const std::string yaml = io::write_answers(fw, answers, "Draft\nline two", tasks_after);
    INFO("seed " << seed << "\n" << yaml);

    std::vector<util::Diagnostic> ignored;
    auto tree = io::parse_document(yaml, "answers.yaml", io::use_case_parse_limits());
    REQUIRE(tree.has_value());
    CHECK(io::read_answers(fw, *tree, ignored) == answers);
    CHECK(ignored.empty());

    if (answers.tasks.empty()) {
      continue; // the strict loader requires tasks
    }
    const core::UseCase loaded = io::parse_use_case(yaml, "answers.yaml", fw, "id");
    for (const auto &decl : fw.fields) {
      INFO("field " << decl.path);
      check_value(decl, answers.fields[static_cast<std::size_t>(decl.index)],
                  loaded.fields[static_cast<std::size_t>(decl.index)]);
    }
    REQUIRE(loaded.tasks.size() == answers.tasks.size());
    for (std::size_t t = 0; t < answers.tasks.size(); ++t) {
      const io::TaskAnswer &task = answers.tasks[t];
      if (!task.ref.empty()) {
        CHECK(loaded.tasks[t].item == fw.item_index(task.ref));
        continue;
      }
      for (const auto &decl : fw.task_fields) {
        if (const auto it = task.attributes.find(decl.path); it != task.attributes.end()) {
          INFO("task attribute " << decl.path);
          check_value(decl, it->second, loaded.tasks[t].attributes[static_cast<std::size_t>(decl.index)]);
        }
      }
    }
  }
}

TEST_CASE("fields of one group are written together at any depth", "[io][answers]") {
  std::vector<core::FieldDecl> fields(4);
  fields[0].path = "a.x";
  fields[1].path = "b";
  fields[2].path = "a.m.z";
  fields[3].path = "a.m.w";
  const core::Framework fw = framework_with(fields);
  io::Answers answers;
  for (const char *text : {"1", "2", "3", "4"}) {
    answers.fields.push_back(Answer{Answer::State::known, text, {}});
  }
  answers.tasks.push_back(io::TaskAnswer{"p.two", {}});
  CHECK(io::write_answers(fw, answers, "Made by a test", "b") == "# Made by a test\n"
                                                                 "a:\n"
                                                                 "  x: \"1\"\n"
                                                                 "  m:\n"
                                                                 "    z: \"3\"\n"
                                                                 "    w: \"4\"\n"
                                                                 "b: \"2\"\n"
                                                                 "tasks:\n"
                                                                 "  - ref: p.two\n");
}

TEST_CASE("a draft is read leniently: what is not valid is reported and left open", "[io][answers]") {
  std::vector<core::FieldDecl> fields(2);
  fields[0].path = "g.choice";
  fields[0].type = core::FieldType::enumeration;
  fields[0].domain.values = {"a", "b"};
  fields[1].path = "g.text";
  const core::Framework fw = framework_with(fields);
  auto tree = io::parse_document(
      "g: {choice: c, text: \"kept\", extra: 1}\nother: 2\ntasks: [{ref: p.nine}, {ref: p.one}]\n",
      "draft.yaml");
  REQUIRE(tree.has_value());
  std::vector<util::Diagnostic> ignored;
  const io::Answers answers = io::read_answers(fw, *tree, ignored);
  CHECK_FALSE(answers.fields[0].answered());
  CHECK(answers.fields[1] == Answer{Answer::State::known, "kept", {}});
  REQUIRE(answers.tasks.size() == 1);
  CHECK(answers.tasks[0].ref == "p.one");
  REQUIRE(ignored.size() == 4);
  CHECK(ignored[0].to_string() ==
        "draft.yaml:1:13: not a valid answer to \"g.choice\"; it will be asked again");
  CHECK(ignored[1].to_string() == "draft.yaml:1:30: \"g.extra\" is not a question of this framework");
  CHECK(ignored[2].to_string() == "draft.yaml:2:1: \"other\" is not a question of this framework");
  CHECK(ignored[3].to_string() == "draft.yaml:3:9: a task needs a known \"ref\" or a \"name\"; left out");
}

TEST_CASE("tasks are written under the framework's own task keys", "[io][answers]") {
  // The mini framework calls the task list `jobs`, a taxonomy task's key `item` and an own
  // task's name `called` (task_list and field roles), not tasks, ref and name.
  const core::Framework fw = test::mini_framework();
  io::Answers answers;
  answers.fields.resize(fw.fields.size());
  answers.fields[static_cast<std::size_t>(fw.field_index("name"))] = Answer{Answer::State::known, "T", {}};
  answers.tasks.push_back(io::TaskAnswer{"desk.write", {}});
  io::TaskAnswer own;
  own.attributes["called"] = Answer{Answer::State::known, "Eigen taak", {}};
  answers.tasks.push_back(own);
  const std::string yaml = io::write_answers(fw, answers, "Made by a test", "");
  INFO(yaml);
  CHECK(yaml.find("jobs:\n  - item: desk.write\n  - called: \"Eigen taak\"\n") != std::string::npos);
  const core::UseCase loaded = io::parse_use_case(yaml, "answers.yaml", fw, "id");
  REQUIRE(loaded.tasks.size() == 2);
  CHECK(loaded.tasks[0].item == fw.item_index("desk.write"));
  CHECK(loaded.tasks[1].item < 0);

  std::vector<util::Diagnostic> ignored;
  auto tree = io::parse_document(yaml, "answers.yaml", io::use_case_parse_limits());
  REQUIRE(tree.has_value());
  CHECK(io::read_answers(fw, *tree, ignored) == answers);
  CHECK(ignored.empty());
}

TEST_CASE("a sealed draft is known unchanged until a byte of it changes", "[io][draft]") {
  const std::string yaml = "id: \"a\"\ntitle: \"A\"\n";
  const std::string sealed = io::sealed_draft(yaml);
  CHECK(sealed.starts_with(yaml));
  CHECK(io::unchanged_draft(sealed));
  CHECK_FALSE(io::unchanged_draft(yaml)); // no seal: a person's file, or a framework's
  std::string edited = sealed;
  edited[5] = 'b';
  CHECK_FALSE(io::unchanged_draft(edited));
  CHECK_FALSE(io::unchanged_draft("# checked\n" + sealed));
  CHECK_FALSE(io::unchanged_draft(sealed.substr(0, sealed.size() - 1))); // the last line cut
  CHECK_FALSE(io::unchanged_draft(""));
}
