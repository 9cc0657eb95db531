// Drafts of use cases with marked suggestions (see draft.hpp).
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <iterator>
#include <kansrijk/io/draft.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/sha256.hpp>
#include <kansrijk/util/text.hpp>
#include <map>
#include <vector>

namespace kansrijk::io {

namespace {

// A JSON string is a YAML double-quoted scalar; invisible characters come out as escapes.
std::string quoted(const std::string &text) { return util::safe_json(text); }

std::string value_yaml(const core::FieldDecl &decl, const core::FieldValue &value) {
  switch (decl.type) {
  case core::FieldType::text:
    return quoted(value.text);
  case core::FieldType::enumeration:
    return value.value < 0 ? std::string("none")
                           : quoted(decl.domain.values[static_cast<std::size_t>(value.value)]);
  case core::FieldType::enum_list: {
    std::vector<std::string> items;
    items.reserve(value.values.size());
    for (const int v : value.values) {
      items.push_back(quoted(decl.domain.values[static_cast<std::size_t>(v)]));
    }
    return "[" + util::join(items, ", ") + "]";
  }
  case core::FieldType::integer:
    return value.low == value.high ? std::to_string(value.low) : std::string("unknown");
  }
  return {};
}

} // namespace

std::string shell_word(const std::string &word) {
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '.' || c == '/' || c == '-' || c == ',' || c == '+' ||
           c == ':' || c == '@' || c >= 0x80;
  });
  if (plain) {
    return word;
  }
  std::string out = "'";
  for (const char c : word) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string resume_command(const std::string &framework_folder) {
  return "kansrijk interview " +
         (framework_folder.empty() ? std::string() : "--framework " + shell_word(framework_folder) + " ") +
         "--resume ";
}

std::string draft_yaml(const core::Framework &fw,
                       const core::UseCase &use_case,
                       const core::Suggestions &suggestions,
                       const std::string &source,
                       bool dutch,
                       const std::string &resume) {
  const std::string mark = dutch ? "voorgesteld" : "suggested";
  const std::string words = dutch ? "woorden" : "words";
  const auto comment = [&](const core::Suggestion &s) {
    if (s.score <= 0) { // a presumption of the triage: no score, only its words
      return fmt::format("  # {}: {}: {}", mark, words, util::safe_terminal(util::join(s.words, ", ")));
    }
    return fmt::format("  # {}: score {:.1f}, {}: {}", mark, s.score, words,
                       util::safe_terminal(util::join(s.words, ", ")));
  };
  std::string out;
  out +=
      dutch ? fmt::format("# Concept uit {} (kansrijk batch --drafts). Regels met \"# {}\" zijn voorstellen\n"
                          "# uit de titel en omschrijving, geen antwoorden: controleer ze. Ga verder met:\n"
                          "# {}<dit bestand>\n",
                          util::safe_terminal(source), mark, util::safe_terminal(resume))
            : fmt::format("# Draft from {} (kansrijk batch --drafts). Lines marked \"# {}\" are suggestions\n"
                          "# from the title and description, not answers: check them. Continue with:\n"
                          "# {}<this file>\n",
                          util::safe_terminal(source), mark, util::safe_terminal(resume));
  // the framework's own keys: its id field, its task list, a task's reference and name
  const auto path_of = [&](core::FieldRole role, const char *fallback) {
    const int field = fw.field_with(role);
    return field < 0 ? std::string(fallback) : fw.fields[static_cast<std::size_t>(field)].path;
  };
  const auto task_key = [&](core::FieldRole role, const char *fallback) {
    const int field = fw.task_field_with(role);
    return field < 0 ? std::string(fallback) : fw.task_fields[static_cast<std::size_t>(field)].path;
  };
  const std::string ref_key = task_key(core::FieldRole::task_ref, "ref");
  const std::string name_key = task_key(core::FieldRole::task_name, "name");
  out += path_of(core::FieldRole::id, "id") + ": " + quoted(use_case.id) + "\n";
  // fields grouped by their first part (`ai.role` under `ai:`), in declaration order
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  const auto add = [&](const std::string &path, const std::string &line) {
    const auto dot = path.find('.');
    const std::string group = dot == std::string::npos ? std::string() : path.substr(0, dot);
    const std::string key = dot == std::string::npos ? path : path.substr(dot + 1);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == group; });
    if (it == groups.end()) {
      groups.emplace_back(group, std::vector<std::string>{});
      it = std::prev(groups.end());
    }
    it->second.push_back(key + ": " + line);
  };
  const int id_field = fw.field_with(core::FieldRole::id);
  for (const auto &decl : fw.fields) {
    if (decl.index == id_field || (id_field < 0 && decl.path == "id")) {
      continue; // written above, under the framework's own key
    }
    const auto &value = use_case.fields[static_cast<std::size_t>(decl.index)];
    if (value.known && !value.defaulted) {
      add(decl.path, value_yaml(decl, value));
      continue;
    }
    for (const auto &s : suggestions.answers) {
      if (s.field == decl.path) {
        add(decl.path, quoted(s.value) + comment(s));
      }
    }
  }
  for (const auto &[group, lines] : groups) {
    if (group.empty()) {
      for (const auto &line : lines) {
        out += line + "\n";
      }
      continue;
    }
    out += group + ":\n";
    for (const auto &line : lines) {
      out += "  " + line + "\n";
    }
  }
  if (!use_case.tasks.empty()) {
    out += fw.tasks_key + ":\n";
    for (const auto &task : use_case.tasks) {
      if (task.item >= 0) {
        out += "  - " + ref_key + ": " + fw.items[static_cast<std::size_t>(task.item)].id + "\n";
      } else {
        out += "  - " + name_key + ": " + quoted(task.name) + "\n";
      }
    }
  } else if (!suggestions.tasks.empty()) {
    out += fw.tasks_key + ":\n";
    for (const auto &s : suggestions.tasks) {
      out += "  - " + ref_key + ": " + s.ref + comment(s) + "\n";
    }
  }
  return out;
}

namespace {

constexpr std::string_view k_seal = "# kansrijk draft, sha256 ";

std::string digest(std::string_view text) {
  util::Sha256 hash;
  hash.update(text);
  return hash.hex_digest();
}

} // namespace

std::string sealed_draft(const std::string &yaml) { return yaml + std::string(k_seal) + digest(yaml) + "\n"; }

bool unchanged_draft(std::string_view content) {
  if (!content.ends_with('\n')) {
    return false;
  }
  const auto start = content.rfind('\n', content.size() - 2);
  const std::size_t line = start == std::string_view::npos ? 0 : start + 1;
  const std::string_view last = content.substr(line, content.size() - 1 - line);
  return last.starts_with(k_seal) && last.substr(k_seal.size()) == digest(content.substr(0, line));
}

} // namespace kansrijk::io
