// The engine. Every rule is evaluated (there is no first-match); the scores are sums of
// visible terms; unknown answers add nothing and become open questions; flags cap the
// verdict whatever the scores say.
#include <algorithm>
#include <cmath>
#include <kansrijk/core/engine.hpp>
#include <map>
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

int rounded(double value) { return static_cast<int>(std::lround(value)); }

// Orders open questions as a reader expects them: use-case fields in declaration order,
// then each task's attributes.
auto question_key(const UnknownRef &ref) { return std::tuple(ref.task_field, ref.task, ref.field); }

class Run {
public:
  Run(const Framework &framework, const UseCase &use_case)
      : m_fw(framework), m_uc(use_case), m_qow_votes(framework.dimensions.size()),
        m_qow_pending(framework.dimensions.size(), false) {
    m_out.framework = &framework;
    m_out.use_case = &use_case;
    for (std::size_t i = 0; i < framework.blocks.size(); ++i) {
      BlockScore block;
      block.block = static_cast<int>(i);
      block.base = framework.blocks[i].base;
      const std::string &id = framework.blocks[i].id;
      block.needs_computed_term = id == "tasks" || id == "skills" || id == "technology";
      m_out.blocks.push_back(block);
    }
  }

  Assessment run() {
    evaluate_rules();
    score_tasks();
    score_skills_and_technologies();
    settle_quality_of_work();
    finish_blocks();
    decide_verdict();
    collect_questions();
    return std::move(m_out);
  }

private:
  // The block with `id`; the loader guarantees all five exist.
  BlockScore &block(std::string_view id) {
    const int index = m_fw.block_index(id);
    return m_out.blocks.at(static_cast<std::size_t>(index));
  }

  void ask(UnknownRef ref, const std::string &rule) {
    // A derived attribute is unknown because what it is derived from is: ask for that.
    if (ref.task_field && ref.field == m_fw.task_field_index("affective_share")) {
      ref.field = m_fw.task_field_index("skills");
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
    list.push_back(RaisedAdvice{advice, {rule}});
  }

  void evaluate_rules() {
    for (std::size_t r = 0; r < m_fw.rules.size(); ++r) {
      const Rule &rule = m_fw.rules[r];
      const Evaluation result = evaluate(rule.when, m_uc);
      for (const auto &effect : rule.effects.points) {
        BlockScore &target = m_out.blocks[static_cast<std::size_t>(effect.block)];
        if (result.truth == Truth::unknown) {
          ++target.unknown;
        } else {
          ++target.known;
        }
        if (result.truth == Truth::yes) {
          target.terms.push_back(ScoreTerm{rule.id, effect.points, -1});
        }
      }
      for (const auto &effect : rule.effects.quality_of_work) {
        if (result.truth == Truth::yes) {
          m_qow_votes[static_cast<std::size_t>(effect.dimension)].push_back(
              QowReason{rule.id, effect.direction});
        } else if (result.truth == Truth::unknown) {
          m_qow_pending[static_cast<std::size_t>(effect.dimension)] = true;
        }
      }
      if (result.truth == Truth::unknown) {
        for (const auto &ref : result.unknowns) {
          ask(ref, rule.id);
        }
        continue;
      }
      if (result.truth != Truth::yes) {
        continue;
      }
      m_out.fired.push_back(FiredRule{static_cast<int>(r)});
      for (const int flag : rule.effects.flags) {
        const bool seen = std::any_of(m_out.flags.begin(), m_out.flags.end(),
                                      [&](const RaisedFlag &f) { return f.flag == flag; });
        if (!seen) {
          m_out.flags.push_back(RaisedFlag{flag, rule.id});
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
    std::stable_sort(m_out.flags.begin(), m_out.flags.end(), [&](const RaisedFlag &a, const RaisedFlag &b) {
      return m_fw.flags[static_cast<std::size_t>(a.flag)].severity >
             m_fw.flags[static_cast<std::size_t>(b.flag)].severity;
    });
  }

  void score_tasks() {
    const TaskSuitability &model = m_fw.scoring.task_suitability;
    long long sum = 0;
    int known_tasks = 0;
    BlockScore &tasks_block = block("tasks");
    for (std::size_t t = 0; t < m_uc.tasks.size(); ++t) {
      const TaskEntry &task = m_uc.tasks[t];
      TaskResult result;
      result.task = static_cast<int>(t);
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
        ++known_tasks;
        ++tasks_block.known;
      } else {
        ++tasks_block.unknown;
      }
      m_out.tasks.push_back(std::move(result));
    }
    if (known_tasks > 0) {
      tasks_block.terms.insert(tasks_block.terms.begin(),
                               ScoreTerm{"task-suitability", rounded(double(sum) / known_tasks), -1});
      tasks_block.has_computed_term = true;
    }
  }

  int grade_points(Grade grade) const { return m_fw.scoring.grade_points[static_cast<int>(grade)]; }

  void score_skills_and_technologies() {
    std::map<int, int> weights;
    BlockScore &skills_block = block("skills");
    const int skills_field = m_fw.task_field_index("skills");
    for (std::size_t t = 0; t < m_uc.tasks.size(); ++t) {
      const TaskEntry &task = m_uc.tasks[t];
      const bool known = task.item >= 0 ||
                         (skills_field >= 0 && task.attributes[static_cast<std::size_t>(skills_field)].known);
      if (!known) {
        ++skills_block.unknown;
        ask(UnknownRef{skills_field, static_cast<int>(t), true}, "skill-support");
        continue;
      }
      ++skills_block.known;
      for (const auto &skill : task.skills) {
        weights[skill.skill] += skill.weight;
      }
    }
    long long total_weight = 0;
    long long best_points = 0;
    for (const auto &[skill, weight] : weights) {
      SkillNeed need{skill, weight, Grade::none};
      for (const auto &cell : m_fw.support[static_cast<std::size_t>(skill)]) {
        need.best = std::max(need.best, cell.grade);
      }
      total_weight += weight;
      best_points += static_cast<long long>(weight) * grade_points(need.best);
      m_out.skills.push_back(need);
    }
    std::stable_sort(m_out.skills.begin(), m_out.skills.end(),
                     [](const SkillNeed &a, const SkillNeed &b) { return a.weight > b.weight; });
    if (total_weight == 0) {
      return;
    }
    skills_block.terms.insert(
        skills_block.terms.begin(),
        ScoreTerm{"skill-support", rounded(double(best_points) / double(total_weight)), -1});
    skills_block.has_computed_term = true;
    for (std::size_t tech = 0; tech < m_fw.technologies.size(); ++tech) {
      long long points = 0;
      for (const auto &[skill, weight] : weights) {
        points += static_cast<long long>(weight) *
                  grade_points(m_fw.support[static_cast<std::size_t>(skill)][tech].grade);
      }
      m_out.technologies.push_back(
          TechnologyFit{static_cast<int>(tech), rounded(double(points) / double(total_weight))});
    }
    std::stable_sort(m_out.technologies.begin(), m_out.technologies.end(),
                     [](const TechnologyFit &a, const TechnologyFit &b) { return a.fit > b.fit; });
    BlockScore &technology_block = block("technology");
    const int named_field = m_fw.field_index("ai.technology");
    if (named_field < 0) {
      return;
    }
    const FieldValue &named = m_uc.fields[static_cast<std::size_t>(named_field)];
    if (!named.known) {
      ++technology_block.unknown;
      ask(UnknownRef{named_field, -1, false}, "technology-fit");
      return;
    }
    const std::string &id = m_fw.fields[static_cast<std::size_t>(named_field)]
                                .domain.values[static_cast<std::size_t>(named.value)];
    const int tech = m_fw.technology_index(id);
    for (const auto &fit : m_out.technologies) {
      if (fit.technology == tech) {
        ++technology_block.known;
        technology_block.terms.insert(technology_block.terms.begin(),
                                      ScoreTerm{"technology-fit", fit.fit, -1});
        technology_block.has_computed_term = true;
      }
    }
  }

  Valence valence_of(const Dimension &dimension, QowDirection direction) const {
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

  void settle_quality_of_work() {
    BlockScore &qow_block = block("quality_of_work");
    const Scoring &scoring = m_fw.scoring;
    for (std::size_t d = 0; d < m_fw.dimensions.size(); ++d) {
      QowResult result;
      result.dimension = static_cast<int>(d);
      result.reasons = m_qow_votes[d];
      const bool up = std::any_of(result.reasons.begin(), result.reasons.end(),
                                  [](const QowReason &r) { return r.direction == Direction::up; });
      const bool down = std::any_of(result.reasons.begin(), result.reasons.end(),
                                    [](const QowReason &r) { return r.direction == Direction::down; });
      result.direction = up && down         ? QowDirection::mixed
                         : up               ? QowDirection::up
                         : down             ? QowDirection::down
                         : m_qow_pending[d] ? QowDirection::unknown
                                            : QowDirection::none;
      result.valence = valence_of(m_fw.dimensions[d], result.direction);
      if (result.direction == QowDirection::unknown) {
        ++qow_block.unknown;
      } else {
        ++qow_block.known;
      }
      const int points = result.valence == Valence::favourable     ? scoring.qow_favourable
                         : result.valence == Valence::unfavourable ? scoring.qow_unfavourable
                         : result.valence == Valence::mixed        ? scoring.qow_mixed
                                                                   : scoring.qow_neutral;
      if (points != 0) {
        qow_block.terms.push_back(ScoreTerm{"quality-of-work." + m_fw.dimensions[d].id, points, -1});
      }
      m_out.quality_of_work.push_back(std::move(result));
    }
  }

  void finish_blocks() {
    double weighted = 0;
    double weights = 0;
    int known_blocks = 0;
    for (auto &score : m_out.blocks) {
      const int units = score.known + score.unknown;
      const bool too_unknown = score.known == 0 || (score.needs_computed_term && !score.has_computed_term) ||
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
      const double weight = m_fw.blocks[static_cast<std::size_t>(score.block)].weight;
      weighted += weight * *score.score;
      weights += weight;
      ++known_blocks;
    }
    if (known_blocks >= m_fw.scoring.overall_min_blocks && weights > 0) {
      m_out.overall = rounded(weighted / weights);
    }
  }

  void decide_verdict() {
    const Scoring &s = m_fw.scoring;
    Verdict verdict = Verdict::conditional;
    if (m_out.overall) {
      const int overall = *m_out.overall;
      verdict = overall >= s.threshold_promising     ? Verdict::promising
                : overall >= s.threshold_conditional ? Verdict::conditional
                : overall >= s.threshold_limited     ? Verdict::limited
                                                     : Verdict::not_advised;
      m_out.verdict_reasons.push_back(VerdictReason{VerdictReasonKind::score, {}, -1});
    } else {
      // Too much is unknown to score: what is not known cannot make a use case promising.
      m_out.verdict_reasons.push_back(VerdictReason{VerdictReasonKind::insufficient_information, {}, -1});
    }
    m_out.verdict_from_score = verdict;
    const bool unscored =
        std::any_of(m_out.blocks.begin(), m_out.blocks.end(), [](const BlockScore &b) { return !b.score; });
    if (m_out.overall && unscored && verdict == Verdict::promising) {
      // A block left open is not a favourable block: the mean of the others cannot make
      // the use case promising.
      verdict = Verdict::conditional;
      m_out.verdict_reasons.push_back(VerdictReason{VerdictReasonKind::capped_by_unscored_blocks, {}, -1});
    }
    for (const auto &b : m_out.blocks) {
      if (b.score && *b.score < s.weak_block && verdict == Verdict::promising) {
        // Every building block must hold: a very weak one is not made good by the others.
        verdict = Verdict::conditional;
        m_out.verdict_reasons.push_back(
            VerdictReason{VerdictReasonKind::capped_by_weak_block, {}, -1, b.block});
      }
    }
    for (const auto &raised : m_out.flags) {
      const Severity severity = m_fw.flags[static_cast<std::size_t>(raised.flag)].severity;
      if (severity == Severity::knockout) {
        verdict = Verdict::not_advised;
        m_out.verdict_reasons.push_back(VerdictReason{VerdictReasonKind::knockout, raised.rule, raised.flag});
      } else if (severity == Severity::high && verdict == Verdict::promising) {
        verdict = Verdict::conditional;
        m_out.verdict_reasons.push_back(
            VerdictReason{VerdictReasonKind::capped_by_high_flag, raised.rule, raised.flag});
      }
    }
    m_out.verdict = verdict;
  }

  void collect_questions() {
    for (auto &[key, rules] : m_questions) {
      const auto [task_field, task, field] = key;
      m_out.open_questions.push_back(OpenQuestion{UnknownRef{field, task, task_field}, rules});
    }
  }

  const Framework &m_fw;
  const UseCase &m_uc;
  Assessment m_out;
  std::vector<std::vector<QowReason>> m_qow_votes;
  std::vector<bool> m_qow_pending;
  std::map<std::tuple<bool, int, int>, std::vector<std::string>> m_questions;
};

} // namespace

Assessment assess(const Framework &framework, const UseCase &use_case) {
  return Run(framework, use_case).run();
}

} // namespace kansrijk::core
