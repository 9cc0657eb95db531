// A tiny framework for unit tests that shares nothing with the built-in one: its own field
// names, task list key (`jobs`), task attributes, blocks, skills, technologies, flags and
// verdict policy, so a test proves the engine reads the framework instead of assuming TNO's
// vocabulary. Scores are small enough to work out by hand; the tests say how in comments.
#pragma once

#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <map>
#include <string>

namespace kansrijk::test {

inline std::map<std::string, std::string> mini_files() {
  std::map<std::string, std::string> files;
  files["framework.yaml"] = R"(id: mini
version: 1.0.0
languages: [nl, en]
title: {nl: "Mini", en: "Mini"}
statement: {nl: "Hulpmiddel.", en: "Aid."}
limits: {nl: "Grenzen.", en: "Limits."}
item_provenance: optional
sources:
  - {id: S, title: {nl: "Testbron", en: "Test source"}}
blocks:
  - {id: aim, label: {nl: Doel, en: Aim}, question: {nl: "?", en: "?"}, base: 50, weight: 1}
  - {id: work, label: {nl: Werk, en: Work}, question: {nl: "?", en: "?"}, base: 0, weight: 1, computed: task_suitability}
  - {id: know, label: {nl: Kennis, en: Know-how}, question: {nl: "?", en: "?"}, base: 0, weight: 1, computed: skill_support}
  - {id: fit, label: {nl: Passend, en: Fit}, question: {nl: "?", en: "?"}, base: 0, weight: 1, computed: technology_fit}
  - {id: life, label: {nl: Werkleven, en: Working life}, question: {nl: "?", en: "?"}, base: 50, weight: 1, computed: quality_of_work}
scoring:
  max_unknown_share: 0.5
  overall_min_blocks: 3
  grade_points: {none: 0, limited: 33, moderate: 67, strong: 100}
  qow_points: {favourable: 10, unfavourable: -10, mixed: -4, neutral: 0}
  task_suitability:
    base: 50
    attributes:
      dull: {low: -10, mid: 0, high: 20}
      joy: {low: 10, mid: 0, high: -20}
verdict:
  thresholds: {promising: 70, conditional: 50, limited: 30}
  policy:
    - {id: ko, when: "flags.knockout >= 1", at_most: not_advised, text: {nl: ko, en: ko}, justification: {nl: x, en: x}}
    - {id: two-high, when: "flags.high >= 2", at_most: limited, text: {nl: twee, en: two}, justification: {nl: x, en: x}}
    - {id: high, when: "flags.high >= 1", at_most: conditional, text: {nl: een, en: one}, justification: {nl: x, en: x}}
    - {id: weak, when: "score.lowest < 30", at_most: conditional, text: {nl: zwak, en: weak}, justification: {nl: x, en: x}}
    - {id: unscored, when: "blocks.unscored >= 1", at_most: conditional, text: {nl: open, en: open}, justification: {nl: x, en: x}}
    - {id: unknown, when: "score.overall == unknown", at_most: insufficient_information, text: {nl: "?", en: "?"}, justification: {nl: x, en: x}}
)";
  files["vocabulary.yaml"] = R"(use_case_format: 1
task_list: {key: jobs}
fields:
  - {path: code, type: text, role: id, asked: false, label: {nl: Code, en: Code}, question: {nl: "?", en: "?"}}
  - {path: name, type: text, role: title, required: true, label: {nl: Naam, en: Name}, question: {nl: "?", en: "?"}}
  - {path: aim.goal, type: text, label: {nl: Doel, en: Goal}, question: {nl: "Doel?", en: "Goal?"}}
  - {path: tool.mode, type: enum, ordered: true, values: [look, draft, act, rule], design_choice: true, label: {nl: Wijze, en: Mode}, question: {nl: "Wijze?", en: "Mode?"}}
  - {path: tool.kind, type: enum, values: [rules, learning], role: technology, label: {nl: Soort, en: Kind}, question: {nl: "Soort?", en: "Kind?"}}
  - {path: tool.check, type: enum, values: [all, some, none], design_choice: true, label: {nl: Controle, en: Check}, question: {nl: "Controle?", en: "Check?"}}
  - {path: data.state, type: enum, values: [clean, dirty], label: {nl: Staat, en: State}, question: {nl: "Staat?", en: "State?"}}
  - {path: data.private, type: enum, values: ["yes", "no"], label: {nl: Privé, en: Private}, question: {nl: "Privé?", en: "Private?"}}
  - {path: data.sensitive, type: enum, values: ["yes", "no"], ask_if: "data.private != no", if_skipped: "no", label: {nl: Gevoelig, en: Sensitive}, question: {nl: "Gevoelig?", en: "Sensitive?"}}
  - {path: data.outside, type: enum, values: ["yes", "no"], design_choice: true, label: {nl: Buiten, en: Outside}, question: {nl: "Buiten?", en: "Outside?"}}
  - {path: time.spent, type: enum, values: [rest, more], design_choice: true, label: {nl: Tijd, en: Time}, question: {nl: "Tijd?", en: "Time?"}}
  - {path: team.skill, type: enum, ordered: true, values: [low, mid, high], label: {nl: Kunde, en: Skill}, question: {nl: "Kunde?", en: "Skill?"}}
  - {path: team.asked, type: enum, values: ["yes", "no"], design_choice: true, label: {nl: Gevraagd, en: Asked}, question: {nl: "Gevraagd?", en: "Asked?"}}
  - {path: people.watch, type: enum_list, values: [scores, moods], label: {nl: Volgen, en: Watch}, question: {nl: "Volgen?", en: "Watch?"}}
task_fields:
  - {path: item, type: enum, values_from: taxonomy, role: ref, label: {nl: Item, en: Item}, question: {nl: "?", en: "?"}}
  - {path: called, type: text, role: name, label: {nl: Naam, en: Name}, question: {nl: "?", en: "?"}}
  - {path: sort, type: enum, values: [chore, step], role: kind, label: {nl: Soort, en: Sort}, question: {nl: "?", en: "?"}}
  - {path: needs, type: enum_list, values_from: skills, role: skills, label: {nl: Nodig, en: Needs}, question: {nl: "Nodig?", en: "Needs?"}}
  - {path: dull, type: enum, ordered: true, values: [low, mid, high], label: {nl: Saai, en: Dull}, question: {nl: "Saai?", en: "Dull?"}}
  - {path: joy, type: enum, ordered: true, values: [low, mid, high], label: {nl: Plezier, en: Joy}, question: {nl: "Plezier?", en: "Joy?"}}
  - path: how
    type: enum
    values: [beside, helps, does]
    role: involvement
    not_scored: [beside]
    defaults:
      - {when: "tool.mode in [act, rule]", value: does}
      - {when: "tool.mode in [look, draft]", value: helps}
    label: {nl: Hoe, en: How}
    question: {nl: "Hoe?", en: "How?"}
  - {path: code, type: enum, values_from: taxonomy, derived: item_id, label: {nl: Code, en: Code}}
  - {path: area, type: enum, values_from: pillars, derived: pillar, label: {nl: Gebied, en: Area}}
  - {path: warmth, type: enum, ordered: true, values: [low, mid, high], derived: {share_of: social}, label: {nl: Warmte, en: Warmth}}
)";
  files["catalogue.yaml"] = R"(skill_groups:
  - {id: thinking, label: {nl: denken, en: thinking}}
  - {id: social, label: {nl: sociaal, en: social}}
skills:
  - {id: write, group: thinking, label: {nl: Schrijven, en: Writing}, description: {nl: "x", en: "x"}}
  - {id: care, group: social, label: {nl: Zorg, en: Care}, description: {nl: "x", en: "x"}}
pillars:
  - {id: desk, label: {nl: Bureau, en: Desk}, description: {nl: "x", en: "x"}}
items:
  - {id: desk.write, pillar: desk, sort: chore, label: {nl: Schrijven, en: Write}, description: {nl: "x", en: "x"}, needs: {write: 3}, dull: high, joy: low, rationale: {nl: "x", en: "x"}}
  - {id: desk.talk, pillar: desk, sort: step, label: {nl: Praten, en: Talk}, description: {nl: "x", en: "x"}, needs: {care: 3, write: 1}, dull: low, joy: high, rationale: {nl: "x", en: "x"}}
technologies:
  - {id: rules, label: {nl: Regels, en: Rules}, description: {nl: "x", en: "x"}, strengths: [], risks: []}
  - {id: learning, label: {nl: Lerend, en: Learning}, description: {nl: "x", en: "x"}, strengths: [], risks: []}
support:
  - skill: write
    grades:
      rules: {grade: limited, why: {nl: "x", en: "x"}}
      learning: {grade: strong, why: {nl: "x", en: "x"}}
  - skill: care
    grades:
      rules: {grade: none, why: {nl: "x", en: "x"}}
      learning: {grade: none, why: {nl: "x", en: "x"}}
dimensions:
  - {id: stress, label: {nl: Stress, en: Stress}, description: {nl: "x", en: "x"}, favourable: down}
  - {id: variety, label: {nl: Variatie, en: Variety}, description: {nl: "x", en: "x"}, favourable: up}
flags:
  - {id: ko, severity: knockout, message: {nl: "ko", en: "ko"}, justification: {nl: "x", en: "x"}}
  - {id: hi, severity: high, message: {nl: "hi", en: "hi"}, justification: {nl: "x", en: "x"}}
  - {id: hi2, severity: high, message: {nl: "hi2", en: "hi2"}, justification: {nl: "x", en: "x"}}
  - {id: hi3, severity: high, message: {nl: "hi3", en: "hi3"}, justification: {nl: "x", en: "x"}}
  - {id: hi4, severity: high, message: {nl: "hi4", en: "hi4"}, justification: {nl: "x", en: "x"}}
  - {id: med, severity: medium, message: {nl: "med", en: "med"}, justification: {nl: "x", en: "x"}}
recommendations:
  - {id: rec, text: {nl: "r", en: "r"}}
conditions:
  - {id: cond, text: {nl: "c", en: "c"}}
)";
  // The rules are split over two files, as a framework author may do.
  files["rules.yaml"] = R"(rules:
  - {id: r.goal, block: aim, when: "aim.goal != unknown", text: {nl: "x", en: "x"}, effects: {points: {aim: 20}}}
  - {id: r.draft, block: work, when: "tool.mode == draft", text: {nl: "x", en: "x"}, effects: {points: {work: 10}}}
  - {id: r.decide, block: work, when: "tool.mode == rule", text: {nl: "x", en: "x"}, effects: {flags: [ko]}}
)";
  files["rules-life.yaml"] = R"(rules:
  - {id: r.dirty, block: life, when: "data.state == dirty", text: {nl: "x", en: "x"}, effects: {flags: [hi], conditions: [cond]}}
  - {id: r.more, block: life, when: "time.spent == more", text: {nl: "x", en: "x"}, effects: {quality_of_work: {stress: up}}}
  - {id: r.calm, block: life, when: "team.skill == high", text: {nl: "x", en: "x"}, effects: {quality_of_work: {stress: down}, points: {life: 10}}}
  - {id: r.clean, block: life, when: "data.state == clean", text: {nl: "x", en: "x"}, effects: {points: {life: 10}, recommendations: [rec]}}
)";
  return files;
}

inline std::vector<io::SourceFile> as_sources(const std::map<std::string, std::string> &files) {
  std::vector<io::SourceFile> out;
  for (const auto &[name, content] : files) {
    out.push_back(io::SourceFile{name, "mini/" + name, content});
  }
  return out;
}

inline core::Framework mini_framework() { return io::load_framework(as_sources(mini_files()), "mini"); }

// `mini_files()` with `rules` (YAML list items, each starting with "  - ") added to its rules.
inline core::Framework mini_framework_with(const std::string &rules) {
  auto files = mini_files();
  files["rules-more.yaml"] = "rules:\n" + rules;
  return io::load_framework(as_sources(files), "mini");
}

inline core::UseCase use_case(const core::Framework &framework, const std::string &yaml) {
  return io::parse_use_case(yaml, "case.yaml", framework, "case");
}

} // namespace kansrijk::test
