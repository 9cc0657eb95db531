// The report in two layers: a main part in plain words for whoever receives it, and an
// appendix that traces every statement to its rule, points and sources. And what every
// printed page of the HTML report repeats, which comes from the input and must stay text.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/report/render.hpp>

using namespace kansrijk;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}

// r.decide raises the knock-out ko, r.dirty the high flag hi and the condition cond.
const core::Assessment &assessment() {
  static const core::UseCase uc =
      test::use_case(fw(), "name: T\njobs: [{item: desk.write}]\ntool: {mode: rule}\ndata: {state: dirty}\n");
  static const core::Assessment a = core::assess(fw(), uc);
  return a;
}

std::pair<std::string, std::string> layers(report::Format format, report::Language language) {
  report::RenderOptions options;
  options.language = language;
  std::string out = report::render(assessment(), format, options);
  // Markdown escapes the dot of "r.decide" and the like; read it as rendered.
  std::erase(out, '\\');
  const std::string marker =
      language == report::Language::nl ? "Bijlage: verantwoording" : "Appendix: justification";
  const auto at = out.find(marker);
  REQUIRE(at != std::string::npos);
  REQUIRE(out.find(marker, at + 1) == std::string::npos);
  return {out.substr(0, at), out.substr(at)};
}
} // namespace

TEST_CASE("the main part names no rule, source or hash; the appendix names them all", "[report][layers]") {
  for (const auto format : {report::Format::text, report::Format::markdown, report::Format::html}) {
    for (const auto language : {report::Language::nl, report::Language::en}) {
      const auto [main, appendix] = layers(format, language);
      INFO(static_cast<int>(format) << " " << static_cast<int>(language) << "\n" << main << appendix);
      for (const auto &machinery :
           std::vector<std::string>{"r.decide", "r.dirty", fw().sha256.substr(0, 12)}) {
        CHECK(main.find(machinery) == std::string::npos);
        CHECK(appendix.find(machinery) != std::string::npos);
      }
      CHECK(appendix.find(fw().sha256) != std::string::npos);
      // the flags in plain words in both
      for (const char *message : {"ko", "hi"}) {
        CHECK(main.find(message) != std::string::npos);
      }
    }
  }
}

TEST_CASE("the main part says what the verdict means and which flag a condition answers",
          "[report][layers]") {
  const auto [main, appendix] = layers(report::Format::text, report::Language::nl);
  INFO(main << appendix);
  CHECK(main.find("Wat dit betekent\n----------------\nZet de toepassing zo niet in") != std::string::npos);
  CHECK(main.find("Eerst te regelen\n1. c\n    Nodig vanwege het signaal: hi") != std::string::npos);
  CHECK(appendix.find("[te regelen] c (voorwaarde cond; regel: r.dirty)") != std::string::npos);
}

TEST_CASE("the case title on every printed page cannot end the style sheet", "[report][html]") {
  const auto uc =
      test::use_case(fw(), "name: \"A \\\"quote\\\" </style><script>x</script> \\\\ end\"\njobs: [{item: "
                           "desk.write}]\n");
  report::RenderOptions options;
  options.date = "2026-11-23";
  const std::string html = report::render(core::assess(fw(), uc), report::Format::html, options);
  const auto style = html.find("<style>");
  const auto end = html.find("</style>");
  REQUIRE(style != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string sheet = html.substr(style, end - style);
  CHECK(
      sheet.find("@top-left { content: \"A \\\"quote\\\" \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e  "
                 "\\\\ end\";") != std::string::npos);
  CHECK(sheet.find("@top-right { content: \"2026-11-23\";") != std::string::npos);
  CHECK(sheet.find("@bottom-right { content: \"Pagina \" counter(page) \" van \" counter(pages);") !=
        std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("a named technology below the best says in which skills the best is stronger", "[report][layers]") {
  // desk.write needs writing (3): rules support it limited (33), learning strongly (100).
  const auto uc = test::use_case(fw(), "name: T\njobs: [{item: desk.write}]\ntool: {kind: rules}\n");
  const std::string text = report::render_text(core::assess(fw(), uc), report::Language::nl, 200);
  const std::string why =
      "Regels past minder goed dan Lerend (33 tegenover 100 van 100): Lerend is sterker in "
      "schrijven.";
  const auto first = text.find(why);
  REQUIRE(first != std::string::npos);
  CHECK(text.find(why, first + 1) != std::string::npos); // in the main part and in the appendix
}

TEST_CASE("equal fits say that nothing separates them when no needed skill does", "[report][layers]") {
  // An own task that needs only care, which neither technology supports: both fit 0.
  const auto uc = test::use_case(
      fw(), "name: T\njobs: [{called: Zorgen, sort: chore, needs: [care], dull: low, joy: low}]\n");
  const std::string text = report::render_text(core::assess(fw(), uc), report::Language::en, 200);
  CHECK(text.find("Equally fitting: Rules and Learning, each 0 out of 100. On the skills this use case needs "
                  "they do not differ") != std::string::npos);
}
