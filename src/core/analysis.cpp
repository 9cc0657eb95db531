// Exact satisfiability of rule conditions by enumeration; see analysis.hpp.
#include <algorithm>
#include <functional>
#include <kansrijk/core/analysis.hpp>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/use_case.hpp>
#include <map>
#include <set>
#include <string>

namespace kansrijk::core {

namespace {

using Refs = Reads;

void collect(const Expr &expr, bool /*in_quantifier*/, Refs &refs) { collect_reads(expr, refs); }

std::vector<FieldValue> choices(const FieldDecl &decl, const Refs *refs = nullptr) {
  return field_choices(decl, refs, true);
}

std::string value_text(const FieldDecl &decl, const FieldValue &value) {
  if (!value.known) {
    return "unknown";
  }
  switch (decl.type) {
  case FieldType::text:
    return "\"...\"";
  case FieldType::enumeration:
    return value.value < 0 ? std::string("none") : decl.domain.values[static_cast<std::size_t>(value.value)];
  case FieldType::enum_list: {
    std::string out = "[";
    for (const int v : value.values) {
      out += (out.size() > 1 ? ", " : "") + decl.domain.values[static_cast<std::size_t>(v)];
    }
    return out + "]";
  }
  case FieldType::integer:
    return std::to_string(value.low);
  }
  return {};
}

struct Prototype {
  TaskEntry task;
  std::string description;
};

// The distinct tasks as far as `attributes` can tell them apart: every taxonomy item, and
// own tasks with every combination of the attributes read (derived ones included: an own
// task has no taxonomy id or pillar, and its affective share follows from its skills, which
// can give each share).
std::vector<Prototype>
prototypes(const Framework &fw, const std::set<std::string> &attributes, const Refs &refs) {
  std::vector<int> read;
  for (const auto &name : attributes) {
    const int index = fw.task_field_index(name);
    if (index >= 0) {
      read.push_back(index);
    }
  }
  std::vector<Prototype> out;
  std::set<std::string> seen;
  const auto key_of = [&](const TaskEntry &task) {
    std::string key;
    for (const int index : read) {
      key += value_text(fw.task_fields[static_cast<std::size_t>(index)],
                        task.attributes[static_cast<std::size_t>(index)]) +
             "|";
    }
    return key;
  };
  // taxonomy tasks, with every combination of the per-use attributes read (involvement, ...)
  std::vector<int> per_use;
  std::vector<std::vector<FieldValue>> per_use_options;
  for (const int index : read) {
    const FieldDecl &decl = fw.task_fields[static_cast<std::size_t>(index)];
    if (decl.per_use) {
      per_use.push_back(index);
      per_use_options.push_back(choices(decl, &refs));
    }
  }
  for (std::size_t i = 0; i < fw.items.size(); ++i) {
    std::vector<std::size_t> at(per_use.size(), 0);
    while (true) {
      Prototype p;
      p.task.item = static_cast<int>(i);
      complete_task(fw, p.task);
      std::string description = "{ref: " + fw.items[i].id;
      for (std::size_t k = 0; k < per_use.size(); ++k) {
        const FieldDecl &decl = fw.task_fields[static_cast<std::size_t>(per_use[k])];
        p.task.attributes[static_cast<std::size_t>(per_use[k])] = per_use_options[k][at[k]];
        if (per_use_options[k][at[k]].known) {
          description += ", " + decl.path + ": " + value_text(decl, per_use_options[k][at[k]]);
        }
      }
      if (seen.insert(key_of(p.task)).second) {
        p.description = description + "}";
        out.push_back(std::move(p));
      }
      std::size_t k = 0;
      while (k < per_use.size() && ++at[k] == per_use_options[k].size()) {
        at[k] = 0;
        ++k;
      }
      if (k == per_use.size()) {
        break;
      }
    }
  }
  // own tasks: odometer over the attributes read
  std::vector<std::vector<FieldValue>> options;
  for (const int index : read) {
    const FieldDecl &decl = fw.task_fields[static_cast<std::size_t>(index)];
    if (decl.role == FieldRole::task_ref || decl.derivation == Derivation::item_id ||
        decl.derivation == Derivation::pillar) {
      FieldValue none;
      none.known = true;
      none.value = -1;
      options.push_back({none});
    } else {
      FieldDecl full = decl;
      if (decl.values_from == "skills" && full.domain.values.empty()) {
        for (const auto &skill : fw.skills) {
          full.domain.values.push_back(skill.id);
        }
      }
      options.push_back(choices(full, &refs));
    }
  }
  std::vector<std::size_t> at(read.size(), 0);
  while (true) {
    Prototype p;
    p.task.item = -1;
    p.task.name = "x";
    complete_task(fw, p.task);
    std::string description = "{name: ...";
    for (std::size_t k = 0; k < read.size(); ++k) {
      const FieldDecl &decl = fw.task_fields[static_cast<std::size_t>(read[k])];
      p.task.attributes[static_cast<std::size_t>(read[k])] = options[k][at[k]];
      if (decl.role != FieldRole::task_ref && decl.derivation != Derivation::item_id &&
          decl.derivation != Derivation::pillar) {
        description += ", " + decl.path + ": " + value_text(decl, options[k][at[k]]);
      }
    }
    if (seen.insert(key_of(p.task)).second) {
      p.description = description + "}";
      out.push_back(std::move(p));
    }
    std::size_t k = 0;
    while (k < read.size() && ++at[k] == options[k].size()) {
      at[k] = 0;
      ++k;
    }
    if (k == read.size()) {
      break;
    }
  }
  return out;
}

} // namespace

Satisfiability satisfiable(const Framework &fw, const std::vector<const Expr *> &conditions) {
  Refs refs;
  for (const Expr *condition : conditions) {
    collect(*condition, false, refs);
  }
  std::vector<int> fields;
  std::vector<std::vector<FieldValue>> options;
  for (const auto &path : refs.fields) {
    const int index = fw.field_index(path);
    if (index < 0) {
      continue;
    }
    fields.push_back(index);
    options.push_back(choices(fw.fields[static_cast<std::size_t>(index)], &refs));
    if (options.back().size() == 1) {
      return {};
    }
  }
  const std::vector<Prototype> tasks =
      refs.quantified ? prototypes(fw, refs.task_attributes, refs) : std::vector<Prototype>{[&] {
        Prototype p;
        p.task.item = 0;
        complete_task(fw, p.task);
        return p;
      }()};
  const int max_tasks =
      refs.quantified ? static_cast<int>(std::min<long long>(refs.largest_constant + 1, k_max_symbolic_tasks))
                      : 1;

  Satisfiability result;
  UseCase uc;
  uc.fields.resize(fw.fields.size());
  std::vector<std::size_t> chosen(fields.size(), 0);

  const auto describe = [&](const std::vector<std::size_t> &pick) {
    std::string description;
    for (int field : fields) {
      const FieldValue &value = uc.fields[static_cast<std::size_t>(field)];
      if (!value.known) {
        continue; // left unknown: any value will do
      }
      const FieldDecl &decl = fw.fields[static_cast<std::size_t>(field)];
      description += (description.empty() ? "" : ", ") + decl.path + ": " + value_text(decl, value);
    }
    if (refs.quantified) {
      std::string list;
      for (const std::size_t p : pick) {
        list += (list.empty() ? "" : ", ") + tasks[p].description;
      }
      description += (description.empty() ? "" : ", ") + std::string("tasks: [") + list + "]";
    }
    return description.empty() ? std::string("any use case") : description;
  };

  // Depth-first over the fields, unassigned ones unknown. Kleene logic is monotone: giving
  // an unknown field a value never turns a definite true or false around. So a branch where
  // some condition is already false is dropped, and one where all are true is a witness.
  // Conditions that test `== unknown` are not monotone; they are only checked at the leaves.
  std::vector<bool> prunes;
  for (const Expr *condition : conditions) {
    Refs own;
    collect(*condition, false, own);
    prunes.push_back(!own.tests_unknown);
  }
  enum class Step { found, exhausted, limit };
  std::function<Step(std::size_t, const std::vector<std::size_t> &)> search =
      [&](std::size_t depth, const std::vector<std::size_t> &pick) {
        if (++result.tried > k_max_search) {
          return Step::limit;
        }
        bool all_true = true;
        for (std::size_t c = 0; c < conditions.size(); ++c) {
          const Truth truth = evaluate(*conditions[c], uc).truth;
          if (truth == Truth::no && (prunes[c] || depth == fields.size())) {
            return Step::exhausted;
          }
          all_true = all_true && truth == Truth::yes;
        }
        if (all_true) {
          result.witness = Witness{describe(pick)};
          return Step::found;
        }
        if (depth == fields.size()) {
          return Step::exhausted;
        }
        FieldValue &slot = uc.fields[static_cast<std::size_t>(fields[depth])];
        for (std::size_t i = 1; i < options[depth].size(); ++i) { // 0 is unknown, tried above
          slot = options[depth][i];
          apply_defaults(fw, uc);
          const Step step = search(depth + 1, pick);
          if (step != Step::exhausted) {
            return step;
          }
        }
        slot = FieldValue{};
        apply_defaults(fw, uc);
        return search(depth + 1, pick) == Step::found ? Step::found : Step::exhausted;
      };

  // ... for every multiset of 1..max_tasks task prototypes
  for (int length = 1; length <= max_tasks; ++length) {
    std::vector<std::size_t> pick(static_cast<std::size_t>(length), 0);
    while (true) {
      uc.tasks.clear();
      for (const std::size_t p : pick) {
        uc.tasks.push_back(tasks[p].task);
      }
      for (const int index : fields) {
        uc.fields[static_cast<std::size_t>(index)] = FieldValue{};
      }
      apply_defaults(fw, uc);
      const Step step = search(0, pick);
      if (step == Step::found) {
        result.answer = Satisfiability::Answer::yes;
        return result;
      }
      if (step == Step::limit) {
        result.answer = Satisfiability::Answer::undecided;
        return result;
      }
      int i = length - 1;
      while (i >= 0 && pick[static_cast<std::size_t>(i)] + 1 == tasks.size()) {
        --i;
      }
      if (i < 0) {
        break;
      }
      ++pick[static_cast<std::size_t>(i)];
      for (int j = i + 1; j < length; ++j) {
        pick[static_cast<std::size_t>(j)] = pick[static_cast<std::size_t>(i)];
      }
    }
  }
  result.answer = Satisfiability::Answer::no;
  return result;
}

} // namespace kansrijk::core

namespace kansrijk::core {

UnknownFavoursResult unknown_favours(const Framework &fw, std::size_t limit) {
  UnknownFavoursResult result;
  const std::size_t n_flags = fw.flags.size();
  for (const auto &decl : fw.fields) {
    if (decl.type == FieldType::text || decl.derived) {
      continue;
    }
    // The flag-raising rules that read this field and no task, and the other fields each reads.
    std::vector<const Rule *> rules;
    std::vector<std::vector<int>> rule_fields;
    Reads reads;
    for (const auto &rule : fw.rules) {
      if (rule.effects.flags.empty()) {
        continue;
      }
      Reads own;
      collect_reads(rule.when, own);
      if (own.quantified || !own.fields.contains(decl.path)) {
        continue;
      }
      rules.push_back(&rule);
      collect_reads(rule.when, reads);
      std::vector<int> fields;
      for (const auto &path : own.fields) {
        const int index = fw.field_index(path);
        if (index >= 0 && index != decl.index) {
          fields.push_back(index);
        }
      }
      rule_fields.push_back(std::move(fields));
    }
    if (rules.empty()) {
      continue;
    }
    const std::vector<FieldValue> answers = field_choices(decl, &reads, false);
    // Groups of rules that share another field, transitively. Rules of different groups read
    // different fields besides this one, so an assignment of a group's fields matters only
    // through the flags its rules raise with each answer and with this field open: its
    // signature. Searching each group, then every combination of the distinct signatures, is
    // the same search as over every combination of all fields, and far smaller.
    std::vector<std::size_t> group_of(rules.size());
    for (std::size_t r = 0; r < rules.size(); ++r) {
      group_of[r] = r;
    }
    const std::function<std::size_t(std::size_t)> root = [&](std::size_t r) {
      return group_of[r] == r ? r : group_of[r] = root(group_of[r]);
    };
    for (std::size_t a = 0; a < rules.size(); ++a) {
      for (std::size_t b = a + 1; b < rules.size(); ++b) {
        const bool share = std::any_of(rule_fields[a].begin(), rule_fields[a].end(), [&](int f) {
          return std::find(rule_fields[b].begin(), rule_fields[b].end(), f) != rule_fields[b].end();
        });
        if (share) {
          group_of[root(a)] = root(b);
        }
      }
    }
    struct Group {
      std::vector<const Rule *> rules;
      std::vector<int> fields;
      std::vector<std::vector<FieldValue>> options;
      // distinct signatures: per answer, then with the field open, which flags are raised
      std::map<std::vector<char>, std::vector<FieldValue>> signatures; // -> an assignment giving it
    };
    std::map<std::size_t, Group> by_root;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      Group &group = by_root[root(r)];
      group.rules.push_back(rules[r]);
      for (const int f : rule_fields[r]) {
        if (std::find(group.fields.begin(), group.fields.end(), f) == group.fields.end()) {
          group.fields.push_back(f);
        }
      }
    }
    std::vector<Group> groups;
    for (auto &[_, group] : by_root) {
      std::sort(group.fields.begin(), group.fields.end());
      for (const int f : group.fields) {
        group.options.push_back(field_choices(fw.fields[static_cast<std::size_t>(f)], &reads, true));
      }
      groups.push_back(std::move(group));
    }
    UseCase uc;
    uc.fields.resize(fw.fields.size());
    FieldValue &slot = uc.fields[static_cast<std::size_t>(decl.index)];
    const std::size_t rows = answers.size() + 1; // each answer, then the field open
    std::size_t tried = 0;
    bool stopped = false;
    for (Group &group : groups) {
      const std::function<void(std::size_t)> walk = [&](std::size_t depth) {
        if (stopped) {
          return;
        }
        if (depth < group.fields.size()) {
          for (const auto &value : group.options[depth]) {
            uc.fields[static_cast<std::size_t>(group.fields[depth])] = value;
            walk(depth + 1);
          }
          uc.fields[static_cast<std::size_t>(group.fields[depth])] = FieldValue{};
          return;
        }
        if (++tried > limit) {
          stopped = true;
          return;
        }
        std::vector<char> signature(rows * n_flags, 0);
        for (std::size_t row = 0; row < rows; ++row) {
          slot = row < answers.size() ? answers[row] : FieldValue{};
          for (const Rule *rule : group.rules) {
            if (evaluate(rule->when, uc).truth == Truth::yes) {
              for (const int flag : rule->effects.flags) {
                signature[row * n_flags + static_cast<std::size_t>(flag)] = 1;
              }
            }
          }
        }
        slot = FieldValue{};
        if (!group.signatures.contains(signature)) {
          std::vector<FieldValue> example;
          example.reserve(group.fields.size());
          for (const int f : group.fields) {
            example.push_back(uc.fields[static_cast<std::size_t>(f)]);
          }
          group.signatures.emplace(std::move(signature), std::move(example));
        }
      };
      walk(0);
    }
    if (stopped) {
      result.undecided.push_back(decl.path);
      continue;
    }
    // Every combination of the groups' signatures: the flags of each row are the union.
    const auto severity_of = [&](const std::vector<char> &flags, std::size_t row) {
      int worst = -1;
      for (std::size_t f = 0; f < n_flags; ++f) {
        if (flags[row * n_flags + f] != 0) {
          worst = std::max(worst, static_cast<int>(fw.flags[f].severity));
        }
      }
      return worst;
    };
    std::vector<const std::pair<const std::vector<char>, std::vector<FieldValue>> *> chosen(groups.size());
    bool reported = false;
    const std::function<void(std::size_t, const std::vector<char> &)> combine =
        [&](std::size_t g, const std::vector<char> &acc) {
          if (reported || stopped) {
            return;
          }
          if (g < groups.size()) {
            for (const auto &entry : groups[g].signatures) {
              std::vector<char> next = acc;
              for (std::size_t i = 0; i < next.size(); ++i) {
                next[i] = static_cast<char>(next[i] | entry.first[i]);
              }
              chosen[g] = &entry;
              combine(g + 1, next);
            }
            return;
          }
          if (++tried > limit) {
            stopped = true;
            return;
          }
          int least = 1000;
          std::vector<char> by_all(n_flags, 1);
          for (std::size_t row = 0; row < answers.size(); ++row) {
            least = std::min(least, severity_of(acc, row));
            for (std::size_t f = 0; f < n_flags; ++f) {
              by_all[f] = static_cast<char>(by_all[f] & acc[row * n_flags + f]);
            }
          }
          int open = severity_of(acc, answers.size());
          for (std::size_t f = 0; f < n_flags; ++f) {
            if (by_all[f] != 0) {
              open = std::max(open, static_cast<int>(fw.flags[f].severity));
            }
          }
          if (answers.empty() || open >= least) {
            return;
          }
          UnknownFavours found;
          found.field = decl.path;
          for (const Rule *rule : rules) {
            found.rules.push_back(rule->id);
          }
          std::map<int, FieldValue> witness; // in field order
          for (std::size_t k = 0; k < groups.size(); ++k) {
            for (std::size_t i = 0; i < groups[k].fields.size(); ++i) {
              witness[groups[k].fields[i]] = chosen[k]->second[i];
            }
          }
          for (const auto &[k, value] : witness) {
            if (value.known) {
              const FieldDecl &other = fw.fields[static_cast<std::size_t>(k)];
              found.witness +=
                  (found.witness.empty() ? "" : ", ") + other.path + ": " + value_text(other, value);
            }
          }
          if (found.witness.empty()) {
            found.witness = "any use case";
          }
          found.unknown_severity = open;
          found.least_answer_severity = least;
          result.found.push_back(std::move(found));
          reported = true;
        };
    combine(0, std::vector<char>(rows * n_flags, 0));
    if (!reported && stopped) {
      result.undecided.push_back(decl.path);
    }
  }
  return result;
}

} // namespace kansrijk::core
