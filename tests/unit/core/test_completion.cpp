// What holds whatever the open answers are, and the verdict range, on the mini framework:
// small enough that every answer can be tried by hand (or by brute force in the property test).
#include "../support/mini_framework.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/core/range.hpp>
#include <kansrijk/core/type_check.hpp>
#include <random>

using namespace kansrijk;
using core::Verdict;

namespace {

const std::string k_good = R"(name: Goed
aim: {goal: "Minder schrijfwerk"}
jobs: [{item: desk.write}]
tool: {mode: draft, kind: learning}
data: {state: clean}
time: {spent: rest}
team: {skill: high}
)";

std::string without(std::string yaml, const std::string &part) {
  const auto at = yaml.find(part);
  REQUIRE(at != std::string::npos);
  return yaml.erase(at, part.size());
}

const core::RaisedFlag *raised(const core::Assessment &a, const std::string &id) {
  for (const auto &flag : a.flags) {
    if (a.framework->flags[static_cast<std::size_t>(flag.flag)].id == id) {
      return &flag;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("a rule that holds for every answer to the questions it reads fires now", "[core][completion]") {
  const auto fw = test::mini_framework_with("  - {id: r.either-state, block: life, when: \"data.state == "
                                            "clean or data.state == dirty\", text: {nl: x, en: "
                                            "x}, effects: {conditions: [cond]}}\n");
  const auto uc = test::use_case(fw, without(k_good, "data: {state: clean}\n"));
  const auto a = core::assess(fw, uc);
  bool fired = false;
  for (const auto &f : a.fired) {
    if (fw.rules[static_cast<std::size_t>(f.rule)].id == "r.either-state") {
      fired = true;
      CHECK(f.for_every_answer);
    }
  }
  CHECK(fired);
  // and it does not when the engine is told not to look
  core::AssessOptions plain;
  plain.for_every_answer = false;
  plain.range = false;
  const auto b = core::assess(fw, uc, plain);
  CHECK(std::none_of(b.fired.begin(), b.fired.end(), [&](const core::FiredRule &f) {
    return fw.rules[static_cast<std::size_t>(f.rule)].id == "r.either-state";
  }));
}

TEST_CASE("a flag two open rules share holds when one of them fires for every answer", "[core][completion]") {
  const auto fw = test::mini_framework_with("  - {id: r.out-sensitive, block: life, when: \"data.sensitive "
                                            "== yes and data.outside == yes\", text: {nl: "
                                            "x, en: x}, effects: {flags: [hi2]}}\n"
                                            "  - {id: r.out-plain, block: life, when: \"data.sensitive == no "
                                            "and data.outside == yes\", text: {nl: x, en: "
                                            "x}, effects: {flags: [hi2]}}\n");
  // sensitive is open: whichever it is, data goes outside and one of the two rules raises hi2
  const auto open = core::assess(fw, test::use_case(fw, k_good));
  CHECK(raised(open, "hi2") == nullptr); // nothing says data goes outside
  const std::string outside = without(k_good, "data: {state: clean}\n") +
                              "data: {state: clean, private: \"yes\", outside: \"yes\"}\n";
  const auto a = core::assess(fw, test::use_case(fw, outside));
  const auto *flag = raised(a, "hi2");
  REQUIRE(flag != nullptr);
  CHECK(flag->either == std::vector<std::string>{"r.out-sensitive", "r.out-plain"});
  CHECK(a.verdict == Verdict::conditional); // a high flag, now
  // with the data kept inside, neither rule can fire
  const std::string inside =
      without(k_good, "data: {state: clean}\n") + "data: {state: clean, private: \"yes\", outside: \"no\"}\n";
  CHECK(raised(core::assess(fw, test::use_case(fw, inside)), "hi2") == nullptr);
}

TEST_CASE("a quality-of-work effect two open rules share holds when one fires for every answer",
          "[core][completion]") {
  const auto fw = test::mini_framework_with(
      "  - {id: r.low-busy, block: life, when: \"team.skill == low\", text: {nl: x, en: x}, effects: "
      "{quality_of_work: {variety: up}}}\n"
      "  - {id: r.else-busy, block: life, when: \"team.skill != low\", text: {nl: x, en: x}, effects: "
      "{quality_of_work: {variety: up}}}\n");
  const auto a = core::assess(fw, test::use_case(fw, without(k_good, "team: {skill: high}\n")));
  for (const auto &result : a.quality_of_work) {
    if (fw.dimensions[static_cast<std::size_t>(result.dimension)].id == "variety") {
      CHECK(result.direction == core::QowDirection::up);
      REQUIRE(result.reasons.size() == 1);
      CHECK(result.reasons[0].either == std::vector<std::string>{"r.low-busy", "r.else-busy"});
    }
  }
}

TEST_CASE("holds_for_every_answer is decided exactly", "[core][completion]") {
  const auto fw = test::mini_framework();
  const auto uc = test::use_case(fw, "name: T\njobs: [{item: desk.write}]\n");
  const auto parse = [&](const std::string &text) {
    auto expr = core::parse_expression(text);
    REQUIRE(expr);
    REQUIRE(core::type_check(*expr, fw));
    return *expr;
  };
  const auto tautology = parse("team.skill <= mid or team.skill == high");
  const auto contingent = parse("team.skill <= mid");
  const auto jobs = parse("any(jobs, t.dull == high) or time.spent == more");
  CHECK(core::holds_for_every_answer(fw, uc, {&tautology}) == core::Decided::yes);
  CHECK(core::holds_for_every_answer(fw, uc, {&contingent}) == core::Decided::no);
  CHECK(core::holds_for_every_answer(fw, uc, {&jobs}) == core::Decided::yes); // desk.write is dull
  const auto own = test::use_case(fw, "name: T\njobs: [{called: Eigen}]\n");
  CHECK(core::holds_for_every_answer(fw, own, {&jobs}) == core::Decided::no); // its dullness is open
}

TEST_CASE("the verdict range of a complete use case is the verdict itself", "[core][range]") {
  const auto fw = test::mini_framework();
  const auto a = core::assess(fw, test::use_case(fw, k_good));
  REQUIRE(a.range.computed);
  CHECK(a.range.best == Verdict::promising);
  CHECK(a.range.worst == Verdict::promising);
  CHECK(a.range.overall_min == 88);
  CHECK(a.range.overall_max == 88);
  CHECK(a.range.exact);
}

TEST_CASE("the verdict range follows the open answers, worked out by hand", "[core][range]") {
  const auto fw = test::mini_framework();
  // data.state open: clean gives working life 80 (overall 88, promising); dirty gives 70 and
  // the hi flag (overall 86, capped at conditional).
  const auto a = core::assess(fw, test::use_case(fw, without(k_good, "data: {state: clean}\n")));
  CHECK(a.range.best == Verdict::promising);
  CHECK(a.range.worst == Verdict::conditional);
  CHECK(a.range.overall_min == 86);
  CHECK(a.range.overall_max == 88);
  CHECK(a.range.exact);
  CHECK(a.verdict == Verdict::promising); // now: 86 with the open answer adding nothing
}

TEST_CASE("a cap that holds for every answer holds now, even when no single flag does", "[core][range]") {
  // time.spent: rest raises hi, more raises hi2; team.asked: yes raises hi3, no raises hi4. Each
  // way of answering gives two high flags, so the verdict is at most limited already.
  const auto fw = test::mini_framework_with(
      "  - {id: r.rest, block: life, when: \"time.spent == rest\", text: {nl: x, en: x}, effects: {flags: "
      "[hi]}}\n"
      "  - {id: r.busy, block: life, when: \"time.spent == more\", text: {nl: x, en: x}, effects: {flags: "
      "[hi2]}}\n"
      "  - {id: r.asked, block: life, when: \"team.asked == yes\", text: {nl: x, en: x}, effects: {flags: "
      "[hi3]}}\n"
      "  - {id: r.not-asked, block: life, when: \"team.asked == no\", text: {nl: x, en: x}, effects: {flags: "
      "[hi4]}}\n");
  const auto a = core::assess(fw, test::use_case(fw, without(k_good, "time: {spent: rest}\n")));
  CHECK(a.flags.empty());
  CHECK(a.range.best == Verdict::limited);
  CHECK(a.verdict == Verdict::limited);
  // every answer gives exactly two high flags, so the verdict is settled, not only capped
  CHECK(a.range.worst == Verdict::limited);
  bool settled = false;
  for (const auto &reason : a.verdict_reasons) {
    settled = settled || (reason.kind == core::VerdictReason::Kind::settled && reason.binding &&
                          reason.at_most == Verdict::limited);
  }
  CHECK(settled);
}

TEST_CASE("a cap that holds for every answer bounds the verdict from above", "[core][range]") {
  // As above, but one more open question can add a knock-out: the verdict is capped at limited
  // now (every answer has two high flags), and could still become not advised.
  const auto fw = test::mini_framework_with(
      "  - {id: r.rest, block: life, when: \"time.spent == rest\", text: {nl: x, en: x}, effects: {flags: "
      "[hi]}}\n"
      "  - {id: r.busy, block: life, when: \"time.spent == more\", text: {nl: x, en: x}, effects: {flags: "
      "[hi2]}}\n"
      "  - {id: r.asked, block: life, when: \"team.asked == yes\", text: {nl: x, en: x}, effects: {flags: "
      "[hi3]}}\n"
      "  - {id: r.not-asked, block: life, when: \"team.asked == no\", text: {nl: x, en: x}, effects: {flags: "
      "[hi4]}}\n"
      "  - {id: r.watched, block: life, when: \"moods in people.watch\", text: {nl: x, en: x}, effects: "
      "{flags: "
      "[ko]}}\n");
  const auto a = core::assess(fw, test::use_case(fw, without(k_good, "time: {spent: rest}\n")));
  CHECK(a.range.best == Verdict::limited);
  CHECK(a.range.worst == Verdict::not_advised);
  CHECK(a.verdict == Verdict::limited);
  bool capped = false;
  for (const auto &reason : a.verdict_reasons) {
    capped = capped || (reason.kind == core::VerdictReason::Kind::open_questions && reason.binding &&
                        reason.at_most == Verdict::limited);
  }
  CHECK(capped);
}

namespace {

// Each of `fields` at random either given (one of its values, into `given`) or left open (its
// index into `open`), one in two.
void split_answers(std::mt19937 &random,
                   const std::vector<std::pair<std::string, std::vector<std::string>>> &fields,
                   std::map<std::string, std::string> &given,
                   std::vector<std::size_t> &open) {
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (random() % 2 == 0) {
      given[fields[f].first] = fields[f].second[random() % fields[f].second.size()];
    } else {
      open.push_back(f);
    }
  }
}

} // namespace

TEST_CASE("the verdict range holds every way of answering the open questions (exhaustive)", "[core][range]") {
  // Random small use cases on the mini framework; every completion is assessed by brute force
  // and must give a verdict inside the range, and when the range is exact its ends must be met.
  const auto fw = test::mini_framework();
  std::mt19937 random(20261130);
  const std::vector<std::pair<std::string, std::vector<std::string>>> fields = {
      {"tool.mode", {"look", "draft", "act", "rule"}},
      {"tool.kind", {"rules", "learning"}},
      {"tool.check", {"all", "some", "none"}},
      {"data.state", {"clean", "dirty"}},
      {"data.private", {"yes", "no"}},
      {"data.outside", {"yes", "no"}},
      {"time.spent", {"rest", "more"}},
      {"team.skill", {"low", "mid", "high"}},
      {"team.asked", {"yes", "no"}}};
  core::AssessOptions plain;
  plain.range = false;
#ifdef KANSRIJK_SANITIZED
  constexpr int rounds = 15; // under the sanitizers (.ci/run stage 2) each assessment is ~20 times slower
#else
  constexpr int rounds = 60;
#endif
  for (int round = 0; round < rounds; ++round) {
    std::map<std::string, std::string> given;
    std::vector<std::size_t> open;
    split_answers(random, fields, given, open);
    const bool own_task = random() % 3 == 0;
    const auto yaml_of = [&](const std::map<std::string, std::string> &values, const std::string &own) {
      std::string yaml = "name: T\naim: {goal: x}\njobs: [{item: desk.write}" + own + "]\n";
      std::map<std::string, std::string> groups;
      for (const auto &[path, value] : values) {
        const auto dot = path.find('.');
        groups[path.substr(0, dot)] +=
            (groups[path.substr(0, dot)].empty() ? "" : ", ") + path.substr(dot + 1) + ": \"" + value + "\"";
      }
      for (const auto &[group, body] : groups) {
        yaml += group + ": {" + body + "}\n";
      }
      return yaml;
    };
    const std::string own = own_task ? ", {called: Eigen, needs: [write]}" : "";
    const auto now = core::assess(fw, test::use_case(fw, yaml_of(given, own)));
    REQUIRE(now.range.computed);
    // Every completion: each open field each value; an own task's dull and joy each level.
    std::vector<std::pair<std::string, std::vector<std::string>>> slots;
    for (const std::size_t f : open) {
      slots.push_back(fields[f]);
    }
    const std::vector<std::string> levels = {"low", "mid", "high"};
    int best = -1;
    int worst = 5;
    std::function<void(std::size_t, std::map<std::string, std::string> &, int, int)> each =
        [&](std::size_t i, std::map<std::string, std::string> &values, int dull, int joy) {
          if (i < slots.size()) {
            for (const auto &value : slots[i].second) {
              values[slots[i].first] = value;
              each(i + 1, values, dull, joy);
            }
            values.erase(slots[i].first);
            return;
          }
          if (own_task && dull < 0) {
            for (int d = 0; d < 3; ++d) {
              for (int j = 0; j < 3; ++j) {
                each(i, values, d, j);
              }
            }
            return;
          }
          const std::string task =
              own_task ? ", {called: Eigen, needs: [write], dull: " + levels[static_cast<std::size_t>(dull)] +
                             ", joy: " + levels[static_cast<std::size_t>(joy)] + "}"
                       : "";
          const auto full = core::assess(fw, test::use_case(fw, yaml_of(values, task)), plain);
          INFO(yaml_of(values, task));
          const int v = core::favourability(full.verdict);
          CHECK(v <= core::favourability(now.range.best));
          CHECK(v >= core::favourability(now.range.worst));
          if (full.overall) {
            CHECK(*full.overall <= *now.range.overall_max);
            CHECK(*full.overall >= *now.range.overall_min);
          }
          best = std::max(best, v);
          worst = std::min(worst, v);
        };
    auto values = given;
    each(0, values, -1, -1);
    if (now.range.exact) {
      CHECK(best == core::favourability(now.range.best));
      CHECK(worst == core::favourability(now.range.worst));
    }
    // and the verdict now is never better than what any answers give
    CHECK(core::favourability(now.verdict) <= core::favourability(now.range.best));
  }
}

namespace {

bool same_value(const core::FieldValue &a, const core::FieldValue &b) {
  return a.known == b.known && a.defaulted == b.defaulted && a.value == b.value && a.low == b.low &&
         a.high == b.high && a.values == b.values && a.possible == b.possible && a.text == b.text;
}

using Choices = std::vector<std::pair<std::string, std::vector<std::string>>>;

// Every field of the mini framework a random case may answer, with its values.
const Choices k_choices = {{"tool.mode", {"look", "draft", "act", "rule"}},
                           {"tool.kind", {"rules", "learning"}},
                           {"tool.check", {"all", "some", "none"}},
                           {"data.state", {"clean", "dirty"}},
                           {"data.private", {"yes", "no"}},
                           {"data.outside", {"yes", "no"}},
                           {"time.spent", {"rest", "more"}},
                           {"team.skill", {"low", "mid", "high"}},
                           {"team.asked", {"yes", "no"}}};

// A use case of the mini framework with the task desk.write, `own` after it, and `given` answers.
std::string case_yaml(const std::map<std::string, std::string> &given, const std::string &own);

// A random case: each field answered with chance 1 in `one_in`, own task `own` with chance
// 1 in `own_one_in`.
std::string random_case(std::mt19937 &random, unsigned one_in, const std::string &own, unsigned own_one_in) {
  const std::string task = random() % own_one_in == 0 ? own : "";
  std::map<std::string, std::string> given;
  for (const auto &[path, values] : k_choices) {
    if (random() % one_in == 0) {
      given[path] = values[random() % values.size()];
    }
  }
  return case_yaml(given, task);
}

// Calls `visit(ref, value)` for every answer to every open question of `now`, the assessment of `uc`.
template <typename Visit>
void each_answer(const core::Framework &fw,
                 const core::UseCase &uc,
                 const core::Assessment &now,
                 Visit visit) {
  for (const auto &open : now.open_questions) {
    bool approximate = false;
    for (const auto &value : core::answers_for(fw, uc, open.ref, approximate)) {
      visit(open.ref, value);
    }
  }
}

std::string case_yaml(const std::map<std::string, std::string> &given, const std::string &own) {
  std::string yaml = "name: T\naim: {goal: x}\njobs: [{item: desk.write}" + own + "]\n";
  std::map<std::string, std::string> groups;
  for (const auto &[path, value] : given) {
    const auto dot = path.find('.');
    auto &body = groups[path.substr(0, dot)];
    body += (body.empty() ? "" : ", ") + path.substr(dot + 1) + ": " + value;
  }
  for (const auto &[group, body] : groups) {
    yaml += group + ": {" + body + "}\n";
  }
  return yaml;
}

bool same_case(const core::UseCase &a, const core::UseCase &b) {
  const auto same_values = [](const std::vector<core::FieldValue> &x,
                              const std::vector<core::FieldValue> &y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), same_value);
  };
  if (!same_values(a.fields, b.fields) || a.tasks.size() != b.tasks.size()) {
    return false;
  }
  for (std::size_t t = 0; t < a.tasks.size(); ++t) {
    const auto &x = a.tasks[t];
    const auto &y = b.tasks[t];
    if (x.item != y.item || !same_values(x.attributes, y.attributes) || x.skills.size() != y.skills.size()) {
      return false;
    }
    for (std::size_t s = 0; s < x.skills.size(); ++s) {
      if (x.skills[s].skill != y.skills[s].skill || x.skills[s].weight != y.skills[s].weight) {
        return false;
      }
    }
  }
  return true;
}

} // namespace

TEST_CASE("an answer given in place is the answer given to a copy, and is taken back exactly",
          "[core][range]") {
  // The searches give answers in one use case and take them back (GivenAnswer) instead of
  // copying it; every open answer of random cases, own tasks included (their skills and
  // derived attributes), with the defaults that a field's answer changes.
  const auto fw = test::mini_framework();
  std::mt19937 random(20261201);
  int answers = 0;
  for (int round = 0; round < 40; ++round) {
    const std::string yaml = random_case(random, 2, ", {called: Eigen}", 2);
    INFO(yaml);
    const core::UseCase uc = core::search_copy(test::use_case(fw, yaml));
    const auto now = core::assess(fw, uc);
    core::UseCase work = uc;
    each_answer(fw, uc, now, [&](const core::UnknownRef &ref, const core::FieldValue &value) {
      core::UseCase copy = uc;
      core::give_answer(fw, copy, ref, value);
      {
        const core::GivenAnswer in_place(fw, work, ref, value);
        CHECK(same_case(work, copy));
      }
      CHECK(same_case(work, uc));
      ++answers;
    });
  }
  CHECK(answers > 100);
}

TEST_CASE("an answer to a field no default reads leaves the defaults as a full recompute would",
          "[core][range]") {
  // give_answer re-applies the task attributes' defaults only for a field that one of their
  // conditions reads (Framework::field_feeds_defaults); for every other field, recomputing
  // them all must change nothing.
  const auto fw = test::mini_framework();
  const int mode = fw.field_index("tool.mode");
  REQUIRE(mode >= 0);
  REQUIRE(fw.field_feeds_defaults.size() == fw.fields.size());
  CHECK(fw.field_feeds_defaults[static_cast<std::size_t>(mode)]);
  CHECK(std::count(fw.field_feeds_defaults.begin(), fw.field_feeds_defaults.end(), true) == 1);
  std::mt19937 random(20261202);
  int skipped = 0;
  for (int round = 0; round < 40; ++round) {
    const std::string yaml = random_case(random, 2, ", {called: Eigen}", 2);
    INFO(yaml);
    const core::UseCase uc = core::search_copy(test::use_case(fw, yaml));
    const auto now = core::assess(fw, uc);
    each_answer(fw, uc, now, [&](const core::UnknownRef &ref, const core::FieldValue &value) {
      core::UseCase given = uc;
      core::give_answer(fw, given, ref, value);
      core::UseCase recomputed = given;
      core::apply_defaults(fw, recomputed);
      CHECK(same_case(given, recomputed));
      skipped += !ref.task_field && ref.field != mode ? 1 : 0;
    });
  }
  CHECK(skipped > 50);
}

TEST_CASE("a range searched within the range of the case it refines is the range searched alone",
          "[core][range]") {
  // The ranked questions search each answer's range within the range now (it cannot be wider):
  // the search stops once it has found that whole range. Same range, fewer or as many points.
  const auto fw = test::mini_framework();
  std::mt19937 random(1201);
  int compared = 0;
  for (int round = 0; round < 40; ++round) {
    const std::string yaml = random_case(random, 3, ", {called: Eigen, needs: [write]}", 3);
    INFO(yaml);
    const core::UseCase uc = test::use_case(fw, yaml);
    const auto now = core::assess(fw, uc);
    REQUIRE(now.range.computed);
    each_answer(fw, uc, now, [&](const core::UnknownRef &ref, const core::FieldValue &value) {
      core::UseCase child = uc;
      core::give_answer(fw, child, ref, value);
      const auto alone = core::verdict_range(fw, child, 4000, false);
      const auto within = core::verdict_range(fw, child, 4000, false, &now.range);
      // and as the ranked questions compute it, from the case without the answer
      core::AnswerRanges ranges(fw, core::search_copy(uc), now.range, 4000);
      const auto answered = ranges.with(ref, value);
      CHECK(answered.best == alone.best);
      CHECK(answered.worst == alone.worst);
      CHECK(answered.exact == within.exact);
      CHECK(answered.explored == within.explored);
      REQUIRE(alone.exact);
      CHECK(within.exact);
      CHECK(within.best == alone.best);
      CHECK(within.worst == alone.worst);
      CHECK(within.explored <= alone.explored);
      ++compared;
    });
  }
  CHECK(compared > 100);
}

namespace {

// The mini framework with rules that read data.private and data.sensitive, whose question is
// asked only when data.private is not "no" (if skipped: "no"): "sensitive" knocks it out.
// `rewarding`: instead, "private: no" and "sensitive: yes" each add points, so that only the
// combination no interview gives would reach the highest score.
core::Framework framework_with_skipped_question(bool rewarding = false) {
  auto files = test::mini_files();
  // data.detail is asked only when data.sensitive is not "no": a chain of two skips.
  const std::string sensitive_line = "  - {path: data.sensitive,";
  auto &vocabulary = files["vocabulary.yaml"];
  const auto at = vocabulary.find(sensitive_line);
  REQUIRE(at != std::string::npos);
  vocabulary.insert(
      at,
      "  - {path: data.detail, type: enum, values: [\"yes\", \"no\"], ask_if: \"data.sensitive != no\", "
      "if_skipped: \"no\", label: {nl: Detail, en: Detail}, question: {nl: \"Detail?\", en: \"Detail?\"}}\n");
  files["rules-private.yaml"] = rewarding ? R"(rules:
  - {id: r.public, block: life, when: "data.private == no", text: {nl: "x", en: "x"}, effects: {points: {life: 25}}}
  - {id: r.sensitive, block: life, when: "data.sensitive == yes", text: {nl: "x", en: "x"}, effects: {points: {life: 25}}}
  - {id: r.detail, block: life, when: "data.detail == yes", text: {nl: "x", en: "x"}, effects: {points: {life: 25}}}
)"
                                          : R"(rules:
  - {id: r.private, block: life, when: "data.private == yes", text: {nl: "x", en: "x"}, effects: {flags: [med]}}
  - {id: r.sensitive, block: life, when: "data.sensitive == yes", text: {nl: "x", en: "x"}, effects: {flags: [ko]}}
  - {id: r.detail, block: life, when: "data.detail == yes", text: {nl: "x", en: "x"}, effects: {flags: [hi]}}
)";
  return io::load_framework(test::as_sources(files), "mini");
}

std::vector<std::string>
answer_words(const core::Framework &fw, int field, const std::vector<core::FieldValue> &values) {
  std::vector<std::string> out;
  for (const auto &v : values) {
    out.push_back(
        fw.fields[static_cast<std::size_t>(field)].domain.values[static_cast<std::size_t>(v.value)]);
  }
  return out;
}

} // namespace

TEST_CASE("a search gives only answers an interview can give together", "[core][range]") {
  // The interview asks "sensitive?" only when "private?" is not "no", and a skipped question's
  // answer is "no" (the loader gives it). A search must not combine "private: no" with
  // "sensitive: yes": no use case can say both.
  const auto fw = framework_with_skipped_question();
  const int privacy = fw.field_index("data.private");
  const int sensitive = fw.field_index("data.sensitive");
  const core::UnknownRef private_ref{privacy, -1, false};
  const core::UnknownRef sensitive_ref{sensitive, -1, false};
  bool approximate = false;

  // "sensitive: yes" given, "private" open: only "yes" can go with it.
  const std::string no_data = without(k_good, "data: {state: clean}\n");
  const auto told = test::use_case(fw, no_data + "data: {state: clean, sensitive: \"yes\"}\n");
  CHECK(answer_words(fw, privacy, core::answers_for(fw, told, private_ref, approximate)) ==
        std::vector<std::string>{"yes"});
  // Both open: each answer is possible; "private: no" given by a search, "sensitive" has one.
  const auto open = test::use_case(fw, k_good);
  CHECK(core::answers_for(fw, open, private_ref, approximate).size() == 2);
  core::UseCase no_private = open;
  core::FieldValue no;
  no.known = true;
  no.value = 1;
  core::give_answer(fw, no_private, private_ref, no);
  CHECK(answer_words(fw, sensitive, core::answers_for(fw, no_private, sensitive_ref, approximate)) ==
        std::vector<std::string>{"no"});
  CHECK_FALSE(approximate);

  // Along the chain: "detail: yes" given, "private" and "sensitive" open: "private: no" would
  // skip "sensitive" (so "no"), which skips "detail": only "yes" can go with it.
  const auto chained = test::use_case(fw, no_data + "data: {state: clean, detail: \"yes\"}\n");
  CHECK(answer_words(fw, privacy, core::answers_for(fw, chained, private_ref, approximate)) ==
        std::vector<std::string>{"yes"});
  CHECK(answer_words(fw, sensitive, core::answers_for(fw, chained, sensitive_ref, approximate)) ==
        std::vector<std::string>{"yes"});

  // The verdict range and the ranked question: "private: no" settles it (nothing is sensitive),
  // exactly as the case written with "private: no" (by hand: k_good is promising, the knock-out
  // needs "sensitive: yes").
  const auto now = core::assess(fw, open);
  CHECK(now.range.best == Verdict::promising);
  CHECK(now.range.worst == Verdict::not_advised);
  const auto written =
      core::assess(fw, test::use_case(fw, no_data + "data: {state: clean, private: \"no\"}\n"));
  CHECK(written.range.best == Verdict::promising);
  CHECK(written.range.worst == Verdict::promising);
  bool ranked = false;
  for (const auto &q : now.questions) {
    if (q.ref.field != privacy) {
      continue;
    }
    for (const auto &outcome : q.outcomes) {
      if (answer_words(fw, privacy, outcome.answers) == std::vector<std::string>{"no"}) {
        CHECK(outcome.best == Verdict::promising);
        CHECK(outcome.worst == Verdict::promising);
        CHECK(outcome.exact);
        ranked = true;
      }
    }
  }
  CHECK(ranked);
  // "sensitive: yes" given: the knock-out holds for every answer an interview can give, and
  // r.private (read by no other answer than "yes") fires now.
  const auto sure = core::assess(fw, told);
  CHECK(sure.verdict == Verdict::not_advised);
  CHECK(raised(sure, "med") != nullptr);
  CHECK(sure.range.best == Verdict::not_advised);

  // A what-if or --set answer implies the skipped answer too, as the loader does.
  core::UseCase set = open;
  core::set_field(fw, set, privacy, no);
  REQUIRE(set.fields[static_cast<std::size_t>(sensitive)].known);
  CHECK(set.fields[static_cast<std::size_t>(sensitive)].value == 1);
}

TEST_CASE("the verdict range holds every answer an interview can give (exhaustive, skipped questions)",
          "[core][range]") {
  // As the exhaustive test above, on the framework where "sensitive" is asked only when
  // "private" is not "no": every completion an interview can give is inside the range, and an
  // exact range's ends are met by such completions (with the rewarding rules, a search that
  // combined "private: no" with "sensitive: yes" would claim a score no use case can get).
  for (const bool rewarding : {false, true}) {
    const auto fw = framework_with_skipped_question(rewarding);
    std::mt19937 random(20261201);
    const Choices fields = {
        {"tool.mode", {"look", "draft", "rule"}}, {"data.state", {"clean", "dirty"}},
        {"data.private", {"\"yes\"", "\"no\""}},  {"data.sensitive", {"\"yes\"", "\"no\""}},
        {"data.detail", {"\"yes\"", "\"no\""}},   {"team.skill", {"low", "high"}}};
    core::AssessOptions plain;
    plain.range = false;
    int exact_ranges = 0;
    // The other answers are given, so that a completion of the five is a whole use case.
    const std::map<std::string, std::string> fixed = {{"tool.kind", "learning"},
                                                      {"tool.check", "all"},
                                                      {"data.outside", "\"no\""},
                                                      {"time.spent", "rest"},
                                                      {"team.asked", "\"yes\""}};
    for (int round = 0; round < 40; ++round) {
      std::map<std::string, std::string> given = fixed;
      std::vector<std::size_t> open;
      split_answers(random, fields, given, open);
      const std::string yaml = case_yaml(given, "");
      INFO(yaml);
      const auto loaded = test::use_case(fw, yaml);
      const auto now = core::assess(fw, loaded);
      REQUIRE(now.range.computed);
      // An open answer the loader implied (a skipped question) is the file's answer.
      std::erase_if(open, [&](std::size_t f) {
        const auto &value = loaded.fields[static_cast<std::size_t>(fw.field_index(fields[f].first))];
        if (!value.known) {
          return false;
        }
        const auto &words =
            fw.fields[static_cast<std::size_t>(fw.field_index(fields[f].first))].domain.values;
        given[fields[f].first] = "\"" + words[static_cast<std::size_t>(value.value)] + "\"";
        return true;
      });
      // A link of the chain is the file's own when it gives both ends.
      const auto given_both = [&](const char *a, const char *b) {
        return given.count(a) != 0 && given.count(b) != 0;
      };
      CHECK(core::favourability(now.verdict) <= core::favourability(now.range.best));
      int best = -1;
      int worst = 5;
      int high = -1;
      int low = 101;
      std::function<void(std::size_t, std::map<std::string, std::string> &)> each =
          [&](std::size_t i, std::map<std::string, std::string> &values) {
            if (i < open.size()) {
              for (const auto &value : fields[open[i]].second) {
                values[fields[open[i]].first] = value;
                each(i + 1, values);
              }
              values.erase(fields[open[i]].first);
              return;
            }
            // "private: no" with "sensitive: yes", or "sensitive: no" with "detail: yes": no
            // interview gives both (unless the file did).
            const auto skipped = [&](const char *asker, const char *asked) {
              return !given_both(asker, asked) && values[asker] == "\"no\"" && values[asked] == "\"yes\"";
            };
            if (skipped("data.private", "data.sensitive") || skipped("data.sensitive", "data.detail")) {
              return;
            }
            const auto full = core::assess(fw, test::use_case(fw, case_yaml(values, "")), plain);
            const int v = core::favourability(full.verdict);
            CHECK(v <= core::favourability(now.range.best));
            CHECK(v >= core::favourability(now.range.worst));
            best = std::max(best, v);
            worst = std::min(worst, v);
            if (full.overall) {
              REQUIRE(now.range.overall_max);
              CHECK(*full.overall <= *now.range.overall_max);
              CHECK(*full.overall >= *now.range.overall_min);
              high = std::max(high, *full.overall);
              low = std::min(low, *full.overall);
            }
          };
      auto values = given;
      each(0, values);
      if (now.range.exact) {
        ++exact_ranges;
        CHECK(best == core::favourability(now.range.best));
        CHECK(worst == core::favourability(now.range.worst));
        if (high >= 0 && now.range.overall_max) {
          CHECK(high == *now.range.overall_max);
          CHECK(low == *now.range.overall_min);
        }
      }
    }
    CHECK(exact_ranges > 30);
  }
}
