// Use-case format 1.2: conditions the organisation states as arranged (the field with role
// in_place). A stated condition is in place; a flag whose `resolved_by` conditions are all
// stated is resolved, everywhere the engine counts flags: now, and in the verdict range.
#include "../support/mini_framework.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>

using namespace kansrijk;
using core::ConditionStatus;
using core::Verdict;

namespace {
const core::Framework &builtin() {
  static const core::Framework framework = io::load_framework(io::builtin_framework_sources(), "builtin");
  return framework;
}

// The external cloud summary of the medical file (examples/dossier-samenvatting.yaml, with
// the answers that would otherwise stay open), with `in_place` as given.
std::string dossier(const std::string &in_place) {
  return "title: Dossiersamenvatting\n"
         "purpose: {goal: overzicht, problem: lange dossiers, benefits: [time_saving, insight]}\n"
         "tasks: [{ref: beeldvorming.dossierstudie}, {ref: beeldvorming.informatieanalyse}]\n"
         "ai: {role: draft, technology: generative, share: part, oversight: every_output, reviewer: "
         "professional, reviewer_can_read: \"yes\", external_service: \"yes\", outside_eu: \"no\", "
         "about_people: []}\n"
         "data: {personal: \"yes\", health: \"yes\", medical: \"yes\", shared_with: [professional], "
         "recording: \"no\", quality: good, consent: not_used}\n"
         "impact: {decisions: indirect, medical_judgement: \"no\", freed_time: complex_work, output_to: "
         "[professional], output_use: casework}\n"
         "context: {organisation: private_practice, ai_literacy: high, employees_involved: \"yes\", "
         "small_iterative_start: \"yes\", it_infrastructure: ready, room_to_experiment: \"yes\", stage: "
         "pilot, voluntary: \"yes\"}\n" +
         (in_place.empty() ? std::string() : "in_place: [" + in_place + "]\n");
}

std::vector<std::string> ids(const std::vector<core::RaisedFlag> &flags) {
  std::vector<std::string> out;
  for (const auto &raised : flags) {
    out.push_back(builtin().flags[static_cast<std::size_t>(raised.flag)].id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const core::RaisedAdvice *condition(const core::Assessment &a, const std::string &id) {
  for (const auto &c : a.conditions) {
    if (builtin().conditions[static_cast<std::size_t>(c.advice)].id == id) {
      return &c;
    }
  }
  return nullptr;
}
} // namespace

TEST_CASE("the in_place field takes the framework's conditions as its values", "[core][in_place]") {
  const auto &fw = builtin();
  REQUIRE(fw.in_place_field >= 0);
  const auto &field = fw.fields[static_cast<std::size_t>(fw.in_place_field)];
  CHECK(field.path == "in_place");
  CHECK(field.domain.values == core::ids_of(fw.conditions));
  // a condition's text is its label, so a CSV cell or an interview shows what it means
  CHECK(core::value_label(field, 0, "nl") == fw.conditions.front().text.in("nl"));
}

TEST_CASE("a flag is resolved only when every condition that resolves it is stated", "[core][in_place]") {
  const auto &fw = builtin();
  const auto none = test::use_case(fw, dossier(""));
  const auto a = core::assess(fw, none);
  CHECK(ids(a.flags) ==
        std::vector<std::string>{"health-data-external", "health-data-processing", "personal-data-external"});
  CHECK(a.resolved_flags.empty());
  CHECK(a.verdict == Verdict::conditional);

  const auto part = test::use_case(fw, dossier("data-protection"));
  const auto b = core::assess(fw, part);
  CHECK(ids(b.flags) == std::vector<std::string>{"health-data-external", "health-data-processing"});
  CHECK(ids(b.resolved_flags) == std::vector<std::string>{"personal-data-external"});
  REQUIRE(condition(b, "data-protection") != nullptr);
  CHECK(condition(b, "data-protection")->status == ConditionStatus::in_place);
  CHECK(condition(b, "data-protection")->stated);
  REQUIRE(condition(b, "health-data-basis") != nullptr);
  CHECK(condition(b, "health-data-basis")->status == ConditionStatus::to_arrange);
  CHECK_FALSE(condition(b, "health-data-basis")->stated);

  const auto all = test::use_case(
      fw, dossier("data-protection, health-data-basis, document-not-high-risk, explainable-output"));
  const auto c = core::assess(fw, all);
  CHECK(c.flags.empty());
  CHECK(ids(c.resolved_flags) ==
        std::vector<std::string>{"health-data-external", "health-data-processing", "personal-data-external"});
  CHECK(c.verdict == Verdict::promising);
  // the verdict range searches the open answers with the same statements
  CHECK(c.range.best == Verdict::promising);
  CHECK(c.range.worst == Verdict::promising);
}

TEST_CASE("no statement resolves a flag about what the application does", "[core][in_place]") {
  const auto &fw = builtin();
  // every condition of the framework stated as arranged
  std::string every;
  for (const auto &c : fw.conditions) {
    every += (every.empty() ? "" : ", ") + c.id;
  }
  std::string yaml = dossier(every);
  const std::string about = "about_people: []";
  yaml.replace(yaml.find(about), about.size(), "about_people: [emotion_recognition]");
  const auto a = core::assess(fw, test::use_case(fw, yaml));
  CHECK(a.verdict == Verdict::not_advised);
  const auto flags = ids(a.flags);
  CHECK(std::find(flags.begin(), flags.end(), "emotion-recognition-at-work") != flags.end());
  for (const auto &flag : fw.flags) {
    if (flag.severity == core::Severity::knockout) {
      INFO(flag.id);
      CHECK(flag.resolved_by.empty());
    }
  }
}

TEST_CASE("a condition that is not a condition of the framework is refused with a suggestion",
          "[core][in_place]") {
  const auto &fw = builtin();
  try {
    (void)test::use_case(fw, dossier("data-protectoin"));
    FAIL("accepted an unknown condition");
  } catch (const util::Error &error) {
    REQUIRE_FALSE(error.diagnostics().empty());
    const auto &d = error.diagnostics().front();
    CHECK(d.where.line == 8);
    CHECK(d.message.find("data-protectoin") != std::string::npos);
    CHECK(d.message.find("data-protection") != std::string::npos);
  }
}

TEST_CASE("resolved_by names conditions, and role in_place needs a list of conditions", "[io][in_place]") {
  {
    auto files = test::mini_files();
    files["flags-more.yaml"] =
        "flags:\n  - {id: extra, severity: medium, resolved_by: [nope], message: {nl: m, "
        "en: m}, justification: {nl: j, en: j}}\n";
    try {
      (void)io::load_framework(test::as_sources(files), "mini");
      FAIL("accepted an unknown condition in resolved_by");
    } catch (const util::Error &error) {
      const auto &all = error.diagnostics();
      CHECK(std::any_of(all.begin(), all.end(), [](const util::Diagnostic &d) {
        return d.where.file.find("flags-more.yaml") != std::string::npos &&
               d.message.find("nope") != std::string::npos;
      }));
    }
  }
  {
    auto files = test::mini_files();
    files["vocabulary-more.yaml"] =
        "fields:\n  - {path: done, type: enum, values: [a, b], role: in_place, label: {nl: d, en: d}}\n";
    try {
      (void)io::load_framework(test::as_sources(files), "mini");
      FAIL("accepted role in_place on an enum of its own values");
    } catch (const util::Error &error) {
      const auto &all = error.diagnostics();
      CHECK(std::any_of(all.begin(), all.end(), [](const util::Diagnostic &d) {
        return d.message.find("role in_place") != std::string::npos;
      }));
    }
  }
}

TEST_CASE("a change that rules out a question gives it its if_skipped answer, over the answer it had",
          "[core][decision]") {
  // framework-authoring.md: a --set or what-if change makes a question it rules out take its
  // `if_skipped` value; before, "no personal data" stood beside "health data: yes".
  const auto &fw = builtin();
  auto uc = test::use_case(fw, dossier(""));
  const int personal = fw.field_index("data.personal");
  const int health = fw.field_index("data.health");
  const int medical = fw.field_index("data.medical");
  REQUIRE(uc.fields[static_cast<std::size_t>(health)].known);
  core::FieldValue no;
  no.known = true;
  no.value = fw.fields[static_cast<std::size_t>(personal)].domain.index_of("no");
  core::set_field(fw, uc, personal, no);
  const auto &decl = fw.fields[static_cast<std::size_t>(health)];
  CHECK(uc.fields[static_cast<std::size_t>(health)].value == decl.domain.index_of("no"));
  // and what that rules out in turn
  CHECK(uc.fields[static_cast<std::size_t>(medical)].value ==
        fw.fields[static_cast<std::size_t>(medical)].domain.index_of("no"));
  const auto a = core::assess(fw, uc);
  CHECK(ids(a.flags).empty());
}
