// Helpers shared by the renderers: names of tasks, questions, values and changes in the
// report's language.
#include "sink.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <iterator>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/text.hpp>

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

std::string upper_first(std::string_view text) {
  std::string out(text);
  if (!out.empty()) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

std::string value_words(const core::FieldDecl &decl, const core::FieldValue &value, Language language) {
  const std::string lang = language_code(language);
  switch (decl.type) {
  case core::FieldType::enumeration:
    return value.value >= 0 ? core::value_label(decl, value.value, lang) : std::string("-");
  case core::FieldType::enum_list: {
    std::vector<std::string> labels;
    labels.reserve(value.values.size());
    for (const int v : value.values) {
      labels.push_back(core::value_label(decl, v, lang));
    }
    return labels.empty() ? std::string(word(Word::what_if_none_value, language)) : util::join(labels, ", ");
  }
  case core::FieldType::integer:
    return value.low == value.high ? fmt::format("{}", value.low)
                                   : fmt::format("{}-{}", value.low, value.high);
  case core::FieldType::text:
    return value.text;
  }
  return {};
}

std::string change_words(const core::Framework &framework,
                         const core::UseCase &use_case,
                         const core::DesignChange &change,
                         const std::vector<core::FieldValue> &alternatives,
                         Language language) {
  const std::string lang = language_code(language);
  const core::FieldDecl &decl = framework.fields[static_cast<std::size_t>(change.field)];
  const std::string label = decl.label.in(lang).empty() ? decl.path : decl.label.in(lang);
  const core::FieldValue &now = use_case.fields[static_cast<std::size_t>(change.field)];
  if (decl.type == core::FieldType::enum_list && core::is_settled(now) && alternatives.empty()) {
    std::vector<int> added;
    std::vector<int> removed;
    std::set_difference(change.value.values.begin(), change.value.values.end(), now.values.begin(),
                        now.values.end(), std::back_inserter(added));
    std::set_difference(now.values.begin(), now.values.end(), change.value.values.begin(),
                        change.value.values.end(), std::back_inserter(removed));
    std::vector<std::string> parts;
    parts.reserve(added.size());
    for (const int v : added) {
      parts.push_back(fmt::format("{} \"{}\": {}", word(Word::what_if_add, language), label,
                                  core::value_label(decl, v, lang)));
    }
    for (const int v : removed) {
      parts.push_back(fmt::format("{} \"{}\": {}", word(Word::what_if_remove, language), label,
                                  core::value_label(decl, v, lang)));
    }
    return util::join(parts, "; ");
  }
  std::vector<std::string> values{value_words(decl, change.value, language)};
  for (const auto &alternative : alternatives) {
    values.push_back(value_words(decl, alternative, language));
  }
  return fmt::format("{} \"{}\": {}", word(Word::what_if_set, language), label,
                     util::join(values, " " + std::string(word(Word::or_word, language)) + " "));
}

} // namespace kansrijk::report
