// The fixed words of the reports in Dutch and English. Framework content brings its own
// texts; only the report's frame lives here.
#pragma once

#include <kansrijk/core/assessment.hpp>
#include <kansrijk/report/render.hpp>
#include <string_view>

namespace kansrijk::report {

enum class Word {
  report_title,
  use_case,
  framework,
  verdict,
  overall_score,
  of_100,
  not_scored,
  thresholds,
  reason_score,
  reason_insufficient,
  reason_binding,
  reason_also,
  reason_open_questions,
  reason_settled,
  verdict_now,
  range_between,
  range_certain,
  range_approximate,
  policy_heading,
  step_holds,
  step_not,
  step_open,
  for_every_answer,
  one_of_rules,
  building_blocks,
  score,
  base,
  rules_behind,
  no_rules,
  tasks_touched,
  task,
  action,
  custom_task,
  suitability,
  skills_needed,
  best_support,
  weight,
  affective,
  technologies,
  named_by_user,
  tie_equal,
  tie_stronger_in,
  tie_nothing_separates,
  tie_order,
  quality_of_work,
  flags,
  no_flags,
  open_questions,
  no_open_questions,
  needed_for,
  conditions,
  recommendations,
  sources,
  rule,
  rules,
  source,
  statement,
  limits,
  severity_low,
  severity_medium,
  severity_high,
  severity_knockout,
  direction_up,
  direction_down,
  direction_mixed,
  direction_none,
  direction_unknown,
  valence_favourable,
  valence_unfavourable,
  valence_mixed,
  valence_neutral,
  valence_unknown,
  grade_none,
  grade_limited,
  grade_moderate,
  grade_strong,
  verdict_promising,
  verdict_conditional,
  verdict_limited,
  verdict_not_advised,
  verdict_insufficient,
  term_task_suitability,
  term_skill_support,
  term_technology_fit,
  term_quality_of_work,
  unknown_value,
  questions_from_rules,
  no_technology_ranking,
  not_known,
  date,
  input_understood,
  none_listed,
  chart_scores,
  chart_quality_of_work,
  no_score_short,
  last_ = no_score_short, // keep last: the tests check every word has both languages
};

// `word` in `language`.
std::string_view word(Word word, Language language);

std::string_view verdict_word(core::Verdict verdict, Language language);
std::string_view severity_word(core::Severity severity, Language language);
std::string_view direction_word(core::QowDirection direction, Language language);
std::string_view valence_word(core::Valence valence, Language language);
std::string_view grade_word(core::Grade grade, Language language);

} // namespace kansrijk::report
