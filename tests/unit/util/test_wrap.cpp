// Display width and word wrapping: no line wider than asked, no word ever cut, Dutch
// diacritics (precomposed or combining) one column, wide characters two.
#include <catch2/catch.hpp>
#include <kansrijk/util/wrap.hpp>
#include <sstream>
#include <vector>

using namespace kansrijk;

namespace {
std::vector<std::string> lines_of(const std::string &text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> words_of(const std::string &text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    words.push_back(word);
  }
  return words;
}
} // namespace

TEST_CASE("display width counts characters, not bytes", "[util][wrap]") {
  CHECK(util::display_width("prestaties") == 10);
  CHECK(util::display_width("beïnvloedt cliënt één") == 21);    // precomposed: 2 bytes, 1 column
  CHECK(util::display_width("clie\xCC\x88nt") == 6);            // e + combining diaeresis
  CHECK(util::display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // two CJK characters
  CHECK(util::display_width("\xF0\x9F\x98\x80!") == 3);         // an emoji and "!"
  CHECK(util::display_width("\x1b[1;32mkansrijk\x1b[0m") == 8); // colour takes no column
  CHECK(util::display_width("a\xFF"
                            "b") == 3); // an invalid byte is one column
}

TEST_CASE("wrapping never cuts a word and keeps every line within the width", "[util][wrap]") {
  const std::string question =
      "Doet de AI een of meer van deze dingen met mensen: profileren, emoties herkennen, "
      "taken toewijzen of prestaties volgen? Beïnvloedt de uitkomst besluiten over de "
      "cliënt, zijn inkomen of zijn Functionele Mogelijkhedenlijst (FML)?";
  for (std::size_t width = 12; width <= 100; ++width) {
    INFO("width " << width);
    const std::string wrapped = util::wrap(question, width, "  3) ", 6);
    const auto lines = lines_of(wrapped);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      // wider only when the line holds one word that does not fit any line
      CHECK((util::display_width(lines[i]) <= width || words_of(lines[i]).size() == (i == 0 ? 2U : 1U)));
      CHECK(lines[i].starts_with(i == 0 ? "  3)" : "      "));
      CHECK_FALSE(lines[i].ends_with(' '));
    }
    auto words = words_of(wrapped);
    REQUIRE(words.front() == "3)");
    words.erase(words.begin());
    CHECK(words == words_of(question));
  }
}

TEST_CASE("a word wider than the line stays whole on a line of its own", "[util][wrap]") {
  CHECK(util::wrap("a arbeidsdeskundigenrapport b", 10) == "a\narbeidsdeskundigenrapport\nb");
  CHECK(util::wrap("een  twee   drie", 0) == "een twee drie");
  CHECK(util::wrap("", 10, "> ") == "> ");
}

TEST_CASE("a word that does not fit after a label starts the next line", "[util][wrap]") {
  CHECK(util::wrap("arbeidsdeskundige", 12, "Datum: ", 4) == "Datum:\n    arbeidsdeskundige");
  CHECK(util::wrap("kort", 12, "Datum: ", 4) == "Datum: kort");
  CHECK(util::wrap("a arbeidsdeskundige", 12, "", 4) == "a\n    arbeidsdeskundige");
}

TEST_CASE("wide characters count two columns when wrapping", "[util][wrap]") {
  // Six CJK words of two characters: four columns each, so two words and a space fit in 9.
  const std::string word = "\xE6\x97\xA5\xE6\x9C\xAC";
  const std::string wrapped = util::wrap(word + " " + word + " " + word + " " + word, 9);
  CHECK(wrapped == word + " " + word + "\n" + word + " " + word);
}
