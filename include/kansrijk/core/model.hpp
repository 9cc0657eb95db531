// The framework as plain values: the vocabulary of use-case fields, the taxonomy, skills,
// technologies, quality-of-work dimensions, flags, recommendations, rules and scoring
// settings. Built by io::load_framework; read by the engine and the renderers.
#pragma once

#include <kansrijk/core/expression.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::core {

using util::Location;

// A text in every language the framework declares, keyed by language code.
struct Text {
  std::map<std::string, std::string> by_language;

  // The text in `language`, or in the first language there is when it is missing.
  [[nodiscard]] const std::string &in(const std::string &language) const;
};

enum class Provenance { quoted, reconstructed };

// What a framework item carries to say where it comes from.
struct Origin {
  Provenance provenance = Provenance::reconstructed;
  std::vector<std::string> sources; // ids into Framework::sources
  Location where;
};

struct Source {
  std::string id;
  Text title; // per language: how the report cites it
  Location where;
};

// The allowed values of an enum field, in declaration order (the order that ordinal
// comparisons use when `ordered`).
struct Domain {
  std::vector<std::string> values;
  bool ordered = false;

  // Index of `value`, or -1 when it is not in the domain.
  [[nodiscard]] int index_of(std::string_view value) const;
};

enum class FieldType { text, enumeration, enum_list };

// One declared use-case field (or task attribute): the single source of the vocabulary.
struct FieldDecl {
  std::string path;
  FieldType type = FieldType::text;
  Domain domain;
  std::string values_from; // "taxonomy", "skills" or "pillars": domain filled by the loader
  bool required = false;
  bool derived = false;
  int index = -1; // position in Framework::fields or Framework::task_fields
  Text label;
  Text question;
  Text help;                  // what the interview shows on `?`
  bool asked = true;          // false: the interview does not ask it (the id is made from the title)
  std::string ask_if_text;    // the interview asks only when this condition is not false
  std::optional<Expr> ask_if; // parsed and type-checked
  int if_skipped = -1;        // the value (domain index) set when ask_if is false
  std::map<std::string, Text> value_labels;
  Location where;
};

struct Block {
  std::string id;
  Text label;
  Text question;
  int base = 50;
  double weight = 1.0;
  Origin origin;
};

enum class SkillGroup { cognitive, affective };

struct Skill {
  std::string id;
  SkillGroup group = SkillGroup::cognitive;
  Text label;
  Text description;
  Origin origin;
};

struct Pillar {
  std::string id;
  Text label;
  Text description;
  Origin origin;
};

struct SkillWeight {
  int skill = -1; // index into Framework::skills
  int weight = 1;
};

// A task or action of the taxonomy, with the attributes the rules read.
struct TaxonomyItem {
  std::string id;
  int pillar = -1;
  bool is_action = false;
  Text label;
  Text description;
  std::vector<SkillWeight> skills;
  std::map<std::string, std::string> attributes; // task field path -> value
  Text rationale;
  Origin origin;
};

struct Technology {
  std::string id;
  Text label;
  Text description;
  std::vector<Text> strengths;
  std::vector<Text> risks;
  std::vector<Text> examples;
  Origin origin;
};

enum class Grade { none, limited, moderate, strong };

// How well one technology supports one skill, and why.
struct SupportCell {
  Grade grade = Grade::none;
  Text why;
  Location where;
};

enum class Direction { up, down };
enum class Favourable { up, down, neither };

struct Dimension {
  std::string id;
  Text label;
  Text description;
  Favourable favourable = Favourable::up;
  Origin origin;
};

enum class Severity { low, medium, high, knockout };

struct Flag {
  std::string id;
  Severity severity = Severity::low;
  Text message;
  Text justification;
  Origin origin;
};

// A recommendation of [000] or a condition to arrange before starting.
struct Advice {
  std::string id;
  Text text;
  Origin origin;
};

struct PointsEffect {
  int block = -1;
  int points = 0;
};

struct QowEffect {
  int dimension = -1;
  Direction direction = Direction::up;
};

// Everything a rule does when its condition holds.
struct Effects {
  std::vector<PointsEffect> points;
  std::vector<QowEffect> quality_of_work;
  std::vector<int> flags;
  std::vector<int> conditions;
  std::vector<int> recommendations;
  std::vector<Text> questions;
};

struct Rule {
  std::string id;
  int block = -1;
  std::string when_text;
  Expr when;
  Text text;
  Effects effects;
  // Rules this rule may push a quality-of-work dimension against on purpose (the report then
  // shows the dimension as mixed); `kansrijk validate` does not warn about these pairs.
  std::vector<std::string> counterweights;
  Origin origin;
};

struct TaskSuitability {
  int base = 50;
  // task field path -> points per level index of that field's domain
  std::vector<std::pair<std::string, std::vector<int>>> attributes;
  Origin origin;
};

struct Scoring {
  double max_unknown_share = 0.5;
  int overall_min_blocks = 3;
  int threshold_promising = 70;
  int threshold_conditional = 50;
  int threshold_limited = 30;
  int weak_block = 30; // a scored block below this caps the verdict at conditional
  int grade_points[4] = {0, 33, 67, 100};
  int qow_favourable = 8;
  int qow_unfavourable = -8;
  int qow_mixed = -4;
  int qow_neutral = 0;
  TaskSuitability task_suitability;
};

// How the interview presents the tasks step, which no single field declares: where it comes
// among the questions and its wording (fields.yaml, optional `interview: tasks:`).
struct InterviewTasks {
  std::string after; // the field after which the tasks are asked; empty: after all fields
  Text label;
  Text question;
  Text help;
};

// A whole framework, loaded and checked; indices in one part point into another.
struct Framework {
  std::string id;
  std::string version;
  std::vector<std::string> languages;
  std::string sha256;
  std::string origin; // the folder it came from, or "builtin"
  Text title;
  Text statement;
  Text limits;
  std::vector<Source> sources;
  std::vector<Block> blocks;
  std::vector<FieldDecl> fields;
  std::vector<FieldDecl> task_fields;
  InterviewTasks interview_tasks;
  std::vector<Pillar> pillars;
  std::vector<TaxonomyItem> items;
  std::vector<Skill> skills;
  std::vector<Technology> technologies;
  std::vector<std::vector<SupportCell>> support; // [skill][technology]
  std::vector<Dimension> dimensions;
  std::vector<Flag> flags;
  std::vector<Advice> recommendations;
  std::vector<Advice> conditions;
  std::vector<Rule> rules;
  Scoring scoring;
  // The keys a use case may have directly under a group prefix ("" -> id, title, purpose,
  // ..., tasks; "ai." -> role, technology, ...); filled by index_field_groups().
  std::map<std::string, std::vector<std::string>, std::less<>> field_groups;

  // Fills field_groups from fields; call after the fields are declared.
  void index_field_groups();

  // Look-ups by id; -1 when absent.
  [[nodiscard]] int field_index(std::string_view path) const;
  [[nodiscard]] int task_field_index(std::string_view path) const;
  [[nodiscard]] int item_index(std::string_view wanted) const;
  [[nodiscard]] int block_index(std::string_view wanted) const;
  [[nodiscard]] int technology_index(std::string_view wanted) const;
  [[nodiscard]] const Source *source(std::string_view wanted) const;
};

} // namespace kansrijk::core
