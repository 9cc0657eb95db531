// The framework as plain values: the vocabulary of use-case fields, the taxonomy, skills,
// technologies, quality-of-work dimensions, flags, recommendations, rules, scoring settings
// and the verdict policy. Built by io::load_framework; read by the engine and the renderers.
// Nothing here is specific to one framework: what the engine needs from a framework (which
// field names the technology, which block rests on which computed term, ...) is declared in
// it and recorded here.
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
  int min = 0; // integer fields: the smallest and largest value
  int max = 0;

  // Index of `value`, or -1 when it is not in the domain.
  [[nodiscard]] int index_of(std::string_view value) const;
};

// `integer` is used by the verdict policy's facts (counts, scores), not by use cases.
enum class FieldType { text, enumeration, enum_list, integer };

// What the engine itself reads a field for. Every other meaning of a field is up to the rules.
enum class FieldRole {
  none,
  id,               // the use case's identifier
  title,            // its title
  description,      // its description
  technology,       // the technology the use case names; every value is a technology id
  task_ref,         // a task: the taxonomy item it refers to
  task_name,        // a task: the name of an own task
  task_kind,        // a task: task or action (or whatever kinds the framework declares)
  task_skills,      // a task: the skills it needs
  task_involvement, // a task: how the AI is involved; some values leave the task out of scoring
  in_place,         // the conditions the organisation states as arranged (values_from: conditions)
};

// How a derived task attribute is computed from the task.
enum class Derivation {
  none,
  item_id,           // the taxonomy item's id; none for an own task
  pillar,            // the taxonomy item's pillar; none for an own task
  skill_group_share, // the share of the task's skill weight in one skill group, in equal steps
};

// A value a task attribute takes when a use case leaves it out, when `when` holds.
struct FieldDefault {
  std::string when_text;
  Expr when;
  int value = -1; // index in the field's domain
  Location where;
};

// One declared use-case field (or task attribute): the single source of the vocabulary.
struct FieldDecl {
  std::string path;
  FieldType type = FieldType::text;
  Domain domain;
  // "taxonomy", "skills", "pillars", "technologies" or "conditions": domain filled by the loader
  std::string values_from;
  bool required = false;
  bool derived = false;
  Derivation derivation = Derivation::none;
  int share_group = -1; // for skill_group_share: index into Framework::skill_groups
  FieldRole role = FieldRole::none;
  std::vector<FieldDefault> defaults; // task fields: the first whose condition holds applies
  std::vector<int> not_scored;        // task_involvement: values that leave a task out of scoring
  // A task attribute that describes how this use case touches the task rather than the task
  // itself: a taxonomy task may carry it, and taxonomy items do not declare it.
  bool per_use = false;
  // A choice the organisation makes (oversight, share, ...) rather than a fact about the
  // work; "what would make it promising" changes only these.
  bool design_choice = false;
  // Whether leaving the field open counts toward the verdict policy's `unknown_share`. False
  // for refinements a use case may leave out without the picture being incomplete (the
  // fields added in use-case format 1.2, which older files do not state).
  bool counts_as_open = true;
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

// A term the engine computes from the tasks, skills and technology rather than from rules.
enum class Computed {
  none,
  task_suitability, // the mean suitability of the scored tasks
  skill_support,    // how well the best technology supports the needed skills
  technology_fit,   // how well the named technology fits the needed skills
  quality_of_work,  // points per quality-of-work dimension by the valence of its direction
};

struct Block {
  std::string id;
  Text label;
  Text question;
  int base = 50;
  double weight = 1.0;
  Computed computed = Computed::none;
  Origin origin;

  // A block that rests on a computed term has no score without it: rule points alone would
  // be a meaningless number.
  [[nodiscard]] bool rests_on_computed() const {
    return computed == Computed::task_suitability || computed == Computed::skill_support ||
           computed == Computed::technology_fit;
  }
};

// A group of skills, such as cognitive or affective; derived task attributes may count the
// share of a group.
struct SkillGroupDecl {
  std::string id;
  Text label;
};

struct Skill {
  std::string id;
  int group = 0; // index into Framework::skill_groups
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
  int kind = -1; // index in the domain of the task field with role task_kind
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
  // The conditions that resolve the flag: when the use case states every one of them as
  // arranged (the field with role in_place), the flag is resolved and does not count.
  std::vector<int> resolved_by;
};

// A recommendation of [000] or a condition to arrange before starting.
struct Advice {
  std::string id;
  Text text;
  Origin origin;
  // Conditions only: when the answers show the condition is already arranged (parsed and
  // type-checked like a rule's condition); a report then says to keep it rather than arrange it.
  std::string met_when_text;
  std::optional<Expr> met_when;
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

// The verdicts from most to least favourable, with `insufficient_information` (no verdict can
// be given yet) just above `not_advised`: a certain knock-out is stated even when much is
// unknown, and a cap to `limited` does not hide that too much is unknown.
enum class Verdict { promising, conditional, limited, not_advised, insufficient_information };

// How favourable `verdict` is: 4 promising ... 1 insufficient_information, 0 not_advised.
int favourability(Verdict verdict);
// The less favourable of `a` and `b`.
Verdict least_favourable(Verdict a, Verdict b);

// One step of the verdict policy: when `when` holds (over the verdict facts), the verdict is
// at most `at_most`.
struct PolicyStep {
  std::string id;
  std::string when_text;
  Expr when;
  Verdict at_most = Verdict::conditional;
  Text text;          // the reason as a report states it
  Text justification; // why the step is there
  Origin origin;
  Location where;
};

// How scores, flags and open questions become a verdict: the verdict from the overall score
// (thresholds), capped by every step whose condition holds. Declared in framework.yaml.
struct VerdictPolicy {
  int promising = 70; // thresholds on the overall score
  int conditional = 50;
  int limited = 30;
  std::vector<PolicyStep> steps;
  // The facts the steps are written in (flags.high, score.<block>, unknown_share, ...); built
  // from the framework by core::verdict_facts.
  std::vector<FieldDecl> facts;
};

struct TaskSuitability {
  int base = 50;
  // task field path -> points per level index of that field's domain
  std::vector<std::pair<std::string, std::vector<int>>> attributes;
  std::vector<int> attribute_fields; // per attribute: its index in task_fields (index_readers)
  Origin origin;
};

struct Scoring {
  double max_unknown_share = 0.5;
  int overall_min_blocks = 3;
  int grade_points[4] = {0, 33, 67, 100};
  int qow_favourable = 8;
  int qow_unfavourable = -8;
  int qow_mixed = -4;
  int qow_neutral = 0;
  TaskSuitability task_suitability;
};

// The ids of `items` (anything with an `id`), in order: for messages and suggestions.
template <typename Items> std::vector<std::string> ids_of(const Items &items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto &item : items) {
    ids.push_back(item.id);
  }
  return ids;
}
// How the interview presents the tasks step, which no single field declares: where it comes
// among the questions and its wording (the optional section `interview: tasks:`, in
// fields.yaml by convention).
struct InterviewTasks {
  std::string after; // the field after which the tasks are asked; empty: after all fields
  Text label;
  Text question;
  Text help;
};

// Another heading a register or spreadsheet uses for the column of a field, in one language
// (section `column_names`, keywords.yaml in the built-in framework): "Naam" for `title`.
struct ColumnName {
  std::string field; // a use-case field path
  std::string language;
  std::string name;
};

// Words that point to a taxonomy task or to an answer (section `keywords`), for suggesting
// them from a free-text description: `ref` is a task id or `field=value`.
struct Keywords {
  std::string ref;
  int item = -1;                                         // the task, when `ref` is a task id
  std::string field;                                     // the field, when `ref` is `field=value`
  std::string value;                                     // its value
  std::map<std::string, std::vector<std::string>> words; // language -> words and phrases
  util::Location where;
};

// Whether a register entry is about the profession's own work (section `scope`): `core` (its
// own work), `adjacent` (near it) or `outside`. Each declaration lists words and phrases per
// language that put an entry in its scope (docs/framework-authoring.md, "Scope and presumptions").
enum class Scope { core, adjacent, outside };

struct ScopeTerms {
  Scope scope = Scope::outside;
  std::map<std::string, std::vector<std::string>> words; // language -> words and phrases
  // When not empty, `words` count only in an entry that has one of these words too (a
  // person's work together with the professional's action: "werknemer" with "rapport").
  std::map<std::string, std::vector<std::string>> with;
  // When one of these words stands in an entry, `words` do not count there (payroll tax
  // speaks of "werknemers" and "werkgevers" without being about anyone's work).
  std::map<std::string, std::vector<std::string>> unless;
  Origin origin;
};

// Words in a register entry's text that make an answer likely (section `presumptions`): a
// presumption is shown beside the verdict, never taken as an answer. `in`: the fields whose
// text it reads (a column that holds an organisation's name instead of a type, say); empty:
// every free text of the entry. `with`: when not empty, `words` count only in a sentence
// that has one of these words too ("automatisch" with "vastgesteld").
struct PresumptionTerms {
  int field = -1; // index into Framework::fields
  std::string value;
  std::vector<int> in; // indices into Framework::fields
  std::map<std::string, std::vector<std::string>> words;
  std::map<std::string, std::vector<std::string>> with;
  Origin origin;
};

// A whole framework, loaded and checked; indices in one part point into another.
struct Framework {
  std::string id;
  std::string version;
  std::vector<std::string> languages;
  std::vector<Location> language_where; // per language: where it is declared
  std::string sha256;
  std::string origin; // the folder it came from, or "builtin"
  Text title;
  Text statement;
  Text limits;
  std::vector<Source> sources;
  std::vector<Block> blocks;
  std::vector<FieldDecl> fields;
  std::vector<FieldDecl> task_fields;
  std::string tasks_key = "tasks"; // the use-case key of the task list
  Text tasks_heading;              // the report's heading over the tasks touched; empty: the frame's
  InterviewTasks interview_tasks;
  std::vector<Pillar> pillars;
  std::vector<TaxonomyItem> items;
  std::vector<SkillGroupDecl> skill_groups;
  std::vector<Skill> skills;
  std::vector<Technology> technologies;
  std::vector<std::vector<SupportCell>> support; // [skill][technology]
  std::vector<Dimension> dimensions;
  std::vector<Flag> flags;
  std::vector<Advice> recommendations;
  std::vector<Advice> conditions;
  std::vector<Rule> rules;
  std::vector<ColumnName> column_names;
  std::vector<Keywords> keywords;
  std::vector<ScopeTerms> scope;
  std::vector<PresumptionTerms> presumptions;
  // Words that deny what follows or precedes them in a sentence ("geen persoonsgegevens"):
  // a presumption's words near one of them do not count (section `negations`).
  std::map<std::string, std::vector<std::string>> negations; // language -> words
  Scoring scoring;
  VerdictPolicy verdict;
  // Problems that do not stop the framework from working (a stray file, ...), for `validate`.
  std::vector<util::Diagnostic> warnings;
  // Which rules read each field and each task field, directly or through what a task
  // attribute is derived or defaulted from; filled by core::index_readers, so that a search
  // that gives one answer at a time re-evaluates only the rules it can change.
  std::vector<std::vector<int>> rules_reading_field;
  std::vector<std::vector<int>> rules_reading_task_field;
  // Per field: whether a task attribute's default reads it (index_readers), so that an answer
  // to any other field leaves the defaults as they are.
  std::vector<bool> field_feeds_defaults;
  // Per field: the fields with an `if_skipped` answer whose `ask_if` reads it (index_readers),
  // so that a search does not combine answers the interview never could.
  std::vector<std::vector<int>> fields_skipped_by;
  // The keys a use case may have directly under a group prefix ("" -> id, title, purpose,
  // ..., tasks; "ai." -> role, technology, ...); filled by index_field_groups().
  std::map<std::string, std::vector<std::string>, std::less<>> field_groups;
  // The field with role in_place (the conditions stated as arranged); -1 when none. Filled by
  // index_field_groups(), as the engine reads it for every flag.
  int in_place_field = -1;

  // Fills field_groups and in_place_field from fields; call after the fields are declared.
  void index_field_groups();

  // Look-ups by id; -1 when absent.
  [[nodiscard]] int field_index(std::string_view path) const;
  [[nodiscard]] int task_field_index(std::string_view path) const;
  [[nodiscard]] int item_index(std::string_view wanted) const;
  [[nodiscard]] int block_index(std::string_view wanted) const;
  [[nodiscard]] int technology_index(std::string_view wanted) const;
  [[nodiscard]] int dimension_index(std::string_view wanted) const;
  [[nodiscard]] int flag_index(std::string_view wanted) const;
  // The field (or task field) with `role`; -1 when the framework declares none.
  [[nodiscard]] int field_with(FieldRole role) const;
  [[nodiscard]] int task_field_with(FieldRole role) const;
  // The block resting on `computed`; -1 when no block does.
  [[nodiscard]] int block_with(Computed computed) const;
  // The kind of `item` (a value of the task field with role task_kind, such as "action"), or
  // "" when the framework declares no kinds.
  [[nodiscard]] std::string item_kind(const TaxonomyItem &item) const;
  [[nodiscard]] const Source *source(std::string_view wanted) const;
};

} // namespace kansrijk::core
