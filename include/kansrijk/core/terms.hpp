// Words of free text and their Snowball stems, shared by the suggestions (suggest.cpp) and the
// triage of register entries (triage.cpp), so both read a description the same way.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sb_stemmer;

namespace kansrijk::core {

// Lower-case words of `text`: runs of letters and digits (bytes of multi-byte UTF-8 count as
// letters) of at least `min_bytes` bytes, leaving out the words in `stopwords` (may be null).
std::vector<std::string>
words_of(std::string_view text, std::size_t min_bytes, const std::set<std::string, std::less<>> *stopwords);

// One Snowball stemmer per language; libstemmer's stemmers are not thread-safe, so each
// thread (or each call) makes its own.
class Stemmers {
public:
  explicit Stemmers(const std::vector<std::string> &languages);
  ~Stemmers();
  Stemmers(const Stemmers &) = delete;
  Stemmers &operator=(const Stemmers &) = delete;

  // The term of `word` in `language` ("nl:rapport"); the word itself when there is no stemmer.
  [[nodiscard]] std::string term(const std::string &language, const std::string &word) const;
  // The stem of `word` in `language` ("rapport"), without the language tag.
  [[nodiscard]] std::string stem(const std::string &language, const std::string &word) const;

private:
  std::vector<std::pair<std::string, sb_stemmer *>> m_stemmers;
};

} // namespace kansrijk::core
