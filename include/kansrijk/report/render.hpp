// Renderers: pure functions from an Assessment to text in one language. They compute
// nothing of their own; every figure they print is in the Assessment.
#pragma once

#include <kansrijk/core/assessment.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kansrijk::report {

enum class Language { nl, en };

// The code of `language` ("nl" or "en").
std::string language_code(Language language);

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

} // namespace kansrijk::report
