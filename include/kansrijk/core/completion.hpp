// Answering the open questions of a use case: what a condition reads, which values an open
// answer can take, and whether a condition holds however the open questions are answered.
// The three-valued evaluator is sound (a definite true or false never changes when an unknown
// is given a value), so a search over the open answers can stop as soon as a branch is decided.
#pragma once

#include <cstddef>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/use_case.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kansrijk::core {

// What a set of conditions reads.
struct Reads {
  std::set<std::string> fields;          // top-level field paths
  std::set<std::string> task_attributes; // read inside any/all/count
  bool quantified = false;
  bool tests_unknown = false; // `== unknown` is not monotone: no pruning on it
  long long largest_constant = 0;
  // List fields read only as `value in field`: which values. Only subsets of these matter.
  std::map<std::string, std::set<std::string>> members;
  std::set<std::string> read_whole; // list fields read in any other way
};

// Adds what `expr` reads to `reads`.
void collect_reads(const Expr &expr, Reads &reads);

// Every value a field can hold in a use case, unknown first when `with_unknown`. A list field
// that `reads` tests only through `value in field` takes the subsets of those values; a list
// with more than 16 values to combine takes none (the caller cannot enumerate it).
std::vector<FieldValue> field_choices(const FieldDecl &decl, const Reads *reads, bool with_unknown);

enum class Decided { yes, no, undecided };

// A copy of `use_case` for a search over its answers: free text, task names and source
// locations left out (conditions test text only against `unknown`), so copies are cheap.
UseCase search_copy(const UseCase &use_case);

// Fills Framework::rules_reading_field and rules_reading_task_field from the rules'
// conditions, the task fields' defaults and derivations. The loader calls it.
void index_readers(Framework &framework);

// The rules whose outcome can change when the open answer `ref` is given (see index_readers).
const std::vector<int> &rules_reading(const Framework &framework, const UnknownRef &ref);

// Whether at least one of `any_of` is true for every way of answering the questions that
// `use_case` leaves open (use-case fields and own tasks' attributes), decided by depth-first
// search over only the open answers the conditions read. `undecided` when the search needs more
// than `limit` evaluations or an open answer cannot be enumerated.
Decided holds_for_every_answer(const Framework &framework,
                               const UseCase &use_case,
                               const std::vector<const Expr *> &any_of,
                               std::size_t limit = 20000);

// A use case that is a search_copy already, for callers that decide many conditions on one
// use case (the engine): holds_for_every_answer then does not copy it again for each. The
// search gives answers in it and takes them back: it is left as it was found.
struct SearchCopy {
  UseCase &use_case;
};
Decided holds_for_every_answer(const Framework &framework,
                               SearchCopy copy,
                               const std::vector<const Expr *> &any_of,
                               std::size_t limit = 20000);

// The open answer a search should fill in to decide `ref`, an unknown the evaluator reported:
// `ref` itself, or, for a task attribute that only waits for its default, the first unknown
// the default's conditions read. `defaulted` is set in the second case.
UnknownRef deciding_answer(const Framework &framework, const UseCase &use_case, const UnknownRef &ref);

// Whether use-case field `field` is unknown while the interview would skip its question (its
// `ask_if` is false): then it has one possible answer, its `if_skipped` one.
bool skipped_question(const Framework &framework, const UseCase &use_case, int field);

// The values to try for the open answer `ref` (never unknown): a field's domain, or for a
// list one member in or out (every member possible first). Empty when it cannot be
// enumerated. `approximate` is set when the values over-approximate what a use case can hold
// (a derived attribute tried directly). Only answers an interview can give: a skipped
// question has its `if_skipped` answer alone, and a value that would skip the question of a
// field answered otherwise is left out ("no health data" once "medical details" is "yes").
// Whether some answer given to a field asked only on a condition (other than its `if_skipped`
// one) depends on use-case field `field` through that condition: then not every value of
// `field` can go with it.
bool constrained_by_given(const Framework &framework, const UseCase &use_case, int field);

std::vector<FieldValue>
answers_for(const Framework &framework, const UseCase &use_case, const UnknownRef &ref, bool &approximate);

// Gives the open answer `ref` the value `value` and recomputes what depends on it (defaults,
// derived task attributes).
void give_answer(const Framework &framework,
                 UseCase &use_case,
                 const UnknownRef &ref,
                 const FieldValue &value);

// give_answer in place, taken back when this goes out of scope: a search keeps one use case
// and changes it along its path instead of copying the whole case at every point. It saves
// only what give_answer can change: the field (and the task attributes that take a default,
// which a field's answer can change), or the one task whose attribute is answered.
class GivenAnswer {
public:
  GivenAnswer(const Framework &framework, UseCase &use_case, const UnknownRef &ref, const FieldValue &value);
  ~GivenAnswer();
  GivenAnswer(const GivenAnswer &) = delete;
  GivenAnswer &operator=(const GivenAnswer &) = delete;
  GivenAnswer(GivenAnswer &&) = delete;
  GivenAnswer &operator=(GivenAnswer &&) = delete;

private:
  const Framework &m_fw;
  UseCase &m_uc;
  UnknownRef m_ref;
  FieldValue m_field;                  // a field's answer: the value before
  std::vector<FieldValue> m_defaulted; // ... and the attributes with a default, task by task
  bool m_restore_defaults = false;     // ... when the field feeds a default
  TaskEntry m_task;                    // a task attribute's answer: the task before
};

} // namespace kansrijk::core
