// The quality-of-work findings of the domain brief (FRAMEWORK-BRIEF.md section 5, and the
// findings added to the framework after it), each walked to the rule of the built-in
// framework that encodes it and to the golden case that shows it
// (frameworks/tno-arbeidsdeskundige/tests/q-*.yaml). Per finding and dimension: the rule
// exists in the quality-of-work or tasks block, pushes the dimension the way the finding
// says, cites the finding's source, and fires in its golden case with a direction that agrees
// (the same, or mixed only against a rule declared as its counterweight).
#include <algorithm>
#include <catch2/catch.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/golden_case.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/file.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace kansrijk;
using core::Direction;

namespace {

const core::Framework &builtin() {
  static const core::Framework framework = io::load_framework(io::builtin_framework_sources(), "builtin");
  return framework;
}

// One finding and one dimension it is about; a finding about several dimensions has a row
// for each.
struct Finding {
  const char *finding;   // the finding, in short
  const char *rule;      // the rule that encodes it
  const char *golden;    // its golden case, in frameworks/tno-arbeidsdeskundige/tests/
  const char *dimension; // a quality-of-work dimension id
  Direction direction;   // the way the finding pushes that dimension
  const char *source;    // a source the rule must cite
};

const Finding k_findings[] = {
    // FRAMEWORK-BRIEF.md section 5 [TNO-2026], [000], [002]
    {"automating simple routine work leaves the complex work", "qow.routine-automation",
     "q-chatbot-eenvoudige-vragen.yaml", "variety", Direction::up, "TNO-2026"},
    {"automating simple routine work leaves the complex work", "qow.routine-automation",
     "q-chatbot-eenvoudige-vragen.yaml", "difficulty", Direction::up, "TNO-2026"},
    {"automating simple routine work leaves the complex work", "qow.routine-automation",
     "q-chatbot-eenvoudige-vragen.yaml", "mental_load", Direction::up, "TNO-2026"},
    {"staff repair the AI's mistakes with clients", "qow.repairing-ai-errors",
     "q-chatbot-fouten-herstellen.yaml", "mental_load", Direction::up, "TNO-2026"},
    {"AI drafts documents that people only check", "qow.drafting", "q-conceptrapport-controleren.yaml",
     "difficulty", Direction::down, "TNO-2026"},
    {"AI drafts documents that people only check", "qow.drafting", "q-conceptrapport-controleren.yaml",
     "variety", Direction::down, "TNO-2026"},
    {"freed time goes to new responsibilities", "qow.new-responsibilities", "q-vrije-tijd-nieuwe-taken.yaml",
     "variety", Direction::up, "TNO-2026"},
    {"AI makes information easy to find", "qow.information-access", "q-zoekassistent-werkinstructies.yaml",
     "autonomy", Direction::up, "TNO-2026"},
    {"AI makes information easy to find", "qow.information-access", "q-zoekassistent-werkinstructies.yaml",
     "difficulty", Direction::down, "TNO-2026"},
    {"AI makes information easy to find", "qow.information-access", "q-zoekassistent-werkinstructies.yaml",
     "social_support", Direction::down, "TNO-2026"},
    {"AI makes information easy to find", "qow.information-access", "q-zoekassistent-werkinstructies.yaml",
     "enjoyment_learning", Direction::down, "TNO-2026"},
    {"freed time becomes more of the same cases", "qow.freed-time-more-cases", "q-meer-dossiers.yaml",
     "variety", Direction::down, "TNO-2026"},
    {"freed time becomes more of the same cases", "qow.freed-time-more-cases", "q-meer-dossiers.yaml",
     "mental_load", Direction::up, "000"},
    {"freed time does not lead to higher targets", "qow.freed-time-no-targets",
     "q-geen-hogere-productienorm.yaml", "mental_load", Direction::down, "TNO-2026"},
    {"relying on AI erodes the professional's own skill", "tasks.deskilling", "q-advies-grotendeels-ai.yaml",
     "enjoyment_learning", Direction::down, "000"},
    {"AI acting as a digital manager", "qow.algorithmic-management", "q-digitale-planner.yaml", "autonomy",
     Direction::down, "002"},
    {"AI acting as a digital manager", "qow.algorithmic-management", "q-digitale-planner.yaml",
     "social_support", Direction::down, "TNO-2026"},
    {"AI acting as a digital manager", "qow.algorithmic-management", "q-digitale-planner.yaml", "mental_load",
     Direction::up, "002"},
    {"effects on quality of work are rarely considered up front", "qow.not-considered",
     "q-zonder-medewerkers-ingevoerd.yaml", "autonomy", Direction::down, "TNO-2026"},
    // added after the brief: TNO's intent [001], and the reconstructed findings
    {"AI takes over routine work the professionals dislike", "qow.disliked-work-relieved",
     "q-routinewerk-ontlast.yaml", "enjoyment_learning", Direction::up, "001"},
    {"AI offers safe practice", "qow.safe-practice", "q-oefencasus-loonwaarde.yaml", "enjoyment_learning",
     Direction::up, "001"},
    {"freed time goes to complex work the professionals help shape", "qow.freed-time-own-shape",
     "q-vrije-tijd-eigen-invulling.yaml", "autonomy", Direction::up, "TNO-2026"},
    {"a script or score steers the work", "qow.steered-by-score", "q-passendheidsscore.yaml", "autonomy",
     Direction::down, "002"},
    {"AI replaces colleagues as the first source of knowledge", "qow.first-source-of-knowledge",
     "q-ai-eerste-vraagbaak.yaml", "autonomy", Direction::up, "TNO-2026"},
    {"AI replaces colleagues as the first source of knowledge", "qow.first-source-of-knowledge",
     "q-ai-eerste-vraagbaak.yaml", "social_support", Direction::down, "002"},
    {"use of the AI is mandatory", "qow.mandatory-use", "q-verplicht-rapportmodule.yaml", "autonomy",
     Direction::down, "002"},
    {"AI takes over tasks that give energy", "tasks.enjoyable-taken-over",
     "q-kennis-bijhouden-overgenomen.yaml", "enjoyment_learning", Direction::down, "001"},
    {"AI touches consultation with colleagues", "qow.replaces-colleagues", "q-overleg-verzekeringsarts.yaml",
     "social_support", Direction::down, "TNO-2026"},
    {"freed time goes to clients", "qow.freed-time-clients", "q-vrije-tijd-clienten.yaml", "social_support",
     Direction::up, "000"},
    {"less administrative burden", "qow.admin-relief", "q-minder-administratie.yaml", "mental_load",
     Direction::down, "001"},
};

int rule_index(const core::Framework &fw, const std::string &id) {
  for (std::size_t r = 0; r < fw.rules.size(); ++r) {
    if (fw.rules[r].id == id) {
      return static_cast<int>(r);
    }
  }
  return -1;
}

bool contains(const std::vector<std::string> &list, const std::string &item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Whether rules `a` and `b` declare each other (either way) as counterweights: pushing one
// dimension both ways is then on purpose and the report shows it as mixed.
bool counterweights(const core::Rule &a, const core::Rule &b) {
  return contains(a.counterweights, b.id) || contains(b.counterweights, a.id);
}

// The golden case in `name`, read from the source tree and checked against `fw`.
std::vector<io::GoldenCase> golden_cases(const core::Framework &fw, const std::string &name) {
  const std::string path =
      std::string(KANSRIJK_SOURCE_DIR) + "/frameworks/tno-arbeidsdeskundige/tests/" + name;
  auto content = util::read_text_file(path, io::k_max_framework_file_bytes);
  INFO(path << ": " << (content.has_value() ? std::string("read") : content.error().message));
  REQUIRE(content.has_value());
  io::SourceFile file;
  file.name = "tests/" + name;
  file.display = path;
  file.content = std::move(*content);
  try {
    return io::load_golden_cases({file}, fw);
  } catch (const util::Error &e) {
    std::string problems;
    for (const auto &d : e.diagnostics()) {
      problems += d.to_string() + '\n';
    }
    FAIL(problems);
  }
  return {};
}

std::string text(Direction direction) { return std::string(core::to_string(direction)); }
std::string text(core::QowDirection direction) { return std::string(core::to_string(direction)); }

} // namespace

TEST_CASE("every quality-of-work finding has a sourced rule and a golden case that shows it",
          "[core][qow][builtin]") {
  const core::Framework &fw = builtin();
  for (const Finding &row : k_findings) {
    DYNAMIC_SECTION(row.rule << ": " << row.dimension << " " << text(row.direction)) {
      INFO("finding: " << row.finding);
      INFO("golden case: " << row.golden);

      // the rule: where it sits, what it does and what it cites
      const int r = rule_index(fw, row.rule);
      REQUIRE(r >= 0);
      const core::Rule &rule = fw.rules[static_cast<std::size_t>(r)];
      REQUIRE(rule.block >= 0);
      const std::string &block = fw.blocks[static_cast<std::size_t>(rule.block)].id;
      CHECK((block == "quality_of_work" || block == "tasks"));
      const int dimension = fw.dimension_index(row.dimension);
      REQUIRE(dimension >= 0);
      CHECK(std::any_of(rule.effects.quality_of_work.begin(), rule.effects.quality_of_work.end(),
                        [&](const core::QowEffect &effect) {
                          return effect.dimension == dimension && effect.direction == row.direction;
                        }));
      CHECK(fw.source(row.source) != nullptr);
      CHECK(contains(rule.origin.sources, row.source));

      // the golden case states the finding
      const std::vector<io::GoldenCase> cases = golden_cases(fw, row.golden);
      REQUIRE(cases.size() == 1);
      const io::GoldenCase &golden = cases.front();
      CHECK(contains(golden.fires, row.rule));
      const auto stated = golden.quality_of_work.find(row.dimension);
      REQUIRE(stated != golden.quality_of_work.end());
      CHECK((stated->second == text(row.direction) || stated->second == "mixed"));

      // and assessing it shows the finding
      core::AssessOptions options;
      options.questions = false; // neither changes which rules fire or where the dimensions go
      options.what_if = false;
      const core::Assessment assessment = core::assess(fw, golden.use_case, options);
      CHECK(std::any_of(assessment.fired.begin(), assessment.fired.end(),
                        [&](const core::FiredRule &fired) { return fired.rule == r; }));
      const auto result =
          std::find_if(assessment.quality_of_work.begin(), assessment.quality_of_work.end(),
                       [&](const core::QowResult &qow) { return qow.dimension == dimension; });
      REQUIRE(result != assessment.quality_of_work.end());
      const core::QowDirection wanted =
          row.direction == Direction::up ? core::QowDirection::up : core::QowDirection::down;
      if (result->direction != core::QowDirection::mixed) {
        CHECK(text(result->direction) == text(wanted));
      } else {
        // mixed: the rule pushes the finding's way, and every rule pushing the other way is a
        // declared counterweight of it
        CHECK(stated->second == "mixed");
        CHECK(std::any_of(result->reasons.begin(), result->reasons.end(), [&](const core::QowReason &reason) {
          return reason.rule == rule.id && reason.direction == row.direction;
        }));
        for (const core::QowReason &reason : result->reasons) {
          if (reason.direction != row.direction) {
            INFO("pushes " << row.dimension << " the other way: " << reason.rule);
            const int other = rule_index(fw, reason.rule);
            REQUIRE(other >= 0);
            CHECK(counterweights(rule, fw.rules[static_cast<std::size_t>(other)]));
          }
        }
      }
    }
  }
}
