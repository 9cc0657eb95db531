// The framework loader: YAML trees become core structs here, every reference between files
// is resolved, and every condition is parsed and type-checked. This file reads the folder,
// gathers the sections of all files and runs the parts in order; each part lives in a file of
// its own (load_*.cpp).
#include "framework_loading.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/io/builtin_framework.hpp>
#include <kansrijk/io/fingerprint.hpp>
#include <kansrijk/io/tree_image.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/sha256.hpp>
#include <kansrijk/util/text.hpp>
#include <optional>
#include <set>

namespace kansrijk::io {

namespace fs = std::filesystem;
using namespace core;

namespace {

bool is_yaml(const fs::path &path) { return path.extension() == ".yaml" || path.extension() == ".yml"; }

// A problem when `path` is a symbolic link that leads out of `root` (canonical): a framework
// folder from a pull request must not make kansrijk read and quote a file of the machine
// (skills.yaml -> /etc/shadow).
std::optional<Diagnostic> link_out_of(const fs::path &path, const fs::path &root) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(path, ec))) {
    return std::nullopt;
  }
  const fs::path target = fs::weakly_canonical(path, ec);
  const auto [end, _] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  if (!ec && end == root.end()) {
    return std::nullopt;
  }
  return Diagnostic{{path.string()},
                    "is a symbolic link that leads out of the framework folder; not followed (copy the file "
                    "into the folder)",
                    "KR001"};
}

} // namespace

std::vector<SourceFile> read_framework_folder(const std::string &folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw util::Error(Diagnostic{{folder},
                                 fs::exists(folder, ec) ? "is not a folder; expected a framework folder"
                                                        : "no such framework folder"});
  }
  if (!fs::exists(fs::path(folder) / "framework.yaml", ec)) {
    throw util::Error(Diagnostic{{folder}, "not a framework folder: it has no framework.yaml"});
  }
  // Every YAML file in the folder and its subfolders; `tests/` holds the golden cases.
  // A link that leads out of the folder is a problem, not a file to read.
  const fs::path root = fs::canonical(folder, ec);
  std::vector<std::string> names;
  std::vector<SourceFile> files;
  std::vector<Diagnostic> problems;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!is_yaml(it->path())) {
      continue;
    }
    if (auto outside = link_out_of(it->path(), root)) {
      problems.push_back(std::move(*outside));
    } else if (it->is_regular_file(ec)) {
      names.push_back(fs::relative(it->path(), folder, ec).generic_string());
    }
  }
  std::sort(names.begin(), names.end());
  for (const auto &name : names) {
    const std::string path = (fs::path(folder) / name).string();
    auto content = util::read_text_file(path, k_max_framework_file_bytes);
    if (!content) {
      problems.push_back(content.error());
      continue;
    }
    files.push_back(SourceFile{name, path, std::move(*content)});
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
  return files;
}

std::vector<SourceFile> builtin_framework_sources() {
  std::vector<SourceFile> files;
  for (const auto &file : builtin_framework_files()) {
    files.push_back(SourceFile{std::string(file.name), "builtin:" + std::string(file.name),
                               std::string(file.content), file.image, file.content});
  }
  return files;
}

namespace detail {

Loading::Loading(const std::vector<SourceFile> &files,
                 const std::string &origin,
                 std::string_view known_fingerprint)
    : m_files(files), m_known_fingerprint(known_fingerprint) {
  m_fw.origin = origin;
}

Framework Loading::load() {
  read_all();
  auto problems = take_problems();
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
  return std::move(m_fw);
}

void Loading::read_all() {
  std::vector<const SourceFile *> definition;
  std::vector<std::pair<std::string_view, std::string_view>> named;
  for (const auto &file : m_files) {
    if (!file.name.starts_with("tests/")) {
      definition.push_back(&file);
      named.emplace_back(file.name, file.content);
    }
  }
  std::sort(definition.begin(), definition.end(),
            [](const SourceFile *a, const SourceFile *b) { return a->name < b->name; });
  m_fw.sha256 = m_known_fingerprint.empty() ? framework_fingerprint(std::move(named))
                                            : std::string(m_known_fingerprint);

  // Gather the sections of every file.
  std::vector<std::string> known;
  for (const auto &spec : k_sections) {
    known.emplace_back(spec.key);
  }
  for (const SourceFile *file : definition) {
    const std::string_view image = file->image_of_content();
    auto tree =
        image.empty() ? parse_document(file->content, file->display) : read_tree_image(image, file->display);
    if (!tree) {
      tree.error().code = "KR001";
      m_problems.push_back(tree.error());
      continue;
    }
    if (!tree->is_map()) {
      m_problems.push_back(
          Diagnostic{tree->where, "the file must hold a mapping (key: value) at the top", "KR004"});
      continue;
    }
    auto &stored = m_trees[file->name] = std::move(*tree);
    // A file none of whose keys is a section belongs to nothing (notes, another tool's file):
    // a warning. Unknown keys next to known ones are errors (a typo in a section name).
    const bool belongs = std::any_of(stored->entries.begin(), stored->entries.end(), [&](const Entry &entry) {
      return std::any_of(std::begin(k_sections), std::end(k_sections),
                         [&](const SectionSpec &s) { return s.key == entry.key.scalar; });
    });
    if (!belongs) {
      if (!stored->entries.empty()) {
        m_fw.warnings.push_back(
            Diagnostic{stored->where,
                       "this file belongs to nothing: none of its keys is a framework section (" +
                           util::join(known, ", ") + "); it is ignored",
                       "KR113"});
      }
      continue;
    }
    for (const auto &entry : stored->entries) {
      const auto *const spec = std::find_if(std::begin(k_sections), std::end(k_sections),
                                            [&](const SectionSpec &s) { return s.key == entry.key.scalar; });
      if (spec == std::end(k_sections)) {
        m_problems.push_back(Diagnostic{entry.key.where,
                                        "unknown key \"" + entry.key.scalar + "\"" +
                                            util::did_you_mean(entry.key.scalar, known) +
                                            "; a framework file holds sections: " + util::join(known, ", "),
                                        "KR002"});
        continue;
      }
      Section &section = m_sections[entry.key.scalar];
      if (spec->list) {
        if (!entry.value.is_seq()) {
          m_problems.push_back(Diagnostic{entry.value.where,
                                          "\"" + entry.key.scalar + "\" must be a list, not " +
                                              std::string(kind_name(entry.value)),
                                          "KR004"});
          continue;
        }
        if (section.key == nullptr) {
          section.key = &entry.key;
          section.value = &entry.value; // the first list, for locations
        }
        for (const auto &item : entry.value.items) {
          section.items.push_back(&item);
        }
        continue;
      }
      if (section.key != nullptr) {
        m_problems.push_back(Diagnostic{entry.key.where,
                                        "\"" + entry.key.scalar + "\" is declared twice (first at " +
                                            util::format_location(section.key->where) +
                                            "); only lists such as rules may be split over files",
                                        "KR010"});
        continue;
      }
      section.key = &entry.key;
      section.value = &entry.value;
    }
  }
  for (const auto &spec : k_sections) {
    if (spec.required && m_sections.find(spec.key) == m_sections.end()) {
      m_problems.push_back(Diagnostic{{m_fw.origin},
                                      "no file declares \"" + std::string(spec.key) +
                                          "\"; every framework has it (see framework-authoring.md in the "
                                          "documentation, `man kansrijk` FILES)",
                                      "KR003"});
    }
  }

  read_metadata();
  m_reader = Reader(m_fw.languages.empty() ? std::vector<std::string>{"nl", "en"} : m_fw.languages);
  read_texts_and_sources();
  read_fields();
  read_skills();
  read_taxonomy_ids();
  fill_derived_domains();
  read_items();
  read_technologies();
  read_dimensions();
  read_flags_and_advice();
  read_blocks();
  read_scoring();
  read_field_conditions();
  read_rules();
  read_keywords();
  read_verdict_policy();
  check_roles();
  check_sources();
  index_readers(m_fw);
}

std::vector<Diagnostic> Loading::take_problems() {
  auto problems = std::move(m_problems);
  auto &more = m_reader.diagnostics();
  problems.insert(problems.end(), more.begin(), more.end());
  more.clear();
  std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return std::tie(a.where.file, a.where.line, a.where.column) <
           std::tie(b.where.file, b.where.line, b.where.column);
  });
  return problems;
}

const Section *Loading::section(std::string_view key) const {
  const auto it = m_sections.find(key);
  return it == m_sections.end() ? nullptr : &it->second;
}

std::vector<const Node *> Loading::items(std::string_view key, bool required) {
  std::vector<const Node *> out;
  const Section *found = section(key);
  if (found == nullptr) {
    (void)required; // a missing required section is reported once, in load()
    return out;
  }
  for (const Node *item : found->items) {
    if (m_reader.expect_map(*item, "an entry of \"" + std::string(key) + "\"")) {
      out.push_back(item);
    }
  }
  return out;
}

bool Loading::define(const std::string &kind, const std::string &id, const Node &node) {
  auto [it, inserted] = m_ids[kind].emplace(id, node.where);
  if (!inserted) {
    m_reader.error(node.where,
                   "duplicate " + kind + " id \"" + id + "\" (first defined at " +
                       util::format_location(it->second) + ")",
                   "KR010");
  }
  return inserted;
}

std::string Loading::id_of(const Node &node, const std::string &kind) {
  auto id = m_reader.string(node, "id", true);
  if (!id) {
    return {};
  }
  if (id->empty()) {
    m_reader.error(node.find("id")->where, kind + " id must not be empty", "KR011");
    return {};
  }
  define(kind, *id, *node.find("id"));
  return *id;
}

std::vector<Text> Loading::texts(const Node &node, std::string_view key) {
  std::vector<Text> out;
  const Node *list = node.find(key);
  if (list == nullptr) {
    return out;
  }
  if (m_reader.expect_seq(*list, "\"" + std::string(key) + "\"")) {
    for (const auto &item : list->items) {
      out.push_back(m_reader.text_node(item, "\"" + std::string(key) + "\""));
    }
  }
  return out;
}

std::optional<Expr> Loading::condition(const std::string &text, const Node &at, const Framework &vocabulary) {
  auto parsed = parse_expression(text);
  if (!parsed) {
    m_reader.error(at.locate(parsed.error().offset), parsed.error().message, "KR030");
    return std::nullopt;
  }
  if (auto typed = type_check(*parsed, vocabulary); !typed) {
    m_reader.error(at.locate(typed.error().offset), typed.error().message, "KR031");
    return std::nullopt;
  }
  return std::move(*parsed);
}

std::optional<Expr>
Loading::condition(const std::string &text, const Node &at, const std::vector<FieldDecl> &fields) {
  auto parsed = parse_expression(text);
  if (!parsed) {
    m_reader.error(at.locate(parsed.error().offset), parsed.error().message, "KR030");
    return std::nullopt;
  }
  static const std::vector<FieldDecl> k_no_task_fields;
  if (auto typed = type_check(*parsed, Vocabulary{fields, k_no_task_fields, {}}); !typed) {
    m_reader.error(at.locate(typed.error().offset), typed.error().message, "KR031");
    return std::nullopt;
  }
  return std::move(*parsed);
}

int Loading::resolve(const std::string &id,
                     const std::vector<std::string> &ids,
                     const Node &at,
                     const std::string &kind) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) {
    m_reader.error(at.where, "unknown " + kind + " \"" + id + "\"" + util::did_you_mean(id, ids), "KR020");
    return -1;
  }
  return static_cast<int>(it - ids.begin());
}

Origin Loading::origin(const Node &node) {
  if (!m_provenance_required && node.find("provenance") == nullptr && node.find("source") == nullptr) {
    Origin out;
    out.where = node.where;
    return out;
  }
  return m_reader.origin(node);
}

void Loading::check_sources() {
  const auto check = [&](const Origin &origin) {
    for (const auto &id : origin.sources) {
      if (m_fw.source(id) == nullptr) {
        m_reader.error(origin.where,
                       "unknown source \"" + id + "\"" + util::did_you_mean(id, ids_of(m_fw.sources)) +
                           "; sources are declared in framework.yaml",
                       "KR041");
      }
    }
  };
  const auto each = [&](const auto &items) {
    for (const auto &item : items) {
      check(item.origin);
    }
  };
  each(m_fw.blocks);
  each(m_fw.skills);
  each(m_fw.pillars);
  each(m_fw.items);
  each(m_fw.technologies);
  each(m_fw.dimensions);
  each(m_fw.flags);
  each(m_fw.recommendations);
  each(m_fw.conditions);
  each(m_fw.rules);
  each(m_fw.verdict.steps);
  each(m_fw.scope);
  each(m_fw.presumptions);
  check(m_fw.scoring.task_suitability.origin);
}

} // namespace detail

Framework load_framework(const std::vector<SourceFile> &files,
                         const std::string &origin,
                         std::string_view known_fingerprint) {
  return detail::Loading(files, origin, known_fingerprint).load();
}

PartialFramework load_framework_partially(const std::vector<SourceFile> &files,
                                          const std::string &origin,
                                          std::string_view known_fingerprint) {
  detail::Loading loading(files, origin, known_fingerprint);
  loading.read_all();
  PartialFramework out;
  out.problems = loading.take_problems();
  out.checked_rules = loading.m_checked_rules;
  out.framework = std::move(loading.m_fw);
  return out;
}

std::string framework_folder_for(const std::string &folder) {
  if (!folder.empty()) {
    return folder;
  }
  const char *env = std::getenv("KANSRIJK_FRAMEWORK");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string();
}

Framework load_framework_for(const std::string &folder) {
  const std::string chosen = framework_folder_for(folder);
  if (!chosen.empty()) {
    return load_framework(read_framework_folder(chosen), chosen);
  }
  return load_framework(builtin_framework_sources(), "builtin", builtin_framework_fingerprint());
}

std::vector<std::string> framework_file_paths(const std::string &folder) {
  std::vector<std::string> paths;
  if (folder.empty()) {
    return paths;
  }
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_yaml(it->path())) {
      paths.push_back(it->path().string());
    }
  }
  return paths;
}

} // namespace kansrijk::io
