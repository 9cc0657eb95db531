// Answers to YAML and back. The writer builds the tree of declared paths first, so fields of
// one group are written together whatever their order in fields.yaml, at any depth.
#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/io/answers.hpp>
#include <kansrijk/io/use_case_loader.hpp>

namespace kansrijk::io {

using core::FieldDecl;
using core::FieldType;

namespace {

// A YAML double-quoted scalar. Control characters, the characters YAML 1.1 reads as line
// breaks (U+0085, U+2028, U+2029) and the byte order mark are escaped, so the text reads
// back byte for byte.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::string_view rest = text.substr(i);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else if (rest.starts_with("\xC2\x85")) {
      out += "\\u0085"; // not \N, which yaml-cpp reads as the single byte 0x85
      ++i;
    } else if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9")) {
      out += rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (rest.starts_with("\xEF\xBB\xBF")) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A key or enum value as YAML: plain when it is a simple word that no YAML reader takes
// for anything else (a boolean, null, a number), else quoted.
std::string word(std::string_view text) {
  static constexpr std::string_view k_special[] = {"y",   "n",    "yes",   "no",   "on",
                                                   "off", "true", "false", "null", "unknown"};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool simple =
      !text.empty() && std::isalpha(static_cast<unsigned char>(text.front())) != 0 &&
      text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") ==
          std::string_view::npos &&
      std::find(std::begin(k_special), std::end(k_special), lower) == std::end(k_special);
  return simple ? std::string(text) : yaml_quoted(text);
}

std::string value_yaml(const FieldDecl &decl, const Answer &answer) {
  if (!answer.known()) {
    return decl.type == FieldType::text ? "null" : "unknown";
  }
  switch (decl.type) {
  case FieldType::text:
    return yaml_quoted(answer.text);
  case FieldType::enumeration:
    return answer.values.empty() ? std::string("unknown") : word(answer.values.front());
  case FieldType::enum_list: {
    std::string out = "[";
    for (const auto &value : answer.values) {
      out += (out.size() > 1 ? ", " : "") + word(value);
    }
    return out + "]";
  }
  case FieldType::integer:
    return "unknown"; // not a use-case field
  }
  return "unknown";
}

// One key of the document: a field's value, a group of keys, or the task list.
struct Key {
  std::string name;
  const FieldDecl *decl = nullptr;
  const Answer *answer = nullptr;
  bool tasks = false;
  std::vector<Key> keys;
};

Key &child(Key &parent, const std::string &name) {
  for (auto &key : parent.keys) {
    if (key.name == name && !key.tasks) {
      return key;
    }
  }
  parent.keys.push_back(Key{name, nullptr, nullptr, false, {}});
  return parent.keys.back();
}

} // namespace

std::string task_key(const core::Framework &framework, core::FieldRole role, std::string_view fallback) {
  const int index = framework.task_field_with(role);
  return index < 0 ? std::string(fallback) : framework.task_fields[static_cast<std::size_t>(index)].path;
}

namespace {

void write_tasks(const core::Framework &framework,
                 const Answers &answers,
                 const std::string &indent,
                 std::string &out) {
  for (const auto &task : answers.tasks) {
    if (!task.ref.empty()) {
      out += fmt::format("{}  - {}: {}\n", indent,
                         word(task_key(framework, core::FieldRole::task_ref, "ref")), word(task.ref));
      continue;
    }
    bool first = true;
    for (const auto &decl : framework.task_fields) {
      const auto it = task.attributes.find(decl.path);
      if (it == task.attributes.end() || !it->second.answered()) {
        continue;
      }
      out += fmt::format("{}  {} {}: {}\n", indent, first ? "-" : " ", word(decl.path),
                         value_yaml(decl, it->second));
      first = false;
    }
    if (first) {
      out += indent + "  - {}\n";
    }
  }
}

void write_keys(
    const core::Framework &framework, const Answers &answers, const Key &group, int depth, std::string &out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  for (const auto &key : group.keys) {
    if (key.tasks) {
      out += indent + word(key.name) + ":\n";
      write_tasks(framework, answers, indent, out);
    } else if (key.decl != nullptr) {
      out += fmt::format("{}{}: {}\n", indent, word(key.name), value_yaml(*key.decl, *key.answer));
    } else {
      out += fmt::format("{}{}:\n", indent, word(key.name));
      write_keys(framework, answers, key, depth + 1, out);
    }
  }
}

class LenientReader {
public:
  LenientReader(const core::Framework &framework, std::vector<util::Diagnostic> &ignored)
      : m_fw(framework), m_ignored(ignored) {
    m_answers.fields.resize(framework.fields.size());
  }

  Answers read(const Node &root) {
    if (root.is_map()) {
      read_group(root, "");
    } else if (root.kind != Node::Kind::null) {
      ignore(root.where, fmt::format("a use case is a map of answers, not {}", kind_name(root)));
    }
    return std::move(m_answers);
  }

private:
  void ignore(const util::Location &where, std::string message) {
    m_ignored.push_back(util::Diagnostic{where, std::move(message)});
  }

  void read_group(const Node &map, const std::string &prefix) {
    for (const auto &entry : map.entries) {
      const std::string path = prefix + entry.key.scalar;
      if (prefix.empty() && entry.key.scalar == m_fw.tasks_key) {
        read_tasks(entry.value);
        continue;
      }
      const int index = m_fw.field_index(path);
      if (index >= 0) {
        const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
        if (auto answer = answer_from(decl, entry.value)) {
          m_answers.fields[static_cast<std::size_t>(index)] = std::move(*answer);
        } else {
          ignore(entry.value.where,
                 fmt::format("not a valid answer to \"{}\"; it will be asked again", path));
        }
      } else if (entry.value.is_map()) {
        read_group(entry.value, path + ".");
      } else {
        ignore(entry.key.where, fmt::format("\"{}\" is not a question of this framework", path));
      }
    }
  }

  static std::optional<Answer> answer_from(const FieldDecl &decl, const Node &node) {
    Answer answer;
    answer.state = Answer::State::unknown;
    if (node.kind == Node::Kind::null ||
        (node.is_scalar() && node.scalar == "unknown" && decl.type != FieldType::text)) {
      return answer;
    }
    switch (decl.type) {
    case FieldType::text:
      if (!node.is_scalar() || node.scalar.size() > k_max_text_bytes) {
        return std::nullopt;
      }
      if (node.scalar.find_first_not_of(" \t\r\n") != std::string::npos) {
        answer.state = Answer::State::known; // blank text is no answer, as in the loader
        answer.text = node.scalar;
      }
      return answer;
    case FieldType::enumeration:
      if (!node.is_scalar() || decl.domain.index_of(node.scalar) < 0) {
        return std::nullopt;
      }
      answer.state = Answer::State::known;
      answer.values = {node.scalar};
      return answer;
    case FieldType::enum_list:
      if (!node.is_seq()) {
        return std::nullopt;
      }
      answer.state = Answer::State::known;
      for (const auto &item : node.items) {
        if (!item.is_scalar() || decl.domain.index_of(item.scalar) < 0) {
          return std::nullopt;
        }
        if (std::find(answer.values.begin(), answer.values.end(), item.scalar) == answer.values.end()) {
          answer.values.push_back(item.scalar);
        }
      }
      return answer;
    case FieldType::integer:
      return std::nullopt; // not a use-case field
    }
    return std::nullopt;
  }

  void read_tasks(const Node &node) {
    if (!node.is_seq()) {
      ignore(node.where, "\"" + m_fw.tasks_key + "\" is not a list; the tasks will be asked again");
      return;
    }
    const std::string ref_key = task_key(m_fw, core::FieldRole::task_ref, "ref");
    const std::string name_key = task_key(m_fw, core::FieldRole::task_name, "name");
    for (const auto &item : node.items) {
      const Node *ref = item.find(ref_key);
      if (ref != nullptr && ref->is_scalar() && m_fw.item_index(ref->scalar) >= 0) {
        m_answers.tasks.push_back(TaskAnswer{ref->scalar, {}});
        continue;
      }
      if (!item.is_map() || item.find(name_key) == nullptr) {
        ignore(item.where,
               fmt::format(R"(a task needs a known "{}" or a "{}"; left out)", ref_key, name_key));
        continue;
      }
      TaskAnswer task;
      for (const auto &entry : item.entries) {
        const int index = m_fw.task_field_index(entry.key.scalar);
        std::optional<Answer> answer;
        if (index >= 0) {
          answer = answer_from(m_fw.task_fields[static_cast<std::size_t>(index)], entry.value);
        }
        if (answer) {
          task.attributes[entry.key.scalar] = std::move(*answer);
        } else {
          ignore(entry.key.where,
                 fmt::format("not a valid answer to \"{}\" of a task; left out", entry.key.scalar));
        }
      }
      m_answers.tasks.push_back(std::move(task));
    }
  }

  const core::Framework &m_fw;
  std::vector<util::Diagnostic> &m_ignored;
  Answers m_answers;
};

} // namespace

std::string write_answers(const core::Framework &framework,
                          const Answers &answers,
                          std::string_view header,
                          std::string_view tasks_after) {
  Key root;
  std::string tasks_group; // the top-level key the tasks follow
  for (const auto &decl : framework.fields) {
    const Answer &answer = answers.fields.at(static_cast<std::size_t>(decl.index));
    if (decl.path == tasks_after) {
      tasks_group = decl.path.substr(0, decl.path.find('.'));
    }
    if (!answer.answered()) {
      continue;
    }
    Key *group = &root;
    std::size_t start = 0;
    for (std::size_t dot = decl.path.find('.'); dot != std::string::npos; dot = decl.path.find('.', start)) {
      group = &child(*group, decl.path.substr(start, dot - start));
      start = dot + 1;
    }
    Key &leaf = child(*group, decl.path.substr(start));
    leaf.decl = &decl;
    leaf.answer = &answer;
  }
  if (!answers.tasks.empty()) {
    const auto after = std::find_if(root.keys.begin(), root.keys.end(),
                                    [&](const Key &key) { return key.name == tasks_group; });
    root.keys.insert(after == root.keys.end() ? after : after + 1,
                     Key{framework.tasks_key, nullptr, nullptr, true, {}});
  }
  std::string out;
  std::size_t start = 0;
  while (start < header.size()) {
    const std::size_t end = std::min(header.find('\n', start), header.size());
    out += fmt::format("# {}\n", header.substr(start, end - start));
    start = end + 1;
  }
  write_keys(framework, answers, root, 0, out);
  return out;
}

Answers
read_answers(const core::Framework &framework, const Node &root, std::vector<util::Diagnostic> &ignored) {
  return LenientReader(framework, ignored).read(root);
}

} // namespace kansrijk::io
