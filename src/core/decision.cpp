// Decision support: open questions ranked by what their answer can change, and the smallest
// changes to design choices that make a verdict more favourable. See decision.hpp.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/core/range.hpp>
#include <map>
#include <memory>
#include <thread>

namespace kansrijk::core {

namespace {

int width(const AnswerOutcome &o) { return favourability(o.best) - favourability(o.worst); }

bool same_outcome(const AnswerOutcome &a, const AnswerOutcome &b) {
  return a.best == b.best && a.worst == b.worst && a.exact == b.exact;
}

const FieldValue &value_at(const UseCase &use_case, const UnknownRef &ref) {
  return ref.task_field ? use_case.tasks[static_cast<std::size_t>(ref.task)]
                              .attributes[static_cast<std::size_t>(ref.field)]
                        : use_case.fields[static_cast<std::size_t>(ref.field)];
}

const FieldDecl &decl_at(const Framework &framework, const UnknownRef &ref) {
  return ref.task_field ? framework.task_fields[static_cast<std::size_t>(ref.field)]
                        : framework.fields[static_cast<std::size_t>(ref.field)];
}

// What every rule condition reads, for the list members worth asking about.
Reads rule_reads(const Framework &framework) {
  Reads reads;
  for (const auto &rule : framework.rules) {
    collect_reads(rule.when, reads);
  }
  return reads;
}

// The list members a question about the list field of `ref` can ask: the one the evaluator
// named, else the members a condition tests, else every member still open.
std::vector<int>
members_to_ask(const FieldDecl &decl, const FieldValue &current, const UnknownRef &ref, const Reads &reads) {
  std::vector<int> members;
  if (ref.member >= 0) {
    members.push_back(ref.member);
    return members;
  }
  const auto tested = reads.members.find(decl.path);
  const bool whole = reads.read_whole.contains(decl.path) || tested == reads.members.end();
  for (std::size_t i = 0; i < decl.domain.values.size(); ++i) {
    const int m = static_cast<int>(i);
    const bool open = !current.known || std::find(current.possible.begin(), current.possible.end(), m) !=
                                            current.possible.end();
    if (open && (whole || tested->second.contains(decl.domain.values[i]))) {
      members.push_back(m);
    }
  }
  return members;
}

// The two answers to "is `member` in the list?": in first, then out.
std::vector<FieldValue> member_answers(const FieldDecl &decl, const FieldValue &current, int member) {
  FieldValue start = current;
  if (!start.known) {
    start.known = true;
    start.values.clear();
    start.possible.clear();
    for (std::size_t i = 0; i < decl.domain.values.size(); ++i) {
      start.possible.push_back(static_cast<int>(i));
    }
  }
  FieldValue in = start;
  FieldValue out = start;
  const auto drop = [member](FieldValue &v) {
    v.possible.erase(std::remove(v.possible.begin(), v.possible.end(), member), v.possible.end());
  };
  drop(in);
  drop(out);
  in.values.insert(std::lower_bound(in.values.begin(), in.values.end(), member), member);
  return {in, out};
}

// One open question to rank: its answers, each to be given a range.
struct Asked {
  UnknownRef ref;
  const std::vector<std::string> *rules;
  std::vector<FieldValue> answers;
  bool approximate = false;
};

// The range of every answer of every question in `asked`, in order, on up to `threads`
// threads (each with its own AnswerRanges; the searches are independent, so the result is the
// same for any number). `now` is the range of the use case: every answer's range lies within
// it, so an exact range of one verdict is every answer's range, without a search.
std::vector<VerdictRange> answer_ranges(const Framework &framework,
                                        const UseCase &base,
                                        const VerdictRange &now,
                                        const std::vector<Asked> &asked,
                                        std::size_t limit,
                                        unsigned threads) {
  std::vector<std::pair<std::size_t, std::size_t>> work; // question, answer
  for (std::size_t q = 0; q < asked.size(); ++q) {
    for (std::size_t a = 0; a < asked[q].answers.size(); ++a) {
      work.emplace_back(q, a);
    }
  }
  std::vector<VerdictRange> out(work.size(), now);
  if (now.computed && now.exact && now.best == now.worst) {
    return out;
  }
  std::atomic<std::size_t> next{0};
  const auto run = [&] {
    AnswerRanges ranges(framework, base, now, limit);
    for (std::size_t i = next++; i < work.size(); i = next++) {
      const Asked &question = asked[work[i].first];
      out[i] = ranges.with(question.ref, question.answers[work[i].second]);
    }
  };
  // A thread for every eight searches or more (a thread costs about as much as a few searches).
  const unsigned helpers = std::clamp(static_cast<unsigned>(work.size() / 8), 1U, std::max(threads, 1U)) - 1;
  std::vector<std::thread> pool;
  std::vector<std::exception_ptr> failed(helpers + 1);
  for (unsigned t = 0; t < helpers; ++t) {
    pool.emplace_back([&, t] {
      try {
        run();
      } catch (...) {
        failed[t] = std::current_exception();
      }
    });
  }
  try {
    run();
  } catch (...) {
    failed[helpers] = std::current_exception();
  }
  for (auto &thread : pool) {
    thread.join();
  }
  for (const auto &error : failed) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
  return out;
}

RankedQuestion rank_one(const Asked &asked, const VerdictRange *ranges) {
  RankedQuestion question;
  question.ref = asked.ref;
  question.rules = *asked.rules;
  question.approximate = asked.approximate;
  for (std::size_t a = 0; a < asked.answers.size(); ++a) {
    const VerdictRange &range = ranges[a];
    const FieldValue &answer = asked.answers[a];
    AnswerOutcome outcome{{answer}, range.best, range.worst, range.exact && !asked.approximate};
    const auto same = std::find_if(question.outcomes.begin(), question.outcomes.end(),
                                   [&](const AnswerOutcome &o) { return same_outcome(o, outcome); });
    if (same != question.outcomes.end()) {
      same->answers.push_back(answer);
    } else {
      question.outcomes.push_back(std::move(outcome));
    }
  }
  question.can_change = question.outcomes.size() > 1;
  // The most favourable outcome first.
  std::stable_sort(question.outcomes.begin(), question.outcomes.end(),
                   [](const AnswerOutcome &a, const AnswerOutcome &b) {
                     return std::pair(favourability(a.best), favourability(a.worst)) >
                            std::pair(favourability(b.best), favourability(b.worst));
                   });
  return question;
}

} // namespace

std::vector<RankedQuestion> rank_questions(const Framework &framework,
                                           const UseCase &use_case,
                                           const Assessment &assessment,
                                           std::size_t limit,
                                           unsigned threads) {
  std::vector<RankedQuestion> ranked;
  if (assessment.open_questions.empty()) {
    return ranked;
  }
  const Reads reads = rule_reads(framework);
  const UseCase base = search_copy(use_case);
  std::vector<Asked> asked;
  std::vector<UnknownRef> seen;
  for (const auto &open : assessment.open_questions) {
    const FieldDecl &decl = decl_at(framework, open.ref);
    const FieldValue &current = value_at(base, open.ref);
    if (decl.type == FieldType::enum_list && !decl.derived) {
      for (const int member : members_to_ask(decl, current, open.ref, reads)) {
        UnknownRef ref = open.ref;
        ref.member = member;
        if (std::find(seen.begin(), seen.end(), ref) != seen.end()) {
          continue;
        }
        seen.push_back(ref);
        asked.push_back(Asked{ref, &open.rules, member_answers(decl, current, member), false});
      }
      continue;
    }
    if (std::find(seen.begin(), seen.end(), open.ref) != seen.end()) {
      continue;
    }
    seen.push_back(open.ref);
    bool approximate = false;
    auto answers = answers_for(framework, base, open.ref, approximate);
    if (answers.empty()) {
      continue;
    }
    asked.push_back(Asked{open.ref, &open.rules, std::move(answers), approximate});
  }
  const auto ranges = answer_ranges(framework, base, assessment.range, asked, limit, threads);
  std::size_t at = 0;
  for (const auto &question : asked) {
    ranked.push_back(rank_one(question, &ranges[at]));
    at += question.answers.size();
  }
  // Questions that can change the verdict first; then those whose worst answer leaves the
  // narrowest range, then the narrowest best answer, then those more rules depend on.
  const auto key = [](const RankedQuestion &q) {
    int widest = 0;
    int narrowest = 100;
    for (const auto &o : q.outcomes) {
      widest = std::max(widest, width(o));
      narrowest = std::min(narrowest, width(o));
    }
    return std::tuple(q.can_change ? 0 : 1, widest, narrowest, -static_cast<int>(q.rules.size()));
  };
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const RankedQuestion &a, const RankedQuestion &b) { return key(a) < key(b); });
  return ranked;
}

void set_field(const Framework &framework, UseCase &use_case, int field, const FieldValue &value) {
  give_answer(framework, use_case, UnknownRef{field, -1, false}, value);
  // A change that rules out a question gives it its `if_skipped` answer, over the answer it had:
  // with "no personal data" set, an earlier "health data: yes" no longer stands
  // (framework-authoring.md, ask_if and if_skipped). And so on for what that rules out.
  bool forced = false;
  std::vector<int> changed{field};
  while (!changed.empty()) {
    const auto from = static_cast<std::size_t>(changed.back());
    changed.pop_back();
    if (from >= framework.fields_skipped_by.size()) {
      continue;
    }
    for (const int gated : framework.fields_skipped_by[from]) {
      const FieldDecl &decl = framework.fields[static_cast<std::size_t>(gated)];
      if (!decl.ask_if || decl.if_skipped < 0 || evaluate(*decl.ask_if, use_case).truth != Truth::no) {
        continue;
      }
      FieldValue skipped;
      skipped.known = true;
      if (decl.type == FieldType::enum_list) {
        skipped.values = {decl.if_skipped};
      } else {
        skipped.value = decl.if_skipped;
      }
      FieldValue &slot = use_case.fields[static_cast<std::size_t>(gated)];
      if (slot.known && slot.value == skipped.value && slot.values == skipped.values &&
          slot.possible.empty()) {
        continue;
      }
      skipped.where = slot.where;
      slot = std::move(skipped);
      forced = true;
      changed.push_back(gated);
    }
  }
  // As the loader does: "no external service" implies "not outside the EU" when unknown.
  if (imply_skipped_answers(framework, use_case) || forced) {
    apply_defaults(framework, use_case);
  }
}

namespace {

// The values a design choice can be changed to: every other value of an enumeration; for a
// list, one member added or taken away (a list that is unknown: empty, or one member).
std::vector<FieldValue> alternatives_for(const FieldDecl &decl, const FieldValue &current) {
  std::vector<FieldValue> out;
  const int n = static_cast<int>(decl.domain.values.size());
  if (decl.type == FieldType::enumeration) {
    for (int v = 0; v < n; ++v) {
      if (!current.known || current.value != v) {
        FieldValue value;
        value.known = true;
        value.value = v;
        out.push_back(value);
      }
    }
  } else if (decl.type == FieldType::enum_list) {
    if (!is_settled(current)) {
      FieldValue empty;
      empty.known = true;
      out.push_back(empty);
      for (int v = 0; v < n; ++v) {
        FieldValue one;
        one.known = true;
        one.values = {v};
        out.push_back(one);
      }
    } else {
      for (int v = 0; v < n; ++v) {
        FieldValue toggled = current;
        toggled.defaulted = false;
        const auto it = std::lower_bound(toggled.values.begin(), toggled.values.end(), v);
        if (it != toggled.values.end() && *it == v) {
          toggled.values.erase(it);
        } else {
          toggled.values.insert(it, v);
        }
        out.push_back(toggled);
      }
    }
  }
  return out;
}

bool same_value(const FieldValue &a, const FieldValue &b) {
  return a.known == b.known && a.value == b.value && a.values == b.values && a.possible == b.possible;
}

struct Summary {
  Verdict verdict;
  std::optional<int> overall;
  std::vector<int> flags;
  std::vector<int> rules;
};

Summary summarise(const Assessment &a) {
  Summary s{a.verdict, a.overall, {}, {}};
  for (const auto &f : a.flags) {
    s.flags.push_back(f.flag);
  }
  for (const auto &r : a.fired) {
    s.rules.push_back(r.rule);
  }
  std::sort(s.flags.begin(), s.flags.end());
  std::sort(s.rules.begin(), s.rules.end());
  return s;
}

std::vector<int> minus(const std::vector<int> &a, const std::vector<int> &b) {
  std::vector<int> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// A use case in the what-if search, made ready (ChangedBounds) for bounding and searching its
// cases with one more change once one is needed.
class Extendable {
public:
  Extendable(const Framework &framework, const UseCase &use_case) : m_fw(framework), m_uc(use_case) {}

  ChangedBounds &get() {
    if (!m_bounds) {
      m_bounds = std::make_unique<ChangedBounds>(m_fw, m_uc);
    }
    return *m_bounds;
  }

private:
  const Framework &m_fw;
  const UseCase &m_uc;
  std::unique_ptr<ChangedBounds> m_bounds;
};

class LiftSearch {
public:
  LiftSearch(
      const Framework &framework, const Assessment &now, int max_changes, std::size_t limit, WhatIf &out)
      : m_fw(framework), m_now(summarise(now)), m_max(max_changes), m_limit(limit), m_out(out) {
    for (std::size_t i = 0; i < framework.fields.size(); ++i) {
      const FieldDecl &decl = framework.fields[i];
      if (decl.design_choice && !decl.derived &&
          (decl.type == FieldType::enumeration || decl.type == FieldType::enum_list)) {
        m_design.push_back(static_cast<int>(i));
      }
    }
  }

  [[nodiscard]] bool any_design_field() const { return !m_design.empty(); }

  // Only the first lift is wanted (the most favourable, then the highest score, with its
  // alternatives): a change that cannot reach the best verdict found so far is not assessed.
  void first_only() { m_first_only = true; }

  // The enumeration design choices `start` leaves open: a value given to one answers an open
  // question, and is a choice only when another answer would do worse (finish()).
  void open_at(const UseCase &start) {
    m_open.assign(m_fw.fields.size(), false);
    for (const int f : m_design) {
      m_open[static_cast<std::size_t>(f)] =
          !start.fields[static_cast<std::size_t>(f)].known &&
          m_fw.fields[static_cast<std::size_t>(f)].type == FieldType::enumeration;
    }
  }

  // Whether some change to the design choices from `from` on (in m_design order) could lift
  // the verdict of `use_case`: an upper bound from one evaluation with them all unknown.
  bool could_lift(const UseCase &use_case, std::size_t from, int floor) {
    UseCase open = use_case;
    for (std::size_t d = from; d < m_design.size(); ++d) {
      open.fields[static_cast<std::size_t>(m_design[d])] = FieldValue{};
    }
    apply_defaults(m_fw, open);
    ++m_out.bounded;
    return favourability(completion_bounds(m_fw, open).best) > floor;
  }

  [[nodiscard]] int now() const { return favourability(m_now.verdict); }

  // Visits the sets of changes that extend `changes` with fields from `from` on. `floor` is the
  // favourability to beat: the verdict now, or better when a subset on the path lifted it
  // already (an extension that does no better is not minimal, and not listed). `here` is
  // `use_case` prepared: one more change to it is bounded and searched incrementally.
  void search(const UseCase &use_case,
              std::size_t from,
              std::vector<DesignChange> &changes,
              int floor,
              Extendable &here) {
    for (std::size_t d = from; d < m_design.size(); ++d) {
      const int field = m_design[d];
      const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(field)];
      const auto alternatives = alternatives_for(decl, use_case.fields[static_cast<std::size_t>(field)]);
      // At the last change allowed, one bound with this field unknown stands for all its values
      // (most fields cannot lift the verdict at all), instead of one bound per value.
      const bool last = static_cast<int>(changes.size()) + 1 >= m_max;
      if (last && alternatives.size() > 1) {
        if (m_out.bounded + m_out.evaluated >= m_limit) {
          m_out.complete = false;
          return;
        }
        ++m_out.bounded;
        const int reach = favourability(here.get().with(field_ref(field), FieldValue{}).best);
        if (reach <= floor || reach < needed(changes, field)) {
          continue;
        }
      }
      for (const auto &value : alternatives) {
        if (m_out.bounded + m_out.evaluated >= m_limit) {
          m_out.complete = false;
          return;
        }
        UseCase changed = use_case;
        set_field(m_fw, changed, field, value);
        // Nothing from here on (this change, later fields changed or not) can lift it. At the
        // last change allowed, evaluate() bounds the changed case itself.
        if (!last && !could_lift(changed, d + 1, floor)) {
          continue;
        }
        changes.push_back(DesignChange{field, value});
        const int reached = std::max(floor, evaluate(changed, changes, floor, here));
        if (static_cast<int>(changes.size()) < m_max && reached < favourability(Verdict::promising)) {
          Extendable next(m_fw, changed);
          search(changed, d + 1, changes, reached, next);
        }
        changes.pop_back();
      }
    }
  }

  // The minimal lifts among those found, grouped. A field left open whose every answer lifts
  // the verdict is an open question, not a choice: its least favourable answers are left out
  // (with every set that contains them); the ranked questions show what answering does.
  // Returns whether lifts were left out for that reason alone.
  bool finish() {
    const std::size_t before = m_found.size();
    drop_mere_answers();
    const bool dropped = m_found.size() < before;
    std::vector<Lift> minimal;
    for (const auto &[key, lift] : m_found) {
      bool beats_subsets = true;
      for (const auto &[other_key, other] : m_found) {
        if (other.changes.size() < lift.changes.size() && subset(other.changes, lift.changes) &&
            favourability(other.verdict) >= favourability(lift.verdict)) {
          beats_subsets = false;
          break;
        }
      }
      if (beats_subsets) {
        minimal.push_back(lift);
      }
    }
    // Same fields, same verdict and same effects: one lift with alternatives.
    std::vector<Lift> grouped;
    for (auto &lift : minimal) {
      const auto same = std::find_if(grouped.begin(), grouped.end(), [&](const Lift &g) {
        if (g.changes.size() != lift.changes.size() || g.verdict != lift.verdict ||
            g.flags_removed != lift.flags_removed || g.flags_added != lift.flags_added) {
          return false;
        }
        for (std::size_t i = 0; i < g.changes.size(); ++i) {
          if (g.changes[i].field != lift.changes[i].field) {
            return false;
          }
        }
        return true;
      });
      if (same == grouped.end()) {
        lift.alternatives.assign(lift.changes.size(), {});
        grouped.push_back(std::move(lift));
        continue;
      }
      for (std::size_t i = 0; i < lift.changes.size(); ++i) {
        const FieldValue &v = lift.changes[i].value;
        auto &alts = same->alternatives[i];
        if (!same_value(v, same->changes[i].value) &&
            std::none_of(alts.begin(), alts.end(), [&](const FieldValue &a) { return same_value(a, v); })) {
          alts.push_back(v);
        }
      }
    }
    std::stable_sort(grouped.begin(), grouped.end(), [](const Lift &a, const Lift &b) {
      if (a.changes.size() != b.changes.size()) {
        return a.changes.size() < b.changes.size();
      }
      if (a.verdict != b.verdict) {
        return favourability(a.verdict) > favourability(b.verdict);
      }
      return a.overall.value_or(-1) > b.overall.value_or(-1);
    });
    m_out.lifts = std::move(grouped);
    return dropped;
  }

private:
  // Whether `changes` (or `field`, a change about to be made) change an enumeration design
  // field left open at the start: its every answer must be known (finish()), so the
  // first-lift search neither prunes such a change nor lets it raise the bar for the others.
  [[nodiscard]] bool touches_open(const std::vector<DesignChange> &changes, int field) const {
    const auto open = [&](int f) { return f >= 0 && !m_open.empty() && m_open[static_cast<std::size_t>(f)]; };
    return open(field) ||
           std::any_of(changes.begin(), changes.end(), [&](const DesignChange &c) { return open(c.field); });
  }

  // With m_first_only, the favourability a change must be able to reach to be assessed: the
  // best lift found so far (-1: none, or a change to a field left open).
  [[nodiscard]] int needed(const std::vector<DesignChange> &changes, int field) const {
    return touches_open(changes, field) ? -1 : m_needed;
  }

  // Leaves out the answers to an open enumeration field that every answer lifts, at the least
  // favourable verdict they reach, and every set of changes containing one of them.
  void drop_mere_answers() {
    std::vector<std::pair<int, int>> mere; // field, value
    for (const int f : m_design) {
      if (!touches_open({}, f)) {
        continue; // known at the start, or a list
      }
      std::map<int, int> reached; // value -> favourability of its single change
      for (const auto &[key, lift] : m_found) {
        if (lift.changes.size() == 1 && lift.changes.front().field == f) {
          reached[lift.changes.front().value.value] = favourability(lift.verdict);
        }
      }
      if (reached.size() < m_fw.fields[static_cast<std::size_t>(f)].domain.values.size()) {
        continue; // some answer does not lift: every lifting answer is a real choice
      }
      int lowest = favourability(Verdict::promising);
      for (const auto &[value, reach] : reached) {
        lowest = std::min(lowest, reach);
      }
      for (const auto &[value, reach] : reached) {
        if (reach == lowest) {
          mere.emplace_back(f, value);
        }
      }
    }
    if (mere.empty()) {
      return;
    }
    for (auto it = m_found.begin(); it != m_found.end();) {
      const bool contains =
          std::any_of(it->second.changes.begin(), it->second.changes.end(), [&](const DesignChange &c) {
            return std::find(mere.begin(), mere.end(), std::pair(c.field, c.value.value)) != mere.end();
          });
      it = contains ? m_found.erase(it) : std::next(it);
    }
  }

  static bool subset(const std::vector<DesignChange> &small, const std::vector<DesignChange> &large) {
    return std::all_of(small.begin(), small.end(), [&](const DesignChange &c) {
      return std::any_of(large.begin(), large.end(), [&](const DesignChange &l) {
        return l.field == c.field && same_value(l.value, c.value);
      });
    });
  }

  // The favourability `changed` reaches when it beats `floor` (and is recorded), else -1.
  // `before` is the case before the last of `changes`, prepared.
  int evaluate(const UseCase &changed,
               const std::vector<DesignChange> &changes,
               int floor,
               Extendable &before) {
    // Cheaper bounds first: one evaluation, then the verdict range; most changes cannot lift
    // the verdict of the changed case itself.
    const DesignChange &last = changes.back();
    ++m_out.bounded;
    const int need = needed(changes, -1);
    const Bounds bounds = before.get().with(field_ref(last.field), last.value);
    if (favourability(bounds.best) <= floor || favourability(bounds.best) < need) {
      return -1;
    }
    ++m_out.bounded;
    const VerdictRange range = before.get().range(field_ref(last.field), last.value, 4000);
    if (favourability(range.best) <= floor || favourability(range.best) < need) {
      return -1;
    }
    // The engine's verdict is the policy's (rules that hold for every answer included),
    // limited by the range, or the range's one verdict when every answer gives the same.
    AssessOptions options;
    options.range = options.questions = options.what_if = false;
    Assessment result = assess(m_fw, changed, options);
    ++m_out.evaluated;
    result.verdict = limit_by_range(result.verdict, range);
    if (result.verdict == Verdict::insufficient_information || favourability(result.verdict) <= floor) {
      return -1;
    }
    const Summary after = summarise(result);
    Lift lift;
    lift.changes = changes;
    lift.verdict = result.verdict;
    lift.overall = result.overall;
    lift.flags_removed = minus(m_now.flags, after.flags);
    lift.flags_added = minus(after.flags, m_now.flags);
    lift.rules_removed = minus(m_now.rules, after.rules);
    lift.rules_added = minus(after.rules, m_now.rules);
    m_found.emplace(m_found.size(), std::move(lift));
    if (m_first_only && !touches_open(changes, -1)) {
      m_needed = std::max(m_needed, favourability(result.verdict));
    }
    return favourability(result.verdict);
  }

  static UnknownRef field_ref(int field) { return UnknownRef{field, -1, false}; }

  const Framework &m_fw;
  bool m_first_only = false;
  int m_needed = -1;        // with m_first_only: the favourability of the best lift found
  std::vector<bool> m_open; // per field: a design choice the starting case leaves open
  Summary m_now;
  int m_max;
  std::size_t m_limit;
  WhatIf &m_out;
  std::vector<int> m_design;
  std::map<std::size_t, Lift> m_found;
};

} // namespace

WhatIf find_lifts(const Framework &framework,
                  const UseCase &use_case,
                  const Assessment &assessment,
                  int max_changes,
                  std::size_t limit,
                  bool first_only) {
  WhatIf out;
  out.computed = true;
  out.max_changes = max_changes;
  if (assessment.verdict == Verdict::promising) {
    out.status = WhatIf::Status::not_needed;
    return out;
  }
  // Too much open to judge (a policy step that caps at "insufficient information" holds, even
  // when a knock-out sets the verdict): which choices help can only be said once answered.
  bool too_open = assessment.verdict == Verdict::insufficient_information;
  for (std::size_t i = 0; i < assessment.step_truth.size(); ++i) {
    too_open = too_open || (assessment.step_truth[i] == Truth::yes &&
                            framework.verdict.steps[i].at_most == Verdict::insufficient_information);
  }
  if (too_open) {
    out.status = WhatIf::Status::needs_answers;
    return out;
  }
  LiftSearch search(framework, assessment, max_changes, limit, out);
  if (!search.any_design_field()) {
    out.status = WhatIf::Status::no_design_fields;
    return out;
  }
  const UseCase base = search_copy(use_case);
  if (!search.could_lift(base, 0, search.now())) {
    out.status = WhatIf::Status::none_possible;
    return out;
  }
  std::vector<DesignChange> changes;
  if (first_only) {
    search.first_only();
  }
  search.open_at(base);
  Extendable start(framework, base);
  search.search(base, 0, changes, search.now(), start);
  const bool answers_only = search.finish() && out.complete;
  // Only answering open questions lifted it: which choices help can be said once answered.
  out.status = !out.lifts.empty() ? WhatIf::Status::found
               : answers_only     ? WhatIf::Status::needs_answers
                                  : WhatIf::Status::none_within_limit;
  return out;
}

} // namespace kansrijk::core
