// The framework loader's shared state, used by the files that each read one part of a
// framework (load_settings.cpp, load_fields.cpp, load_catalogue.cpp, load_rules.cpp). A
// framework is a set of YAML files whose top-level keys are sections; list sections (rules,
// flags, ...) may be split over several files, every other section is declared once.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/reader.hpp>
#include <kansrijk/io/tree.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace kansrijk::io::detail {

// One top-level key of the framework's files: a single value, or the items of a list gathered
// from every file that declares it.
struct Section {
  const Node *key = nullptr;   // the first declaration, for locations
  const Node *value = nullptr; // single sections; for a list, the first file's list
  std::vector<const Node *> items;
};

class Loading {
public:
  Loading(const std::vector<SourceFile> &files,
          const std::string &origin,
          std::string_view known_fingerprint);

  core::Framework load();
  // Reads every part, collecting problems; load() throws them, partial loading returns them.
  void read_all();
  // Every problem found so far, in file and line order; the list is emptied.
  std::vector<Diagnostic> take_problems();

  // Each part of a framework; called by load() in dependency order.
  void read_metadata();
  void read_texts_and_sources();
  void read_fields();
  void read_skills();
  void read_taxonomy_ids();
  void fill_derived_domains();
  void read_items();
  void read_technologies();
  void read_dimensions();
  void read_flags_and_advice();
  void read_blocks();
  void read_scoring();
  void read_field_conditions(); // ask_if and defaults, once every field is declared
  void read_rules();
  void read_keywords(); // column_names and keywords, after fields and the taxonomy
  void read_scope_and_presumptions(const std::vector<std::string> &paths); // by read_keywords
  void read_verdict_policy();
  void check_roles();
  void check_sources();

  core::FieldDecl read_field(const Node &node, bool task);

  // Shared helpers.
  [[nodiscard]] const Section *section(std::string_view key) const;
  // The items of list section `key`, each checked to be a mapping; reports a missing required
  // section.
  std::vector<const Node *> items(std::string_view key, bool required);
  // Records `id` as defined at `node` in `kind`; reports a duplicate.
  bool define(const std::string &kind, const std::string &id, const Node &node);
  std::string id_of(const Node &node, const std::string &kind);
  std::vector<core::Text> texts(const Node &node, std::string_view key);
  // Parses and type-checks a condition written at `at`; nullopt after reporting a problem.
  std::optional<core::Expr>
  condition(const std::string &text, const Node &at, const core::Framework &vocabulary);
  std::optional<core::Expr>
  condition(const std::string &text, const Node &at, const std::vector<core::FieldDecl> &fields);
  // The index of `id` among `ids`, or -1 after reporting "unknown <kind>" at `at`.
  int resolve(const std::string &id,
              const std::vector<std::string> &ids,
              const Node &at,
              const std::string &kind);
  core::Origin origin(const Node &node);

  const std::vector<SourceFile> &m_files;
  std::string_view m_known_fingerprint; // empty: computed from m_files
  core::Framework m_fw;
  Reader m_reader;
  std::vector<Diagnostic> m_problems;
  std::map<std::string, std::optional<Node>> m_trees; // parsed files by name
  std::map<std::string, Section, std::less<>> m_sections;
  std::map<std::string, std::map<std::string, Location>> m_ids;
  std::vector<std::string> m_item_ids;
  bool m_provenance_required = true;
  // Conditions of fields, type-checked once every field is declared.
  struct PendingCondition {
    bool task = false;
    std::string path;
    const Node *node = nullptr; // the condition text
    int default_value = -1;     // for a default: the value; -1 for ask_if
  };
  std::vector<PendingCondition> m_field_conditions;
  std::vector<std::size_t> m_checked_rules; // rules whose condition parsed and type-checked
  std::vector<std::pair<std::size_t, Location>> m_counterweights;            // rule index, where the list is
  std::vector<std::tuple<bool, std::string, const Node *>> m_pending_labels; // task?, path, value_labels
  std::vector<std::pair<std::size_t, const Node *>> m_pending_groups;        // task field, share_of
};

// The sections a framework may declare: whether each is a list, and whether it is required.
struct SectionSpec {
  std::string_view key;
  bool list;
  bool required;
};

inline constexpr SectionSpec k_sections[] = {
    {"id", false, true},
    {"version", false, true},
    {"languages", false, true},
    {"title", false, true},
    {"statement", false, true},
    {"limits", false, true},
    {"item_provenance", false, false},
    {"sources", true, true},
    {"blocks", true, true},
    {"scoring", false, true},
    {"verdict", false, true},
    {"use_case_format", false, true},
    {"task_list", false, false},
    {"fields", true, true},
    {"task_fields", true, true},
    {"interview", false, false},
    {"skill_groups", true, true},
    {"skills", true, true},
    {"pillars", true, true},
    {"items", true, true},
    {"technologies", true, true},
    {"support", true, true},
    {"dimensions", true, true},
    {"flags", true, true},
    {"recommendations", true, false},
    {"conditions", true, false},
    {"rules", true, true},
    {"column_names", true, false},
    {"keywords", true, false},
    {"scope", true, false},
    {"presumptions", true, false},
    {"negations", false, false},
};

} // namespace kansrijk::io::detail
