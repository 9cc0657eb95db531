// `--set FIELD=VALUE` applied to a use case; see settings.hpp.
#include <algorithm>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/io/settings.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io {

namespace {

using core::FieldDecl;
using core::FieldType;
using core::FieldValue;

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) {
    return {};
  }
  const auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The index of `word` in the domain of `decl`: by code, or by label in any language (ASCII
// case-insensitive). -1 when neither.
int value_index(const FieldDecl &decl, const std::string &word) {
  const int by_code = decl.domain.index_of(word);
  if (by_code >= 0) {
    return by_code;
  }
  for (std::size_t i = 0; i < decl.domain.values.size(); ++i) {
    const auto label = decl.value_labels.find(decl.domain.values[i]);
    if (label == decl.value_labels.end()) {
      continue;
    }
    for (const auto &[language, text] : label->second.by_language) {
      if (lower(text) == lower(word)) {
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

std::vector<std::string> paths_of(const core::Framework &framework) {
  std::vector<std::string> paths;
  for (const auto &field : framework.fields) {
    if (!field.derived) {
      paths.push_back(field.path);
    }
  }
  return paths;
}

} // namespace

void apply_settings(const core::Framework &framework,
                    core::UseCase &use_case,
                    const std::vector<std::string> &settings) {
  std::vector<util::Diagnostic> problems;
  const auto problem = [&](const std::string &setting, const std::string &message) {
    problems.push_back(util::Diagnostic{{"--set " + util::excerpt(setting)}, message});
  };
  for (const auto &setting : settings) {
    const auto equals = setting.find('=');
    if (equals == std::string::npos) {
      problem(setting, "expected FIELD=VALUE, such as ai.oversight=every_output");
      continue;
    }
    const std::string path = trimmed(std::string_view(setting).substr(0, equals));
    const std::string text = trimmed(std::string_view(setting).substr(equals + 1));
    const int index = framework.field_index(path);
    if (index < 0 || framework.fields[static_cast<std::size_t>(index)].derived) {
      problem(setting, "unknown field \"" + util::excerpt(path) + "\"" +
                           util::did_you_mean(path, paths_of(framework)) +
                           "; `kansrijk schema` lists the fields (task attributes cannot be set this way)");
      continue;
    }
    const FieldDecl &decl = framework.fields[static_cast<std::size_t>(index)];
    FieldValue value;
    if (text == "unknown") {
      core::set_field(framework, use_case, index, value);
      continue;
    }
    bool ok = true;
    switch (decl.type) {
    case FieldType::text:
      value.known = true;
      value.text = text;
      break;
    case FieldType::integer:
      ok = false;
      problem(setting, "\"" + path + "\" is not a field a use case sets");
      break;
    case FieldType::enumeration:
      value.known = true;
      value.value = value_index(decl, text);
      if (value.value < 0) {
        ok = false;
        problem(setting, "\"" + util::excerpt(text) + "\" is not a value of \"" + path + "\"" +
                             util::did_you_mean(text, decl.domain.values) +
                             "; allowed: " + util::join(decl.domain.values, ", ") + " or unknown");
      }
      break;
    case FieldType::enum_list: {
      value.known = true;
      std::string items = text;
      if (items.size() >= 2 && items.front() == '[' && items.back() == ']') {
        items = items.substr(1, items.size() - 2);
      }
      std::size_t start = 0;
      while (start <= items.size() && !trimmed(items).empty()) {
        const auto comma = items.find(',', start);
        const std::string item = trimmed(std::string_view(items).substr(
            start, comma == std::string::npos ? std::string::npos : comma - start));
        const int v = value_index(decl, item);
        if (v < 0) {
          ok = false;
          problem(setting, "\"" + util::excerpt(item) + "\" is not a value of \"" + path + "\"" +
                               util::did_you_mean(item, decl.domain.values) +
                               "; allowed: a comma-separated list of " +
                               util::join(decl.domain.values, ", ") + ", [] for none, or unknown");
        } else if (std::find(value.values.begin(), value.values.end(), v) == value.values.end()) {
          value.values.push_back(v);
        }
        if (comma == std::string::npos) {
          break;
        }
        start = comma + 1;
      }
      std::sort(value.values.begin(), value.values.end());
      break;
    }
    }
    if (ok) {
      core::set_field(framework, use_case, index, value);
    }
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
}

} // namespace kansrijk::io
