// The portfolio overview counts what it is given: verdicts of assessed cases only, a flag or
// condition once per case, conditions for the whole organisation only when they recur, and it
// ranks by verdict, then best possible verdict, then score, keeping input order for ties.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/report/overview.hpp>

using namespace kansrijk;
using core::Verdict;

namespace {

report::OverviewEntry entry(std::string id, Verdict verdict, Verdict best, std::optional<int> overall) {
  report::OverviewEntry e;
  e.id = std::move(id);
  e.title = "Titel " + e.id;
  e.verdict = verdict;
  e.best = best;
  e.worst = verdict;
  e.overall = overall;
  return e;
}

// The Markdown table row whose second cell is `id`, or "" when there is none.
std::string row_of(const std::string &md, const std::string &id) {
  const auto at = md.find("| " + id + " |");
  if (at == std::string::npos) {
    return {};
  }
  const auto start = md.rfind('\n', at) + 1;
  return md.substr(start, md.find('\n', at) - start);
}

} // namespace

TEST_CASE("the overview counts assessed cases and ranks them") {
  const core::Framework fw = test::mini_framework();
  report::Overview overview(fw);
  auto a = entry("a", Verdict::conditional, Verdict::promising, 60);
  a.flags = {1, 1, 5}; // hi twice (two rules), med: counted once per case
  a.conditions = {0};
  a.questions = {0, 1};
  auto b = entry("b", Verdict::conditional, Verdict::conditional, 65);
  b.flags = {5};
  b.conditions = {0};
  b.questions = {0};
  b.quick_change = "kies bij \"Modus\": concept";
  b.quick_verdict = Verdict::promising;
  auto c = entry("c", Verdict::promising, Verdict::promising, 40);
  report::OverviewEntry broken;
  broken.id = "d";
  broken.title = "Kapot";
  broken.failed = true;
  broken.verdict = Verdict::promising; // must not be counted
  auto e = entry("e", Verdict::not_advised, Verdict::not_advised, 90);
  e.flags = {0};
  for (auto *x : {&a, &b, &c, &broken, &e}) {
    overview.add(*x);
  }
  const std::string md = overview.render(report::Format::markdown, report::Language::nl);

  // the distribution: 1 promising (not the failed case), 2 conditional, 1 not advised
  CHECK(md.find("| kansrijk | 1 |") != std::string::npos);
  CHECK(md.find("| kansrijk onder voorwaarden | 2 |") != std::string::npos);
  CHECK(md.find("| niet kansrijk | 1 |") != std::string::npos);
  CHECK(md.find("4 toepassingen beoordeeld") != std::string::npos);
  CHECK(md.find("1 konden niet worden beoordeeld") != std::string::npos);

  // ranking: c (promising), a (conditional, best promising) before b (conditional, best
  // conditional, although b scores higher), e, then the failed case
  const auto pos = [&](const std::string &id) { return md.find("| " + id + " | Titel " + id); };
  CHECK(pos("c") < pos("a"));
  CHECK(pos("a") < pos("b"));
  CHECK(pos("b") < pos("e"));
  CHECK(pos("e") < md.find("| d | Kapot | niet beoordeeld |"));
  CHECK(row_of(md, "a").find("kansrijk – kansrijk onder voorwaarden") != std::string::npos);
  CHECK(row_of(md, "e").find("\\[knock-out\\] ko") != std::string::npos); // brackets escaped in Markdown

  // recurring flags: med in 2 of 4, hi in 1 of 4 (not 2: one case)
  CHECK(md.find("| \\[matig\\] med | 2 van 4 |") != std::string::npos);
  CHECK(md.find("| \\[ernstig\\] hi | 1 van 4 |") != std::string::npos);
  // the condition recurs in two cases: an organisation-wide condition
  CHECK(md.find("| c | 2 van 4 |") != std::string::npos);
  // quick wins: only b
  CHECK(md.find("kies bij \"Modus\": concept | kansrijk onder voorwaarden → kansrijk |") !=
        std::string::npos);
  CHECK(md.find("| Titel a | kies") == std::string::npos);
}

TEST_CASE("a condition in one case only is not organisation-wide") {
  const core::Framework fw = test::mini_framework();
  report::Overview overview(fw);
  auto a = entry("a", Verdict::conditional, Verdict::conditional, 60);
  a.conditions = {0};
  overview.add(a);
  overview.add(entry("b", Verdict::promising, Verdict::promising, 80));
  const std::string html = overview.render(report::Format::html, report::Language::en);
  CHECK(html.find("No condition recurs in more than one application.") != std::string::npos);
  CHECK(html.find("<td>c</td>") == std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("the entry of an assessed case carries its reason, flags and open questions") {
  const core::Framework fw = test::mini_framework();
  const core::UseCase uc =
      test::use_case(fw, "name: T\njobs: [{item: desk.write}]\ntool: {mode: rule}\ndata: {state: dirty}\n");
  const core::Assessment a = core::assess(fw, uc);
  const report::OverviewEntry e = report::overview_entry(a, report::Language::nl);
  CHECK(e.verdict == a.verdict);
  CHECK(e.verdict == Verdict::not_advised);
  REQUIRE(!e.flags.empty());
  CHECK(fw.flags[static_cast<std::size_t>(e.flags.front())].severity == core::Severity::knockout);
  CHECK(e.conditions.size() == 1);
  CHECK(!e.reason.empty());
  CHECK(e.questions.size() <= a.open_questions.size());
}
