// Scope and presumptions of a register entry (see triage.hpp). A declared word or phrase is a
// sequence of tokens, each compared with one word of the text: by its Snowball stem in the
// phrase's language ("uitkeringen" finds "uitkering"), or, when the token has a `*` at one or
// both ends, as the start, end or part of the word, since Dutch writes compounds as one word
// ("arbeidsongeschikt*" finds "arbeidsongeschiktheidsuitkering", "*uitkering" "bijstandsuitkering").
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/terms.hpp>
#include <kansrijk/core/triage.hpp>
#include <set>
#include <unordered_map>

namespace kansrijk::core {

namespace {

struct Token {
  enum class Kind { stem, prefix, suffix, infix };
  Kind kind = Kind::stem;
  std::string text;                   // the stem, or the lower-case part of a word
  std::string prefix;                 // a stem token: what a word must start with too (see token_matches)
  std::string word;                   // a stem token: the declared word itself, lower case
  std::vector<std::string> inflected; // a stem token of five letters or more: word + -s, -e, ...
};

struct Phrase {
  std::string language;
  std::vector<Token> tokens;
};

// The tokens of `phrase` in `language`: its words (a `*` at either end of a word kept as a
// wildcard), each exact word stemmed.
Phrase phrase_of(const std::string &language, const std::string &phrase, const Stemmers &stemmers) {
  Phrase out{language, {}};
  std::string lowered;
  for (const char c : phrase) {
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::size_t i = 0;
  while (i < lowered.size()) {
    // a word: letters, digits, multi-byte UTF-8, with `*` allowed at its ends
    const auto is_word = [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 0x80 || std::isalnum(u) != 0;
    };
    if (!is_word(lowered[i]) && lowered[i] != '*') {
      ++i;
      continue;
    }
    const bool star_before = lowered[i] == '*';
    if (star_before) {
      ++i;
    }
    const std::size_t start = i;
    while (i < lowered.size() && is_word(lowered[i])) {
      ++i;
    }
    std::string word = lowered.substr(start, i - start);
    const bool star_after = i < lowered.size() && lowered[i] == '*';
    if (star_after) {
      ++i;
    }
    if (word.empty()) {
      continue;
    }
    Token token;
    token.kind = star_before && star_after ? Token::Kind::infix
                 : star_before             ? Token::Kind::suffix
                 : star_after              ? Token::Kind::prefix
                                           : Token::Kind::stem;
    token.text = token.kind == Token::Kind::stem ? stemmers.stem(language, word) : word;
    if (token.kind == Token::Kind::stem) {
      token.prefix = word.substr(0, std::max<std::size_t>(3, word.size() > 3 ? word.size() - 3 : 0));
      token.word = word;
      if (word.size() >= 5) {
        for (const char *ending : {"s", "e", "en", "es", "n"}) {
          token.inflected.push_back(word + ending);
        }
      }
    }
    out.tokens.push_back(std::move(token));
  }
  return out;
}

struct Terms {
  std::vector<Phrase> phrases;
};

Terms terms_of(const std::map<std::string, std::vector<std::string>> &words, const Stemmers &stemmers) {
  Terms out;
  for (const auto &[language, list] : words) {
    for (const auto &phrase : list) {
      Phrase p = phrase_of(language, phrase, stemmers);
      if (!p.tokens.empty()) {
        out.phrases.push_back(std::move(p));
      }
    }
  }
  return out;
}

// The words of one text with their stem in every language, and the sentence each stands in
// (a '.', '!', '?', ';' or line break ends a sentence).
struct Words {
  std::vector<std::string> words;
  std::vector<int> sentence;
  std::map<std::string, std::vector<std::string>, std::less<>> stems; // language -> stem per word
  // To find where a phrase can start without comparing it at every word: the positions
  // ordered by their word, and per language the positions of each stem.
  std::vector<std::uint32_t> by_word;
  std::unordered_map<std::string, std::vector<std::uint32_t>> at_word; // word -> its positions
  std::string joined; // every word with \x01 before and after it: one search rules a part out
  std::map<std::string, std::unordered_map<std::string, std::vector<std::uint32_t>>, std::less<>> by_stem;
};

Words words_with_stems(std::string_view text,
                       const std::vector<std::string> &languages,
                       const Stemmers &stemmers) {
  Words out;
  int sentence = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const char c = end ? '.' : text[i];
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
      // a '.' before a letter or digit ("3.5", "e.g", "www.x.nl") does not end a sentence;
      // before a space, a quote or a bracket it does
      const bool inside = !end && c == '.' && i + 1 < text.size() &&
                          std::isalnum(static_cast<unsigned char>(text[i + 1])) != 0;
      if (inside) {
        continue;
      }
      for (auto &word : words_of(text.substr(start, i - start), 1, nullptr)) {
        out.words.push_back(std::move(word));
        out.sentence.push_back(sentence);
      }
      ++sentence;
      start = i + 1;
    }
  }
  for (const auto &language : languages) {
    auto &stems = out.stems[language];
    auto &positions = out.by_stem[language];
    stems.reserve(out.words.size());
    for (const auto &word : out.words) {
      std::string stem = stemmers.stem(language, word);
      positions[stem].push_back(static_cast<std::uint32_t>(stems.size()));
      stems.push_back(std::move(stem));
    }
  }
  out.joined.push_back('\x01');
  for (std::uint32_t i = 0; i < out.words.size(); ++i) {
    out.joined += out.words[i];
    out.joined.push_back('\x01');
    out.at_word[out.words[i]].push_back(i);
  }
  out.by_word.resize(out.words.size());
  for (std::uint32_t i = 0; i < out.by_word.size(); ++i) {
    out.by_word[i] = i;
  }
  std::stable_sort(out.by_word.begin(), out.by_word.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return out.words[a] < out.words[b]; });
  return out;
}

// The positions in `text` where a word starts with `start`, in the order of the words;
// appended to `into`.
void words_from(const Words &text, std::string_view start, std::vector<std::uint32_t> &into) {
  auto at = std::lower_bound(text.by_word.begin(), text.by_word.end(), start,
                             [&](std::uint32_t i, std::string_view s) { return text.words[i] < s; });
  for (; at != text.by_word.end() && text.words[*at].starts_with(start); ++at) {
    into.push_back(*at);
  }
}

// The positions where the first token of `phrase` may match, ascending; every position for a
// token that ends a word or stands inside one (no index helps there).
std::vector<std::uint32_t> candidates(const Token &first, const std::string &language, const Words &text) {
  std::vector<std::uint32_t> out;
  switch (first.kind) {
  case Token::Kind::stem: {
    if (const auto per = text.by_stem.find(language); per != text.by_stem.end()) {
      if (const auto same = per->second.find(first.text); same != per->second.end()) {
        out = same->second;
      }
    }
    for (const auto &form : first.inflected) { // the plural and inflection endings (see token_matches)
      if (const auto same = text.at_word.find(form); same != text.at_word.end()) {
        out.insert(out.end(), same->second.begin(), same->second.end());
      }
    }
    break;
  }
  case Token::Kind::prefix:
    words_from(text, first.text, out);
    break;
  case Token::Kind::suffix:
  case Token::Kind::infix:
    if (text.joined.find(first.kind == Token::Kind::suffix ? first.text + "\x01" : first.text) ==
        std::string::npos) {
      return out; // no word ends with it or holds it
    }
    out.resize(text.words.size());
    for (std::uint32_t i = 0; i < out.size(); ++i) {
      out[i] = i;
    }
    return out;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool token_matches(const Token &token, const std::string &word, const std::string &stem) {
  switch (token.kind) {
  case Token::Kind::stem:
    // Snowball's Dutch stems are coarse ("belastbaarheid" and "belastingen" both stem to
    // "belast"): a word must also share all but the last three letters of the declared word.
    // And they miss some plurals ("verzekeringsartsen"): a declared word of five letters or
    // more with a plural or inflection ending (-s, -e, -en, -es, -n) counts too.
    if (stem == token.text && word.starts_with(token.prefix)) {
      return true;
    }
    if (token.word.size() >= 5 && word.starts_with(token.word)) {
      const std::string_view ending = std::string_view(word).substr(token.word.size());
      return ending == "s" || ending == "e" || ending == "en" || ending == "es" || ending == "n";
    }
    return false;
  case Token::Kind::prefix:
    return word.starts_with(token.text);
  case Token::Kind::suffix:
    return word.ends_with(token.text);
  case Token::Kind::infix:
    return word.find(token.text) != std::string::npos;
  }
  return false;
}

// Words read before and after a phrase for a negation, within its sentence.
constexpr std::size_t k_negation_before = 4;
constexpr std::size_t k_negation_after = 3;

// Whether a negation word stands near the words `first` to `last` (exclusive) of `text`. A
// word `declared` marks is part of a declared phrase ("zonder tussenkomst"), not a negation.
bool negated(const Words &text,
             std::size_t first,
             std::size_t last,
             const std::set<std::string> &negations,
             const std::vector<bool> &declared) {
  const int sentence = text.sentence[first];
  const auto denies = [&](std::size_t i) {
    return text.sentence[i] == sentence && !declared[i] && negations.contains(text.words[i]);
  };
  for (std::size_t i = first >= k_negation_before ? first - k_negation_before : 0; i < first; ++i) {
    if (denies(i)) {
      return true;
    }
  }
  for (std::size_t i = last; i < std::min(text.words.size(), last + k_negation_after); ++i) {
    if (denies(i)) {
      return true;
    }
  }
  return false;
}

// Where to look for a phrase and what to note about a place found (all optional).
struct Look {
  const std::set<std::string> *negations = nullptr; // not a place with one of these near it
  const Terms *fixed = nullptr; // phrases led by a negation ("zonder tussenkomst"): no negation there
  const std::set<int> *sentences = nullptr; // only in these sentences
  std::set<int> *found_in = nullptr;        // adds the sentence of each place found
};

// Adds to `evidence` each place in `text` where a phrase of `terms` stands, as written there.
void find(const Terms &terms, const Words &text, std::vector<std::string> &evidence, Look look = {}) {
  // every place a phrase stands, in the order of the phrases, then of the words
  std::vector<std::pair<std::size_t, std::size_t>> places; // first word, number of words
  std::vector<bool> declared(text.words.size(), false);    // the words of some place
  for (const auto &phrase : terms.phrases) {
    const auto stems = text.stems.find(phrase.language);
    if (stems == text.stems.end() || phrase.tokens.size() > text.words.size()) {
      continue;
    }
    for (const std::size_t i : candidates(phrase.tokens.front(), phrase.language, text)) {
      if (i + phrase.tokens.size() > text.words.size()) {
        continue;
      }
      bool all = true;
      for (std::size_t j = 0; j < phrase.tokens.size() && all; ++j) {
        all = token_matches(phrase.tokens[j], text.words[i + j], stems->second[i + j]);
      }
      if (all) {
        places.emplace_back(i, phrase.tokens.size());
        std::fill_n(declared.begin() + static_cast<std::ptrdiff_t>(i), phrase.tokens.size(), true);
      }
    }
  }
  if (look.fixed != nullptr && look.negations != nullptr) {
    for (const auto &phrase : look.fixed->phrases) {
      const auto stems = text.stems.find(phrase.language);
      if (stems == text.stems.end()) {
        continue;
      }
      for (const std::size_t i : candidates(phrase.tokens.front(), phrase.language, text)) {
        bool all = i + phrase.tokens.size() <= text.words.size();
        for (std::size_t j = 0; j < phrase.tokens.size() && all; ++j) {
          all = token_matches(phrase.tokens[j], text.words[i + j], stems->second[i + j]);
        }
        if (all) {
          std::fill_n(declared.begin() + static_cast<std::ptrdiff_t>(i), phrase.tokens.size(), true);
        }
      }
    }
  }
  for (const auto &[i, length] : places) {
    if ((look.sentences != nullptr && !look.sentences->contains(text.sentence[i])) ||
        (look.negations != nullptr && negated(text, i, i + length, *look.negations, declared))) {
      continue;
    }
    if (look.found_in != nullptr) {
      look.found_in->insert(text.sentence[i]);
    }
    std::string found;
    for (std::size_t j = 0; j < length; ++j) {
      found += (j == 0 ? "" : " ") + text.words[i + j];
    }
    if (std::find(evidence.begin(), evidence.end(), found) == evidence.end()) {
      evidence.push_back(std::move(found));
    }
  }
}

} // namespace

struct ScopeIndex {
  Scope scope = Scope::outside;
  Terms words;
  Terms with;   // empty: `words` count alone
  Terms unless; // any of these in the entry: `words` do not count
};

struct PresumptionIndex {
  Terms words;
  Terms with; // empty: `words` count alone; else only in a sentence with one of these
};

struct Triager::Index {
  std::vector<ScopeIndex> scope;
  std::vector<PresumptionIndex> presumptions; // parallel to Framework::presumptions
  std::set<std::string> negations;            // lower-case words, every language
  Terms fixed; // every presumption phrase led by a negation word ("zonder tussenkomst")
};

Triager::Triager(const Framework &framework) : m_fw(framework), m_index(std::make_unique<Index>()) {
  const Stemmers stemmers(framework.languages);
  for (const auto &declared : framework.scope) {
    m_index->scope.push_back({declared.scope, terms_of(declared.words, stemmers),
                              terms_of(declared.with, stemmers), terms_of(declared.unless, stemmers)});
  }
  for (const auto &declared : framework.presumptions) {
    m_index->presumptions.push_back({terms_of(declared.words, stemmers), terms_of(declared.with, stemmers)});
  }
  for (const auto &[language, words] : framework.negations) {
    for (const auto &word : words) {
      for (auto &w : words_of(word, 1, nullptr)) {
        m_index->negations.insert(std::move(w));
      }
    }
  }
  for (const auto &presumption : m_index->presumptions) {
    for (const Terms *terms : {&presumption.words, &presumption.with}) {
      for (const auto &phrase : terms->phrases) {
        const Token &first = phrase.tokens.front();
        if (phrase.tokens.size() > 1 &&
            m_index->negations.contains(first.word.empty() ? first.text : first.word)) {
          m_index->fixed.phrases.push_back(phrase);
        }
      }
    }
  }
}

Triager::~Triager() = default;

bool Triager::has_scope() const { return !m_index->scope.empty(); }

Triage Triager::triage(const EntryTexts &texts) const {
  const Stemmers stemmers(m_fw.languages);
  std::vector<std::pair<int, Words>> read;
  read.reserve(texts.size());
  for (const auto &[field, text] : texts) {
    read.emplace_back(field, words_with_stems(text, m_fw.languages, stemmers));
  }
  const auto is_free_text = [&](int field) {
    return field >= 0 && m_fw.fields[static_cast<std::size_t>(field)].type == FieldType::text;
  };
  Triage out;
  if (!has_scope()) {
    out.scope = Scope::core;
  } else {
    std::vector<std::string> core_words;
    std::vector<std::string> adjacent_words;
    for (const ScopeIndex &declared : m_index->scope) {
      std::vector<std::string> found;
      std::vector<std::string> with;
      std::vector<std::string> unless;
      for (const auto &[field, words] : read) {
        if (is_free_text(field)) {
          find(declared.words, words, found);
        }
      }
      if (found.empty()) {
        continue; // the companions and exclusions matter only where the words stand
      }
      for (const auto &[field, words] : read) {
        if (is_free_text(field)) {
          find(declared.with, words, with);
          find(declared.unless, words, unless);
        }
      }
      if ((!declared.with.phrases.empty() && with.empty()) || !unless.empty()) {
        continue;
      }
      auto &into = declared.scope == Scope::core ? core_words : adjacent_words;
      for (auto &word : found) {
        into.push_back(std::move(word));
      }
      for (auto &word : with) {
        into.push_back(std::move(word));
      }
    }
    for (auto *list : {&core_words, &adjacent_words}) { // each word once, in the order found
      std::vector<std::string> unique;
      for (auto &word : *list) {
        if (std::find(unique.begin(), unique.end(), word) == unique.end()) {
          unique.push_back(std::move(word));
        }
      }
      *list = std::move(unique);
    }
    if (!core_words.empty()) {
      out.scope = Scope::core;
      out.scope_evidence = std::move(core_words);
    } else if (!adjacent_words.empty()) {
      out.scope = Scope::adjacent;
      out.scope_evidence = std::move(adjacent_words);
    }
  }
  // Per field, the first declared value whose words stand in the text (a list field: every
  // such value); a framework declares the weightier value of a field first.
  for (std::size_t p = 0; p < m_fw.presumptions.size(); ++p) {
    const PresumptionTerms &declared = m_fw.presumptions[p];
    const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(declared.field)];
    const bool list = decl.type == FieldType::enum_list;
    // A value declared more than once (two lists of words with their own sources) adds its
    // evidence to the first; another value of a field already presumed is not looked for.
    const auto same = std::find_if(out.presumed.begin(), out.presumed.end(), [&](const Presumed &presumed) {
      return presumed.field == declared.field && presumed.value == declared.value;
    });
    const bool taken = std::any_of(out.presumed.begin(), out.presumed.end(), [&](const Presumed &presumed) {
      return presumed.field == declared.field && !list && presumed.value != declared.value;
    });
    if (taken) {
      continue;
    }
    Presumed presumed{declared.field, declared.value, {}};
    for (const auto &[field, words] : read) {
      const bool reads = declared.in.empty()
                             ? is_free_text(field)
                             : std::find(declared.in.begin(), declared.in.end(), field) != declared.in.end();
      if (!reads) {
        continue;
      }
      const PresumptionIndex &index = m_index->presumptions[p];
      if (index.with.phrases.empty()) {
        find(index.words, words, presumed.evidence,
             {.negations = &m_index->negations, .fixed = &m_index->fixed});
        continue;
      }
      // both in one sentence, neither denied there; the evidence names both
      std::vector<std::string> anywhere;
      find(index.words, words, anywhere, {.negations = &m_index->negations, .fixed = &m_index->fixed});
      if (anywhere.empty()) {
        continue;
      }
      std::set<int> sentences;
      std::vector<std::string> with;
      find(index.with, words, with,
           {.negations = &m_index->negations, .fixed = &m_index->fixed, .found_in = &sentences});
      std::set<int> both;
      const auto before = presumed.evidence.size();
      find(index.words, words, presumed.evidence,
           {.negations = &m_index->negations,
            .fixed = &m_index->fixed,
            .sentences = &sentences,
            .found_in = &both});
      if (presumed.evidence.size() > before) {
        std::vector<std::string> kept; // the `with` words of the sentences that count
        find(index.with, words, kept,
             {.negations = &m_index->negations, .fixed = &m_index->fixed, .sentences = &both});
        for (auto &word : kept) {
          if (std::find(presumed.evidence.begin(), presumed.evidence.end(), word) ==
              presumed.evidence.end()) {
            presumed.evidence.push_back(std::move(word));
          }
        }
      }
    }
    if (presumed.evidence.empty()) {
      continue;
    }
    if (same != out.presumed.end()) {
      for (auto &word : presumed.evidence) {
        if (std::find(same->evidence.begin(), same->evidence.end(), word) == same->evidence.end()) {
          same->evidence.push_back(std::move(word));
        }
      }
    } else {
      out.presumed.push_back(std::move(presumed));
    }
  }
  std::stable_sort(out.presumed.begin(), out.presumed.end(),
                   [](const Presumed &a, const Presumed &b) { return a.field < b.field; });
  return out;
}

UseCase with_presumptions(const Framework &framework, const UseCase &use_case, const Triage &triage) {
  UseCase out = use_case;
  std::size_t i = 0;
  while (i < triage.presumed.size()) {
    const int field = triage.presumed[i].field;
    const FieldDecl &decl = framework.fields[static_cast<std::size_t>(field)];
    FieldValue value;
    value.known = true;
    for (; i < triage.presumed.size() && triage.presumed[i].field == field; ++i) {
      const int index = decl.domain.index_of(triage.presumed[i].value);
      if (decl.type == FieldType::enum_list) {
        value.values.push_back(index);
      } else {
        value.value = index;
      }
    }
    std::sort(value.values.begin(), value.values.end());
    if (!out.fields[static_cast<std::size_t>(field)].known) {
      set_field(framework, out, field, value);
    }
  }
  return out;
}

std::string_view to_string(Scope scope) {
  switch (scope) {
  case Scope::core:
    return "core";
  case Scope::adjacent:
    return "adjacent";
  case Scope::outside:
    return "outside";
  }
  return "outside";
}

} // namespace kansrijk::core
