// Renderers: pure functions from an Assessment to text in one language. They compute
// nothing of their own; every figure they print is in the Assessment.
#pragma once

#include <kansrijk/core/assessment.hpp>

#include <string>

namespace kansrijk::report {

enum class Language { nl, en };

// The code of `language` ("nl" or "en").
std::string language_code(Language language);

// A plain-text report, wrapped at `width` columns.
std::string render_text(const core::Assessment& assessment, Language language, int width = 80);

// The JSON output v1 contract (see docs/json-output.md), with texts in `language`;
// deterministic: the same assessment gives the same bytes.
std::string render_json(const core::Assessment& assessment, Language language);

// The question that asks for `ref`, for example "Wat doet de AI ...?" or, for a task
// attribute, the question followed by the task's name.
std::string question_text(const core::Framework& framework, const core::UseCase& use_case,
                          const core::UnknownRef& ref, Language language);

// The display name of task `task` of `use_case`.
std::string task_label(const core::Framework& framework, const core::UseCase& use_case, int task,
                       Language language);

} // namespace kansrijk::report
