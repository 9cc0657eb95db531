// The text report: sections in both languages, and text from the use case that cannot
// reach the terminal as control sequences.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/wrap.hpp>
#include <sstream>

using namespace kansrijk;

namespace {
const core::Framework &fw() {
  static const core::Framework framework = test::mini_framework();
  return framework;
}
} // namespace

TEST_CASE("escape sequences in use-case text do not reach the terminal", "[report][text]") {
  const auto uc = test::use_case(
      fw(), "name: \"Evil\\e[2J\\e]0;pwned\\a title\"\njobs: [{called: \"Taak\\e[31m rood\"}]\n");
  const auto assessment = core::assess(fw(), uc);
  const std::string text = report::render_text(assessment, report::Language::nl);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\a') == std::string::npos);
  CHECK(text.find("Evil<U+001B>[2J<U+001B>]0;pwned<U+0007> title") != std::string::npos);
  CHECK(text.find("Taak<U+001B>[31m rood") != std::string::npos);
}

TEST_CASE("the text report has its sections in Dutch and in English", "[report][text]") {
  const auto uc = test::use_case(fw(), "name: T\njobs: [{item: desk.write}]\ntool: {mode: rule}\n");
  const auto assessment = core::assess(fw(), uc);
  const std::string nl = report::render_text(assessment, report::Language::nl);
  const std::string en = report::render_text(assessment, report::Language::en);
  for (const char *heading : {"OORDEEL: NIET KANSRIJK", "Bouwstenen", "Geraakte taken\n", "Signalen",
                              "Open vragen", "Bronnen", "[KNOCK-OUT] ko (regel r.decide)"}) {
    CHECK(nl.find(heading) != std::string::npos);
  }
  for (const char *heading : {"VERDICT: NOT ADVISED", "Building blocks", "Tasks touched\n", "Flags",
                              "Open questions", "Sources", "[KNOCK-OUT] ko (rule r.decide)"}) {
    CHECK(en.find(heading) != std::string::npos);
  }
}

TEST_CASE("the heading over the tasks touched is the framework's when it declares one", "[report][text]") {
  auto files = test::mini_files();
  const std::string plain = "task_list: {key: jobs}";
  auto &vocabulary = files["vocabulary.yaml"];
  REQUIRE(vocabulary.find(plain) != std::string::npos);
  vocabulary.replace(vocabulary.find(plain), plain.size(),
                     "task_list: {key: jobs, heading: {nl: Geraakte klussen, en: Chores touched}}");
  const auto framework = io::load_framework(test::as_sources(files), "mini");
  const auto uc = test::use_case(framework, "name: T\njobs: [{item: desk.write}]\ntool: {mode: rule}\n");
  const auto assessment = core::assess(framework, uc);
  const std::string nl = report::render_text(assessment, report::Language::nl);
  const std::string en = report::render_text(assessment, report::Language::en);
  CHECK(nl.find("Geraakte klussen\n") != std::string::npos);
  CHECK(nl.find("Geraakte taken") == std::string::npos);
  CHECK(en.find("Chores touched\n") != std::string::npos);
  CHECK(en.find("Tasks touched") == std::string::npos);
}

TEST_CASE("no line of the text report is wider than asked, except unbreakable words", "[report][text]") {
  const auto uc =
      test::use_case(fw(), "name: \"Een heel lange titel die zeker over de rand van het rapport "
                           "heen zou lopen als niemand hem afbrak\"\njobs: [{item: desk.write}]\n");
  const auto text = report::render_text(core::assess(fw(), uc), report::Language::nl, 60);
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    std::size_t width = 0;
    for (const char c : line) {
      width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    INFO(line);
    CHECK((width <= 60 || line.find(' ', line.find_first_not_of(' ')) == std::string::npos));
    start = end + 1;
  }
}

TEST_CASE("every fixed word of the report exists in every language of the frame", "[report][strings]") {
  REQUIRE(report::frame_languages() == std::vector<std::string>{"nl", "en"});
  for (const auto &code : report::frame_languages()) {
    const auto language = report::Language::from_code(code);
    REQUIRE(language);
    CHECK(language->code() == code);
    for (int i = 0; i <= static_cast<int>(report::Word::last_); ++i) {
      const auto key = static_cast<report::Word>(i);
      INFO(code << " " << i);
      CHECK(report::word(key, *language) != "?");
      CHECK(!report::word(key, *language).empty());
    }
  }
}

TEST_CASE("a report is in a language the framework declares and the frame has words for",
          "[report][strings]") {
  core::Framework framework = fw();
  CHECK(report::language_for(framework, "") == report::Language::nl); // the framework's first
  CHECK(report::language_for(framework, "en") == report::Language::en);
  CHECK_THROWS_WITH(report::language_for(framework, "de"),
                    "--lang de: the framework mini has no texts in this language; it declares nl, en");
  CHECK_THROWS_WITH(report::language_for(framework, "eng"),
                    "--lang eng: the framework mini has no texts in this language (did you mean \"en\"?); it "
                    "declares nl, en");
  framework.languages = {"en", "nl"};
  CHECK(report::language_for(framework, "") == report::Language::en);
}

TEST_CASE("a declared language without frame words is a located error", "[report][strings]") {
  core::Framework framework = fw();
  CHECK(report::frame_language_problems(framework).empty());
  framework.languages = {"nl", "de"};
  framework.language_where = {{"mini/framework.yaml", 3, 12}, {"mini/framework.yaml", 3, 16}};
  const auto problems = report::frame_language_problems(framework);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].to_string() ==
        "mini/framework.yaml:3:16: the report frame has no words in language \"de\"; it has words in nl, en "
        "(remove the language, or add a column for it to src/report/strings.cpp)");
  CHECK(problems[0].code == "KR040");
  CHECK_THROWS_WITH(report::language_for(framework, "nl"), problems[0].to_string());
}

TEST_CASE("colour codes do not count towards the width of a line", "[report][text]") {
  const auto uc = test::use_case(fw(), "name: T\njobs: [{item: desk.write}]\ntool: {mode: rule}\n");
  const auto assessment = core::assess(fw(), uc);
  report::RenderOptions plain;
  plain.width = 50;
  report::RenderOptions coloured = plain;
  coloured.color = true;
  std::string painted = report::render(assessment, report::Format::text, coloured);
  CHECK(painted.find("\x1b[1;31m") != std::string::npos);
  for (const char *code : {"\x1b[1;31m", "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"}) {
    for (auto at = painted.find(code); at != std::string::npos; at = painted.find(code)) {
      painted.erase(at, std::string_view(code).size());
    }
  }
  CHECK(painted == report::render(assessment, report::Format::text, plain));
}

TEST_CASE("the text report wraps at word boundaries, Dutch diacritics and all", "[report][text]") {
  const std::string description = "Beïnvloedt de uitkomst besluiten over cliënten: één arbeidsdeskundige "
                                  "beoordeelt prestaties, ziekteverzuim en de Functionele Mogelijkhedenlijst "
                                  "(FML) met hulp van een taalmodel dat re\xCC\x88le ideee\xCC\x88n geeft.";
  // The title: it is a heading, wrapped and underlined like running text.
  const auto uc = test::use_case(fw(), "name: \"" + description + "\"\njobs: [{item: desk.write}]\n");
  for (const int width : {40, 47, 53, 60}) {
    INFO("width " << width);
    const std::string text = report::render_text(core::assess(fw(), uc), report::Language::nl, width);
    std::istringstream lines(text);
    std::string all_words;
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      // wider only for one unbreakable word (the framework's SHA-256 in the appendix)
      CHECK((util::display_width(line) <= static_cast<std::size_t>(width) ||
             line.find(' ', line.find_first_not_of(' ')) == std::string::npos));
      all_words += " " + line;
    }
    std::istringstream words(description);
    for (std::string word; words >> word;) {
      CHECK(all_words.find(" " + word) != std::string::npos); // every word whole on one line
    }
  }
}
