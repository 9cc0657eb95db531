// Decision support on the mini framework: what-if lifts against a brute-force oracle that
// assesses every set of at most two design changes, knock-outs no design change can lift,
// and open questions ranked by what their answers change.
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/core/range.hpp>
#include <random>
#include <set>

using namespace kansrijk;

namespace {

core::AssessOptions plain() {
  core::AssessOptions options;
  options.questions = false;
  options.what_if = false;
  return options;
}

int field(const core::Framework &fw, const std::string &path) { return fw.field_index(path); }

// Every (design fields changed, verdict) of a minimal lift, found by assessing every set of
// at most two changes (one per field, enumeration fields only, as the mini framework has).
std::set<std::pair<std::vector<int>, core::Verdict>> brute_force_lifts(const core::Framework &fw,
                                                                       const core::UseCase &uc) {
  const core::Verdict now = core::assess(fw, uc, plain()).verdict;
  std::vector<int> design;
  for (std::size_t i = 0; i < fw.fields.size(); ++i) {
    if (fw.fields[i].design_choice) {
      design.push_back(static_cast<int>(i));
    }
  }
  struct Tried {
    std::vector<std::pair<int, int>> changes; // field, value
    core::Verdict verdict;
  };
  std::vector<Tried> tried;
  const auto verdict_of = [&](const std::vector<std::pair<int, int>> &changes) {
    core::UseCase changed = uc;
    for (const auto &[f, v] : changes) {
      core::FieldValue value;
      value.known = true;
      value.value = v;
      core::set_field(fw, changed, f, value);
    }
    return core::assess(fw, changed, plain()).verdict;
  };
  const auto values = [&](int f) {
    std::vector<int> out;
    const auto &current = uc.fields[static_cast<std::size_t>(f)];
    for (int v = 0; v < static_cast<int>(fw.fields[static_cast<std::size_t>(f)].domain.values.size()); ++v) {
      if (!current.known || current.value != v) {
        out.push_back(v);
      }
    }
    return out;
  };
  for (std::size_t a = 0; a < design.size(); ++a) {
    for (const int va : values(design[a])) {
      tried.push_back({{{design[a], va}}, verdict_of({{design[a], va}})});
      for (std::size_t b = a + 1; b < design.size(); ++b) {
        for (const int vb : values(design[b])) {
          tried.push_back(
              {{{design[a], va}, {design[b], vb}}, verdict_of({{design[a], va}, {design[b], vb}})});
        }
      }
    }
  }
  const auto lifts = [&](core::Verdict v) {
    return v != core::Verdict::insufficient_information && core::favourability(v) > core::favourability(now);
  };
  // A design field left open whose every answer lifts the verdict is an open question: its
  // answers at the least favourable verdict they reach are no choice, nor is a set with one.
  std::vector<std::pair<int, int>> mere;
  for (const int f : design) {
    if (uc.fields[static_cast<std::size_t>(f)].known) {
      continue;
    }
    std::vector<std::pair<int, core::Verdict>> singles;
    for (const auto &t : tried) {
      if (t.changes.size() == 1 && t.changes.front().first == f && lifts(t.verdict)) {
        singles.emplace_back(t.changes.front().second, t.verdict);
      }
    }
    if (singles.size() < fw.fields[static_cast<std::size_t>(f)].domain.values.size()) {
      continue;
    }
    int lowest = 4;
    for (const auto &[v, verdict] : singles) {
      lowest = std::min(lowest, core::favourability(verdict));
    }
    for (const auto &[v, verdict] : singles) {
      if (core::favourability(verdict) == lowest) {
        mere.emplace_back(f, v);
      }
    }
  }
  std::erase_if(tried, [&](const Tried &t) {
    return std::any_of(t.changes.begin(), t.changes.end(),
                       [&](const auto &c) { return std::find(mere.begin(), mere.end(), c) != mere.end(); });
  });
  std::set<std::pair<std::vector<int>, core::Verdict>> out;
  for (const auto &t : tried) {
    if (!lifts(t.verdict)) {
      continue;
    }
    bool minimal = true;
    for (const auto &sub : tried) {
      const bool proper_subset = sub.changes.size() < t.changes.size() &&
                                 std::all_of(sub.changes.begin(), sub.changes.end(), [&](const auto &c) {
                                   return std::find(t.changes.begin(), t.changes.end(), c) != t.changes.end();
                                 });
      if (proper_subset && lifts(sub.verdict) &&
          core::favourability(sub.verdict) >= core::favourability(t.verdict)) {
        minimal = false;
      }
    }
    if (minimal) {
      std::vector<int> fields;
      for (const auto &c : t.changes) {
        fields.push_back(c.first);
      }
      out.insert({fields, t.verdict});
    }
  }
  return out;
}

std::set<std::pair<std::vector<int>, core::Verdict>> found_lifts(const core::WhatIf &what_if) {
  std::set<std::pair<std::vector<int>, core::Verdict>> out;
  for (const auto &lift : what_if.lifts) {
    std::vector<int> fields;
    for (const auto &c : lift.changes) {
      fields.push_back(c.field);
    }
    out.insert({fields, lift.verdict});
  }
  return out;
}

} // namespace

TEST_CASE("an open design choice that any answer lifts is an open question, not a change to advise",
          "[core][decision]") {
  // Two rules give the aim block points for team.asked (yes +5, no -5). While it is open, two
  // of the block's three rules are undecided, more than half: the block has no score, and
  // the policy step "unscored" holds the verdict at conditional (by hand: aim 50 + 20 + 5 =
  // 75 or 65, the other blocks as in k_good, promising either way; data.state is open too, so
  // the range is not settled: "dirty" raises a high flag). Any answer lifts it, so
  // "yes or no" is answering the question, not a better choice: the what-if lists nothing
  // and says to answer the open questions first. When "no" costs 41 points (aim 29, below
  // the "weak" step's 30: conditional), only "yes" lifts: that is a choice, and it is listed.
  for (const bool costly : {false, true}) {
    auto files = test::mini_files();
    files["rules-asked.yaml"] = std::string(R"(rules:
  - {id: r.asked, block: aim, when: "team.asked == yes", text: {nl: "x", en: "x"}, effects: {points: {aim: 5}}}
  - {id: r.unasked, block: aim, when: "team.asked == no", text: {nl: "x", en: "x"}, effects: {points: {aim: )") +
                                (costly ? "-41" : "-5") + "}}}\n";
    const auto fw = io::load_framework(test::as_sources(files), "mini");
    const auto uc =
        test::use_case(fw, "name: T\naim: {goal: x}\njobs: [{item: desk.write}]\ntool: {mode: draft, "
                           "kind: learning, check: all}\ndata: {private: \"no\", outside: "
                           "\"no\"}\ntime: {spent: rest}\nteam: {skill: high}\n");
    const auto a = core::assess(fw, uc);
    INFO("costly: " << costly);
    REQUIRE(a.verdict == core::Verdict::conditional);
    if (!costly) {
      CHECK(a.what_if.status == core::WhatIf::Status::needs_answers);
      CHECK(a.what_if.lifts.empty());
      CHECK(brute_force_lifts(fw, uc).empty());
      continue;
    }
    CHECK(a.what_if.status == core::WhatIf::Status::found);
    REQUIRE(a.what_if.lifts.size() == 1);
    const auto &lift = a.what_if.lifts.front();
    REQUIRE(lift.changes.size() == 1);
    CHECK(lift.changes.front().field == field(fw, "team.asked"));
    CHECK(lift.changes.front().value.value == 0); // "yes"
    CHECK(lift.alternatives.front().empty());
    CHECK(lift.verdict == core::Verdict::promising);
    CHECK(found_lifts(a.what_if) == brute_force_lifts(fw, uc));
    // The overview's first-lift search agrees.
    const auto first = core::find_lifts(fw, uc, a, 1, core::k_what_if_limit, true);
    REQUIRE(first.lifts.size() == 1);
    CHECK(first.lifts.front().changes.front().value.value == 0);
  }
}

TEST_CASE("a knock-out from a design choice is lifted by changing that choice alone", "[core][decision]") {
  const auto fw = test::mini_framework();
  // r.decide: tool.mode == rule raises the knock-out ko.
  const auto uc =
      test::use_case(fw, "name: T\naim: {goal: x}\njobs: [{item: desk.write}]\ntool: {mode: rule, "
                         "kind: rules, check: all}\ndata: {state: clean, private: \"no\", outside: "
                         "\"no\"}\ntime: {spent: rest}\nteam: {skill: high, asked: \"yes\"}\n");
  const auto assessment = core::assess(fw, uc);
  REQUIRE(assessment.verdict == core::Verdict::not_advised);
  REQUIRE(assessment.what_if.status == core::WhatIf::Status::found);
  const auto &first = assessment.what_if.lifts.front();
  REQUIRE(first.changes.size() == 1);
  CHECK(first.changes[0].field == field(fw, "tool.mode"));
  const int ko = 0; // the first flag of the mini framework
  CHECK(fw.flags[ko].id == "ko");
  CHECK(std::find(first.flags_removed.begin(), first.flags_removed.end(), ko) != first.flags_removed.end());
  CHECK(found_lifts(assessment.what_if) == brute_force_lifts(fw, uc));
}

TEST_CASE("a knock-out from a fact is proven beyond any design change", "[core][decision]") {
  const auto fw =
      test::mini_framework_with("  - {id: r.watch, block: life, when: \"scores in people.watch\", text: {nl: "
                                "x, en: x}, effects: {flags: [ko]}}\n");
  const auto uc =
      test::use_case(fw, "name: T\naim: {goal: x}\njobs: [{item: desk.write}]\ntool: {mode: draft, "
                         "kind: rules, check: all}\ndata: {state: clean, private: \"no\", outside: "
                         "\"no\"}\ntime: {spent: rest}\nteam: {skill: high, asked: \"yes\"}\npeople: "
                         "{watch: [scores]}\n");
  const auto assessment = core::assess(fw, uc);
  REQUIRE(assessment.verdict == core::Verdict::not_advised);
  CHECK(assessment.what_if.status == core::WhatIf::Status::none_possible);
  CHECK(assessment.what_if.lifts.empty());
  CHECK(brute_force_lifts(fw, uc).empty());
}

TEST_CASE("the what-if search finds exactly the minimal lifts a brute-force search finds",
          "[core][decision]") {
  const auto fw = test::mini_framework();
  std::mt19937 random(20261130);
  const auto pick = [&](std::initializer_list<const char *> values) {
    std::vector<std::string> v(values.begin(), values.end());
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(random)];
  };
  int compared = 0;
  for (int round = 0; round < 60; ++round) {
    const std::string yaml =
        "name: T\naim: {goal: x}\njobs: [{item: " + pick({"desk.write", "desk.talk"}) +
        "}]\ntool: {mode: " + pick({"look", "draft", "act", "rule"}) +
        ", kind: " + pick({"rules", "learning"}) + ", check: " + pick({"all", "some", "none"}) +
        "}\ndata: {state: " + pick({"clean", "dirty", "unknown"}) + ", private: \"" + pick({"yes", "no"}) +
        "\", outside: \"" + pick({"yes", "no"}) + "\"}\ntime: {spent: " + pick({"rest", "more", "unknown"}) +
        "}\nteam: {skill: " + pick({"low", "mid", "high"}) +
        ", asked: " + pick({"\"yes\"", "\"no\"", "unknown"}) + "}\n";
    const auto uc = test::use_case(fw, yaml);
    const auto assessment = core::assess(fw, uc);
    const auto &what_if = assessment.what_if;
    if (what_if.status == core::WhatIf::Status::not_needed ||
        what_if.status == core::WhatIf::Status::needs_answers) {
      continue;
    }
    INFO(yaml);
    REQUIRE(what_if.complete);
    CHECK(found_lifts(what_if) == brute_force_lifts(fw, uc));
    // The overview's search for the first single change only: the same first lift, with the
    // same alternatives, from no more assessments.
    const auto all = core::find_lifts(fw, uc, assessment, 1);
    const auto first = core::find_lifts(fw, uc, assessment, 1, core::k_what_if_limit, true);
    REQUIRE(all.lifts.empty() == first.lifts.empty());
    if (!all.lifts.empty()) {
      const auto &a = all.lifts.front();
      const auto &b = first.lifts.front();
      CHECK(a.verdict == b.verdict);
      CHECK(a.overall == b.overall);
      REQUIRE(a.changes.size() == 1);
      REQUIRE(b.changes.size() == 1);
      CHECK(a.changes.front().field == b.changes.front().field);
      CHECK(a.changes.front().value.value == b.changes.front().value.value);
      CHECK(a.changes.front().value.values == b.changes.front().value.values);
      CHECK(a.alternatives.front().size() == b.alternatives.front().size());
      CHECK(a.flags_removed == b.flags_removed);
      CHECK(a.flags_added == b.flags_added);
    }
    CHECK(first.evaluated <= all.evaluated);
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("open questions whose answer moves the verdict come first, with where each answer leads",
          "[core][decision]") {
  const auto fw = test::mini_framework();
  // data.state unknown: dirty raises the high flag hi (at most conditional), clean does not.
  const auto uc =
      test::use_case(fw, "name: T\naim: {goal: x}\njobs: [{item: desk.write}]\ntool: {mode: draft, "
                         "kind: rules, check: all}\ndata: {private: \"no\", outside: \"no\"}\ntime: "
                         "{spent: rest}\nteam: {skill: high, asked: \"yes\"}\n");
  const auto assessment = core::assess(fw, uc);
  REQUIRE_FALSE(assessment.questions.empty());
  const auto &first = assessment.questions.front();
  CHECK(first.ref.field == field(fw, "data.state"));
  CHECK(first.can_change);
  REQUIRE(first.outcomes.size() == 2);
  // Each outcome is the range of the use case with that answer given.
  for (const auto &outcome : first.outcomes) {
    core::UseCase answered = uc;
    core::set_field(fw, answered, first.ref.field, outcome.answers.front());
    const auto range = core::verdict_range(fw, answered, 4000, false);
    CHECK(range.best == outcome.best);
    CHECK(range.worst == outcome.worst);
  }
  const auto dirty = fw.fields[static_cast<std::size_t>(first.ref.field)].domain.index_of("dirty");
  const auto &worse = first.outcomes.back();
  CHECK(worse.answers.front().value == dirty);
  CHECK(core::favourability(worse.best) <= core::favourability(core::Verdict::conditional));
  // Questions that cannot change the verdict come after every one that can.
  bool cannot_seen = false;
  for (const auto &q : assessment.questions) {
    CHECK_FALSE((cannot_seen && q.can_change));
    cannot_seen = cannot_seen || !q.can_change;
  }
}

TEST_CASE("the ranked questions and the what-if are the same on one thread and on several",
          "[core][decision]") {
  // The searches for the answers run on up to `threads` threads, each with its own state, and
  // with more than one thread the what-if search runs beside them; the result must not depend
  // on how many, nor on which thread finished first.
  const auto fw = test::mini_framework();
  std::mt19937 random(20261201);
  const std::vector<std::pair<std::string, std::vector<std::string>>> fields = {
      {"tool.mode", {"look", "draft", "act", "rule"}},
      {"tool.kind", {"rules", "learning"}},
      {"tool.check", {"all", "some", "none"}},
      {"data.state", {"clean", "dirty"}},
      {"data.private", {"\"yes\"", "\"no\""}},
      {"data.outside", {"\"yes\"", "\"no\""}},
      {"time.spent", {"rest", "more"}},
      {"team.skill", {"low", "mid", "high"}},
      {"team.asked", {"\"yes\"", "\"no\""}}};
  int compared = 0;
  int lifts = 0;
  for (int round = 0; round < 30; ++round) {
    std::map<std::string, std::string> groups;
    for (const auto &[path, values] : fields) {
      if (random() % 3 == 0) {
        const auto dot = path.find('.');
        auto &body = groups[path.substr(0, dot)];
        body += (body.empty() ? "" : ", ") + path.substr(dot + 1) + ": " + values[random() % values.size()];
      }
    }
    std::string yaml = "name: T\naim: {goal: x}\njobs: [{item: desk.write}]\n";
    for (const auto &[group, body] : groups) {
      yaml += group + ": {" + body + "}\n";
    }
    INFO(yaml);
    const auto uc = test::use_case(fw, yaml);
    auto one = plain();
    one.questions = true;
    one.what_if = true;
    auto many = one;
    many.threads = 4;
    const auto a = core::assess(fw, uc, one);
    const auto b = core::assess(fw, uc, many);
    CHECK(a.what_if.computed);
    CHECK(a.what_if.status == b.what_if.status);
    CHECK(a.what_if.evaluated == b.what_if.evaluated);
    CHECK(a.what_if.bounded == b.what_if.bounded);
    REQUIRE(a.what_if.lifts.size() == b.what_if.lifts.size());
    for (std::size_t l = 0; l < a.what_if.lifts.size(); ++l) {
      const auto &x = a.what_if.lifts[l];
      const auto &y = b.what_if.lifts[l];
      CHECK(x.verdict == y.verdict);
      CHECK(x.overall == y.overall);
      CHECK(x.flags_removed == y.flags_removed);
      CHECK(x.flags_added == y.flags_added);
      REQUIRE(x.changes.size() == y.changes.size());
      for (std::size_t c = 0; c < x.changes.size(); ++c) {
        CHECK(x.changes[c].field == y.changes[c].field);
      }
      lifts += 1;
    }
    REQUIRE(a.questions.size() == b.questions.size());
    for (std::size_t q = 0; q < a.questions.size(); ++q) {
      const auto &x = a.questions[q];
      const auto &y = b.questions[q];
      CHECK(x.ref == y.ref);
      CHECK(x.can_change == y.can_change);
      REQUIRE(x.outcomes.size() == y.outcomes.size());
      for (std::size_t o = 0; o < x.outcomes.size(); ++o) {
        CHECK(x.outcomes[o].best == y.outcomes[o].best);
        CHECK(x.outcomes[o].worst == y.outcomes[o].worst);
        CHECK(x.outcomes[o].exact == y.outcomes[o].exact);
        CHECK(x.outcomes[o].answers.size() == y.outcomes[o].answers.size());
      }
      ++compared;
    }
  }
  CHECK(compared > 50);
  CHECK(lifts > 5);
}

TEST_CASE("two use cases share an answers key exactly when the rules see the same answers",
          "[core][decision]") {
  // The batch triage reuses one row's question ranking for the next row with the same key, so
  // the key must change with every answer and task the rules read, and with nothing else.
  const auto fw = test::mini_framework();
  const std::string rest = "jobs: [{item: desk.write}]\ntool: {mode: draft, kind: rules}\n";
  const auto a = test::use_case(fw, "name: First\naim: {goal: one goal}\n" + rest);
  const auto b = test::use_case(fw, "name: Second\naim: {goal: another goal entirely}\n" + rest);
  CHECK(core::answers_key(a) == core::answers_key(b));
  const auto rankings_of = [&](const core::UseCase &uc) {
    std::vector<std::pair<int, bool>> out;
    for (const auto &q : core::assess(fw, uc).questions) {
      out.emplace_back(q.ref.field, q.can_change);
    }
    return out;
  };
  CHECK(rankings_of(a) == rankings_of(b));
  // no goal given: a rule can read that it is unknown
  CHECK(core::answers_key(a) != core::answers_key(test::use_case(fw, "name: First\n" + rest)));
  // another answer, another task
  CHECK(core::answers_key(a) !=
        core::answers_key(test::use_case(
            fw, "name: First\naim: {goal: one goal}\njobs: [{item: desk.write}]\ntool: {mode: draft, kind: "
                "learning}\n")));
  CHECK(core::answers_key(a) !=
        core::answers_key(test::use_case(
            fw, "name: First\naim: {goal: one goal}\njobs: [{item: desk.write}, {item: desk.talk}]\ntool: "
                "{mode: draft, kind: rules}\n")));
}
