// Searching the answers to a use case's open questions; see completion.hpp.
#include <algorithm>
#include <kansrijk/core/completion.hpp>
#include <optional>

namespace kansrijk::core {

namespace {

std::string plain_name(const Expr &field, bool in_quantifier) {
  return in_quantifier && field.name.starts_with("t.") ? field.name.substr(2) : field.name;
}

void collect(const Expr &expr, bool in_quantifier, Reads &reads) {
  switch (expr.kind) {
  case Expr::Kind::field:
    (in_quantifier ? reads.task_attributes : reads.fields).insert(plain_name(expr, in_quantifier));
    reads.read_whole.insert(plain_name(expr, in_quantifier));
    break;
  case Expr::Kind::membership:
    if (expr.children.size() == 2 && expr.children[1].kind == Expr::Kind::field &&
        expr.children[0].kind == Expr::Kind::symbol) {
      const std::string name = plain_name(expr.children[1], in_quantifier);
      (in_quantifier ? reads.task_attributes : reads.fields).insert(name);
      reads.members[name].insert(expr.children[0].name);
      return;
    }
    break;
  case Expr::Kind::quantifier:
    reads.quantified = true;
    for (const auto &child : expr.children) {
      collect(child, true, reads);
    }
    return;
  case Expr::Kind::integer:
    reads.largest_constant = std::max(reads.largest_constant, expr.number);
    break;
  case Expr::Kind::unknown:
    reads.tests_unknown = true;
    break;
  // No default: a new kind of expression must be added here, or -Wswitch (an error in CI)
  // says so. Before it goes in the list below, check that the search's pruning stays sound
  // for it (Reads in completion.hpp says which kinds stop it).
  case Expr::Kind::logical_and:
  case Expr::Kind::logical_or:
  case Expr::Kind::logical_not:
  case Expr::Kind::compare:
  case Expr::Kind::symbol:
  case Expr::Kind::list:
    break;
  }
  for (const auto &child : expr.children) {
    collect(child, in_quantifier, reads);
  }
}

const FieldDecl &decl_of(const Framework &framework, const UnknownRef &ref) {
  return ref.task_field ? framework.task_fields[static_cast<std::size_t>(ref.field)]
                        : framework.fields[static_cast<std::size_t>(ref.field)];
}

} // namespace

void collect_reads(const Expr &expr, Reads &reads) { collect(expr, false, reads); }

void index_readers(Framework &framework) {
  auto &suitability = framework.scoring.task_suitability;
  suitability.attribute_fields.clear();
  for (const auto &[path, levels] : suitability.attributes) {
    suitability.attribute_fields.push_back(framework.task_field_index(path));
  }
  framework.rules_reading_field.assign(framework.fields.size(), {});
  framework.rules_reading_task_field.assign(framework.task_fields.size(), {});
  // The fields each task attribute's defaults read, once.
  std::vector<std::vector<int>> default_reads(framework.task_fields.size());
  framework.field_feeds_defaults.assign(framework.fields.size(), false);
  for (std::size_t t = 0; t < framework.task_fields.size(); ++t) {
    for (const auto &fallback : framework.task_fields[t].defaults) {
      Reads from;
      collect_reads(fallback.when, from);
      for (const auto &source : from.fields) {
        if (const int f = framework.field_index(source); f >= 0) {
          default_reads[t].push_back(f);
          framework.field_feeds_defaults[static_cast<std::size_t>(f)] = true;
        }
      }
    }
  }
  framework.fields_skipped_by.assign(framework.fields.size(), {});
  for (std::size_t g = 0; g < framework.fields.size(); ++g) {
    const FieldDecl &decl = framework.fields[g];
    if (!decl.ask_if || decl.if_skipped < 0) {
      continue;
    }
    Reads from;
    collect_reads(*decl.ask_if, from);
    for (const auto &source : from.fields) {
      if (const int f = framework.field_index(source); f >= 0) {
        auto &list = framework.fields_skipped_by[static_cast<std::size_t>(f)];
        if (std::find(list.begin(), list.end(), static_cast<int>(g)) == list.end()) {
          list.push_back(static_cast<int>(g));
        }
      }
    }
  }
  const auto add = [](std::vector<int> &list, int rule) {
    if (list.empty() || list.back() != rule) {
      list.push_back(rule);
    }
  };
  for (std::size_t r = 0; r < framework.rules.size(); ++r) {
    Reads reads;
    collect_reads(framework.rules[r].when, reads);
    const int rule = static_cast<int>(r);
    for (const auto &path : reads.fields) {
      if (const int f = framework.field_index(path); f >= 0) {
        add(framework.rules_reading_field[static_cast<std::size_t>(f)], rule);
      }
    }
    for (const auto &path : reads.task_attributes) {
      const int t = framework.task_field_index(path);
      if (t < 0) {
        continue;
      }
      const FieldDecl &attribute = framework.task_fields[static_cast<std::size_t>(t)];
      add(framework.rules_reading_task_field[static_cast<std::size_t>(t)], rule);
      // A derived share follows the task's skills; a default follows the fields it reads.
      if (attribute.derivation == Derivation::skill_group_share) {
        if (const int skills = framework.task_field_with(FieldRole::task_skills); skills >= 0) {
          add(framework.rules_reading_task_field[static_cast<std::size_t>(skills)], rule);
        }
      }
      for (const int f : default_reads[static_cast<std::size_t>(t)]) {
        add(framework.rules_reading_field[static_cast<std::size_t>(f)], rule);
      }
    }
  }
}

const std::vector<int> &rules_reading(const Framework &framework, const UnknownRef &ref) {
  static const std::vector<int> k_none;
  const auto &index = ref.task_field ? framework.rules_reading_task_field : framework.rules_reading_field;
  return ref.field >= 0 && static_cast<std::size_t>(ref.field) < index.size()
             ? index[static_cast<std::size_t>(ref.field)]
             : k_none;
}

std::vector<FieldValue> field_choices(const FieldDecl &decl, const Reads *reads, bool with_unknown) {
  std::vector<FieldValue> out;
  if (with_unknown) {
    out.emplace_back();
  }
  const std::size_t n = decl.domain.values.size();
  switch (decl.type) {
  case FieldType::text: {
    FieldValue value;
    value.known = true;
    value.text = "x";
    out.push_back(value);
    break;
  }
  case FieldType::enumeration:
    out.reserve(out.size() + n);
    for (std::size_t i = 0; i < n; ++i) {
      FieldValue value;
      value.known = true;
      value.value = static_cast<int>(i);
      out.push_back(value);
    }
    break;
  case FieldType::integer:
    break; // not a use-case field
  case FieldType::enum_list: {
    std::vector<int> universe;
    const std::string &name = decl.path;
    const auto members = reads != nullptr ? reads->members.find(name) : decltype(reads->members.end()){};
    if (reads != nullptr && !reads->read_whole.contains(name) && members != reads->members.end()) {
      for (const auto &value : members->second) {
        if (const int index = decl.domain.index_of(value); index >= 0) {
          universe.push_back(index);
        }
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        universe.push_back(static_cast<int>(i));
      }
    }
    if (universe.size() > 16) {
      break; // too many subsets to try
    }
    for (std::size_t mask = 0; mask < (std::size_t{1} << universe.size()); ++mask) {
      FieldValue value;
      value.known = true;
      for (std::size_t i = 0; i < universe.size(); ++i) {
        if ((mask >> i) & 1U) {
          value.values.push_back(universe[i]);
        }
      }
      std::sort(value.values.begin(), value.values.end());
      out.push_back(value);
    }
    break;
  }
  }
  return out;
}

UnknownRef deciding_answer(const Framework &framework, const UseCase &use_case, const UnknownRef &ref) {
  if (!ref.task_field || ref.task < 0) {
    return ref;
  }
  const FieldDecl &decl = decl_of(framework, ref);
  if (decl.defaults.empty()) {
    return ref;
  }
  for (const auto &fallback : decl.defaults) {
    const Evaluation result = evaluate(fallback.when, use_case);
    if (result.truth == Truth::unknown && !result.unknowns.empty()) {
      return result.unknowns.front(); // the default waits for this answer
    }
  }
  return ref;
}

namespace {

// The values the open answer `ref` can take, before what other answers rule out.
std::vector<FieldValue> candidate_answers(const Framework &framework,
                                          const UseCase &use_case,
                                          const UnknownRef &ref,
                                          bool &approximate) {
  const FieldDecl &decl = decl_of(framework, ref);
  if (decl.derived) {
    // An own task's derived attribute is unknown because what it is derived from (its skills)
    // is; trying its values directly may combine values no task can have.
    approximate = true;
    return field_choices(decl, nullptr, false);
  }
  if (decl.type != FieldType::enum_list) {
    return field_choices(decl, nullptr, false); // lists are answered below
  }
  // A list is answered one member at a time, and only for the members a condition tests: first
  // every value becomes possible, then the tested member is in or out.
  const FieldValue &current =
      ref.task_field
          ? use_case.tasks[static_cast<std::size_t>(ref.task)].attributes[static_cast<std::size_t>(ref.field)]
          : use_case.fields[static_cast<std::size_t>(ref.field)];
  if (!current.known) {
    FieldValue open;
    open.known = true;
    for (std::size_t i = 0; i < decl.domain.values.size(); ++i) {
      open.possible.push_back(static_cast<int>(i));
    }
    return {open};
  }
  const int member =
      ref.member >= 0 ? ref.member : (current.possible.empty() ? -1 : current.possible.front());
  if (member < 0 ||
      std::find(current.possible.begin(), current.possible.end(), member) == current.possible.end()) {
    return {};
  }
  FieldValue in = current;
  FieldValue out = current;
  in.possible.erase(std::find(in.possible.begin(), in.possible.end(), member));
  out.possible.erase(std::find(out.possible.begin(), out.possible.end(), member));
  in.values.insert(std::lower_bound(in.values.begin(), in.values.end(), member), member);
  return {in, out};
}

// A field the interview asks only on a condition, with an answer when it skips it (lists
// are not searched by value: left out).
bool skippable(const FieldDecl &decl) {
  return decl.ask_if && decl.if_skipped >= 0 && decl.type == FieldType::enumeration;
}

// Whether field `g` holds an answer other than its `if_skipped` one while its question is
// asked (or may be): then no answer that skips its question can go with it.
bool answered_otherwise(const Framework &framework, const UseCase &use_case, int g) {
  const FieldDecl &decl = framework.fields[static_cast<std::size_t>(g)];
  const FieldValue &held = use_case.fields[static_cast<std::size_t>(g)];
  return skippable(decl) && held.known && held.value != decl.if_skipped &&
         evaluate(*decl.ask_if, use_case).truth != Truth::no;
}

// Whether giving `value` to field `f` would skip the question of one of `at_stake` (the fields
// answered otherwise): "no health data" with "medical details: yes", also along a chain ("no
// personal data" implies "no health data", which skips "medical details"). No interview can
// give both, so a search must not combine them. A condition already false before (a file
// that says both) rules nothing out: such a field is not at stake.
bool contradicts_given(const Framework &framework,
                       const UseCase &use_case,
                       const std::vector<int> &at_stake,
                       int f,
                       const FieldValue &value) {
  UseCase trial = use_case;
  trial.fields[static_cast<std::size_t>(f)] = value;
  imply_skipped_answers(framework, trial);
  return std::any_of(at_stake.begin(), at_stake.end(), [&](int g) {
    return evaluate(*framework.fields[static_cast<std::size_t>(g)].ask_if, trial).truth == Truth::no;
  });
}

} // namespace

bool skipped_question(const Framework &framework, const UseCase &use_case, int field) {
  const FieldDecl &decl = framework.fields[static_cast<std::size_t>(field)];
  return skippable(decl) && !use_case.fields[static_cast<std::size_t>(field)].known &&
         evaluate(*decl.ask_if, use_case).truth == Truth::no;
}

bool constrained_by_given(const Framework &framework, const UseCase &use_case, int field) {
  const auto at = static_cast<std::size_t>(field);
  if (at >= framework.fields_skipped_by.size()) {
    return false;
  }
  const auto &dependents = framework.fields_skipped_by[at];
  return std::any_of(dependents.begin(), dependents.end(),
                     [&](int g) { return answered_otherwise(framework, use_case, g); });
}

std::vector<FieldValue>
answers_for(const Framework &framework, const UseCase &use_case, const UnknownRef &ref, bool &approximate) {
  if (ref.task_field || ref.field < 0) {
    return candidate_answers(framework, use_case, ref, approximate);
  }
  // A question the interview skips has one answer, as the loader gives it (imply_skipped_answers).
  if (skipped_question(framework, use_case, ref.field)) {
    FieldValue skipped;
    skipped.known = true;
    skipped.value = framework.fields[static_cast<std::size_t>(ref.field)].if_skipped;
    return {skipped};
  }
  auto values = candidate_answers(framework, use_case, ref, approximate);
  const auto at = static_cast<std::size_t>(ref.field);
  if (at >= framework.fields_skipped_by.size() || framework.fields_skipped_by[at].empty()) {
    return values; // no question is asked on a condition over this answer
  }
  std::vector<int> at_stake;
  for (std::size_t g = 0; g < framework.fields.size(); ++g) {
    if (answered_otherwise(framework, use_case, static_cast<int>(g))) {
      at_stake.push_back(static_cast<int>(g));
    }
  }
  if (at_stake.empty()) {
    return values;
  }
  std::vector<char> ruled_out(values.size(), 0);
  std::size_t count = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    ruled_out[i] = contradicts_given(framework, use_case, at_stake, ref.field, values[i]) ? 1 : 0;
    count += static_cast<std::size_t>(ruled_out[i]);
  }
  // Every value ruled out cannot happen from a consistent start; keep them all rather than none.
  if (count == 0 || count == values.size()) {
    return values;
  }
  std::vector<FieldValue> possible;
  possible.reserve(values.size() - count);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (ruled_out[i] == 0) {
      possible.push_back(std::move(values[i]));
    }
  }
  return possible;
}

namespace {

// Whether answering field `f` can change a task attribute's default; a framework not indexed
// by index_readers says yes to every field.
bool feeds_defaults(const Framework &framework, int f) {
  const auto at = static_cast<std::size_t>(f);
  return at >= framework.field_feeds_defaults.size() || framework.field_feeds_defaults[at];
}

} // namespace

void give_answer(const Framework &framework,
                 UseCase &use_case,
                 const UnknownRef &ref,
                 const FieldValue &value) {
  if (!ref.task_field) {
    use_case.fields[static_cast<std::size_t>(ref.field)] = value;
    if (feeds_defaults(framework, ref.field)) {
      apply_defaults(framework, use_case);
    }
    return;
  }
  TaskEntry &task = use_case.tasks[static_cast<std::size_t>(ref.task)];
  FieldValue &slot = task.attributes[static_cast<std::size_t>(ref.field)];
  const FieldDecl &decl = decl_of(framework, ref);
  slot = value;
  if (decl.derived) {
    return; // tried directly (approximate): do not derive it again
  }
  if (decl.role == FieldRole::task_skills) {
    task.skills.clear();
    for (const int skill : value.values) {
      task.skills.push_back(SkillWeight{skill, 2});
    }
  }
  derive_task_attributes(framework, task);
}

GivenAnswer::GivenAnswer(const Framework &framework,
                         UseCase &use_case,
                         const UnknownRef &ref,
                         const FieldValue &value)
    : m_fw(framework), m_uc(use_case), m_ref(ref) {
  if (ref.task_field) {
    m_task = use_case.tasks[static_cast<std::size_t>(ref.task)];
  } else {
    m_field = use_case.fields[static_cast<std::size_t>(ref.field)];
    m_restore_defaults = feeds_defaults(framework, ref.field);
    for (const auto &decl : framework.task_fields) {
      if (m_restore_defaults && !decl.defaults.empty()) {
        for (const auto &task : use_case.tasks) {
          m_defaulted.push_back(task.attributes[static_cast<std::size_t>(decl.index)]);
        }
      }
    }
  }
  give_answer(framework, use_case, ref, value);
}

GivenAnswer::~GivenAnswer() {
  if (m_ref.task_field) {
    m_uc.tasks[static_cast<std::size_t>(m_ref.task)] = std::move(m_task);
    return;
  }
  m_uc.fields[static_cast<std::size_t>(m_ref.field)] = std::move(m_field);
  if (!m_restore_defaults) {
    return;
  }
  std::size_t at = 0;
  for (const auto &decl : m_fw.task_fields) {
    if (!decl.defaults.empty()) {
      for (auto &task : m_uc.tasks) {
        task.attributes[static_cast<std::size_t>(decl.index)] = std::move(m_defaulted[at++]);
      }
    }
  }
}

namespace {

void strip(FieldValue &value) {
  value.text.clear();
  value.text.shrink_to_fit();
  value.where = {};
}

} // namespace

UseCase search_copy(const UseCase &use_case) {
  UseCase out;
  out.fields = use_case.fields;
  for (auto &value : out.fields) {
    strip(value);
  }
  out.tasks = use_case.tasks;
  for (auto &task : out.tasks) {
    task.name.clear();
    task.name.shrink_to_fit();
    task.where = {};
    for (auto &value : task.attributes) {
      strip(value);
    }
  }
  return out;
}

Decided holds_for_every_answer(const Framework &framework,
                               const UseCase &use_case,
                               const std::vector<const Expr *> &any_of,
                               std::size_t limit) {
  UseCase copy = search_copy(use_case);
  return holds_for_every_answer(framework, SearchCopy{copy}, any_of, limit);
}

namespace {

// The depth-first search of holds_for_every_answer.
struct EveryAnswer {
  const Framework &framework;
  const std::vector<const Expr *> &any_of;
  std::size_t limit;
  std::size_t tried;
  bool undecided;
  std::vector<UnknownRef> scratch;

  // true: every answer below makes one condition true; false: a definite counterexample.
  bool holds(UseCase &current, bool approximate) {
    if (++tried > limit) {
      undecided = true;
      return true;
    }
    // The first open answer (in UnknownRef order) of the first condition that is open.
    std::optional<UnknownRef> first;
    for (const Expr *condition : any_of) {
      const Truth truth = truth_of(*condition, current, scratch);
      if (truth == Truth::yes) {
        return true;
      }
      if (truth == Truth::unknown && !first && !scratch.empty()) {
        first = *std::min_element(scratch.begin(), scratch.end());
      }
    }
    if (!first) {
      if (approximate) {
        undecided = true; // a counterexample that may not be a real use case
        return true;
      }
      return false;
    }
    const UnknownRef ref = deciding_answer(framework, current, *first);
    bool over = approximate;
    const auto values = answers_for(framework, current, ref, over);
    if (values.empty()) {
      undecided = true;
      return true;
    }
    for (const auto &value : values) {
      const GivenAnswer given(framework, current, ref, value);
      if (!holds(current, over)) {
        return false;
      }
    }
    return true;
  }
};

} // namespace

Decided holds_for_every_answer(const Framework &framework,
                               SearchCopy copy,
                               const std::vector<const Expr *> &any_of,
                               std::size_t limit) {
  EveryAnswer search{framework, any_of, limit, 0, false, {}};
  if (!search.holds(copy.use_case, false)) {
    return Decided::no;
  }
  return search.undecided ? Decided::undecided : Decided::yes;
}

} // namespace kansrijk::core
