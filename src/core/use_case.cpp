// Task completion: a taxonomy task brings its framework attributes; every task gets the
// derived attributes the rules may read, and attributes a use case leaves open take their
// declared defaults.
#include <algorithm>
#include <kansrijk/core/evaluate.hpp>
#include <kansrijk/core/use_case.hpp>

namespace kansrijk::core {

namespace {

void set_enum(FieldValue &target, int value) {
  target.known = true;
  target.value = value;
}

// The level of a share `part / total` on a scale of `levels` equal steps: with three levels,
// under a third is the first, from two thirds on the last.
int share_level(int part, int total, std::size_t levels) {
  if (total <= 0 || levels == 0) {
    return 0;
  }
  const auto n = static_cast<long long>(levels);
  return static_cast<int>(std::min<long long>(n - 1, n * part / total));
}

} // namespace

void derive_task_attributes(const Framework &framework, TaskEntry &task) {
  const TaxonomyItem *item = task.item >= 0 ? &framework.items[static_cast<std::size_t>(task.item)] : nullptr;
  const int skills_field = framework.task_field_with(FieldRole::task_skills);
  const bool skills_known =
      item != nullptr ||
      (skills_field >= 0 && is_settled(task.attributes[static_cast<std::size_t>(skills_field)]));
  for (const auto &decl : framework.task_fields) {
    FieldValue &value = task.attributes[static_cast<std::size_t>(decl.index)];
    switch (decl.derivation) {
    case Derivation::none:
      break;
    case Derivation::item_id:
      set_enum(value, item ? task.item : -1);
      break;
    case Derivation::pillar:
      set_enum(value, item ? item->pillar : -1);
      break;
    case Derivation::skill_group_share: {
      value = FieldValue{};
      if (!skills_known) {
        break;
      }
      int total = 0;
      int part = 0;
      for (const auto &skill : task.skills) {
        total += skill.weight;
        if (framework.skills[static_cast<std::size_t>(skill.skill)].group == decl.share_group) {
          part += skill.weight;
        }
      }
      set_enum(value, share_level(part, total, decl.domain.values.size()));
      break;
    }
    }
  }
}

void complete_task(const Framework &framework, TaskEntry &task) {
  task.attributes.resize(framework.task_fields.size());
  const TaxonomyItem *item = task.item >= 0 ? &framework.items[static_cast<std::size_t>(task.item)] : nullptr;
  for (const auto &decl : framework.task_fields) {
    if (decl.derived) {
      continue;
    }
    FieldValue &value = task.attributes[static_cast<std::size_t>(decl.index)];
    if (decl.role == FieldRole::task_ref) {
      set_enum(value, item ? task.item : -1);
    } else if (item == nullptr) {
      continue;
    } else if (decl.role == FieldRole::task_kind) {
      set_enum(value, item->kind);
    } else if (decl.role == FieldRole::task_skills) {
      value.known = true;
      value.values.clear();
      for (const auto &skill : item->skills) {
        value.values.push_back(skill.skill);
      }
      std::sort(value.values.begin(), value.values.end());
    } else if (const auto it = item->attributes.find(decl.path); it != item->attributes.end()) {
      set_enum(value, decl.domain.index_of(it->second));
    }
  }
  if (item) {
    task.skills = item->skills;
  }
  derive_task_attributes(framework, task);
}

void apply_defaults(const Framework &framework, UseCase &use_case) {
  for (const auto &decl : framework.task_fields) {
    if (decl.defaults.empty()) {
      continue;
    }
    for (auto &task : use_case.tasks) {
      FieldValue &value = task.attributes[static_cast<std::size_t>(decl.index)];
      if (value.known && !value.defaulted) {
        continue; // given by the use case or the taxonomy
      }
      value = FieldValue{};
      for (const auto &fallback : decl.defaults) {
        const Truth truth = evaluate(fallback.when, use_case).truth;
        if (truth == Truth::yes) {
          set_enum(value, fallback.value);
          value.defaulted = true;
          break;
        }
        if (truth == Truth::unknown) {
          break; // an earlier default may still apply: leave it open
        }
      }
    }
  }
}

bool imply_skipped_answers(const Framework &framework, UseCase &use_case) {
  bool any = false;
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto &decl : framework.fields) {
      FieldValue &value = use_case.fields[static_cast<std::size_t>(decl.index)];
      if (value.known || !decl.ask_if || decl.if_skipped < 0) {
        continue;
      }
      if (evaluate(*decl.ask_if, use_case).truth == Truth::no) {
        value.known = true;
        if (decl.type == FieldType::enum_list) {
          value.values = {decl.if_skipped}; // as the interview records a skipped list
        } else {
          value.value = decl.if_skipped;
        }
        changed = true;
        any = true;
      }
    }
  }
  return any;
}

const std::string &value_label(const FieldDecl &decl, int value, const std::string &language) {
  static const std::string k_none = "-";
  if (value < 0 || static_cast<std::size_t>(value) >= decl.domain.values.size()) {
    return k_none;
  }
  const std::string &raw = decl.domain.values[static_cast<std::size_t>(value)];
  if (const auto it = decl.value_labels.find(raw); it != decl.value_labels.end()) {
    return it->second.in(language);
  }
  return raw;
}

namespace {

void add_value(std::string &key, const FieldValue &value) {
  if (!value.known) {
    key += '?';
    return;
  }
  key += value.defaulted ? 'd' : 'k';
  key += std::to_string(value.value) + ',' + std::to_string(value.low) + ',' + std::to_string(value.high);
  key += value.text.empty() ? "" : "t";
  for (const int v : value.values) {
    key += '+' + std::to_string(v);
  }
  for (const int v : value.possible) {
    key += '~' + std::to_string(v);
  }
  key += ';';
}

} // namespace

std::string answers_key(const UseCase &use_case) {
  std::string key;
  for (const auto &value : use_case.fields) {
    add_value(key, value);
  }
  for (const auto &task : use_case.tasks) {
    key += "|" + std::to_string(task.item) + ':';
    for (const auto &value : task.attributes) {
      add_value(key, value);
    }
    for (const auto &skill : task.skills) {
      key += std::to_string(skill.skill) + '*' + std::to_string(skill.weight) + ',';
    }
  }
  return key;
}

} // namespace kansrijk::core
