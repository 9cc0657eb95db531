// Shared pieces of scoring; see scoring_parts.hpp.
#include "scoring_parts.hpp"

#include <algorithm>

namespace kansrijk::core::detail {

bool task_is_scored(const Framework &framework, const TaskEntry &task) {
  const int field = framework.task_field_with(FieldRole::task_involvement);
  if (field < 0) {
    return true;
  }
  const FieldValue &value = task.attributes[static_cast<std::size_t>(field)];
  if (!value.known) {
    return true;
  }
  const auto &left_out = framework.task_fields[static_cast<std::size_t>(field)].not_scored;
  return std::find(left_out.begin(), left_out.end(), value.value) == left_out.end();
}

int grade_points(const Framework &framework, Grade grade) {
  return framework.scoring.grade_points[static_cast<int>(grade)];
}

SkillNeeds skill_needs(const Framework &framework, const UseCase &use_case) {
  SkillNeeds needs;
  const int skills_field = framework.task_field_with(FieldRole::task_skills);
  for (const auto &task : use_case.tasks) {
    if (!task_is_scored(framework, task)) {
      continue;
    }
    const bool known =
        task.item >= 0 ||
        (skills_field >= 0 && is_settled(task.attributes[static_cast<std::size_t>(skills_field)]));
    if (!known) {
      needs.complete = false;
      ++needs.unknown_tasks;
      continue;
    }
    ++needs.known_tasks;
    for (const auto &skill : task.skills) {
      needs.weights[skill.skill] += skill.weight;
    }
  }
  return needs;
}

int skill_support(const Framework &framework, const std::map<int, int> &weights) {
  long long total = 0;
  long long points = 0;
  for (const auto &[skill, weight] : weights) {
    Grade best = Grade::none;
    for (const auto &cell : framework.support[static_cast<std::size_t>(skill)]) {
      best = std::max(best, cell.grade);
    }
    total += weight;
    points += static_cast<long long>(weight) * grade_points(framework, best);
  }
  return total == 0 ? -1 : rounded(double(points) / double(total));
}

std::vector<TechnologyFit> technology_fits(const Framework &framework, const std::map<int, int> &weights) {
  std::vector<TechnologyFit> fits;
  long long total = 0;
  for (const auto &[skill, weight] : weights) {
    total += weight;
  }
  if (total == 0) {
    return fits;
  }
  for (std::size_t tech = 0; tech < framework.technologies.size(); ++tech) {
    long long points = 0;
    for (const auto &[skill, weight] : weights) {
      points += static_cast<long long>(weight) *
                grade_points(framework, framework.support[static_cast<std::size_t>(skill)][tech].grade);
    }
    fits.push_back(TechnologyFit{static_cast<int>(tech), rounded(double(points) / double(total))});
  }
  std::stable_sort(fits.begin(), fits.end(),
                   [](const TechnologyFit &a, const TechnologyFit &b) { return a.fit > b.fit; });
  return fits;
}

QowDirection direction_of(bool up, bool down, bool pending) {
  return up && down ? QowDirection::mixed
         : up       ? QowDirection::up
         : down     ? QowDirection::down
         : pending  ? QowDirection::unknown
                    : QowDirection::none;
}

Valence valence_of(const Dimension &dimension, QowDirection direction) {
  switch (direction) {
  case QowDirection::mixed:
    return Valence::mixed;
  case QowDirection::none:
    return Valence::neutral;
  case QowDirection::unknown:
    return Valence::unknown;
  case QowDirection::up:
  case QowDirection::down:
    break;
  }
  if (dimension.favourable == Favourable::neither) {
    return Valence::neutral;
  }
  const bool up = direction == QowDirection::up;
  return up == (dimension.favourable == Favourable::up) ? Valence::favourable : Valence::unfavourable;
}

int valence_points(const Scoring &scoring, Valence valence) {
  return valence == Valence::favourable     ? scoring.qow_favourable
         : valence == Valence::unfavourable ? scoring.qow_unfavourable
         : valence == Valence::mixed        ? scoring.qow_mixed
                                            : scoring.qow_neutral;
}

int named_technology(const Framework &framework, const UseCase &use_case) {
  const int field = framework.field_with(FieldRole::technology);
  if (field < 0) {
    return -2;
  }
  const FieldValue &named = use_case.fields[static_cast<std::size_t>(field)];
  if (!named.known || named.value < 0) {
    return -1;
  }
  return framework.technology_index(
      framework.fields[static_cast<std::size_t>(field)].domain.values[static_cast<std::size_t>(named.value)]);
}

} // namespace kansrijk::core::detail
