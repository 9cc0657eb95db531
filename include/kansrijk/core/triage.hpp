// The triage of a register entry from its text: whether it is about the profession's work at
// all (its scope) and which answers its words make likely (presumptions), each with the words
// that decided it. Both come from the framework's data (sections `scope` and `presumptions`);
// a presumption is never an answer: callers show it beside the verdict the answers give.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/core/use_case.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kansrijk::core {

struct Presumed {
  int field = -1;                    // index into Framework::fields
  std::string value;                 // one of the field's values
  std::vector<std::string> evidence; // the words of the text that support it, as written there
};

struct Triage {
  Scope scope = Scope::outside;
  std::vector<std::string> scope_evidence;
  std::vector<Presumed> presumed; // in field order; a list field may have several values
};

// The texts of one entry: a field index and the text read for it (a free-text field, or the
// cell of a column that holds text where the field has values).
using EntryTexts = std::vector<std::pair<int, std::string>>;

// The framework's scope and presumption words, prepared once and used from any thread.
class Triager {
public:
  explicit Triager(const Framework &framework);
  ~Triager();
  Triager(const Triager &) = delete;
  Triager &operator=(const Triager &) = delete;

  // Whether the framework declares any scope words; without them every entry is in scope.
  [[nodiscard]] bool has_scope() const;

  // The scope and presumptions of the entry whose texts are `texts`.
  [[nodiscard]] Triage triage(const EntryTexts &texts) const;

  struct Index;

private:
  const Framework &m_fw;
  std::unique_ptr<Index> m_index;
};

std::string_view to_string(Scope scope);

// `use_case` with every presumption of `triage` given as an answer where the use case leaves
// the field unknown (an answer it gives is kept), for the assessment "if the presumptions
// hold"; a list field gets the presumed values and no others.
UseCase with_presumptions(const Framework &framework, const UseCase &use_case, const Triage &triage);

} // namespace kansrijk::core
