// Suggestions from a description: the tasks and answers it points to, with the words that
// led to them, ranked by BM25 over the framework's texts and keywords.
#include <catch2/catch.hpp>
#include <kansrijk/core/suggest.hpp>
#include <kansrijk/io/framework_loader.hpp>

using namespace kansrijk;

namespace {
const core::Framework &builtin() {
  static const core::Framework framework = io::load_framework_for("");
  return framework;
}
const core::Suggester &suggester() {
  static const core::Suggester s(builtin());
  return s;
}
} // namespace

TEST_CASE("a description about the degree of work disability suggests that task and a deciding AI",
          "[core][suggest]") {
  const auto found = suggester().suggest(
      "Het systeem stelt zelfstandig de mate van arbeidsongeschiktheid vast, zonder tussenkomst.");
  REQUIRE_FALSE(found.tasks.empty());
  CHECK(found.tasks.front().ref == "oordeelsvorming.verdiencapaciteit-inschatten");
  CHECK(std::find(found.tasks.front().words.begin(), found.tasks.front().words.end(),
                  "arbeidsongeschiktheid") != found.tasks.front().words.end());
  const auto role = std::find_if(found.answers.begin(), found.answers.end(),
                                 [](const core::Suggestion &s) { return s.field == "ai.role"; });
  REQUIRE(role != found.answers.end());
  CHECK(role->value == "decide");
}

TEST_CASE("word forms meet through the stemmer", "[core][suggest]") {
  const auto found = suggester().suggest("Schrijft rapporten");
  REQUIRE_FALSE(found.tasks.empty());
  CHECK(found.tasks.front().ref == "besluitvorming.rapport-schrijven");
}

TEST_CASE("a text that says nothing suggests nothing", "[core][suggest]") {
  const auto found = suggester().suggest("Lege regel");
  CHECK(found.tasks.empty());
  CHECK(found.answers.empty());
}
