// The engine. Every rule is evaluated (there is no first-match); the scores are sums of
// visible terms; unknown answers add nothing and become open questions; what holds whatever
// the open answers are holds now; the verdict policy turns scores and flags into a verdict.
#include "scoring_parts.hpp"

#include <algorithm>
#include <future>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/core/policy.hpp>
#include <kansrijk/core/range.hpp>
#include <map>
#include <optional>
#include <thread>
#include <tuple>

namespace kansrijk::core {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
  case Verdict::promising:
    return "promising";
  case Verdict::conditional:
    return "conditional";
  case Verdict::limited:
    return "limited";
  case Verdict::not_advised:
    return "not_advised";
  case Verdict::insufficient_information:
    return "insufficient_information";
  }
  return "?";
}

std::string_view to_string(QowDirection direction) {
  switch (direction) {
  case QowDirection::up:
    return "up";
  case QowDirection::down:
    return "down";
  case QowDirection::mixed:
    return "mixed";
  case QowDirection::none:
    return "none";
  case QowDirection::unknown:
    return "unknown";
  }
  return "?";
}

std::string_view to_string(Valence valence) {
  switch (valence) {
  case Valence::favourable:
    return "favourable";
  case Valence::unfavourable:
    return "unfavourable";
  case Valence::mixed:
    return "mixed";
  case Valence::neutral:
    return "neutral";
  case Valence::unknown:
    return "unknown";
  }
  return "?";
}

std::string_view to_string(Severity severity) {
  switch (severity) {
  case Severity::low:
    return "low";
  case Severity::medium:
    return "medium";
  case Severity::high:
    return "high";
  case Severity::knockout:
    return "knockout";
  }
  return "?";
}

std::string_view to_string(Grade grade) {
  switch (grade) {
  case Grade::none:
    return "none";
  case Grade::limited:
    return "limited";
  case Grade::moderate:
    return "moderate";
  case Grade::strong:
    return "strong";
  }
  return "?";
}

std::string_view to_string(Direction direction) { return direction == Direction::up ? "up" : "down"; }

namespace {

using detail::rounded;

// Orders open questions as a reader expects them: use-case fields in declaration order,
// then each task's attributes.
auto question_key(const UnknownRef &ref) { return std::tuple(ref.task_field, ref.task, ref.field); }

class Run {
public:
  Run(const Framework &framework, const UseCase &use_case, const AssessOptions &options)
      : m_fw(framework), m_uc(use_case), m_options(options), m_outcomes(framework.rules.size()),
        m_fired(framework.rules.size(), false), m_for_every_answer(framework.rules.size(), false),
        m_qow_votes(framework.dimensions.size()), m_qow_pending(framework.dimensions.size(), false) {
    m_out.framework = &framework;
    m_out.use_case = &use_case;
    for (std::size_t i = 0; i < framework.blocks.size(); ++i) {
      BlockScore block;
      block.block = static_cast<int>(i);
      block.base = framework.blocks[i].base;
      m_out.blocks.push_back(block);
    }
  }

  Assessment run() {
    evaluate_rules();
    if (m_options.for_every_answer) {
      settle_rules_for_every_answer();
    }
    apply_effects();
    if (m_options.for_every_answer) {
      settle_flags_and_effects_for_every_answer();
    }
    sort_flags();
    settle_condition_status(m_fw, m_uc, m_out.conditions);
    score_tasks();
    score_skills_and_technologies();
    settle_quality_of_work();
    finish_blocks();
    decide_verdict();
    collect_questions();
    return std::move(m_out);
  }

private:
  // The use case as a search_copy, made once for the searches that decide open rules.
  UseCase &searchable() {
    if (!m_searchable) {
      m_searchable = search_copy(m_uc);
    }
    return *m_searchable;
  }

  // The block resting on `computed`, or nullptr.
  BlockScore *block_with(Computed computed) {
    const int index = m_fw.block_with(computed);
    return index < 0 ? nullptr : &m_out.blocks[static_cast<std::size_t>(index)];
  }

  void ask(UnknownRef ref, const std::string &rule) {
    ref.member = -1; // one question per list, whatever member a rule tests
    if (ref.task_field && ref.task >= 0) {
      const FieldDecl &decl = m_fw.task_fields[static_cast<std::size_t>(ref.field)];
      if (decl.derivation == Derivation::skill_group_share) {
        // Unknown because the task's skills are: ask for those.
        ref.field = m_fw.task_field_with(FieldRole::task_skills);
      } else if (!decl.defaults.empty()) {
        // Waits for its default: ask what the default depends on.
        ref = deciding_answer(m_fw, m_uc, ref);
        ref.member = -1;
      }
    }
    if (ref.field < 0) {
      return;
    }
    auto &rules = m_questions[question_key(ref)];
    if (std::find(rules.begin(), rules.end(), rule) == rules.end()) {
      rules.push_back(rule);
    }
  }

  static void raise(std::vector<RaisedAdvice> &list, int advice, const std::string &rule) {
    for (auto &raised : list) {
      if (raised.advice == advice) {
        raised.rules.push_back(rule);
        return;
      }
    }
    list.push_back(RaisedAdvice{advice, {rule}, ConditionStatus::to_arrange, {}});
  }

  void evaluate_rules() {
    for (std::size_t r = 0; r < m_fw.rules.size(); ++r) {
      m_outcomes[r] = evaluate(m_fw.rules[r].when, m_uc);
      m_fired[r] = m_outcomes[r].truth == Truth::yes;
    }
  }

  // A rule whose outcome is open now but true for every answer to the questions it reads
  // fires: an unknown answer must not hide a consequence that holds whatever it is.
  void settle_rules_for_every_answer() {
    for (std::size_t r = 0; r < m_fw.rules.size(); ++r) {
      if (m_outcomes[r].truth != Truth::unknown) {
        continue;
      }
      if (holds_for_every_answer(m_fw, SearchCopy{searchable()}, {&m_fw.rules[r].when}) == Decided::yes) {
        m_fired[r] = true;
        m_for_every_answer[r] = true;
      }
    }
  }

  void apply_effects() {
    for (std::size_t r = 0; r < m_fw.rules.size(); ++r) {
      const Rule &rule = m_fw.rules[r];
      const bool open = !m_fired[r] && m_outcomes[r].truth == Truth::unknown;
      for (const auto &effect : rule.effects.points) {
        BlockScore &target = m_out.blocks[static_cast<std::size_t>(effect.block)];
        ++(open ? target.unknown : target.known);
        if (m_fired[r]) {
          target.terms.push_back(ScoreTerm{rule.id, effect.points, -1});
        }
      }
      for (const auto &effect : rule.effects.quality_of_work) {
        if (m_fired[r]) {
          m_qow_votes[static_cast<std::size_t>(effect.dimension)].push_back(
              QowReason{rule.id, effect.direction, {}});
        } else if (open) {
          m_qow_pending[static_cast<std::size_t>(effect.dimension)] = true;
        }
      }
      if (open) {
        for (const auto &ref : m_outcomes[r].unknowns) {
          ask(ref, rule.id);
        }
        continue;
      }
      if (!m_fired[r]) {
        continue;
      }
      m_out.fired.push_back(FiredRule{static_cast<int>(r), m_for_every_answer[r]});
      for (const int flag : rule.effects.flags) {
        // A flag the use case resolves (every condition that resolves it stated as arranged)
        // is kept apart: the report names it as resolved, and it does not count.
        auto &flags = flag_resolved(m_fw, m_uc, flag) ? m_out.resolved_flags : m_out.flags;
        const auto seen =
            std::find_if(flags.begin(), flags.end(), [&](const RaisedFlag &f) { return f.flag == flag; });
        if (seen == flags.end()) {
          flags.push_back(RaisedFlag{flag, rule.id, {rule.id}, {}});
        } else {
          seen->rules.push_back(rule.id);
        }
      }
      for (const int advice : rule.effects.conditions) {
        raise(m_out.conditions, advice, rule.id);
      }
      for (const int advice : rule.effects.recommendations) {
        raise(m_out.recommendations, advice, rule.id);
      }
      for (std::size_t q = 0; q < rule.effects.questions.size(); ++q) {
        m_out.rule_questions.push_back(RuleQuestion{rule.id, static_cast<int>(q)});
      }
    }
  }

  // Open rules that each may or may not fire, of which one fires whatever the answers are.
  std::vector<std::string> one_of_holds(const std::vector<std::size_t> &candidates) {
    if (candidates.size() < 2) {
      return {}; // one rule alone was decided in settle_rules_for_every_answer
    }
    std::vector<const Expr *> conditions;
    conditions.reserve(candidates.size());
    for (const std::size_t r : candidates) {
      conditions.push_back(&m_fw.rules[r].when);
    }
    if (holds_for_every_answer(m_fw, SearchCopy{searchable()}, conditions) != Decided::yes) {
      return {};
    }
    std::vector<std::string> ids;
    ids.reserve(candidates.size());
    for (const std::size_t r : candidates) {
      ids.push_back(m_fw.rules[r].id);
    }
    return ids;
  }

  // A flag or a quality-of-work effect that several open rules can raise holds now when one
  // of them fires whatever the open answers are.
  void settle_flags_and_effects_for_every_answer() {
    // Only rules that may or may not fire can be candidates; usually a few of all the rules.
    std::vector<std::size_t> open;
    for (std::size_t r = 0; r < m_fw.rules.size(); ++r) {
      if (!m_fired[r] && m_outcomes[r].truth == Truth::unknown) {
        open.push_back(r);
      }
    }
    if (open.size() < 2) {
      return; // one open rule alone was decided in settle_rules_for_every_answer
    }
    for (std::size_t f = 0; f < m_fw.flags.size(); ++f) {
      const bool already = std::any_of(m_out.flags.begin(), m_out.flags.end(), [&](const RaisedFlag &raised) {
        return raised.flag == static_cast<int>(f);
      });
      if (already || flag_resolved(m_fw, m_uc, static_cast<int>(f))) {
        continue;
      }
      std::vector<std::size_t> candidates;
      for (const std::size_t r : open) {
        const auto &flags = m_fw.rules[r].effects.flags;
        if (std::find(flags.begin(), flags.end(), static_cast<int>(f)) != flags.end()) {
          candidates.push_back(r);
        }
      }
      if (auto either = one_of_holds(candidates); !either.empty()) {
        m_out.flags.push_back(RaisedFlag{static_cast<int>(f), either.front(), {}, either});
      }
    }
    for (std::size_t d = 0; d < m_fw.dimensions.size(); ++d) {
      for (const Direction direction : {Direction::up, Direction::down}) {
        const auto &votes = m_qow_votes[d];
        if (std::any_of(votes.begin(), votes.end(),
                        [&](const QowReason &v) { return v.direction == direction; })) {
          continue;
        }
        std::vector<std::size_t> candidates;
        for (const std::size_t r : open) {
          for (const auto &effect : m_fw.rules[r].effects.quality_of_work) {
            if (effect.dimension == static_cast<int>(d) && effect.direction == direction) {
              candidates.push_back(r);
            }
          }
        }
        if (auto either = one_of_holds(candidates); !either.empty()) {
          m_qow_votes[d].push_back(QowReason{either.front(), direction, either});
        }
      }
    }
  }

  void sort_flags() {
    std::stable_sort(m_out.flags.begin(), m_out.flags.end(), [&](const RaisedFlag &a, const RaisedFlag &b) {
      return m_fw.flags[static_cast<std::size_t>(a.flag)].severity >
             m_fw.flags[static_cast<std::size_t>(b.flag)].severity;
    });
  }

  void score_tasks() {
    const TaskSuitability &model = m_fw.scoring.task_suitability;
    long long sum = 0;
    int scored_tasks = 0;
    BlockScore *tasks_block = block_with(Computed::task_suitability);
    for (std::size_t t = 0; t < m_uc.tasks.size(); ++t) {
      const TaskEntry &task = m_uc.tasks[t];
      TaskResult result;
      result.task = static_cast<int>(t);
      if (!detail::task_is_scored(m_fw, task)) {
        m_out.tasks.push_back(std::move(result)); // the AI only works alongside this task
        continue;
      }
      int points = model.base;
      int unknown = 0;
      for (const auto &[path, levels] : model.attributes) {
        const int field = m_fw.task_field_index(path);
        const FieldValue &value = task.attributes[static_cast<std::size_t>(field)];
        if (!value.known || value.value < 0) {
          ++unknown;
          ask(UnknownRef{field, static_cast<int>(t), true}, "task-suitability");
          continue;
        }
        const int add = levels[static_cast<std::size_t>(value.value)];
        points += add;
        result.terms.push_back(ScoreTerm{"task-suitability." + path, add, static_cast<int>(t)});
      }
      if (2 * unknown <= static_cast<int>(model.attributes.size())) {
        result.suitability = std::clamp(points, 0, 100);
        sum += *result.suitability;
        ++scored_tasks;
        if (tasks_block) {
          ++tasks_block->known;
        }
      } else if (tasks_block) {
        ++tasks_block->unknown;
      }
      m_out.tasks.push_back(std::move(result));
    }
    if (scored_tasks > 0 && tasks_block) {
      tasks_block->terms.insert(tasks_block->terms.begin(),
                                ScoreTerm{"task-suitability", rounded(double(sum) / scored_tasks), -1});
      tasks_block->has_computed_term = true;
    }
  }

  void score_skills_and_technologies() {
    const detail::SkillNeeds needs = detail::skill_needs(m_fw, m_uc);
    BlockScore *skills_block = block_with(Computed::skill_support);
    if (skills_block) {
      skills_block->known += needs.known_tasks;
      skills_block->unknown += needs.unknown_tasks;
    }
    const int skills_field = m_fw.task_field_with(FieldRole::task_skills);
    for (std::size_t t = 0; t < m_uc.tasks.size(); ++t) {
      const TaskEntry &task = m_uc.tasks[t];
      if (detail::task_is_scored(m_fw, task) && task.item < 0 && skills_field >= 0 &&
          !task.attributes[static_cast<std::size_t>(skills_field)].known) {
        ask(UnknownRef{skills_field, static_cast<int>(t), true}, "skill-support");
      }
    }
    for (const auto &[skill, weight] : needs.weights) {
      SkillNeed need{skill, weight, Grade::none};
      for (const auto &cell : m_fw.support[static_cast<std::size_t>(skill)]) {
        need.best = std::max(need.best, cell.grade);
      }
      m_out.skills.push_back(need);
    }
    std::stable_sort(m_out.skills.begin(), m_out.skills.end(),
                     [](const SkillNeed &a, const SkillNeed &b) { return a.weight > b.weight; });
    const int support = detail::skill_support(m_fw, needs.weights);
    if (support < 0) {
      return;
    }
    if (skills_block) {
      skills_block->terms.insert(skills_block->terms.begin(), ScoreTerm{"skill-support", support, -1});
      skills_block->has_computed_term = true;
    }
    m_out.technologies = detail::technology_fits(m_fw, needs.weights);
    BlockScore *technology_block = block_with(Computed::technology_fit);
    const int named = detail::named_technology(m_fw, m_uc);
    if (technology_block == nullptr || named == -2) {
      return;
    }
    if (named < 0) {
      ++technology_block->unknown;
      ask(UnknownRef{m_fw.field_with(FieldRole::technology), -1, false}, "technology-fit");
      return;
    }
    for (const auto &fit : m_out.technologies) {
      if (fit.technology == named) {
        ++technology_block->known;
        technology_block->terms.insert(technology_block->terms.begin(),
                                       ScoreTerm{"technology-fit", fit.fit, -1});
        technology_block->has_computed_term = true;
      }
    }
  }

  void settle_quality_of_work() {
    BlockScore *qow_block = block_with(Computed::quality_of_work);
    for (std::size_t d = 0; d < m_fw.dimensions.size(); ++d) {
      QowResult result;
      result.dimension = static_cast<int>(d);
      result.reasons = m_qow_votes[d];
      const bool up = std::any_of(result.reasons.begin(), result.reasons.end(),
                                  [](const QowReason &r) { return r.direction == Direction::up; });
      const bool down = std::any_of(result.reasons.begin(), result.reasons.end(),
                                    [](const QowReason &r) { return r.direction == Direction::down; });
      result.direction = detail::direction_of(up, down, m_qow_pending[d]);
      result.valence = detail::valence_of(m_fw.dimensions[d], result.direction);
      if (qow_block) {
        ++(result.direction == QowDirection::unknown ? qow_block->unknown : qow_block->known);
        if (const int points = detail::valence_points(m_fw.scoring, result.valence); points != 0) {
          qow_block->terms.push_back(ScoreTerm{"quality-of-work." + m_fw.dimensions[d].id, points, -1});
        }
      }
      m_out.quality_of_work.push_back(std::move(result));
    }
  }

  void finish_blocks() {
    double weighted = 0;
    double weights = 0;
    int known_blocks = 0;
    for (auto &score : m_out.blocks) {
      const Block &block = m_fw.blocks[static_cast<std::size_t>(score.block)];
      const int units = score.known + score.unknown;
      const bool too_unknown = score.known == 0 || (block.rests_on_computed() && !score.has_computed_term) ||
                               double(score.unknown) > m_fw.scoring.max_unknown_share * double(units);
      if (too_unknown) {
        score.score.reset();
        continue;
      }
      int total = score.base;
      for (const auto &term : score.terms) {
        total += term.points;
      }
      score.score = std::clamp(total, 0, 100);
      weighted += block.weight * *score.score;
      weights += block.weight;
      ++known_blocks;
    }
    if (known_blocks >= m_fw.scoring.overall_min_blocks && weights > 0) {
      m_out.overall = rounded(weighted / weights);
    }
  }

  void decide_verdict() {
    const VerdictPolicy &policy = m_fw.verdict;
    Verdict verdict = Verdict::insufficient_information;
    if (m_out.overall) {
      verdict = verdict_for_score(policy, *m_out.overall);
      m_out.verdict_reasons.push_back(VerdictReason{VerdictReason::Kind::score, -1, verdict, false});
    } else {
      // Too much is unknown to score: no verdict can come from the score.
      m_out.verdict_reasons.push_back(VerdictReason{VerdictReason::Kind::no_score, -1, verdict, false});
    }
    m_out.verdict_from_score = verdict;
    FactValues facts;
    for (const auto &raised : m_out.flags) {
      facts.raised.push_back(raised.flag);
    }
    for (const auto &block : m_out.blocks) {
      facts.blocks.push_back(block.score ? std::optional<Interval>(Interval{*block.score, *block.score})
                                         : std::nullopt);
    }
    if (m_out.overall) {
      facts.overall = Interval{*m_out.overall, *m_out.overall};
    }
    facts.unknown_share = unknown_share(m_fw, m_uc);
    const UseCase sheet = fact_sheet(m_fw, facts);
    for (std::size_t s = 0; s < policy.steps.size(); ++s) {
      const PolicyStep &step = policy.steps[s];
      m_out.step_truth.push_back(evaluate(step.when, sheet).truth);
      if (m_out.step_truth.back() == Truth::yes) {
        m_out.verdict_reasons.push_back(
            VerdictReason{VerdictReason::Kind::policy_step, static_cast<int>(s), step.at_most, false});
        verdict = least_favourable(verdict, step.at_most);
      }
    }
    if (m_options.range) {
      // The verdict's range decides the verdict, the same with or without the score range, so
      // a batch summary and a report never differ; the score range is a search of its own.
      m_out.range = verdict_range(m_fw, SearchCopy{searchable()}, m_outcomes, m_options.range_limit, false);
      const Verdict limited = limit_by_range(verdict, m_out.range);
      if (limited != verdict) {
        // Settled: however the open questions are answered, the verdict is the same, so that is
        // the verdict now, even when much is unknown. Otherwise: whatever the open answers are,
        // no better verdict can come of it.
        const bool settled = m_out.range.exact && m_out.range.best == m_out.range.worst;
        m_out.verdict_reasons.push_back(
            VerdictReason{settled ? VerdictReason::Kind::settled : VerdictReason::Kind::open_questions, -1,
                          limited, false});
        verdict = limited;
      }
      if (m_options.score_range && !m_out.range.overall_min) {
        const VerdictRange scores =
            verdict_range(m_fw, SearchCopy{searchable()}, m_outcomes, m_options.range_limit, true);
        m_out.range.overall_min = scores.overall_min;
        m_out.range.overall_max = scores.overall_max;
        m_out.range.exact = m_out.range.exact && scores.exact; // an approximate score range says so
        m_out.range.explored += scores.explored;
      }
    }
    m_out.verdict = verdict;
    mark_binding_reason();
  }

  // The reason a reader should see first: a policy step that sets the verdict, else the open
  // questions, else the score.
  void mark_binding_reason() {
    for (const auto kind :
         {VerdictReason::Kind::settled, VerdictReason::Kind::policy_step, VerdictReason::Kind::open_questions,
          VerdictReason::Kind::score, VerdictReason::Kind::no_score}) {
      for (auto &reason : m_out.verdict_reasons) {
        if (reason.kind == kind && reason.at_most == m_out.verdict) {
          reason.binding = true;
          return;
        }
      }
    }
  }

  void collect_questions() {
    for (auto &[key, rules] : m_questions) {
      const auto [task_field, task, field] = key;
      m_out.open_questions.push_back(OpenQuestion{UnknownRef{field, task, task_field}, rules});
    }
  }

  const Framework &m_fw;
  const UseCase &m_uc;
  const AssessOptions &m_options;
  Assessment m_out;
  std::vector<Evaluation> m_outcomes;
  std::vector<bool> m_fired;
  std::vector<bool> m_for_every_answer;
  std::vector<std::vector<QowReason>> m_qow_votes;
  std::vector<bool> m_qow_pending;
  std::map<std::tuple<bool, int, int>, std::vector<std::string>> m_questions;
  std::optional<UseCase> m_searchable;
};

} // namespace

AssessOptions waited_for() {
  AssessOptions options;
  options.threads = std::max(1U, std::thread::hardware_concurrency());
  return options;
}

Assessment assess(const Framework &framework, const UseCase &use_case, const AssessOptions &options) {
  Assessment assessment = Run(framework, use_case, options).run();
  const auto lifts = [&] {
    return find_lifts(framework, use_case, assessment, options.what_if_changes, k_what_if_limit,
                      options.what_if_first_only);
  };
  // With more than one thread, the what-if search (one thread) runs beside the ranked
  // questions: the two only read the assessment, and each is written back when both are done.
  std::future<WhatIf> what_if;
  if (options.what_if && options.questions && options.threads > 1) {
    what_if = std::async(std::launch::async, lifts);
  }
  if (options.questions) {
    assessment.questions =
        rank_questions(framework, use_case, assessment, options.range_limit, options.threads);
  }
  if (what_if.valid()) {
    assessment.what_if = what_if.get();
  } else if (options.what_if) {
    assessment.what_if = lifts();
  }
  return assessment;
}

} // namespace kansrijk::core
