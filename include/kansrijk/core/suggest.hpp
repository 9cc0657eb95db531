// Suggestions from a free-text description: which taxonomy tasks it is about, and which
// answers (the AI's role, the technology, ...) it points to. Ranked with BM25 over the
// framework's own texts (task labels and descriptions, value labels) and the keywords it
// declares (section `keywords`), with Snowball stemmers for every declared language, so
// "rapporten" finds "rapport". Suggestions are never answers: callers show them as such.
#pragma once

#include <kansrijk/core/model.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::core {

struct Suggestion {
  std::string ref;                // a task id, or `field=value`
  std::string field;              // empty for a task
  std::string value;              // the value, for a field
  double score = 0;               // BM25, comparable within one field (or among tasks)
  std::vector<std::string> words; // the words of the description that led to it
};

struct Suggestions {
  std::vector<Suggestion> tasks;   // best first, at most three
  std::vector<Suggestion> answers; // at most one per field, in field order
};

// An index of a framework's texts and keywords, built once and used from any thread.
class Suggester {
public:
  explicit Suggester(const Framework &framework);
  ~Suggester();
  Suggester(const Suggester &) = delete;
  Suggester &operator=(const Suggester &) = delete;

  // The suggestions for `text` (title and description together).
  [[nodiscard]] Suggestions suggest(std::string_view text) const;

  struct Index;

private:
  std::unique_ptr<Index> m_index;
};

} // namespace kansrijk::core
