// The built-in framework as a whole: it loads, it has the shape the TNO brief describes, and
// every item it holds has a text in each language and says where it comes from.
#include <algorithm>
#include <catch2/catch.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <set>

using namespace kansrijk;

namespace {
const core::Framework &builtin() {
  static const core::Framework framework = io::load_framework(io::builtin_framework_sources(), "builtin");
  return framework;
}

void check_text(const core::Text &text, const std::string &what) {
  for (const char *language : {"nl", "en"}) {
    INFO(what << " in " << language);
    CHECK_FALSE(text.in(language).empty());
    CHECK(text.by_language.count(language) == 1);
  }
}

void check_origin(const core::Origin &origin, const std::string &what) {
  INFO(what);
  CHECK_FALSE(origin.sources.empty());
  for (const auto &id : origin.sources) {
    CHECK(builtin().source(id) != nullptr);
  }
}
} // namespace

TEST_CASE("the built-in framework has the TNO structure", "[io][builtin]") {
  const auto &fw = builtin();
  CHECK(fw.id == "tno-arbeidsdeskundige");
  CHECK(fw.blocks.size() == 5);
  CHECK(fw.pillars.size() == 4);
  REQUIRE(fw.items.size() == 32);
  for (const auto &pillar : fw.pillars) {
    int tasks = 0;
    int actions = 0;
    for (const auto &item : fw.items) {
      if (fw.pillars[static_cast<std::size_t>(item.pillar)].id == pillar.id) {
        (fw.item_kind(item) == "action" ? actions : tasks) += 1;
      }
    }
    INFO(pillar.id);
    CHECK(tasks == 4);
    CHECK(actions == 4);
  }
  // the 15 of the brief, recognising speech and images for own tasks, and predicting from
  // earlier cases (machine learning's strength, use-case format 1.2)
  CHECK(fw.skills.size() == 18);
  CHECK(fw.technologies.size() == 4);
  CHECK(fw.dimensions.size() == 6);
  CHECK(fw.recommendations.size() == 5);
}

TEST_CASE("affective skills cannot be taken over by any technology", "[io][builtin]") {
  const auto &fw = builtin();
  for (std::size_t s = 0; s < fw.skills.size(); ++s) {
    if (fw.skill_groups[static_cast<std::size_t>(fw.skills[s].group)].id != "affective") {
      continue;
    }
    for (std::size_t t = 0; t < fw.technologies.size(); ++t) {
      INFO(fw.skills[s].id << " x " << fw.technologies[t].id);
      CHECK(fw.support[s][t].grade == core::Grade::none);
    }
  }
}

TEST_CASE("every skill is needed by some task, or named by a rule for own tasks", "[io][builtin]") {
  const auto &fw = builtin();
  std::set<std::string> used;
  for (const auto &item : fw.items) {
    for (const auto &skill : item.skills) {
      used.insert(fw.skills[static_cast<std::size_t>(skill.skill)].id);
    }
  }
  CHECK(used.size() == 15);
  for (const auto &skill : fw.skills) {
    if (used.count(skill.id) == 0) {
      INFO(skill.id);
      // a perception skill only an own task can have: some rule must read it
      CHECK(std::any_of(fw.rules.begin(), fw.rules.end(), [&](const core::Rule &rule) {
        return rule.when_text.find(skill.id + " in t.skills") != std::string::npos;
      }));
    }
  }
}

TEST_CASE("every text is bilingual and every item says where it comes from", "[io][builtin]") {
  const auto &fw = builtin();
  check_text(fw.title, "title");
  check_text(fw.statement, "statement");
  check_text(fw.limits, "limits");
  for (const auto &b : fw.blocks) {
    check_text(b.label, b.id);
    check_text(b.question, b.id);
    check_origin(b.origin, b.id);
  }
  for (const auto &f : fw.fields) {
    check_text(f.label, f.path);
    check_text(f.question, f.path);
    for (const auto &[value, label] : f.value_labels) {
      check_text(label, f.path + "=" + value);
    }
  }
  for (const auto &p : fw.pillars) {
    check_text(p.label, p.id);
    check_text(p.description, p.id);
    check_origin(p.origin, p.id);
  }
  for (const auto &i : fw.items) {
    check_text(i.label, i.id);
    check_text(i.description, i.id);
    check_text(i.rationale, i.id);
    check_origin(i.origin, i.id);
  }
  for (const auto &s : fw.skills) {
    check_text(s.label, s.id);
    check_text(s.description, s.id);
    check_origin(s.origin, s.id);
  }
  for (std::size_t t = 0; t < fw.technologies.size(); ++t) {
    const auto &tech = fw.technologies[t];
    check_text(tech.label, tech.id);
    check_text(tech.description, tech.id);
    CHECK_FALSE(tech.strengths.empty());
    CHECK_FALSE(tech.risks.empty());
    for (const auto &text : tech.strengths)
      check_text(text, tech.id + " strength");
    for (const auto &text : tech.risks)
      check_text(text, tech.id + " risk");
    for (const auto &text : tech.examples)
      check_text(text, tech.id + " example");
    check_origin(tech.origin, tech.id);
    for (std::size_t s = 0; s < fw.skills.size(); ++s) {
      check_text(fw.support[s][t].why, fw.skills[s].id + " x " + tech.id);
    }
  }
  for (const auto &d : fw.dimensions) {
    check_text(d.label, d.id);
    check_text(d.description, d.id);
    check_origin(d.origin, d.id);
  }
  for (const auto &f : fw.flags) {
    check_text(f.message, f.id);
    check_text(f.justification, f.id);
    check_origin(f.origin, f.id);
  }
  for (const auto *list : {&fw.recommendations, &fw.conditions}) {
    for (const auto &a : *list) {
      check_text(a.text, a.id);
      check_origin(a.origin, a.id);
    }
  }
  for (const auto &r : fw.rules) {
    check_text(r.text, r.id);
    check_origin(r.origin, r.id);
    for (const auto &q : r.effects.questions)
      check_text(q, r.id + " question");
  }
}

TEST_CASE("every flag, condition and recommendation can be raised by some rule", "[io][builtin]") {
  const auto &fw = builtin();
  std::set<int> flags;
  std::set<int> conditions;
  std::set<int> recommendations;
  for (const auto &rule : fw.rules) {
    flags.insert(rule.effects.flags.begin(), rule.effects.flags.end());
    conditions.insert(rule.effects.conditions.begin(), rule.effects.conditions.end());
    recommendations.insert(rule.effects.recommendations.begin(), rule.effects.recommendations.end());
  }
  CHECK(flags.size() == fw.flags.size());
  CHECK(conditions.size() == fw.conditions.size());
  CHECK(recommendations.size() == fw.recommendations.size());
}

TEST_CASE("every question the interview asks has help and a label for every choice", "[io][builtin]") {
  const auto fw = io::load_framework(io::builtin_framework_sources(), "builtin");
  for (const auto *fields : {&fw.fields, &fw.task_fields}) {
    for (const auto &decl : *fields) {
      if (!decl.asked || decl.derived || decl.path == "ref") {
        continue;
      }
      INFO(decl.path);
      for (const char *lang : {"nl", "en"}) {
        CHECK(!decl.question.in(lang).empty());
        CHECK(!decl.help.in(lang).empty());
        if (decl.values_from.empty()) {
          for (const auto &value : decl.domain.values) {
            INFO(value);
            REQUIRE(decl.value_labels.count(value) == 1);
            CHECK(!decl.value_labels.at(value).in(lang).empty());
          }
        }
      }
    }
  }
  const int health = fw.field_index("data.health");
  REQUIRE(health >= 0);
  CHECK(fw.fields[static_cast<std::size_t>(health)].ask_if.has_value());
}
