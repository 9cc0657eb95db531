// Helpers shared by the renderers: names of tasks and questions in the report's language.
#include "sink.hpp"

#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>

namespace kansrijk::report {

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "text") {
    return Format::text;
  }
  if (name == "markdown" || name == "md") {
    return Format::markdown;
  }
  if (name == "html") {
    return Format::html;
  }
  if (name == "json") {
    return Format::json;
  }
  return std::nullopt;
}

std::string_view format_extension(Format format) {
  switch (format) {
  case Format::text:
    return ".txt";
  case Format::markdown:
    return ".md";
  case Format::html:
    return ".html";
  case Format::json:
    return ".json";
  }
  return ".txt";
}

std::string render(const core::Assessment &assessment, Format format, const RenderOptions &options) {
  std::unique_ptr<Sink> sink;
  switch (format) {
  case Format::json:
    return render_json(assessment, options.language, options.date);
  case Format::text:
    sink = make_text_sink(options);
    break;
  case Format::markdown:
    sink = make_markdown_sink(options);
    break;
  case Format::html:
    sink = make_html_sink(options);
    break;
  }
  build_report(assessment, options, *sink);
  return sink->finish();
}

std::string
task_label(const core::Framework &framework, const core::UseCase &use_case, int task, Language language) {
  const auto &entry = use_case.tasks[static_cast<std::size_t>(task)];
  if (entry.item >= 0) {
    return framework.items[static_cast<std::size_t>(entry.item)].label.in(language_code(language));
  }
  return entry.name; // the text renderer makes it printable
}

std::string question_text(const core::Framework &framework,
                          const core::UseCase &use_case,
                          const core::UnknownRef &ref,
                          Language language) {
  const std::string lang = language_code(language);
  if (!ref.task_field) {
    return framework.fields[static_cast<std::size_t>(ref.field)].question.in(lang);
  }
  const auto &decl = framework.task_fields[static_cast<std::size_t>(ref.field)];
  const std::string &question = decl.question.in(lang).empty() ? decl.label.in(lang) : decl.question.in(lang);
  return question + " (" + std::string(word(Word::task, language)) + " \"" +
         task_label(framework, use_case, ref.task, language) + "\")";
}

} // namespace kansrijk::report
