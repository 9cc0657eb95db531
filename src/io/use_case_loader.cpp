// The use-case loader. The accepted keys are derived from the framework's field
// declarations, so the vocabulary is declared once (fields.yaml) and nowhere else.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <kansrijk/io/reader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/text.hpp>
#include <set>

namespace kansrijk::io {

using namespace core;

namespace {

class UseCaseReader {
public:
  UseCaseReader(const Framework &framework, const std::string &default_id)
      : m_fw(framework), m_default_id(default_id) {}

  UseCase read(const Node &root) {
    m_uc.fields.resize(m_fw.fields.size());
    if (!root.is_map()) {
      m_reader.error(root.where, "a use case must be a mapping (key: value), not " +
                                     std::string(kind_name(root)) + "; see USE-CASE FILES in `man kansrijk`");
      throw util::Error(std::move(m_reader.diagnostics()));
    }
    read_group(root, "");
    if (root.find("tasks") == nullptr) {
      m_reader.error(root.where, "missing required key \"tasks\"; list at least one task, e.g. `tasks: "
                                 "[{ref: besluitvorming.rapport-schrijven}]`");
    }
    for (const auto &field : m_fw.fields) {
      if (field.required && !m_uc.fields[static_cast<std::size_t>(field.index)].known &&
          !field_has_error(field.path)) {
        m_reader.error(root.where, "missing required key \"" + field.path + "\"");
      }
    }
    const int id_field = m_fw.field_index("id");
    const int title_field = m_fw.field_index("title");
    m_uc.id = id_field >= 0 && m_uc.fields[static_cast<std::size_t>(id_field)].known
                  ? m_uc.fields[static_cast<std::size_t>(id_field)].text
                  : m_default_id;
    if (title_field >= 0) {
      m_uc.title = m_uc.fields[static_cast<std::size_t>(title_field)].text;
    }
    if (m_reader.failed()) {
      throw util::Error(std::move(m_reader.diagnostics()));
    }
    for (auto &task : m_uc.tasks) {
      complete_task(m_fw, task);
    }
    return std::move(m_uc);
  }

private:
  // The keys allowed directly under `prefix` (e.g. "ai." -> role, technology, ...), as the
  // framework indexed them once when it was loaded (Framework::index_field_groups).
  const std::vector<std::string> &keys_under(const std::string &prefix) const {
    static const std::vector<std::string> k_none;
    const auto it = m_fw.field_groups.find(prefix);
    return it == m_fw.field_groups.end() ? k_none : it->second;
  }

  void read_group(const Node &map, const std::string &prefix) {
    const std::vector<std::string> &keys = keys_under(prefix);
    for (const auto &entry : map.entries) {
      const std::string &key = entry.key.scalar;
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        m_reader.error(entry.key.where, "unknown key \"" + prefix + key + "\"" +
                                            util::did_you_mean(key, keys) +
                                            "; allowed here: " + util::join(keys, ", "));
        continue;
      }
      if (prefix.empty() && key == "tasks") {
        read_tasks(entry.value);
        continue;
      }
      const std::string path = prefix + key;
      const int index = m_fw.field_index(path);
      if (index >= 0) {
        const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(index)];
        m_uc.fields[static_cast<std::size_t>(index)] = read_value(entry.value, decl, path);
        continue;
      }
      if (entry.value.kind == Node::Kind::null) {
        continue; // an empty group: everything in it is unknown
      }
      if (m_reader.expect_map(entry.value, "\"" + path + "\"")) {
        read_group(entry.value, path + ".");
      }
    }
  }

  FieldValue read_value(const Node &node, const FieldDecl &decl, const std::string &path) {
    const std::size_t before = m_reader.diagnostics().size();
    FieldValue value = read_value_unchecked(node, decl, path);
    if (m_reader.diagnostics().size() != before) {
      m_paths_with_errors.insert(path);
    }
    return value;
  }

  FieldValue read_value_unchecked(const Node &node, const FieldDecl &decl, const std::string &path) {
    FieldValue value;
    value.where = node.where;
    if (node.kind == Node::Kind::null) {
      if (decl.required) {
        m_reader.error(node.where, "\"" + path + "\" must not be empty");
      }
      return value;
    }
    switch (decl.type) {
    case FieldType::text:
      if (!node.is_scalar()) {
        m_reader.error(node.where, "\"" + path + "\" must be text, not a " + std::string(kind_name(node)));
      } else if (node.scalar.size() > k_max_text_bytes) {
        m_reader.error(node.where,
                       "\"" + path + "\" is longer than " + std::to_string(k_max_text_bytes) + " bytes");
      } else if (node.scalar.find_first_not_of(" \t\r\n") == std::string::npos) {
        // Blank text is no answer: unknown, or an error where an answer is required.
        if (decl.required) {
          m_reader.error(node.where, "\"" + path + "\" must not be empty");
        } else if (path == "name") {
          m_reader.error(node.where, "\"name\" of a task must not be empty");
        }
      } else {
        value.known = true;
        value.text = node.scalar;
      }
      return value;
    case FieldType::enumeration:
      if (!node.is_scalar()) {
        m_reader.error(node.where, "\"" + path + "\" must be one of " + util::join(decl.domain.values, ", ") +
                                       " or unknown, not a " + std::string(kind_name(node)));
        return value;
      }
      if (node.scalar == "unknown") {
        return value;
      }
      value.value = decl.domain.index_of(node.scalar);
      if (value.value < 0) {
        m_reader.error(node.where, "\"" + node.scalar + "\" is not allowed for \"" + path + "\"" +
                                       suggestion(node.scalar, decl) + "; allowed: " + allowed(decl));
        return value;
      }
      value.known = true;
      return value;
    case FieldType::enum_list:
      if (node.is_scalar() && node.scalar == "unknown") {
        return value;
      }
      if (!node.is_seq()) {
        m_reader.error(node.where, "\"" + path + "\" must be a list of " + allowed(decl) + ", not " +
                                       std::string(kind_name(node)));
        return value;
      }
      value.known = true;
      for (const auto &item : node.items) {
        const int index = item.is_scalar() ? decl.domain.index_of(item.scalar) : -1;
        if (index < 0) {
          m_reader.error(item.where, "\"" + (item.is_scalar() ? item.scalar : std::string(kind_name(item))) +
                                         "\" is not allowed in \"" + path + "\"" +
                                         suggestion(item.scalar, decl) + "; allowed: " + allowed(decl));
          continue;
        }
        value.values.push_back(index);
      }
      std::sort(value.values.begin(), value.values.end());
      value.values.erase(std::unique(value.values.begin(), value.values.end()), value.values.end());
      return value;
    }
    return value;
  }

  // Whether a problem with `path` was reported already (then "missing" would repeat it).
  bool field_has_error(const std::string &path) { return m_paths_with_errors.count(path) != 0; }

  static std::string allowed(const FieldDecl &decl) {
    if (decl.domain.values.size() > 20) {
      return "one of the " + std::to_string(decl.domain.values.size()) +
             " ids that `kansrijk framework list` shows";
    }
    return util::join(decl.domain.values, ", ");
  }

  // "(did you mean ...)" for a near miss, including the Dutch and boolean spellings of yes/no.
  static std::string suggestion(const std::string &value, const FieldDecl &decl) {
    if (decl.domain.values == std::vector<std::string>{"yes", "no"}) {
      static const std::vector<std::pair<std::string, std::string>> k_synonyms = {
          {"ja", "yes"}, {"nee", "no"},  {"true", "yes"}, {"false", "no"}, {"j", "yes"},
          {"n", "no"},   {"Yes", "yes"}, {"No", "no"},    {"Ja", "yes"},   {"Nee", "no"}};
      for (const auto &[spelling, meant] : k_synonyms) {
        if (value == spelling) {
          return " (did you mean \"" + meant + "\"?)";
        }
      }
    }
    return util::did_you_mean(value, decl.domain.values);
  }

  void read_tasks(const Node &node) {
    if (!m_reader.expect_seq(node, "\"tasks\"")) {
      return;
    }
    if (node.items.empty()) {
      m_reader.error(node.where, "\"tasks\" is empty; list at least one task or action the AI touches");
      return;
    }
    if (node.items.size() > k_max_tasks) {
      m_reader.error(node.where, "more than " + std::to_string(k_max_tasks) + " tasks; split the use case");
      return;
    }
    for (const auto &item : node.items) {
      if (m_reader.expect_map(item, "a task")) {
        read_task(item);
      }
    }
  }

  void read_task(const Node &node) {
    TaskEntry task;
    task.where = node.where;
    task.attributes.resize(m_fw.task_fields.size());
    const Node *ref = node.find("ref");
    const Node *name = node.find("name");
    if (ref != nullptr && name != nullptr) {
      m_reader.error(node.where,
                     "a task has either \"ref\" (a taxonomy task) or \"name\" (your own task), not both");
      return;
    }
    if (ref == nullptr && name == nullptr) {
      m_reader.error(node.where, "a task needs \"ref\" (a taxonomy id such as "
                                 "besluitvorming.rapport-schrijven) or \"name\" (your own task)");
      return;
    }
    if (ref != nullptr) {
      for (const auto &entry : node.entries) {
        if (entry.key.scalar != "ref") {
          m_reader.error(entry.key.where, "unknown key \"" + entry.key.scalar +
                                              "\" on a taxonomy task; it takes its attributes from the "
                                              "framework (describe your own task with \"name\" instead)");
        }
      }
      if (!ref->is_scalar()) {
        m_reader.error(ref->where, "\"ref\" must be a taxonomy id, not a " + std::string(kind_name(*ref)));
        return;
      }
      task.item = m_fw.item_index(ref->scalar);
      if (task.item < 0) {
        std::vector<std::string> ids;
        for (const auto &item : m_fw.items) {
          ids.push_back(item.id);
        }
        m_reader.error(ref->where, "unknown task \"" + ref->scalar + "\"" +
                                       util::did_you_mean(ref->scalar, ids) +
                                       "; `kansrijk framework list` lists the task ids");
        return;
      }
      m_uc.tasks.push_back(std::move(task));
      return;
    }
    std::vector<std::string> keys;
    for (const auto &decl : m_fw.task_fields) {
      if (!decl.derived && decl.path != "ref") {
        keys.push_back(decl.path);
      }
    }
    for (const auto &entry : node.entries) {
      const std::string &key = entry.key.scalar;
      const int index = m_fw.task_field_index(key);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        m_reader.error(entry.key.where, "unknown key \"" + key + "\" on a task" +
                                            util::did_you_mean(key, keys) +
                                            "; allowed here: " + util::join(keys, ", "));
        continue;
      }
      const FieldDecl &decl = m_fw.task_fields[static_cast<std::size_t>(index)];
      FieldValue value = read_value(entry.value, decl, key);
      task.attributes[static_cast<std::size_t>(index)] = value;
      if (key == "name") {
        task.name = value.text;
      }
      if (key == "skills" && value.known) {
        for (const int skill : value.values) {
          task.skills.push_back(SkillWeight{skill, 2});
        }
      }
    }
    m_uc.tasks.push_back(std::move(task));
  }

  const Framework &m_fw;
  std::string m_default_id;
  UseCase m_uc;
  Reader m_reader;
  std::set<std::string> m_paths_with_errors;
};

} // namespace

UseCase use_case_from_tree(const Node &tree, const Framework &framework, const std::string &default_id) {
  return UseCaseReader(framework, default_id).read(tree);
}

ParseLimits use_case_parse_limits() {
  ParseLimits limits;
  limits.max_depth = k_max_use_case_depth;
  limits.max_nodes = k_max_use_case_nodes;
  limits.max_scalar_bytes = k_max_text_bytes;
  return limits;
}

UseCase parse_use_case(const std::string &text,
                       const std::string &name,
                       const Framework &framework,
                       const std::string &default_id) {
  auto tree = parse_document(text, name, use_case_parse_limits());
  if (!tree) {
    throw util::Error(tree.error());
  }
  UseCase use_case = use_case_from_tree(*tree, framework, default_id);
  use_case.origin = name;
  return use_case;
}

UseCase load_use_case(const std::string &path, const Framework &framework) {
  auto text = path == "-" ? util::read_text_stream(std::cin, "<stdin>", k_max_use_case_bytes)
                          : util::read_text_file(path, k_max_use_case_bytes);
  if (!text) {
    throw util::Error(text.error());
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  const std::string default_id = path == "-" ? "stdin" : std::filesystem::path(path).stem().string();
  return parse_use_case(*text, name, framework, default_id);
}

} // namespace kansrijk::io
