// A use case being filled in (the interview's answers) and its YAML form, both ways: the one
// writer of use-case YAML, whose output the use-case loader reads back to the same values
// for any declared field tree (tests/unit/io/test_answers.cpp), and a lenient reader for
// drafts, which keeps what is valid and reports what is not.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/io/tree.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::io {

// The answer to one declared field.
struct Answer {
  enum class State {
    open,    // not answered (yet, or again after going back)
    unknown, // "don't know": written as unknown (null for text)
    known,
  };
  State state = State::open;
  std::string text;                // a text field
  std::vector<std::string> values; // enum: one value; enum_list: any number, none = "none of these"

  [[nodiscard]] bool answered() const { return state != State::open; }
  [[nodiscard]] bool known() const { return state == State::known; }
  friend bool operator==(const Answer &, const Answer &) = default;
};

// The task field that has `role` (task_ref, task_name ...) in `framework`: its key in a
// task, or `fallback` when no task field has the role.
std::string task_key(const core::Framework &framework, core::FieldRole role, std::string_view fallback);

// A task of the use case: a taxonomy task by `ref`, or one's own (empty `ref`) described by
// answers to the task fields.
struct TaskAnswer {
  std::string ref;
  std::map<std::string, Answer> attributes; // task field path -> answer
  friend bool operator==(const TaskAnswer &, const TaskAnswer &) = default;
};

// All answers so far; `fields` is indexed like Framework::fields.
struct Answers {
  std::vector<Answer> fields;
  std::vector<TaskAnswer> tasks;
  friend bool operator==(const Answers &, const Answers &) = default;
};

// `answers` as a use-case document in YAML: every answered field at its declared path, as
// nested maps for dotted paths in the order of `framework.fields`; an unknown answer as
// `unknown` (`null` for text); the tasks under `tasks`, written after the group of the field
// `tasks_after` (at the end when empty or not a field). `header` is written first, each of
// its lines as a comment.
std::string write_answers(const core::Framework &framework,
                          const Answers &answers,
                          std::string_view header,
                          std::string_view tasks_after);

// The answers in `root` (a draft or a finished use-case file) for `framework`, read
// leniently: a field present counts as answered; a key that is not a field, a value that is
// not valid for its field and a task without a known `ref` or a `name` are left out, each
// reported in `ignored` with its place.
Answers
read_answers(const core::Framework &framework, const Node &root, std::vector<util::Diagnostic> &ignored);

} // namespace kansrijk::io
