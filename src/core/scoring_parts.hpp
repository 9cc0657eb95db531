// Pieces of scoring that the engine (one assessment) and the range search (bounds over the
// open answers) share, so that both compute the same thing.
#pragma once

#include <cmath>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/use_case.hpp>
#include <map>
#include <vector>

namespace kansrijk::core::detail {

inline int rounded(double value) { return static_cast<int>(std::lround(value)); }

// Whether `task` counts for task suitability, skills and technology fit: not when the AI
// only works alongside it (an involvement value the framework leaves out of scoring).
bool task_is_scored(const Framework &framework, const TaskEntry &task);

int grade_points(const Framework &framework, Grade grade);

// The skill weights the scored tasks need, summed; `complete` is false when a scored task's
// skills are unknown.
struct SkillNeeds {
  std::map<int, int> weights; // skill index -> summed weight
  bool complete = true;
  int known_tasks = 0;
  int unknown_tasks = 0;
};
SkillNeeds skill_needs(const Framework &framework, const UseCase &use_case);

// How well the best technology supports the needed skills (weighted mean of the best
// grades' points); -1 without needed skills.
int skill_support(const Framework &framework, const std::map<int, int> &weights);

// Every technology's fit with the needed skills, best first; equal fits keep the declared
// order of the technologies.
std::vector<TechnologyFit> technology_fits(const Framework &framework, const std::map<int, int> &weights);

QowDirection direction_of(bool up, bool down, bool pending);
Valence valence_of(const Dimension &dimension, QowDirection direction);
int valence_points(const Scoring &scoring, Valence valence);

// The technology the use case names (index into Framework::technologies): -1 when unknown or
// the framework declares no technology field; -2 when the field is not declared.
int named_technology(const Framework &framework, const UseCase &use_case);

} // namespace kansrijk::core::detail
