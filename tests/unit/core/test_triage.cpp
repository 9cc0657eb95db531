// The triage of a register entry: scope and presumptions from the framework's words, each with
// the words that decided it, on the mini framework with a scope section written for the test.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/triage.hpp>
#include <kansrijk/util/diagnostic.hpp>

using namespace kansrijk;

namespace {

const char *const k_scope = R"(scope:
  - scope: core
    nl: [arbeidsongeschikt*, verzekeringsarts]
    en: ["work disability"]
  - scope: core
    nl: [werknemer]
    with: {nl: [rapport*]}
    unless: {nl: [loonheffing*]}
  - scope: adjacent
    nl: [bijstand*, ww]
negations:
  nl: [geen, niet]
presumptions:
  - {field: data.private, value: "yes", nl: [persoonsgegevens, inwoner*]}
  - {field: tool.kind, value: learning, nl: ["machine learning", voorspel*]}
  - {field: tool.kind, value: rules, nl: [beslisregel*]}
  - {field: tool.check, value: none, in: [aim.goal], nl: ["zonder controle"]}
  - {field: people.watch, value: scores, nl: [score*]}
  - {field: people.watch, value: moods, nl: [emotie*]}
  - {field: tool.check, value: some, nl: [automatisch], with: {nl: [besluit*]}}
)";

core::Framework framework_with(const std::string &sections) {
  auto files = test::mini_files();
  files["scope.yaml"] = sections;
  return io::load_framework(test::as_sources(files), "mini");
}

const core::Framework &fw() {
  static const core::Framework framework = framework_with(k_scope);
  return framework;
}

core::Triage triage(const std::string &text, const std::string &goal = {}) {
  const core::Triager triager(fw());
  core::EntryTexts texts{{fw().field_index("name"), text}};
  if (!goal.empty()) {
    texts.emplace_back(fw().field_index("aim.goal"), goal);
  }
  return triager.triage(texts);
}

std::vector<std::string> presumed(const core::Triage &t) {
  std::vector<std::string> out;
  for (const auto &p : t.presumed) {
    out.push_back(fw().fields[static_cast<std::size_t>(p.field)].path + "=" + p.value);
  }
  return out;
}

} // namespace

TEST_CASE("a core word puts an entry in the core of the profession, with the word as written",
          "[core][triage]") {
  const auto t = triage("Beoordeling van de arbeidsongeschiktheidsuitkering");
  CHECK(t.scope == core::Scope::core);
  CHECK(t.scope_evidence == std::vector<std::string>{"arbeidsongeschiktheidsuitkering"});
}

TEST_CASE("an adjacent word makes an entry adjacent; no word leaves it outside", "[core][triage]") {
  CHECK(triage("Controle van bijstandsuitkeringen").scope == core::Scope::adjacent);
  CHECK(triage("Een chatbot voor de WW").scope == core::Scope::adjacent);
  const auto outside = triage("Verkeerslichten regelen de doorstroming");
  CHECK(outside.scope == core::Scope::outside);
  CHECK(outside.scope_evidence.empty());
}

TEST_CASE("a word that needs a companion counts only with it, and not beside an exclusion",
          "[core][triage]") {
  CHECK(triage("Gegevens van de werknemer").scope == core::Scope::outside);
  const auto both = triage("Een rapport over de werknemer");
  CHECK(both.scope == core::Scope::core);
  CHECK(both.scope_evidence == std::vector<std::string>{"werknemer", "rapport"});
  CHECK(triage("Een rapport over de loonheffingen van de werknemer").scope == core::Scope::outside);
}

TEST_CASE("stems meet word forms, but only words that share all but three letters", "[core][triage]") {
  // "verzekeringsartsen" stems to "verzekeringsarts"; "verzekering" shares the stem's start only
  CHECK(triage("De verzekeringsartsen beslissen").scope == core::Scope::core);
  CHECK(triage("De verzekering betaalt").scope == core::Scope::outside);
}

TEST_CASE("a presumption has the words that support it; a negation near them cancels it", "[core][triage]") {
  const auto t = triage("Het model verwerkt persoonsgegevens van inwoners en voorspelt wie hulp nodig heeft");
  CHECK(presumed(t) == std::vector<std::string>{"tool.kind=learning", "data.private=yes"});
  REQUIRE(t.presumed.size() == 2);
  CHECK(t.presumed[1].evidence == std::vector<std::string>{"persoonsgegevens", "inwoners"});
  CHECK(presumed(triage("Er worden geen persoonsgegevens verwerkt.")).empty());
  // the negation belongs to another sentence
  CHECK(presumed(triage("Dit is niet nieuw. Het verwerkt persoonsgegevens.")) ==
        std::vector<std::string>{"data.private=yes"});
}

TEST_CASE("curly quotes, dashes and no-break spaces separate words as ASCII punctuation does",
          "[core][triage]") {
  const auto t =
      triage("Het model \u2018voorspelt\u2019 wie\u2014inwoners\u00a0en \u00abpersoonsgegevens\u00bb\u2026");
  CHECK(presumed(t) == std::vector<std::string>{"tool.kind=learning", "data.private=yes"});
  REQUIRE(t.presumed.size() == 2);
  CHECK(t.presumed[0].evidence == std::vector<std::string>{"voorspelt"});
  CHECK(t.presumed[1].evidence == std::vector<std::string>{"persoonsgegevens", "inwoners"});
}

TEST_CASE("the first declared value of a field wins; a list field takes every value", "[core][triage]") {
  CHECK(presumed(triage("Machine learning naast beslisregels")) ==
        std::vector<std::string>{"tool.kind=learning"});
  CHECK(presumed(triage("Een score en emoties")) ==
        std::vector<std::string>{"people.watch=scores", "people.watch=moods"});
}

TEST_CASE("a presumption with a companion counts only in a sentence that has both, neither denied",
          "[core][triage]") {
  const auto t = triage("Intro. Het systeem neemt automatisch een besluit over de aanvraag.");
  REQUIRE(presumed(t) == std::vector<std::string>{"tool.check=some"});
  CHECK(t.presumed[0].evidence == std::vector<std::string>{"automatisch", "besluit"});
  CHECK(presumed(triage("Het systeem werkt automatisch. Een medewerker neemt het besluit.")).empty());
  CHECK(presumed(triage("Het systeem neemt niet automatisch een besluit.")).empty());
  CHECK(presumed(triage("Er volgt automatisch geen besluit.")).empty());
  CHECK(presumed(triage("Een besluit.")).empty());
}

TEST_CASE("a presumption that reads one field reads only that field's text", "[core][triage]") {
  CHECK(presumed(triage("zonder controle")).empty());
  CHECK(presumed(triage("iets", "zonder controle")) == std::vector<std::string>{"tool.check=none"});
}

TEST_CASE("presumptions are given where the use case leaves the field open, never over an answer",
          "[core][triage]") {
  const auto use_case = test::use_case(fw(), "name: x\ndata: {private: 'no'}\njobs: [{item: desk.write}]\n");
  core::Triage t;
  t.presumed.push_back({fw().field_index("data.private"), "yes", {"inwoners"}});
  t.presumed.push_back({fw().field_index("tool.kind"), "learning", {"model"}});
  t.presumed.push_back({fw().field_index("people.watch"), "scores", {"score"}});
  t.presumed.push_back({fw().field_index("people.watch"), "moods", {"emoties"}});
  const auto presumed_case = core::with_presumptions(fw(), use_case, t);
  const auto &fields = presumed_case.fields;
  const auto &decl = fw().fields[static_cast<std::size_t>(fw().field_index("data.private"))];
  CHECK(fields[static_cast<std::size_t>(fw().field_index("data.private"))].value ==
        decl.domain.index_of("no"));
  CHECK(fields[static_cast<std::size_t>(fw().field_index("tool.kind"))].known);
  CHECK(fields[static_cast<std::size_t>(fw().field_index("people.watch"))].values == std::vector<int>{0, 1});
}

TEST_CASE("a framework without scope words puts every entry in scope", "[core][triage]") {
  const core::Framework plain = test::mini_framework();
  const core::Triager triager(plain);
  CHECK_FALSE(triager.has_scope());
  CHECK(triager.triage({{plain.field_index("name"), "Verkeerslichten"}}).scope == core::Scope::core);
}

TEST_CASE("scope and presumption sections with mistakes are located", "[io][triage]") {
  std::vector<std::string> problems;
  try {
    (void)framework_with(R"(scope:
  - {scope: centre, nl: [x]}
presumptions:
  - {field: data.privat, value: "yes", nl: [x]}
  - {field: aim.goal, value: "x", nl: [x]}
  - {field: tool.kind, value: ml, nl: [x]}
  - {field: tool.kind, value: rules, in: [nowhere], nl: [x]}
  - {field: tool.kind, value: rules, nl: [x], with: [y]}
negations: [geen]
)");
  } catch (const util::Error &e) {
    for (const auto &d : e.diagnostics()) {
      problems.push_back(d.to_string());
    }
  }
  CHECK(problems ==
        std::vector<std::string>{
            "mini/scope.yaml:2:13: \"scope\" must be core or adjacent (outside is what no word "
            "points to), not \"centre\"",
            "mini/scope.yaml:4:13: unknown field \"data.privat\" (did you mean \"data.private\"?)",
            "mini/scope.yaml:5:13: field \"aim.goal\" cannot be presumed: it is free text or derived; "
            "presume a field with values",
            "mini/scope.yaml:6:31: unknown value of tool.kind \"ml\"",
            "mini/scope.yaml:7:42: unknown field \"nowhere\"",
            "mini/scope.yaml:8:53: \"with\" must map each language to a list of words",
            "mini/scope.yaml:9:12: \"negations\" must map each language to a list of words",
        });
}

TEST_CASE("a declared phrase led by a negation word denies nothing near it", "[core][triage]") {
  // "zonder tussenkomst" is itself a presumption's phrase: its "zonder" does not deny the
  // "automatisch afgewezen" beside it; a "geen" does.
  const core::Framework framework = framework_with(R"(negations:
  nl: [geen, zonder]
presumptions:
  - {field: tool.check, value: none, nl: ["automatisch afgewezen", "zonder tussenkomst"]}
)");
  const core::Triager triager(framework);
  const auto presume = [&](const std::string &text) {
    return triager.triage({{framework.field_index("name"), text}}).presumed;
  };
  const auto found = presume("Aanvragen worden automatisch afgewezen zonder tussenkomst van een medewerker.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].evidence == std::vector<std::string>{"automatisch afgewezen", "zonder tussenkomst"});
  CHECK(presume("Er wordt geen aanvraag automatisch afgewezen.").empty());
  // a sentence ends at a full stop before a quote or bracket too
  CHECK(presume("Het werkt \"zonder tussenkomst\". (Geen aanvraag wordt automatisch afgewezen.)").size() ==
        1);
}
