// Suggestions from a description (see suggest.hpp). Each candidate (a task, or one value of
// a field that has keywords) is a document of terms: its label twice, its description, and
// its keywords three times, since keywords are chosen to be telling. A term is a word's
// Snowball stem tagged with the language of the text it came from. A query word is stemmed
// in every language and counts once, in the language where it scores best; the score of a
// document is the sum over query words of BM25 (k1 1.2, b 0.75).
#include <algorithm>
#include <cmath>
#include <kansrijk/core/suggest.hpp>
#include <kansrijk/core/terms.hpp>
#include <map>
#include <set>
#include <unordered_map>

namespace kansrijk::core {

namespace {

constexpr double k_k1 = 1.2;
constexpr double k_b = 0.75;
constexpr int k_label_weight = 2;
constexpr int k_keyword_weight = 3;
// A candidate is suggested when it scores at least this, and (tasks) at least this share of
// the best task; tuned on tests/suggest/descriptions.yaml (docs/batch.md has the figures).
constexpr double k_min_score = 2.5;
constexpr double k_task_share = 0.6;
constexpr std::size_t k_max_tasks = 3;

// Words that say nothing about a task in either language.
const std::set<std::string, std::less<>> k_stopwords = {
    "aan",   "alle",    "als",    "bij",     "dan",   "dat",  "de",    "die",  "dit",  "door",   "een",
    "eigen", "en",      "er",     "het",     "hun",   "in",   "is",    "je",   "kan",  "kunnen", "met",
    "na",    "naar",    "niet",   "noch",    "of",    "om",   "onze",  "ook",  "op",   "over",   "per",
    "te",    "ten",     "ter",    "tot",     "uit",   "van",  "voor",  "wat",  "we",   "welke",  "wij",
    "wordt", "worden",  "zijn",   "zo",      "zodat", "and",  "are",   "for",  "from", "into",   "its",
    "our",   "that",    "the",    "their",   "this",  "with", "which", "will", "can",  "all",    "ai",
    "tool",  "systeem", "system", "gebruik", "use",   "via",  "waar",  "zich", "meer", "deze"};

struct Document {
  std::string ref;
  std::string field;
  std::string value;
  std::unordered_map<std::string, int> terms;
  int length = 0;
};

// Documents that compete with each other: all tasks, or the values of one field.
struct Corpus {
  std::string field; // empty for tasks
  std::vector<Document> documents;
  std::unordered_map<std::string, int> document_frequency;
  double average_length = 1;
};

} // namespace

struct Suggester::Index {
  std::vector<std::string> languages;
  std::vector<Corpus> corpora; // tasks first
};

namespace {

void add_text(Document &doc, const Stemmers &stemmers, const Text &text, int weight) {
  for (const auto &[language, value] : text.by_language) {
    for (const auto &word : words_of(value, 3, &k_stopwords)) {
      doc.terms[stemmers.term(language, word)] += weight;
      doc.length += weight;
    }
  }
}

void add_keywords(Document &doc, const Stemmers &stemmers, const Framework &fw) {
  for (const auto &keywords : fw.keywords) {
    if (keywords.ref != doc.ref) {
      continue;
    }
    for (const auto &[language, list] : keywords.words) {
      for (const auto &phrase : list) {
        for (const auto &word : words_of(phrase, 3, &k_stopwords)) {
          doc.terms[stemmers.term(language, word)] += k_keyword_weight;
          doc.length += k_keyword_weight;
        }
      }
    }
  }
}

void finish(Corpus &corpus) {
  double total = 0;
  for (const auto &doc : corpus.documents) {
    total += doc.length;
    for (const auto &[term, _] : doc.terms) {
      ++corpus.document_frequency[term];
    }
  }
  corpus.average_length =
      corpus.documents.empty() ? 1 : std::max(1.0, total / static_cast<double>(corpus.documents.size()));
}

} // namespace

Suggester::Suggester(const Framework &fw) : m_index(std::make_unique<Index>()) {
  m_index->languages = fw.languages;
  const Stemmers stemmers(fw.languages);
  Corpus tasks;
  for (const auto &item : fw.items) {
    Document doc;
    doc.ref = item.id;
    add_text(doc, stemmers, item.label, k_label_weight);
    add_text(doc, stemmers, item.description, 1);
    add_keywords(doc, stemmers, fw);
    tasks.documents.push_back(std::move(doc));
  }
  finish(tasks);
  m_index->corpora.push_back(std::move(tasks));
  // A field is suggested when the framework gives keywords for some of its values.
  for (const auto &field : fw.fields) {
    const bool has_keywords = std::any_of(fw.keywords.begin(), fw.keywords.end(),
                                          [&](const Keywords &k) { return k.field == field.path; });
    if (!has_keywords) {
      continue;
    }
    Corpus corpus;
    corpus.field = field.path;
    for (const auto &value : field.domain.values) {
      Document doc;
      doc.ref = field.path + "=" + value;
      doc.field = field.path;
      doc.value = value;
      if (const auto label = field.value_labels.find(value); label != field.value_labels.end()) {
        add_text(doc, stemmers, label->second, k_label_weight);
      }
      for (const auto &technology : fw.technologies) {
        if (technology.id == value) { // a technology's own texts speak for it
          add_text(doc, stemmers, technology.label, k_label_weight);
          add_text(doc, stemmers, technology.description, 1);
        }
      }
      add_keywords(doc, stemmers, fw);
      corpus.documents.push_back(std::move(doc));
    }
    finish(corpus);
    m_index->corpora.push_back(std::move(corpus));
  }
}

Suggester::~Suggester() = default;

Suggestions Suggester::suggest(std::string_view text) const {
  const Stemmers stemmers(m_index->languages);
  // each distinct query word with its term in every language
  std::vector<std::pair<std::string, std::vector<std::string>>> query;
  std::set<std::string> seen;
  for (const auto &word : words_of(text, 3, &k_stopwords)) {
    if (!seen.insert(word).second) {
      continue;
    }
    std::vector<std::string> terms;
    for (const auto &language : m_index->languages) {
      terms.push_back(stemmers.term(language, word));
    }
    query.emplace_back(word, std::move(terms));
  }
  Suggestions out;
  for (const auto &corpus : m_index->corpora) {
    const auto n = static_cast<double>(corpus.documents.size());
    std::vector<Suggestion> ranked;
    for (const auto &doc : corpus.documents) {
      Suggestion s{doc.ref, doc.field, doc.value, 0, {}};
      for (const auto &[word, terms] : query) {
        double best = 0;
        for (const auto &term : terms) {
          const auto tf = doc.terms.find(term);
          if (tf == doc.terms.end()) {
            continue;
          }
          const double df = corpus.document_frequency.at(term);
          const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
          const double f = tf->second;
          best = std::max(best, idf * f * (k_k1 + 1) /
                                    (f + k_k1 * (1 - k_b + k_b * doc.length / corpus.average_length)));
        }
        if (best > 0) {
          s.score += best;
          s.words.push_back(word);
        }
      }
      if (s.score >= k_min_score) {
        ranked.push_back(std::move(s));
      }
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Suggestion &a, const Suggestion &b) { return a.score > b.score; });
    if (ranked.empty()) {
      continue;
    }
    if (corpus.field.empty()) {
      const double top = ranked.front().score;
      for (auto &s : ranked) {
        if (out.tasks.size() < k_max_tasks && s.score >= k_task_share * top) {
          out.tasks.push_back(std::move(s));
        }
      }
    } else {
      out.answers.push_back(std::move(ranked.front()));
    }
  }
  return out;
}

} // namespace kansrijk::core
