// Renderers: pure functions from an Assessment to text in one language. They compute
// nothing of their own; every figure they print is in the Assessment.
#pragma once

#include <cstddef>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::report {

// A language of the report frame: one column of the table of fixed words in strings.cpp.
// Which languages a report may be in is the framework's choice (`languages:`); the frame
// must have words for each of them, which `language_for` and `frame_language_problems` check.
class Language {
public:
  static const Language nl;
  static const Language en;

  constexpr Language() = default; // the frame's first language

  // The frame language with `code`, or nullopt when the frame has no words for it.
  [[nodiscard]] static std::optional<Language> from_code(std::string_view code);

  // The code of this language, such as "nl".
  [[nodiscard]] std::string_view code() const;

  // Its column in the table of fixed words.
  [[nodiscard]] constexpr std::size_t column() const { return m_column; }

  friend constexpr bool operator==(const Language &, const Language &) = default;

private:
  explicit constexpr Language(std::size_t column) : m_column(column) {}

  std::size_t m_column = 0;
};

inline constexpr Language Language::nl{0};
inline constexpr Language Language::en{1};

// The codes of the languages the report frame has words for, in table order.
std::vector<std::string> frame_languages();

// The code of `language` ("nl", "en", ...).
std::string language_code(Language language);

// The language a report on `framework` is written in: `requested` (a --lang value) when the
// framework declares it and the frame has words for it; when `requested` is empty, the first
// declared language. Throws util::Error saying which languages would do, located at the
// framework's declaration when the frame lacks words for a declared language.
Language language_for(const core::Framework &framework, std::string_view requested);

// One located error per language `framework` declares that the report frame has no words
// for; empty when every declared language can be reported in.
std::vector<util::Diagnostic> frame_language_problems(const core::Framework &framework);

enum class Format { text, markdown, html, json };

// The format named `name` ("text", "markdown", "html", "json"), or nullopt.
std::optional<Format> format_from_name(std::string_view name);

// The usual file extension of `format`, with the dot (".txt", ".md", ".html", ".json").
std::string_view format_extension(Format format);

struct RenderOptions {
  Language language = Language::nl;
  int width = 80;     // text: wrap at this many columns
  bool color = false; // text: ANSI colours for a terminal
  std::string date;   // YYYY-MM-DD shown in the report; empty: no date
};

// The report for `assessment` in `format`. Every format carries the same content: verdict and
// reasons, the blocks with the terms behind their scores, tasks, skills, technology ranking,
// quality of work, flags, open questions, conditions, recommendations, the input as
// understood, sources, and the statement that this is a weighing aid, not a decision.
std::string render(const core::Assessment &assessment, Format format, const RenderOptions &options);

// A plain-text report, wrapped at `width` columns.
std::string render_text(const core::Assessment &assessment, Language language, int width = 80);

// The JSON output v1 contract (see docs/json-output.md), with texts in `language`;
// deterministic: the same assessment gives the same bytes.
std::string render_json(const core::Assessment &assessment, Language language, const std::string &date = {});

// The question that asks for `ref`, for example "Wat doet de AI ...?" or, for a task
// attribute, the question followed by the task's name.
std::string question_text(const core::Framework &framework,
                          const core::UseCase &use_case,
                          const core::UnknownRef &ref,
                          Language language);

// The display name of task `task` of `use_case`.
std::string
task_label(const core::Framework &framework, const core::UseCase &use_case, int task, Language language);

// A value of a field in words: its label, the labels of a list's members, a number.
std::string value_words(const core::FieldDecl &decl, const core::FieldValue &value, Language language);

// One change to a design choice of `use_case` in words: "kies bij <label>: <value> of <other
// value>", or for a list the members added or taken away.
std::string change_words(const core::Framework &framework,
                         const core::UseCase &use_case,
                         const core::DesignChange &change,
                         const std::vector<core::FieldValue> &alternatives,
                         Language language);

} // namespace kansrijk::report
