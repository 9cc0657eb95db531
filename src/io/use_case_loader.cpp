// The use-case loader. The accepted keys are derived from the framework's field
// declarations, so the vocabulary is declared once (fields.yaml) and nowhere else.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/io/reader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <set>
#include <utility>

namespace kansrijk::io {

using namespace core;

namespace {

class UseCaseReader {
public:
  UseCaseReader(const Framework &framework, std::string default_id)
      : m_fw(framework), m_default_id(std::move(default_id)) {}

  UseCase read(const Node &root) {
    m_uc.fields.resize(m_fw.fields.size());
    if (!root.is_map()) {
      m_reader.error(root.where, "a use case must be a mapping (key: value), not " +
                                     std::string(kind_name(root)) + "; see USE-CASE FILES in `man kansrijk`");
      throw util::Error(std::move(m_reader.diagnostics()));
    }
    if (!recognised(root)) {
      m_reader.error(root.where, "not a use case: none of its " + std::to_string(root.entries.size()) +
                                     " top-level keys is a use-case key (such as " + example_keys() +
                                     "), nor close to one; see USE-CASE FILES in `man kansrijk`");
      throw util::Error(std::move(m_reader.diagnostics()));
    }
    read_group(root, "");
    if (root.find(m_fw.tasks_key) == nullptr) {
      m_reader.error(root.where,
                     "missing required key \"" + m_fw.tasks_key + "\"; list at least one task, e.g. `" +
                         m_fw.tasks_key + ": [{" + ref_key() + ": " +
                         (m_fw.items.empty() ? std::string("...") : m_fw.items.front().id) + "}]`");
    }
    for (const auto &field : m_fw.fields) {
      if (field.required && !m_uc.fields[static_cast<std::size_t>(field.index)].known &&
          !field_has_error(field.path)) {
        m_reader.error(root.where, "missing required key \"" + field.path + "\"");
      }
    }
    const int id_field = m_fw.field_with(FieldRole::id);
    const int title_field = m_fw.field_with(FieldRole::title);
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
    // A question the interview skips has its `if_skipped` answer; so has a file without it.
    imply_skipped_answers(m_fw, m_uc);
    apply_defaults(m_fw, m_uc);
    return std::move(m_uc);
  }

private:
  // A few of the framework's own top-level keys, to show what a use case looks like: the
  // title field, the task list and the group of the technology field ("title, tasks or ai").
  [[nodiscard]] std::string example_keys() const {
    std::vector<std::string> keys;
    const auto top = [&](int field) {
      if (field >= 0) {
        const std::string &path = m_fw.fields[static_cast<std::size_t>(field)].path;
        keys.push_back(path.substr(0, path.find('.')));
      }
    };
    top(m_fw.field_with(FieldRole::title));
    keys.push_back(m_fw.tasks_key);
    top(m_fw.field_with(FieldRole::technology));
    std::string out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      out += (i == 0 ? "" : i + 1 == keys.size() ? " or " : ", ") + keys[i];
    }
    return out;
  }

  // Whether some top-level key of `root` is a use-case key or close to one. A file with none
  // is not a use case at all (a password file behind a symbolic link, say): it gets one
  // message that quotes none of it, instead of one per line that would.
  bool recognised(const Node &root) const {
    const std::vector<std::string> &keys = keys_under("");
    const auto known = [&](const Entry &entry) {
      return std::find(keys.begin(), keys.end(), entry.key.scalar) != keys.end();
    };
    const auto close = [&](const Entry &entry) {
      return util::closest_match(entry.key.scalar, keys).has_value();
    };
    return root.entries.empty() || std::any_of(root.entries.begin(), root.entries.end(), known) ||
           std::any_of(root.entries.begin(), root.entries.end(), close);
  }

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
        m_reader.error(entry.key.where, "unknown key \"" + util::excerpt(prefix + key) + "\"" +
                                            util::did_you_mean(key, keys) +
                                            "; allowed here: " + util::join(keys, ", "));
        continue;
      }
      if (prefix.empty() && key == m_fw.tasks_key) {
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
        } else if (decl.role == FieldRole::task_name) {
          m_reader.error(node.where, "\"" + path + "\" of a task must not be empty");
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
        m_reader.error(node.where, "\"" + util::excerpt(node.scalar) + "\" is not allowed for \"" + path +
                                       "\"" + suggestion(node.scalar, decl) + "; allowed: " + allowed(decl));
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
          m_reader.error(item.where,
                         "\"" +
                             (item.is_scalar() ? util::excerpt(item.scalar) : std::string(kind_name(item))) +
                             "\" is not allowed in \"" + path + "\"" + suggestion(item.scalar, decl) +
                             "; allowed: " + allowed(decl));
          continue;
        }
        value.values.push_back(index);
      }
      std::sort(value.values.begin(), value.values.end());
      value.values.erase(std::unique(value.values.begin(), value.values.end()), value.values.end());
      return value;
    case FieldType::integer:
      break; // only the verdict policy's facts are integers; a use case has none
    }
    return value;
  }

  // Whether a problem with `path` was reported already (then "missing" would repeat it).
  bool field_has_error(const std::string &path) { return m_paths_with_errors.contains(path); }

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
    if (!m_reader.expect_seq(node, "\"" + m_fw.tasks_key + "\"")) {
      return;
    }
    if (node.items.empty()) {
      m_reader.error(node.where,
                     "\"" + m_fw.tasks_key + "\" is empty; list at least one task the AI touches");
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

  std::string ref_key() const {
    const int field = m_fw.task_field_with(FieldRole::task_ref);
    return field < 0 ? std::string("ref") : m_fw.task_fields[static_cast<std::size_t>(field)].path;
  }

  std::string name_key() const {
    const int field = m_fw.task_field_with(FieldRole::task_name);
    return field < 0 ? std::string("name") : m_fw.task_fields[static_cast<std::size_t>(field)].path;
  }

  void read_task(const Node &node) {
    TaskEntry task;
    task.where = node.where;
    task.attributes.resize(m_fw.task_fields.size());
    const std::string ref_name = ref_key();
    const std::string own_name = name_key();
    const Node *ref = node.find(ref_name);
    const Node *name = node.find(own_name);
    if (ref != nullptr && name != nullptr) {
      m_reader.error(node.where, "a task has either \"" + ref_name + "\" (a taxonomy task) or \"" + own_name +
                                     "\" (your own task), not both");
      return;
    }
    if (ref == nullptr && name == nullptr) {
      m_reader.error(node.where, "a task needs \"" + ref_name + "\" (a taxonomy id such as " +
                                     (m_fw.items.empty() ? std::string("...") : m_fw.items.front().id) +
                                     ") or \"" + own_name + "\" (your own task)");
      return;
    }
    // The keys a task may have: a taxonomy task only those that describe this use of it.
    std::vector<std::string> keys;
    for (const auto &decl : m_fw.task_fields) {
      if (decl.derived) {
        continue;
      }
      if (ref != nullptr ? (decl.per_use || decl.role == FieldRole::task_ref)
                         : decl.role != FieldRole::task_ref) {
        keys.push_back(decl.path);
      }
    }
    if (ref != nullptr) {
      if (!ref->is_scalar()) {
        m_reader.error(ref->where,
                       "\"" + ref_name + "\" must be a taxonomy id, not a " + std::string(kind_name(*ref)));
        return;
      }
      task.item = m_fw.item_index(ref->scalar);
      if (task.item < 0) {
        m_reader.error(ref->where, "unknown task \"" + util::excerpt(ref->scalar) + "\"" +
                                       util::did_you_mean(ref->scalar, ids_of(m_fw.items)) +
                                       "; `kansrijk framework list` lists the task ids");
        return;
      }
    }
    for (const auto &entry : node.entries) {
      const std::string &key = entry.key.scalar;
      if (ref != nullptr && key == ref_name) {
        continue;
      }
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        const bool own_only = ref != nullptr && m_fw.task_field_index(key) >= 0;
        m_reader.error(
            entry.key.where,
            "unknown key \"" + util::excerpt(key) + "\" on " +
                (ref != nullptr ? "a taxonomy task" : "a task") +
                (own_only ? "; it takes that attribute from the framework (describe your own task with \"" +
                                own_name + "\" instead)"
                          : util::did_you_mean(key, keys) + "; allowed here: " + util::join(keys, ", ")));
        continue;
      }
      const int index = m_fw.task_field_index(key);
      const FieldDecl &decl = m_fw.task_fields[static_cast<std::size_t>(index)];
      FieldValue value = read_value(entry.value, decl, key);
      task.attributes[static_cast<std::size_t>(index)] = value;
      if (decl.role == FieldRole::task_name) {
        task.name = value.text;
      }
      if (decl.role == FieldRole::task_skills && value.known) {
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

UseCase load_use_case(const std::string &path, const Framework &framework, std::istream &standard_input) {
  auto text = path == "-" ? util::read_text_stream(standard_input, "<stdin>", k_max_use_case_bytes)
                          : util::read_text_file(path, k_max_use_case_bytes);
  if (!text) {
    throw util::Error(text.error());
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  const std::string default_id = path == "-" ? "stdin" : std::filesystem::path(path).stem().string();
  return parse_use_case(*text, name, framework, default_id);
}

} // namespace kansrijk::io
