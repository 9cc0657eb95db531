// Words and stems of free text (see terms.hpp).
#include <cctype>
#include <kansrijk/core/terms.hpp>
#include <libstemmer.h>

namespace kansrijk::core {

std::vector<std::string>
words_of(std::string_view text, std::size_t min_bytes, const std::set<std::string, std::less<>> *stopwords) {
  std::vector<std::string> out;
  std::string word;
  const auto flush = [&] {
    if (word.size() >= min_bytes && (stopwords == nullptr || !stopwords->contains(word))) {
      out.push_back(word);
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    // Punctuation outside ASCII separates words too: U+2000-U+203F (spaces, dashes, curly
    // quotes, bullets, ellipsis: E2 80 xx) and the no-break space, guillemets and middle dot.
    const auto next = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    std::size_t punctuation = 0;
    if (u == 0xE2 && next(1) == 0x80 && next(2) >= 0x80 && next(2) <= 0xBF) {
      punctuation = 3;
    } else if (u == 0xC2 && (next(1) == 0xA0 || next(1) == 0xAB || next(1) == 0xBB || next(1) == 0xB7)) {
      punctuation = 2;
    }
    if (punctuation > 0) {
      flush();
      i += punctuation - 1;
    } else if (u >= 0x80 || std::isalnum(u) != 0) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

Stemmers::Stemmers(const std::vector<std::string> &languages) {
  for (const auto &language : languages) {
    if (sb_stemmer *stemmer = sb_stemmer_new(language.c_str(), "UTF_8")) {
      m_stemmers.emplace_back(language, stemmer);
    }
  }
}

Stemmers::~Stemmers() {
  for (auto &[_, stemmer] : m_stemmers) {
    sb_stemmer_delete(stemmer);
  }
}

std::string Stemmers::stem(const std::string &language, const std::string &word) const {
  for (const auto &[name, stemmer] : m_stemmers) {
    if (name == language) {
      // libstemmer reads and returns bytes (sb_symbol is unsigned char).
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
      const sb_symbol *stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol *>(word.data()),
                                              static_cast<int>(word.size()));
      if (stem != nullptr) {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
        return {reinterpret_cast<const char *>(stem), static_cast<std::size_t>(sb_stemmer_length(stemmer))};
      }
    }
  }
  return word;
}

std::string Stemmers::term(const std::string &language, const std::string &word) const {
  return language + ":" + stem(language, word);
}

} // namespace kansrijk::core
