// The framework loader: YAML trees become core structs here, every reference between files
// is resolved, and every rule condition is parsed and type-checked.
#include "interview_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/io/builtin_framework.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/reader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/sha256.hpp>
#include <kansrijk/util/text.hpp>
#include <map>
#include <set>

namespace kansrijk::io {

namespace fs = std::filesystem;
using namespace core;

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
  std::vector<SourceFile> files;
  std::vector<Diagnostic> problems;
  for (const char *name : k_framework_files) {
    const std::string path = (fs::path(folder) / name).string();
    auto content = util::read_text_file(path, k_max_framework_file_bytes);
    if (!content) {
      problems.push_back(content.error());
      continue;
    }
    files.push_back(SourceFile{name, path, std::move(*content)});
  }
  const fs::path tests = fs::path(folder) / "tests";
  if (fs::is_directory(tests, ec)) {
    std::vector<fs::path> cases;
    for (const auto &entry : fs::directory_iterator(tests, ec)) {
      const auto ext = entry.path().extension();
      if (ext == ".yaml" || ext == ".yml") {
        cases.push_back(entry.path());
      }
    }
    std::sort(cases.begin(), cases.end());
    for (const auto &path : cases) {
      auto content = util::read_text_file(path.string(), k_max_framework_file_bytes);
      if (!content) {
        problems.push_back(content.error());
        continue;
      }
      files.push_back(SourceFile{"tests/" + path.filename().string(), path.string(), std::move(*content)});
    }
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
  return files;
}

std::vector<SourceFile> builtin_framework_sources() {
  std::vector<SourceFile> files;
  for (const auto &file : builtin_framework_files()) {
    files.push_back(
        SourceFile{std::string(file.name), "builtin:" + std::string(file.name), std::string(file.content)});
  }
  return files;
}

namespace {

const std::vector<std::string> k_block_ids = {"purpose", "tasks", "skills", "technology", "quality_of_work"};

class Loader {
public:
  Loader(const std::vector<SourceFile> &files, const std::string &origin) : m_files(files) {
    m_fw.origin = origin;
  }

  Framework load() {
    // The hash covers the definition files in name order, wherever they were read from, so
    // the built-in copy and the same folder on disk have the same fingerprint.
    std::vector<const SourceFile *> definition;
    for (const auto &file : m_files) {
      if (!file.name.starts_with("tests/")) {
        definition.push_back(&file);
      }
    }
    std::sort(definition.begin(), definition.end(),
              [](const SourceFile *a, const SourceFile *b) { return a->name < b->name; });
    util::Sha256 hash;
    for (const SourceFile *f : definition) {
      const SourceFile &file = *f;
      hash.update(file.name);
      hash.update(std::string_view("\0", 1));
      hash.update(file.content);
      hash.update(std::string_view("\0", 1));
    }
    m_fw.sha256 = hash.hex_digest();

    if (const Node *root = document("framework.yaml")) {
      read_framework(*root);
    }
    m_reader = Reader(m_fw.languages.empty() ? std::vector<std::string>{"nl", "en"} : m_fw.languages);
    if (const Node *root = document("framework.yaml")) {
      read_framework_texts(*root);
    }
    if (const Node *root = document("fields.yaml")) {
      read_fields(*root);
    }
    if (const Node *root = document("skills.yaml")) {
      read_skills(*root);
    }
    if (const Node *root = document("taxonomy.yaml")) {
      read_taxonomy(*root);
    }
    fill_derived_domains();
    if (const Node *root = document("taxonomy.yaml")) {
      read_items(*root);
    }
    if (const Node *root = document("technologies.yaml")) {
      read_technologies(*root);
    }
    if (const Node *root = document("dimensions.yaml")) {
      read_dimensions(*root);
    }
    if (const Node *root = document("flags.yaml")) {
      read_flags(*root);
    }
    if (const Node *root = document("recommendations.yaml")) {
      read_advice(*root);
    }
    if (const Node *root = document("framework.yaml")) {
      read_scoring(*root);
    }
    if (const Node *root = document("rules.yaml")) {
      read_rules(*root);
    }
    check_sources();
    auto problems = std::move(m_problems);
    auto &more = m_reader.diagnostics();
    problems.insert(problems.end(), more.begin(), more.end());
    if (!problems.empty()) {
      std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
      });
      throw util::Error(std::move(problems));
    }
    return std::move(m_fw);
  }

private:
  const Node *document(const std::string &name) {
    if (const auto it = m_trees.find(name); it != m_trees.end()) {
      return it->second ? &*it->second : nullptr;
    }
    for (const auto &file : m_files) {
      if (file.name == name) {
        auto tree = parse_document(file.content, file.display);
        if (!tree) {
          m_problems.push_back(tree.error());
          m_trees[name] = std::nullopt;
          return nullptr;
        }
        if (!tree->is_map()) {
          m_problems.push_back(
              Diagnostic{tree->where, "the file must hold a mapping (key: value) at the top"});
          m_trees[name] = std::nullopt;
          return nullptr;
        }
        m_trees[name] = std::move(*tree);
        return &*m_trees[name];
      }
    }
    m_problems.push_back(Diagnostic{{m_fw.origin + "/" + name},
                                    "missing framework file; every framework has " + std::string(name)});
    m_trees[name] = std::nullopt;
    return nullptr;
  }

  // Iterates the list under `key` of `root`, calling `each` for every mapping in it.
  template <typename Each> void each_item(const Node &root, std::string_view key, Each each) {
    const Node *list = root.find(key);
    if (list == nullptr) {
      m_reader.error(root.where, "missing required key \"" + std::string(key) + "\"");
      return;
    }
    if (!m_reader.expect_seq(*list, "\"" + std::string(key) + "\"")) {
      return;
    }
    for (const auto &item : list->items) {
      if (m_reader.expect_map(item, "an entry of \"" + std::string(key) + "\"")) {
        each(item);
      }
    }
  }

  // Records `id` as defined at `node` in `kind`; reports a duplicate.
  bool define(const std::string &kind, const std::string &id, const Node &node) {
    auto [it, inserted] = m_ids[kind].emplace(id, node.where);
    if (!inserted) {
      m_reader.error(node.where, "duplicate " + kind + " id \"" + id + "\" (first defined at " +
                                     util::format_location(it->second) + ")");
    }
    return inserted;
  }

  std::string id_of(const Node &node, const std::string &kind) {
    auto id = m_reader.string(node, "id", true);
    if (!id) {
      return {};
    }
    if (id->empty()) {
      m_reader.error(node.find("id")->where, kind + " id must not be empty");
      return {};
    }
    define(kind, *id, *node.find("id"));
    return *id;
  }

  void read_framework(const Node &root) {
    if (auto id = m_reader.string(root, "id", true)) {
      m_fw.id = *id;
    }
    if (auto version = m_reader.string(root, "version", true)) {
      m_fw.version = *version;
    }
    m_fw.languages = m_reader.strings(root, "languages", true);
    if (m_fw.languages.empty() && root.find("languages") != nullptr) {
      m_reader.error(root.find("languages")->where, "\"languages\" must name at least one language");
    }
  }

  void read_framework_texts(const Node &root) {
    m_reader.check_keys(
        root, {"id", "version", "languages", "title", "statement", "limits", "sources", "blocks", "scoring"},
        {"id", "version", "languages", "title", "statement", "limits", "sources", "blocks", "scoring"});
    m_fw.title = m_reader.text(root, "title", true);
    m_fw.statement = m_reader.text(root, "statement", true);
    m_fw.limits = m_reader.text(root, "limits", true);
    each_item(root, "sources", [&](const Node &node) {
      m_reader.check_keys(node, {"id", "title"}, {"id", "title"});
      Source source;
      source.id = id_of(node, "source");
      source.title = m_reader.text(node, "title", true);
      source.where = node.where;
      m_fw.sources.push_back(std::move(source));
    });
    each_item(root, "blocks", [&](const Node &node) {
      m_reader.check_keys(node, {"id", "label", "question", "base", "weight", "provenance", "source"},
                          {"id", "label", "question", "base", "weight"});
      Block block;
      block.id = id_of(node, "block");
      if (!block.id.empty() &&
          std::find(k_block_ids.begin(), k_block_ids.end(), block.id) == k_block_ids.end()) {
        m_reader.error(node.find("id")->where, "unknown building block \"" + block.id + "\"" +
                                                   util::did_you_mean(block.id, k_block_ids) +
                                                   "; the blocks are " + util::join(k_block_ids, ", "));
      }
      block.label = m_reader.text(node, "label", true);
      block.question = m_reader.text(node, "question", true);
      block.base = m_reader.integer(node, "base", true, 0, 100).value_or(0);
      block.weight = m_reader.number(node, "weight", true, 0.0, 10.0).value_or(1.0);
      block.origin = m_reader.origin(node);
      m_fw.blocks.push_back(std::move(block));
    });
    for (const auto &id : k_block_ids) {
      if (m_fw.block_index(id) < 0 && root.find("blocks") != nullptr) {
        m_reader.error(root.find("blocks")->where, "building block \"" + id + "\" is missing");
      }
    }
  }

  FieldDecl read_field(const Node &node, bool task) {
    m_reader.check_keys(node,
                        {"path", "type", "values", "values_from", "ordered", "required", "derived", "label",
                         "question", "help", "asked", "ask_if", "if_skipped", "value_labels"},
                        {"path", "type", "label"});
    FieldDecl field;
    field.where = node.where;
    field.path = m_reader.string(node, "path", true).value_or("");
    if (!field.path.empty()) {
      define(task ? "task field" : "field", field.path, *node.find("path"));
    }
    const auto type = m_reader.choice(node, "type", true, {"text", "enum", "enum_list"});
    field.type = type == "enum"        ? FieldType::enumeration
                 : type == "enum_list" ? FieldType::enum_list
                                       : FieldType::text;
    field.domain.values = m_reader.strings(node, "values", false);
    field.values_from =
        m_reader.choice(node, "values_from", false, {"taxonomy", "skills", "pillars"}).value_or("");
    field.domain.ordered = m_reader.boolean(node, "ordered", false).value_or(false);
    field.required = m_reader.boolean(node, "required", false).value_or(false);
    field.derived = m_reader.boolean(node, "derived", false).value_or(false);
    field.label = m_reader.text(node, "label", true);
    field.question = m_reader.text(node, "question", !field.derived);
    if (node.find("help") != nullptr) {
      field.help = m_reader.text(node, "help", false);
    }
    field.asked = m_reader.boolean(node, "asked", false).value_or(!field.derived);
    if (const auto ask_if = m_reader.string(node, "ask_if", false)) {
      field.ask_if_text = *ask_if;
      m_ask_if.push_back({task, field.path, *node.find("ask_if")});
    }
    if (const auto skipped = m_reader.string(node, "if_skipped", false)) {
      if (field.ask_if_text.empty()) {
        m_reader.error(node.find("if_skipped")->where,
                       "\"if_skipped\" needs \"ask_if\"; without a condition the question is never skipped");
      }
      field.if_skipped = field.domain.index_of(*skipped);
      if (field.if_skipped < 0) {
        m_reader.error(node.find("if_skipped")->where, "\"" + *skipped + "\" is not a value of \"" +
                                                           field.path + "\"" +
                                                           util::did_you_mean(*skipped, field.domain.values));
      }
    }
    if (type && *type != "text" && field.domain.values.empty() && field.values_from.empty()) {
      m_reader.error(node.where, "field \"" + field.path + "\" of type " + *type +
                                     " needs \"values\" or \"values_from\"");
    }
    if (type == "text" && (!field.domain.values.empty() || !field.values_from.empty())) {
      m_reader.error(node.where, "field \"" + field.path + "\" is text; remove \"values\"");
    }
    std::set<std::string> seen;
    for (const auto &value : field.domain.values) {
      if (value == "unknown") {
        m_reader.error(node.find("values")->where, "\"unknown\" is implied for every field; do not list it");
      }
      if (!seen.insert(value).second) {
        m_reader.error(node.find("values")->where, "value \"" + value + "\" is listed twice");
      }
    }
    if (const Node *labels = node.find("value_labels");
        labels && m_reader.expect_map(*labels, "\"value_labels\"")) {
      for (const auto &entry : labels->entries) {
        if (field.domain.index_of(entry.key.scalar) < 0) {
          m_reader.error(entry.key.where, "\"" + entry.key.scalar + "\" is not a value of \"" + field.path +
                                              "\"" +
                                              util::did_you_mean(entry.key.scalar, field.domain.values));
        }
        field.value_labels[entry.key.scalar] = m_reader.text_node(entry.value, "value label");
      }
    }
    return field;
  }

  void read_fields(const Node &root) {
    m_reader.check_keys(root, {"use_case_format", "fields", "task_fields", "interview"},
                        {"use_case_format", "fields", "task_fields"});
    if (const auto format = m_reader.integer(root, "use_case_format", true, 1, 1000);
        format && *format != 1) {
      m_reader.error(root.find("use_case_format")->where,
                     "use-case format " + std::to_string(*format) +
                         " is not supported; this kansrijk reads format 1");
    }
    each_item(root, "fields", [&](const Node &node) {
      FieldDecl field = read_field(node, false);
      field.index = static_cast<int>(m_fw.fields.size());
      m_fw.fields.push_back(std::move(field));
    });
    each_item(root, "task_fields", [&](const Node &node) {
      FieldDecl field = read_field(node, true);
      field.index = static_cast<int>(m_fw.task_fields.size());
      m_fw.task_fields.push_back(std::move(field));
    });
    m_fw.index_field_groups();
    if (const Node *interview = root.find("interview")) {
      read_interview_text(*interview, m_fw, m_reader);
    }
    for (const char *needed : {"title"}) {
      if (m_fw.field_index(needed) < 0) {
        m_reader.error(root.where, std::string("the field \"") + needed + "\" must be declared");
      }
    }
    for (const char *needed : {"ref", "name", "kind", "skills", "id", "pillar", "affective_share"}) {
      if (m_fw.task_field_index(needed) < 0) {
        m_reader.error(root.where, std::string("the task field \"") + needed + "\" must be declared");
      }
    }
  }

  void read_skills(const Node &root) {
    m_reader.check_keys(root, {"skills"}, {"skills"});
    each_item(root, "skills", [&](const Node &node) {
      m_reader.check_keys(node, {"id", "group", "label", "description", "provenance", "source"},
                          {"id", "group", "label", "description"});
      Skill skill;
      skill.id = id_of(node, "skill");
      skill.group = m_reader.choice(node, "group", true, {"cognitive", "affective"}) == "affective"
                        ? SkillGroup::affective
                        : SkillGroup::cognitive;
      skill.label = m_reader.text(node, "label", true);
      skill.description = m_reader.text(node, "description", true);
      skill.origin = m_reader.origin(node);
      m_fw.skills.push_back(std::move(skill));
    });
  }

  void read_taxonomy(const Node &root) {
    m_reader.check_keys(root, {"pillars", "items"}, {"pillars", "items"});
    each_item(root, "pillars", [&](const Node &node) {
      m_reader.check_keys(node, {"id", "label", "description", "provenance", "source"},
                          {"id", "label", "description"});
      Pillar pillar;
      pillar.id = id_of(node, "pillar");
      pillar.label = m_reader.text(node, "label", true);
      pillar.description = m_reader.text(node, "description", true);
      pillar.origin = m_reader.origin(node);
      m_fw.pillars.push_back(std::move(pillar));
    });
    // Item ids first, so the `ref` domain is known before the items' attributes are read.
    each_item(root, "items", [&](const Node &node) {
      if (auto id = m_reader.string(node, "id", true)) {
        m_item_ids.push_back(*id);
      }
    });
  }

  std::vector<std::string> skill_ids() const {
    std::vector<std::string> ids;
    for (const auto &skill : m_fw.skills) {
      ids.push_back(skill.id);
    }
    return ids;
  }

  void fill_derived_domains() {
    std::vector<std::string> pillars;
    for (const auto &pillar : m_fw.pillars) {
      pillars.push_back(pillar.id);
    }
    for (auto *fields : {&m_fw.fields, &m_fw.task_fields}) {
      for (auto &field : *fields) {
        if (field.values_from == "taxonomy") {
          field.domain.values = m_item_ids;
        } else if (field.values_from == "skills") {
          field.domain.values = skill_ids();
        } else if (field.values_from == "pillars") {
          field.domain.values = pillars;
        }
      }
    }
  }

  std::vector<std::string> attribute_names() const {
    std::vector<std::string> names;
    for (const auto &field : m_fw.task_fields) {
      if (!field.derived && field.type == FieldType::enumeration && field.path != "ref" &&
          field.path != "kind") {
        names.push_back(field.path);
      }
    }
    return names;
  }

  void read_items(const Node &root) {
    const auto attributes = attribute_names();
    const auto skills = skill_ids();
    each_item(root, "items", [&](const Node &node) {
      TaxonomyItem item;
      item.id = id_of(node, "taxonomy item");
      const auto pillar = m_reader.string(node, "pillar", true);
      if (pillar) {
        for (std::size_t p = 0; p < m_fw.pillars.size(); ++p) {
          if (m_fw.pillars[p].id == *pillar) {
            item.pillar = static_cast<int>(p);
          }
        }
        if (item.pillar < 0) {
          std::vector<std::string> ids;
          for (const auto &p : m_fw.pillars) {
            ids.push_back(p.id);
          }
          m_reader.error(node.find("pillar")->where,
                         "unknown pillar \"" + *pillar + "\"" + util::did_you_mean(*pillar, ids));
        } else if (!item.id.empty() && !item.id.starts_with(*pillar + ".")) {
          m_reader.error(node.find("id")->where,
                         "item id \"" + item.id + "\" must start with its pillar: \"" + *pillar + ".\"");
        }
      }
      item.is_action = m_reader.choice(node, "kind", true, {"task", "action"}) == "action";
      item.label = m_reader.text(node, "label", true);
      item.description = m_reader.text(node, "description", true);
      item.rationale = m_reader.text(node, "rationale", true);
      item.origin = m_reader.origin(node);
      if (const Node *list = node.find("skills"); list == nullptr) {
        m_reader.error(node.where, "missing required key \"skills\"");
      } else if (m_reader.expect_map(*list, "\"skills\" (skill id: weight 1 to 3)")) {
        for (const auto &entry : list->entries) {
          SkillWeight weight;
          const auto it = std::find(skills.begin(), skills.end(), entry.key.scalar);
          if (it == skills.end()) {
            m_reader.error(entry.key.where, "unknown skill \"" + entry.key.scalar + "\"" +
                                                util::did_you_mean(entry.key.scalar, skills));
            continue;
          }
          weight.skill = static_cast<int>(it - skills.begin());
          weight.weight = m_reader.integer(*list, entry.key.scalar, true, 1, 3).value_or(1);
          item.skills.push_back(weight);
        }
        if (list->entries.empty()) {
          m_reader.error(list->where, "an item needs at least one skill");
        }
      }
      std::vector<std::string> allowed = {"id",     "pillar",    "kind",       "label", "description",
                                          "skills", "rationale", "provenance", "source"};
      for (const auto &name : attributes) {
        allowed.push_back(name);
        const auto &decl = m_fw.task_fields[static_cast<std::size_t>(m_fw.task_field_index(name))];
        if (auto value = m_reader.choice(node, name, true, decl.domain.values)) {
          item.attributes[name] = *value;
        }
      }
      for (const auto &entry : node.entries) {
        if (std::find(allowed.begin(), allowed.end(), entry.key.scalar) == allowed.end()) {
          m_reader.error(entry.key.where, "unknown key \"" + entry.key.scalar + "\"" +
                                              util::did_you_mean(entry.key.scalar, allowed) +
                                              "; allowed here: " + util::join(allowed, ", "));
        }
      }
      m_fw.items.push_back(std::move(item));
    });
  }

  std::vector<Text> texts(const Node &node, std::string_view key) {
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

  void read_technologies(const Node &root) {
    m_reader.check_keys(root, {"technologies", "support"}, {"technologies", "support"});
    each_item(root, "technologies", [&](const Node &node) {
      m_reader.check_keys(
          node, {"id", "label", "description", "strengths", "risks", "examples", "provenance", "source"},
          {"id", "label", "description", "strengths", "risks"});
      Technology tech;
      tech.id = id_of(node, "technology");
      tech.label = m_reader.text(node, "label", true);
      tech.description = m_reader.text(node, "description", true);
      tech.strengths = texts(node, "strengths");
      tech.risks = texts(node, "risks");
      tech.examples = texts(node, "examples");
      tech.origin = m_reader.origin(node);
      m_fw.technologies.push_back(std::move(tech));
    });
    m_fw.support.assign(m_fw.skills.size(), std::vector<SupportCell>(m_fw.technologies.size()));
    std::vector<std::vector<bool>> graded(m_fw.skills.size(), std::vector<bool>(m_fw.technologies.size()));
    const auto skills = skill_ids();
    std::vector<std::string> techs;
    for (const auto &tech : m_fw.technologies) {
      techs.push_back(tech.id);
    }
    const std::vector<std::string> grades = {"none", "limited", "moderate", "strong"};
    each_item(root, "support", [&](const Node &node) {
      m_reader.check_keys(node, {"skill", "grades"}, {"skill", "grades"});
      const auto skill = m_reader.string(node, "skill", true);
      if (!skill) {
        return;
      }
      const auto it = std::find(skills.begin(), skills.end(), *skill);
      if (it == skills.end()) {
        m_reader.error(node.find("skill")->where,
                       "unknown skill \"" + *skill + "\"" + util::did_you_mean(*skill, skills));
        return;
      }
      const auto s = static_cast<std::size_t>(it - skills.begin());
      const Node *cells = node.find("grades");
      if (cells == nullptr || !m_reader.expect_map(*cells, "\"grades\"")) {
        return;
      }
      for (const auto &entry : cells->entries) {
        const auto t = std::find(techs.begin(), techs.end(), entry.key.scalar);
        if (t == techs.end()) {
          m_reader.error(entry.key.where, "unknown technology \"" + entry.key.scalar + "\"" +
                                              util::did_you_mean(entry.key.scalar, techs));
          continue;
        }
        if (!m_reader.expect_map(entry.value, "a grade")) {
          continue;
        }
        m_reader.check_keys(entry.value, {"grade", "why"}, {"grade", "why"});
        SupportCell &cell = m_fw.support[s][static_cast<std::size_t>(t - techs.begin())];
        const auto grade = m_reader.choice(entry.value, "grade", true, grades);
        cell.grade =
            static_cast<Grade>(grade ? std::find(grades.begin(), grades.end(), *grade) - grades.begin() : 0);
        cell.why = m_reader.text(entry.value, "why", true);
        cell.where = entry.value.where;
        graded[s][static_cast<std::size_t>(t - techs.begin())] = true;
      }
    });
    if (root.find("support") != nullptr) {
      for (std::size_t s = 0; s < skills.size(); ++s) {
        for (std::size_t t = 0; t < techs.size(); ++t) {
          if (!graded[s][t]) {
            m_reader.error(root.find("support")->where,
                           "no grade for skill \"" + skills[s] + "\" with technology \"" + techs[t] + "\"");
          }
        }
      }
    }
  }

  void read_dimensions(const Node &root) {
    m_reader.check_keys(root, {"dimensions"}, {"dimensions"});
    each_item(root, "dimensions", [&](const Node &node) {
      m_reader.check_keys(node, {"id", "label", "description", "favourable", "provenance", "source"},
                          {"id", "label", "description", "favourable"});
      Dimension dim;
      dim.id = id_of(node, "dimension");
      dim.label = m_reader.text(node, "label", true);
      dim.description = m_reader.text(node, "description", true);
      const auto favourable = m_reader.choice(node, "favourable", true, {"up", "down", "neither"});
      dim.favourable = favourable == "down"      ? Favourable::down
                       : favourable == "neither" ? Favourable::neither
                                                 : Favourable::up;
      dim.origin = m_reader.origin(node);
      m_fw.dimensions.push_back(std::move(dim));
    });
  }

  void read_flags(const Node &root) {
    m_reader.check_keys(root, {"flags"}, {"flags"});
    each_item(root, "flags", [&](const Node &node) {
      m_reader.check_keys(node, {"id", "severity", "message", "justification", "provenance", "source"},
                          {"id", "severity", "message", "justification"});
      Flag flag;
      flag.id = id_of(node, "flag");
      const auto severity = m_reader.choice(node, "severity", true, {"low", "medium", "high", "knockout"});
      flag.severity = severity == "knockout" ? Severity::knockout
                      : severity == "high"   ? Severity::high
                      : severity == "medium" ? Severity::medium
                                             : Severity::low;
      flag.message = m_reader.text(node, "message", true);
      flag.justification = m_reader.text(node, "justification", true);
      flag.origin = m_reader.origin(node);
      m_fw.flags.push_back(std::move(flag));
    });
  }

  void read_advice(const Node &root) {
    m_reader.check_keys(root, {"recommendations", "conditions"}, {"recommendations", "conditions"});
    for (const char *kind : {"recommendations", "conditions"}) {
      auto &target = std::string_view(kind) == "conditions" ? m_fw.conditions : m_fw.recommendations;
      each_item(root, kind, [&](const Node &node) {
        m_reader.check_keys(node, {"id", "text", "provenance", "source"}, {"id", "text"});
        Advice advice;
        advice.id = id_of(node, std::string_view(kind) == "conditions" ? "condition" : "recommendation");
        advice.text = m_reader.text(node, "text", true);
        advice.origin = m_reader.origin(node);
        target.push_back(std::move(advice));
      });
    }
  }

  void read_scoring(const Node &root) {
    const Node *node = root.find("scoring");
    if (node == nullptr || !m_reader.expect_map(*node, "\"scoring\"")) {
      return;
    }
    m_reader.check_keys(*node,
                        {"max_unknown_share", "overall_min_blocks", "verdict_thresholds", "weak_block",
                         "grade_points", "qow_points", "task_suitability"},
                        {"max_unknown_share", "overall_min_blocks", "verdict_thresholds", "weak_block",
                         "grade_points", "qow_points", "task_suitability"});
    Scoring &s = m_fw.scoring;
    s.weak_block = m_reader.integer(*node, "weak_block", true, 0, 100).value_or(0);
    s.max_unknown_share = m_reader.number(*node, "max_unknown_share", true, 0.0, 1.0).value_or(0.5);
    s.overall_min_blocks = m_reader.integer(*node, "overall_min_blocks", true, 1, 5).value_or(3);
    if (const Node *t = node->find("verdict_thresholds");
        t && m_reader.expect_map(*t, "\"verdict_thresholds\"")) {
      m_reader.check_keys(*t, {"promising", "conditional", "limited"},
                          {"promising", "conditional", "limited"});
      s.threshold_promising = m_reader.integer(*t, "promising", true, 0, 100).value_or(70);
      s.threshold_conditional = m_reader.integer(*t, "conditional", true, 0, 100).value_or(50);
      s.threshold_limited = m_reader.integer(*t, "limited", true, 0, 100).value_or(30);
      if (!(s.threshold_promising > s.threshold_conditional &&
            s.threshold_conditional > s.threshold_limited)) {
        m_reader.error(t->where, "verdict thresholds must fall: promising > conditional > limited");
      }
    }
    if (const Node *g = node->find("grade_points"); g && m_reader.expect_map(*g, "\"grade_points\"")) {
      m_reader.check_keys(*g, {"none", "limited", "moderate", "strong"},
                          {"none", "limited", "moderate", "strong"});
      int i = 0;
      for (const char *grade : {"none", "limited", "moderate", "strong"}) {
        s.grade_points[i++] = m_reader.integer(*g, grade, true, 0, 100).value_or(0);
      }
      if (!(s.grade_points[0] <= s.grade_points[1] && s.grade_points[1] <= s.grade_points[2] &&
            s.grade_points[2] <= s.grade_points[3])) {
        m_reader.error(g->where, "grade points must rise from none to strong");
      }
    }
    if (const Node *q = node->find("qow_points"); q && m_reader.expect_map(*q, "\"qow_points\"")) {
      m_reader.check_keys(*q, {"favourable", "unfavourable", "mixed", "neutral"},
                          {"favourable", "unfavourable", "mixed", "neutral"});
      s.qow_favourable = m_reader.integer(*q, "favourable", true, -100, 100).value_or(0);
      s.qow_unfavourable = m_reader.integer(*q, "unfavourable", true, -100, 100).value_or(0);
      s.qow_mixed = m_reader.integer(*q, "mixed", true, -100, 100).value_or(0);
      s.qow_neutral = m_reader.integer(*q, "neutral", true, -100, 100).value_or(0);
    }
    const Node *ts = node->find("task_suitability");
    if (ts == nullptr || !m_reader.expect_map(*ts, "\"task_suitability\"")) {
      return;
    }
    m_reader.check_keys(*ts, {"base", "attributes", "provenance", "source"}, {"base", "attributes"});
    s.task_suitability.base = m_reader.integer(*ts, "base", true, 0, 100).value_or(50);
    s.task_suitability.origin = m_reader.origin(*ts);
    const Node *attrs = ts->find("attributes");
    if (attrs == nullptr || !m_reader.expect_map(*attrs, "\"attributes\"")) {
      return;
    }
    std::vector<std::string> names;
    for (const auto &f : m_fw.task_fields) {
      if (f.type == FieldType::enumeration && f.domain.ordered) {
        names.push_back(f.path);
      }
    }
    for (const auto &entry : attrs->entries) {
      const int field = m_fw.task_field_index(entry.key.scalar);
      if (field < 0 || std::find(names.begin(), names.end(), entry.key.scalar) == names.end()) {
        m_reader.error(entry.key.where, "\"" + entry.key.scalar + "\" is not an ordered task attribute" +
                                            util::did_you_mean(entry.key.scalar, names));
        continue;
      }
      if (!m_reader.expect_map(entry.value, "points per level")) {
        continue;
      }
      const auto &domain = m_fw.task_fields[static_cast<std::size_t>(field)].domain;
      std::vector<int> points(domain.values.size(), 0);
      for (const auto &level : entry.value.entries) {
        if (domain.index_of(level.key.scalar) < 0) {
          m_reader.error(level.key.where, "\"" + level.key.scalar + "\" is not a level of \"" +
                                              entry.key.scalar +
                                              "\"; levels: " + util::join(domain.values, ", "));
        }
      }
      for (std::size_t i = 0; i < domain.values.size(); ++i) {
        points[i] = m_reader.integer(entry.value, domain.values[i], true, -100, 100).value_or(0);
      }
      s.task_suitability.attributes.emplace_back(entry.key.scalar, std::move(points));
    }
  }

  template <typename Items>
  std::vector<int>
  resolve_ids(const Node &effects, std::string_view key, const Items &items, const std::string &kind) {
    std::vector<int> out;
    std::vector<std::string> ids;
    for (const auto &item : items) {
      ids.push_back(item.id);
    }
    const Node *list = effects.find(key);
    if (list == nullptr) {
      return out;
    }
    if (!m_reader.expect_seq(*list, "\"" + std::string(key) + "\"")) {
      return out;
    }
    for (const auto &item : list->items) {
      const auto it = item.is_scalar() ? std::find(ids.begin(), ids.end(), item.scalar) : ids.end();
      if (it == ids.end()) {
        m_reader.error(item.where,
                       "unknown " + kind + " \"" + item.scalar + "\"" + util::did_you_mean(item.scalar, ids));
        continue;
      }
      out.push_back(static_cast<int>(it - ids.begin()));
    }
    return out;
  }

  void read_effects(const Node &node, Rule &rule) {
    const Node *effects = node.find("effects");
    if (effects == nullptr || !m_reader.expect_map(*effects, "\"effects\"")) {
      return;
    }
    m_reader.check_keys(*effects,
                        {"points", "quality_of_work", "flags", "conditions", "recommendations", "questions"});
    if (effects->entries.empty()) {
      m_reader.error(effects->where, "a rule needs at least one effect");
    }
    if (const Node *points = effects->find("points"); points && m_reader.expect_map(*points, "\"points\"")) {
      for (const auto &entry : points->entries) {
        const int block = m_fw.block_index(entry.key.scalar);
        if (block < 0) {
          m_reader.error(entry.key.where, "unknown building block \"" + entry.key.scalar + "\"" +
                                              util::did_you_mean(entry.key.scalar, k_block_ids));
          continue;
        }
        if (auto value = m_reader.integer(*points, entry.key.scalar, true, -100, 100)) {
          rule.effects.points.push_back(PointsEffect{block, *value});
        }
      }
    }
    if (const Node *qow = effects->find("quality_of_work");
        qow && m_reader.expect_map(*qow, "\"quality_of_work\"")) {
      std::vector<std::string> ids;
      for (const auto &d : m_fw.dimensions) {
        ids.push_back(d.id);
      }
      for (const auto &entry : qow->entries) {
        const auto it = std::find(ids.begin(), ids.end(), entry.key.scalar);
        if (it == ids.end()) {
          m_reader.error(entry.key.where, "unknown quality-of-work dimension \"" + entry.key.scalar + "\"" +
                                              util::did_you_mean(entry.key.scalar, ids));
          continue;
        }
        if (const auto direction = m_reader.choice(*qow, entry.key.scalar, true, {"up", "down"})) {
          rule.effects.quality_of_work.push_back(QowEffect{
              static_cast<int>(it - ids.begin()), *direction == "up" ? Direction::up : Direction::down});
        }
      }
    }
    rule.effects.flags = resolve_ids(*effects, "flags", m_fw.flags, "flag");
    rule.effects.conditions = resolve_ids(*effects, "conditions", m_fw.conditions, "condition");
    rule.effects.recommendations =
        resolve_ids(*effects, "recommendations", m_fw.recommendations, "recommendation");
    rule.effects.questions = texts(*effects, "questions");
  }

  void read_rules(const Node &root) {
    check_ask_if();
    m_reader.check_keys(root, {"rules"}, {"rules"});
    each_item(root, "rules", [&](const Node &node) {
      m_reader.check_keys(
          node, {"id", "block", "when", "text", "effects", "counterweights", "provenance", "source"},
          {"id", "block", "when", "text", "effects"});
      Rule rule;
      rule.id = id_of(node, "rule");
      rule.counterweights = m_reader.strings(node, "counterweights", false);
      if (const Node *list = node.find("counterweights")) {
        m_counterweights.emplace_back(m_fw.rules.size(), list->where);
      }
      if (const auto block = m_reader.string(node, "block", true)) {
        rule.block = m_fw.block_index(*block);
        if (rule.block < 0) {
          m_reader.error(node.find("block")->where, "unknown building block \"" + *block + "\"" +
                                                        util::did_you_mean(*block, k_block_ids));
        }
      }
      rule.text = m_reader.text(node, "text", true);
      rule.origin = m_reader.origin(node);
      read_effects(node, rule);
      if (const auto when = m_reader.string(node, "when", true)) {
        rule.when_text = *when;
        const Node &at = *node.find("when");
        auto parsed = parse_expression(*when);
        if (!parsed) {
          m_reader.error(at.locate(parsed.error().offset), parsed.error().message, "KR030");
        } else if (auto typed = type_check(*parsed, m_fw); !typed) {
          m_reader.error(at.locate(typed.error().offset), typed.error().message, "KR031");
        } else {
          rule.when = std::move(*parsed);
        }
      }
      m_fw.rules.push_back(std::move(rule));
    });
    // counterweights name rules that may be defined further down: resolve them at the end
    std::vector<std::string> ids;
    for (const auto &rule : m_fw.rules) {
      ids.push_back(rule.id);
    }
    for (const auto &[index, where] : m_counterweights) {
      for (const auto &id : m_fw.rules[index].counterweights) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
          m_reader.error(where,
                         "unknown rule \"" + id + "\" in counterweights" + util::did_you_mean(id, ids));
        }
      }
    }
  }

  void check_origin(const Origin &origin) {
    for (const auto &id : origin.sources) {
      if (m_fw.source(id) == nullptr) {
        std::vector<std::string> ids;
        for (const auto &s : m_fw.sources) {
          ids.push_back(s.id);
        }
        m_reader.error(origin.where, "unknown source \"" + id + "\"" + util::did_you_mean(id, ids) +
                                         "; sources are declared in framework.yaml");
      }
    }
  }

  void check_sources() {
    for (const auto &b : m_fw.blocks)
      check_origin(b.origin);
    for (const auto &s : m_fw.skills)
      check_origin(s.origin);
    for (const auto &p : m_fw.pillars)
      check_origin(p.origin);
    for (const auto &i : m_fw.items)
      check_origin(i.origin);
    for (const auto &t : m_fw.technologies)
      check_origin(t.origin);
    for (const auto &d : m_fw.dimensions)
      check_origin(d.origin);
    for (const auto &f : m_fw.flags)
      check_origin(f.origin);
    for (const auto &a : m_fw.recommendations)
      check_origin(a.origin);
    for (const auto &a : m_fw.conditions)
      check_origin(a.origin);
    for (const auto &r : m_fw.rules)
      check_origin(r.origin);
    check_origin(m_fw.scoring.task_suitability.origin);
  }

  const std::vector<SourceFile> &m_files;
  // Interview conditions of fields (`ask_if`), type-checked once every field is declared.
  void check_ask_if() {
    for (const auto &pending : m_ask_if) {
      auto &fields = pending.task ? m_fw.task_fields : m_fw.fields;
      const auto found = std::find_if(fields.begin(), fields.end(),
                                      [&](const FieldDecl &f) { return f.path == pending.path; });
      if (found == fields.end()) {
        continue;
      }
      auto parsed = parse_expression(found->ask_if_text);
      if (!parsed) {
        m_reader.error(pending.node.locate(parsed.error().offset), parsed.error().message, "KR030");
      } else if (auto typed = type_check(*parsed, m_fw); !typed) {
        m_reader.error(pending.node.locate(typed.error().offset), typed.error().message, "KR031");
      } else {
        found->ask_if = std::move(*parsed);
      }
    }
    m_ask_if.clear();
  }

  struct PendingAskIf {
    bool task = false;
    std::string path;
    Node node;
  };
  std::vector<PendingAskIf> m_ask_if;
  std::vector<std::pair<std::size_t, Location>> m_counterweights; // rule index, where the list is
  Framework m_fw;
  Reader m_reader;
  std::vector<Diagnostic> m_problems;
  std::map<std::string, std::optional<Node>> m_trees;
  std::map<std::string, std::map<std::string, Location>> m_ids;
  std::vector<std::string> m_item_ids;
};

} // namespace

Framework load_framework(const std::vector<SourceFile> &files, const std::string &origin) {
  return Loader(files, origin).load();
}

Framework load_framework_for(const std::string &folder) {
  if (!folder.empty()) {
    return load_framework(read_framework_folder(folder), folder);
  }
  if (const char *env = std::getenv("KANSRIJK_FRAMEWORK"); env != nullptr && *env != '\0') {
    return load_framework(read_framework_folder(env), env);
  }
  return load_framework(builtin_framework_sources(), "builtin");
}

} // namespace kansrijk::io
