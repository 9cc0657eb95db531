// The verdict range: depth-first search over the open answers with bounds; see range.hpp.
#include "scoring_parts.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/core/range.hpp>
#include <map>
#include <memory>
#include <tuple>

namespace kansrijk::core {

namespace {

Interval clamp(Interval value) { return {std::clamp(value.low, 0, 100), std::clamp(value.high, 0, 100)}; }

Interval add(Interval a, Interval b) { return {a.low + b.low, a.high + b.high}; }

// The bounds of one building block over the completions, or nullopt when no completion
// gives it a score.
// What the needed skills give the skill and technology blocks. It depends only on which tasks
// are scored and, for an own task, on its skills (whether they are settled, and which), so a
// search keeps it per such key.
struct SkillPart {
  bool complete = true;
  int support = -1;
  std::vector<TechnologyFit> fits;
};

class SkillCache {
public:
  // The skill part of `use_case`, from the cache when it can be.
  const SkillPart &get(const Framework &framework, const UseCase &use_case) {
    // The key: which tasks are scored, one bit per task (any number of tasks), then for each
    // scored own task whether its skills are settled and its skills with their weights.
    m_key.assign((use_case.tasks.size() + 63) / 64, 0);
    const int skills_field = framework.task_field_with(FieldRole::task_skills);
    for (std::size_t t = 0; t < use_case.tasks.size(); ++t) {
      const TaskEntry &task = use_case.tasks[t];
      if (!detail::task_is_scored(framework, task)) {
        continue;
      }
      m_key[t / 64] |= std::uint64_t{1} << (t % 64);
      if (task.item >= 0) {
        continue;
      }
      const bool settled =
          skills_field >= 0 && is_settled(task.attributes[static_cast<std::size_t>(skills_field)]);
      m_key.push_back(settled ? task.skills.size() + 1 : 0);
      if (!settled) {
        continue;
      }
      for (const auto &skill : task.skills) {
        m_key.push_back(std::uint64_t{static_cast<std::uint32_t>(skill.skill)} << 32U |
                        static_cast<std::uint32_t>(skill.weight));
      }
    }
    if (const auto found = m_entries.find(m_key); found != m_entries.end()) {
      return found->second;
    }
    SkillPart part;
    const detail::SkillNeeds needs = detail::skill_needs(framework, use_case);
    part.complete = needs.complete;
    if (needs.complete) {
      part.support = detail::skill_support(framework, needs.weights);
      part.fits = detail::technology_fits(framework, needs.weights);
    }
    return m_entries.emplace(m_key, std::move(part)).first->second;
  }

private:
  std::map<std::vector<std::uint64_t>, SkillPart> m_entries; // one per key met
  std::vector<std::uint64_t> m_key;
};

// What the bounds of one search reuse from point to point: the skill parts by set of scored
// tasks, and buffers (the rules' truth, the flags' state, the facts and their sheet), so a
// point allocates little.
// The rules' effects that bounds read, as flat lists (a rule is a large struct, and most rules
// have no effect of a given kind): built once per search.
struct EffectIndex {
  struct OnFlag {
    int rule;
    int flag;
  };
  struct OnPoints {
    int rule;
    int block;
    int points;
  };
  struct OnDimension {
    int rule;
    int dimension;
    bool up;
  };
  std::vector<OnFlag> flags;
  std::vector<OnPoints> points;
  std::vector<OnDimension> dimensions;
  // Per dimension: the points of its valence when it goes [up][down] (0 no, 1 yes).
  std::vector<std::array<std::array<int, 2>, 2>> dimension_points;

  explicit EffectIndex(const Framework &framework) {
    for (const auto &dimension : framework.dimensions) {
      auto &table = dimension_points.emplace_back();
      for (const bool is_up : {false, true}) {
        for (const bool is_down : {false, true}) {
          table[is_up ? 1 : 0][is_down ? 1 : 0] = detail::valence_points(
              framework.scoring, detail::valence_of(dimension, detail::direction_of(is_up, is_down, false)));
        }
      }
    }
    for (std::size_t r = 0; r < framework.rules.size(); ++r) {
      const int rule = static_cast<int>(r);
      const auto &effects = framework.rules[r].effects;
      for (const int flag : effects.flags) {
        flags.push_back({rule, flag});
      }
      for (const auto &effect : effects.points) {
        points.push_back({rule, effect.block, effect.points});
      }
      for (const auto &effect : effects.quality_of_work) {
        dimensions.push_back({rule, effect.dimension, effect.direction == Direction::up});
      }
    }
  }
};

struct Workspace {
  explicit Workspace(const Framework &framework) : effects(framework) {}
  EffectIndex effects;
  SkillCache skills;
  std::vector<int> state;
  std::vector<Interval> sums; // per block
  std::vector<int> units;     // per block
  std::vector<int> up;        // per dimension
  std::vector<int> down;      // per dimension
  FactValues facts;
  UseCase sheet;
  std::vector<UnknownRef> unknowns;
  std::vector<UnknownRef> reads; // first_open_answer's buffer
};

// Every open answer that an open rule reads (the answer that decides it), once per read,
// sorted into `out`: a run of equal answers is how many open rules read that one.
void sorted_reads(const Framework &framework,
                  const UseCase &use_case,
                  const std::vector<Evaluation> &outcomes,
                  std::vector<UnknownRef> &out) {
  out.clear();
  for (const auto &result : outcomes) {
    for (const auto &read : result.unknowns) {
      out.push_back(deciding_answer(framework, use_case, read));
    }
  }
  std::sort(out.begin(), out.end());
}

// Calls `each(answer, count)` for every run of `sorted`, in order.
template <typename Each> void for_each_run(const std::vector<UnknownRef> &sorted, Each each) {
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) {
      ++j;
    }
    each(sorted[i], static_cast<int>(j - i));
    i = j;
  }
}

// How many open rules read each open answer, in the order of UnknownRef.
std::vector<std::pair<UnknownRef, int>> open_rule_counts(const Framework &framework,
                                                         const UseCase &use_case,
                                                         const std::vector<Evaluation> &outcomes) {
  std::vector<UnknownRef> reads;
  sorted_reads(framework, use_case, outcomes, reads);
  std::vector<std::pair<UnknownRef, int>> weight;
  for_each_run(reads, [&](const UnknownRef &ref, int count) { weight.emplace_back(ref, count); });
  return weight;
}

// Open answers that matter, most-read first (how many open rules read each), then
// `score_answers`: those only the scores read.
std::vector<UnknownRef> open_answers_of(const Framework &framework,
                                        const UseCase &use_case,
                                        const std::vector<Evaluation> &outcomes,
                                        const std::vector<UnknownRef> &score_answers) {
  const auto weight = open_rule_counts(framework, use_case, outcomes);
  std::vector<UnknownRef> open;
  std::vector<std::pair<int, UnknownRef>> ranked;
  ranked.reserve(weight.size());
  for (const auto &[ref, count] : weight) {
    ranked.emplace_back(count, ref);
  }
  for (const auto &ref : score_answers) {
    if (!std::binary_search(weight.begin(), weight.end(), std::pair(ref, 0),
                            [](const auto &a, const auto &b) { return a.first < b.first; })) {
      ranked.emplace_back(0, ref);
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto &a, const auto &b) { return a.first > b.first; });
  for (const auto &[count, ref] : ranked) {
    if (std::find(open.begin(), open.end(), ref) == open.end()) {
      open.push_back(ref);
    }
  }
  return open;
}

// The first of open_answers_of, without ordering the rest (a search splits on it alone): the
// answer most open rules read (the first in UnknownRef order of those), else the first answer
// only the scores read. `scratch` is a buffer for the reads.
std::optional<UnknownRef> first_open_answer(const Framework &framework,
                                            const UseCase &use_case,
                                            const std::vector<Evaluation> &outcomes,
                                            const std::vector<UnknownRef> &score_answers,
                                            std::vector<UnknownRef> &scratch) {
  sorted_reads(framework, use_case, outcomes, scratch);
  std::optional<UnknownRef> best;
  // First an answer an interview leaves one or few possibilities: a skipped question, or one
  // a given answer's question depends on ("medical details: yes" leaves health only "yes").
  std::optional<UnknownRef> implied;
  int best_count = 0;
  for_each_run(scratch, [&](const UnknownRef &ref, int count) {
    if (!implied && !ref.task_field &&
        (skipped_question(framework, use_case, ref.field) ||
         constrained_by_given(framework, use_case, ref.field))) {
      implied = ref;
    }
    if (count > best_count) { // strictly more: the first in order wins a tie
      best = ref;
      best_count = count;
    }
  });
  if (implied) {
    return implied;
  }
  if (best) {
    return best;
  }
  if (!score_answers.empty()) {
    return score_answers.front();
  }
  return std::nullopt;
}

class BoundsRun {
public:
  BoundsRun(const Framework &framework,
            const UseCase &use_case,
            const std::vector<Evaluation> &outcomes,
            Workspace &work)
      : m_fw(framework), m_uc(use_case), m_outcomes(outcomes), m_work(work) {}

  // The bounds; with `with_open`, also the open answers that matter (a search needs them only
  // at the points it splits).
  Bounds run(bool with_open) {
    // Flags: raised for certain, or possibly.
    FactValues &facts = m_work.facts;
    facts.raised.clear();
    facts.possible.clear();
    facts.overall.reset();
    facts.unknown_share = 0;
    facts.bounds = true;
    std::vector<int> &state = m_work.state;
    state.assign(m_fw.flags.size(), 0); // 2 raised, 1 possible
    for (const auto &[rule, flag] : m_work.effects.flags) {
      if (flag_resolved(m_fw, m_uc, flag)) {
        continue; // resolved by conditions the use case states as arranged
      }
      const Truth t = truth(rule);
      if (t != Truth::no) {
        int &slot = state[static_cast<std::size_t>(flag)];
        slot = std::max(slot, t == Truth::yes ? 2 : 1);
      }
    }
    for (std::size_t f = 0; f < state.size(); ++f) {
      if (state[f] == 2) {
        facts.raised.push_back(static_cast<int>(f));
      } else if (state[f] == 1) {
        facts.possible.push_back(static_cast<int>(f));
      }
    }
    // Blocks.
    bool exact = true;
    block_bounds(facts.blocks, exact);
    double weights = 0;
    double low = 0;
    double high = 0;
    int scored = 0;
    for (std::size_t b = 0; b < facts.blocks.size(); ++b) {
      const auto &score = facts.blocks[b];
      if (!score) {
        continue;
      }
      const double w = m_fw.blocks[b].weight;
      weights += w;
      low += w * score->low;
      high += w * score->high;
      ++scored;
    }
    Bounds out;
    if (scored >= m_fw.scoring.overall_min_blocks && weights > 0) {
      facts.overall = Interval{detail::rounded(low / weights), detail::rounded(high / weights)};
    }
    out.overall = facts.overall;
    // The policy over the bounds: a step that holds caps every completion; one that may hold
    // caps some.
    fact_sheet_into(m_fw, facts, m_work.sheet);
    const UseCase &sheet = m_work.sheet;
    out.best = facts.overall ? verdict_for_score(m_fw.verdict, facts.overall->high)
                             : Verdict::insufficient_information;
    out.worst = facts.overall ? verdict_for_score(m_fw.verdict, facts.overall->low)
                              : Verdict::insufficient_information;
    for (const auto &step : m_fw.verdict.steps) {
      if (favourability(step.at_most) >= favourability(out.best)) {
        continue; // caps nothing here, whether it holds or not (worst is never above best)
      }
      const Truth holds = truth_of(step.when, sheet, m_work.unknowns);
      if (holds == Truth::yes) {
        out.best = least_favourable(out.best, step.at_most);
      }
      if (holds != Truth::no) {
        out.worst = least_favourable(out.worst, step.at_most);
      }
    }
    const bool overall_point = !out.overall || out.overall->low == out.overall->high;
    out.point = out.best == out.worst && overall_point && exact;
    if (with_open) {
      out.open = open_answers();
    }
    return out;
  }

  // Open answers that matter, most-read first; then those only the scores read (call after
  // run, which finds the latter).
  std::vector<UnknownRef> open_answers() { return open_answers_of(m_fw, m_uc, m_outcomes, m_score_answers); }

  // The open answers that only scoring reads, found by run.
  std::vector<UnknownRef> take_score_answers() { return std::move(m_score_answers); }

  // The truth of rule `r` at this point.
  [[nodiscard]] Truth truth(int r) const { return m_outcomes[static_cast<std::size_t>(r)].truth; }

  // Each block's score over the completions into `out` (nullopt: no completion gives it one).
  void block_bounds(std::vector<std::optional<Interval>> &out, bool &exact) {
    out.assign(m_fw.blocks.size(), std::nullopt);
    std::vector<Interval> &sums = m_work.sums;
    std::vector<int> &units = m_work.units;
    sums.resize(m_fw.blocks.size());
    units.assign(m_fw.blocks.size(), 0);
    for (std::size_t b = 0; b < m_fw.blocks.size(); ++b) {
      sums[b] = Interval{m_fw.blocks[b].base, m_fw.blocks[b].base};
    }
    for (const auto &[rule, block, points] : m_work.effects.points) {
      auto &sum = sums[static_cast<std::size_t>(block)];
      ++units[static_cast<std::size_t>(block)];
      const Truth t = truth(rule);
      if (t == Truth::yes) {
        sum = add(sum, Interval{points, points});
      } else if (t == Truth::unknown) {
        sum = add(sum, Interval{std::min(0, points), std::max(0, points)});
      }
    }
    for (std::size_t b = 0; b < m_fw.blocks.size(); ++b) {
      const Block &block = m_fw.blocks[b];
      std::optional<Interval> computed;
      bool has_term = true;
      switch (block.computed) {
      case Computed::none:
        break;
      case Computed::task_suitability:
        computed = task_suitability();
        has_term = computed.has_value();
        break;
      case Computed::skill_support:
      case Computed::technology_fit:
        computed = skills_or_technology(block.computed, exact);
        has_term = computed.has_value();
        break;
      case Computed::quality_of_work:
        computed = quality_of_work();
        ++units[b]; // dimensions always inform this block in a completion
        break;
      }
      if (block.rests_on_computed()) {
        ++units[b];
        if (!has_term) {
          continue; // no completion gives it a score
        }
      }
      if (units[b] == 0) {
        continue;
      }
      Interval sum = sums[b];
      if (computed) {
        sum = add(sum, *computed);
      }
      out[b] = clamp(sum);
    }
  }

  // The mean suitability of the scored tasks; unknown attributes of own tasks at their
  // lowest and highest points.
  std::optional<Interval> task_suitability() {
    const TaskSuitability &model = m_fw.scoring.task_suitability;
    long long low = 0;
    long long high = 0;
    int tasks = 0;
    for (std::size_t t = 0; t < m_uc.tasks.size(); ++t) {
      const TaskEntry &task = m_uc.tasks[t];
      if (!detail::task_is_scored(m_fw, task)) {
        continue;
      }
      Interval points{model.base, model.base};
      for (std::size_t a = 0; a < model.attributes.size(); ++a) {
        const auto &[path, levels] = model.attributes[a];
        const int field =
            a < model.attribute_fields.size() ? model.attribute_fields[a] : m_fw.task_field_index(path);
        const FieldValue &value = task.attributes[static_cast<std::size_t>(field)];
        if (value.known && value.value >= 0) {
          points = add(points, Interval{levels[static_cast<std::size_t>(value.value)],
                                        levels[static_cast<std::size_t>(value.value)]});
          continue;
        }
        points = add(points, Interval{*std::min_element(levels.begin(), levels.end()),
                                      *std::max_element(levels.begin(), levels.end())});
        m_score_answers.push_back(UnknownRef{field, static_cast<int>(t), true});
      }
      points = clamp(points);
      low += points.low;
      high += points.high;
      ++tasks;
    }
    if (tasks == 0) {
      return std::nullopt;
    }
    return Interval{detail::rounded(double(low) / tasks), detail::rounded(double(high) / tasks)};
  }

  std::optional<Interval> skills_or_technology(Computed which, bool &exact) {
    if (m_part == nullptr) {
      m_part = &m_work.skills.get(m_fw, m_uc); // the same for both blocks
    }
    const SkillPart &part = *m_part;
    if (!part.complete) {
      // Own tasks whose skills are open: their skills are not tried one by one (there are too
      // many combinations), so the score can be anything.
      exact = false;
      return Interval{0, 100};
    }
    if (which == Computed::skill_support) {
      const int support = part.support;
      return support < 0 ? std::nullopt : std::optional<Interval>(Interval{support, support});
    }
    const auto &fits = part.fits;
    if (fits.empty()) {
      return std::nullopt;
    }
    const int named = detail::named_technology(m_fw, m_uc);
    if (named == -2) {
      return std::nullopt;
    }
    if (named >= 0) {
      for (const auto &fit : fits) {
        if (fit.technology == named) {
          return Interval{fit.fit, fit.fit};
        }
      }
      return std::nullopt;
    }
    m_score_answers.push_back(UnknownRef{m_fw.field_with(FieldRole::technology), -1, false});
    return Interval{fits.back().fit, fits.front().fit};
  }

  // Points per dimension: each direction a dimension can still take, at its valence's points.
  Interval quality_of_work() {
    std::vector<int> &up = m_work.up; // 2 certain, 1 possible
    std::vector<int> &down = m_work.down;
    up.assign(m_fw.dimensions.size(), 0);
    down.assign(m_fw.dimensions.size(), 0);
    for (const auto &[rule, dimension, is_up] : m_work.effects.dimensions) {
      const Truth t = truth(rule);
      if (t == Truth::no) {
        continue;
      }
      int &slot = (is_up ? up : down)[static_cast<std::size_t>(dimension)];
      slot = std::max(slot, t == Truth::yes ? 2 : 1);
    }
    Interval total;
    for (std::size_t d = 0; d < m_fw.dimensions.size(); ++d) {
      int low = 1000;
      int high = -1000;
      for (const bool is_up : {false, true}) {
        for (const bool is_down : {false, true}) {
          const bool up_ok = is_up ? up[d] > 0 : up[d] < 2;
          const bool down_ok = is_down ? down[d] > 0 : down[d] < 2;
          if (!up_ok || !down_ok) {
            continue;
          }
          const int points = m_work.effects.dimension_points[d][is_up ? 1 : 0][is_down ? 1 : 0];
          low = std::min(low, points);
          high = std::max(high, points);
        }
      }
      total = add(total, Interval{low, high});
    }
    return total;
  }

  const Framework &m_fw;
  const UseCase &m_uc;
  const std::vector<Evaluation> &m_outcomes;
  Workspace &m_work;
  std::vector<UnknownRef> m_score_answers; // open answers that only scoring reads
  const SkillPart *m_part = nullptr;       // the skill part, once a block needed it
};

std::vector<Evaluation> evaluate_rules(const Framework &framework, const UseCase &use_case) {
  std::vector<Evaluation> outcomes(framework.rules.size());
  for (std::size_t r = 0; r < outcomes.size(); ++r) {
    outcomes[r] = evaluate(framework.rules[r].when, use_case);
  }
  return outcomes;
}

// One point of the search, apart from its use case and outcomes (which the search keeps in one
// place and changes along its path): its bounds, and the open answers only its scores read.
struct Point {
  Bounds bounds;
  std::vector<UnknownRef> score_answers;
};

// What the search has found so far, and whether a point can still add to it.
struct Found {
  bool any = false;
  Verdict best = Verdict::not_advised;
  Verdict worst = Verdict::promising;
  bool scores = false; // also the overall score's range
  std::optional<int> high;
  std::optional<int> low;

  // A range known to hold every completion (the range of a use case this one refines): the
  // verdict bounds of a point are narrowed to it.
  std::optional<std::pair<Verdict, Verdict>> within;

  [[nodiscard]] std::pair<Verdict, Verdict> verdicts(const Bounds &b) const {
    if (!within) {
      return {b.best, b.worst};
    }
    const Verdict best_in = least_favourable(b.best, within->first);
    const Verdict worst_in =
        favourability(b.worst) >= favourability(within->second) ? b.worst : within->second;
    if (favourability(best_in) < favourability(worst_in)) {
      return {b.best, b.worst}; // cannot happen for a true outer range; keep the point's own
    }
    return {best_in, worst_in};
  }

  // Whether some completion below a point with bounds `b` can widen what was found.
  [[nodiscard]] bool can_widen(const Bounds &b) const {
    const auto [b_best, b_worst] = verdicts(b);
    if (!any || favourability(b_best) > favourability(best) ||
        favourability(b_worst) < favourability(worst)) {
      return true;
    }
    return scores && b.overall && (!high || b.overall->high > *high || !low || b.overall->low < *low);
  }

  void add(const Bounds &bounds) {
    Bounds b = bounds;
    std::tie(b.best, b.worst) = verdicts(bounds);
    best = any && favourability(best) >= favourability(b.best) ? best : b.best;
    worst = any && favourability(worst) <= favourability(b.worst) ? worst : b.worst;
    any = true;
    if (b.overall) {
      high = high ? std::max(*high, b.overall->high) : b.overall->high;
      low = low ? std::min(*low, b.overall->low) : b.overall->low;
    }
  }
};

// An answer given in a use case, with the outcomes of the rules that read it (`changed`)
// evaluated again; both taken back when this goes out of scope.
class AnsweredAt {
public:
  AnsweredAt(const Framework &framework,
             UseCase &use_case,
             std::vector<Evaluation> &outcomes,
             const UnknownRef &ref,
             const FieldValue &value,
             const std::vector<int> &changed)
      : m_outcomes(outcomes), m_given(framework, use_case, ref, value), m_changed(changed) {
    m_before.reserve(changed.size());
    for (const int r : changed) {
      auto &outcome = outcomes[static_cast<std::size_t>(r)];
      m_before.push_back(std::move(outcome));
      outcome = evaluate(framework.rules[static_cast<std::size_t>(r)].when, use_case);
    }
  }
  ~AnsweredAt() {
    for (std::size_t i = 0; i < m_changed.size(); ++i) {
      m_outcomes[static_cast<std::size_t>(m_changed[i])] = std::move(m_before[i]);
    }
  }
  AnsweredAt(const AnsweredAt &) = delete;
  AnsweredAt &operator=(const AnsweredAt &) = delete;
  AnsweredAt(AnsweredAt &&) = delete;
  AnsweredAt &operator=(AnsweredAt &&) = delete;

private:
  std::vector<Evaluation> &m_outcomes;
  GivenAnswer m_given;
  const std::vector<int> &m_changed;
  std::vector<Evaluation> m_before;
};

// Depth-first over the open answers: a point that cannot widen what was found is not
// searched further; children are visited widest first, so the extremes are found early and
// the rest is cut off (branch and bound). Beyond `limit` points, a point's own bounds stand in
// for what is below it and the range is marked approximate.
class Search {
public:
  // `use_case` (a search_copy) and `outcomes` (its rules' outcomes) are the root; the search
  // changes them along its path and leaves them as it found them.
  Search(const Framework &framework,
         std::size_t limit,
         VerdictRange &range,
         Found &found,
         UseCase &use_case,
         std::vector<Evaluation> &outcomes,
         Workspace &work)
      : m_fw(framework), m_limit(limit), m_range(range), m_found(found), m_uc(use_case), m_outcomes(outcomes),
        m_work(work) {}

  // The bounds of the point the search is at.
  Point here() {
    BoundsRun run(m_fw, m_uc, m_outcomes, m_work);
    Point out;
    out.bounds = run.run(false);
    out.score_answers = run.take_score_answers();
    return out;
  }

  void visit(const Point &point) {
    ++m_range.explored;
    if (!m_found.can_widen(point.bounds)) {
      return;
    }
    if (point.bounds.point || m_range.explored > m_limit) {
      if (!point.bounds.point) {
        m_range.exact = false;
      }
      m_found.add(point.bounds);
      return;
    }
    const auto first = first_open_answer(m_fw, m_uc, m_outcomes, point.score_answers, m_work.reads);
    if (!first) {
      m_range.exact = false;
      m_found.add(point.bounds);
      return;
    }
    const UnknownRef ref = *first;
    bool approximate = false;
    const auto values = answers_for(m_fw, m_uc, ref, approximate);
    if (values.empty()) {
      m_range.exact = false;
      m_found.add(point.bounds);
      return;
    }
    if (approximate) {
      m_range.exact = false;
    }
    // Each child re-evaluates only the rules that read the answer it gives.
    const auto &changed = rules_reading(m_fw, ref);
    std::vector<std::pair<std::size_t, Point>> children; // value index, point
    children.reserve(values.size());
    for (std::size_t v = 0; v < values.size(); ++v) {
      const Answered answered(*this, ref, values[v], changed);
      children.emplace_back(v, here());
    }
    const auto width = [](const Bounds &b) {
      return std::pair(favourability(b.best) - favourability(b.worst),
                       b.overall ? b.overall->high - b.overall->low : -1);
    };
    std::stable_sort(children.begin(), children.end(), [&](const auto &a, const auto &b) {
      return width(a.second.bounds) > width(b.second.bounds);
    });
    for (const auto &[v, child] : children) {
      if (!m_found.can_widen(child.bounds)) {
        ++m_range.explored; // as visit() counts it, without giving the answer again
        continue;
      }
      const Answered answered(*this, ref, values[v], changed);
      visit(child);
    }
  }

private:
  // An answer given at the search's point, taken back when this goes out of scope.
  class Answered : public AnsweredAt {
  public:
    Answered(Search &search, const UnknownRef &ref, const FieldValue &value, const std::vector<int> &changed)
        : AnsweredAt(search.m_fw, search.m_uc, search.m_outcomes, ref, value, changed) {}
  };

  const Framework &m_fw;
  std::size_t m_limit;
  VerdictRange &m_range;
  Found &m_found;
  UseCase &m_uc;
  std::vector<Evaluation> &m_outcomes;
  Workspace &m_work;
};

} // namespace

Bounds completion_bounds(const Framework &framework, const UseCase &use_case) {
  const auto outcomes = evaluate_rules(framework, use_case);
  Workspace work(framework);
  BoundsRun run(framework, use_case, outcomes, work);
  return run.run(true);
}

namespace {

// The range of the use case `work` is at (a search_copy, `outcomes` its rules' outcomes).
VerdictRange search_range(const Framework &framework,
                          UseCase &work,
                          std::vector<Evaluation> &outcomes,
                          Workspace &workspace,
                          std::size_t limit,
                          bool scores,
                          const VerdictRange *within) {
  VerdictRange range;
  range.computed = true;
  Found found;
  if (within != nullptr && within->computed) {
    found.within = std::pair(within->best, within->worst);
  }
  Search search(framework, limit, range, found, work, outcomes, workspace);
  const Point root = search.here();
  // The overall score needs a search of its own only when the root leaves it open.
  const auto &overall = root.bounds.overall;
  found.scores = scores && overall && overall->low != overall->high;
  search.visit(root);
  range.best = found.best;
  range.worst = found.worst;
  if (found.scores) {
    range.overall_min = found.low;
    range.overall_max = found.high;
  } else if (overall && overall->low == overall->high) {
    range.overall_min = overall->low; // settled already
    range.overall_max = overall->high;
  }
  return range;
}

// A use case made ready for searches: its search copy, its rules' outcomes and a workspace.
struct Prepared {
  Prepared(const Framework &framework, const UseCase &use_case)
      : work(search_copy(use_case)), outcomes(evaluate_rules(framework, work)), workspace(framework) {}
  UseCase work;
  std::vector<Evaluation> outcomes;
  Workspace workspace;
};

} // namespace

VerdictRange verdict_range(const Framework &framework,
                           const UseCase &use_case,
                           std::size_t limit,
                           bool scores,
                           const VerdictRange *within) {
  Prepared prepared(framework, use_case);
  return search_range(framework, prepared.work, prepared.outcomes, prepared.workspace, limit, scores, within);
}

VerdictRange verdict_range(const Framework &framework,
                           SearchCopy copy,
                           std::vector<Evaluation> &outcomes,
                           std::size_t limit,
                           bool scores) {
  Workspace workspace(framework);
  return search_range(framework, copy.use_case, outcomes, workspace, limit, scores, nullptr);
}

struct AnswerRanges::State : Prepared {
  using Prepared::Prepared;
};

AnswerRanges::AnswerRanges(const Framework &framework,
                           const UseCase &use_case,
                           const VerdictRange &now,
                           std::size_t limit)
    : m_fw(framework), m_now(now), m_limit(limit), m_state(std::make_unique<State>(framework, use_case)) {}

AnswerRanges::~AnswerRanges() = default;

VerdictRange AnswerRanges::with(const UnknownRef &ref, const FieldValue &value) {
  const AnsweredAt answered(m_fw, m_state->work, m_state->outcomes, ref, value, rules_reading(m_fw, ref));
  return search_range(m_fw, m_state->work, m_state->outcomes, m_state->workspace, m_limit, false, &m_now);
}

struct ChangedBounds::State : Prepared {
  using Prepared::Prepared;
};

ChangedBounds::ChangedBounds(const Framework &framework, const UseCase &use_case)
    : m_fw(framework), m_state(std::make_unique<State>(framework, use_case)) {}

ChangedBounds::~ChangedBounds() = default;

Bounds ChangedBounds::with(const UnknownRef &ref, const FieldValue &value) {
  const AnsweredAt answered(m_fw, m_state->work, m_state->outcomes, ref, value, rules_reading(m_fw, ref));
  return BoundsRun(m_fw, m_state->work, m_state->outcomes, m_state->workspace).run(false);
}

VerdictRange ChangedBounds::range(const UnknownRef &ref, const FieldValue &value, std::size_t limit) {
  const AnsweredAt answered(m_fw, m_state->work, m_state->outcomes, ref, value, rules_reading(m_fw, ref));
  return search_range(m_fw, m_state->work, m_state->outcomes, m_state->workspace, limit, false, nullptr);
}

Verdict limit_by_range(Verdict policy_verdict, const VerdictRange &range) {
  if (range.exact && range.best == range.worst) {
    return range.best;
  }
  return favourability(range.best) < favourability(policy_verdict) ? range.best : policy_verdict;
}

} // namespace kansrijk::core
