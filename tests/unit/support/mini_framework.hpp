// A tiny framework for unit tests: the real use-case vocabulary (fields.yaml is a contract
// shared by all frameworks) with two skills, two tasks and a handful of rules whose effects
// the scoring tests can work out by hand.
#pragma once

#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <map>
#include <string>

namespace kansrijk::test {

inline std::string real_file(const std::string &name) {
  auto text = util::read_text_file(
      std::string(KANSRIJK_SOURCE_DIR) + "/frameworks/tno-arbeidsdeskundige/" + name, 1U << 22U);
  return text ? *text : std::string();
}

inline std::map<std::string, std::string> mini_files() {
  std::map<std::string, std::string> files;
  files["framework.yaml"] = R"(id: mini
version: 1.0.0
languages: [nl, en]
title: {nl: "Mini", en: "Mini"}
statement: {nl: "Hulpmiddel.", en: "Aid."}
limits: {nl: "Grenzen.", en: "Limits."}
sources:
  - {id: S, title: {nl: "Testbron", en: "Test source"}}
blocks:
  - {id: purpose, label: {nl: Doel, en: Purpose}, question: {nl: "?", en: "?"}, base: 50, weight: 1, provenance: quoted, source: [S]}
  - {id: tasks, label: {nl: Taken, en: Tasks}, question: {nl: "?", en: "?"}, base: 0, weight: 1, provenance: quoted, source: [S]}
  - {id: skills, label: {nl: Vaardigheden, en: Skills}, question: {nl: "?", en: "?"}, base: 0, weight: 1, provenance: quoted, source: [S]}
  - {id: technology, label: {nl: Technologie, en: Technology}, question: {nl: "?", en: "?"}, base: 0, weight: 1, provenance: quoted, source: [S]}
  - {id: quality_of_work, label: {nl: Kwaliteit, en: Quality}, question: {nl: "?", en: "?"}, base: 50, weight: 1, provenance: quoted, source: [S]}
scoring:
  max_unknown_share: 0.5
  overall_min_blocks: 3
  verdict_thresholds: {promising: 70, conditional: 50, limited: 30}
  weak_block: 30
  grade_points: {none: 0, limited: 33, moderate: 67, strong: 100}
  qow_points: {favourable: 10, unfavourable: -10, mixed: -4, neutral: 0}
  task_suitability:
    base: 50
    provenance: reconstructed
    source: [S]
    attributes:
      routine: {low: -10, medium: 0, high: 20}
      enjoyment: {low: 10, medium: 0, high: -20}
)";
  files["fields.yaml"] = real_file("fields.yaml");
  files["skills.yaml"] = R"(skills:
  - {id: writing, group: cognitive, label: {nl: Schrijven, en: Writing}, description: {nl: "x", en: "x"}, provenance: quoted, source: [S]}
  - {id: empathy, group: affective, label: {nl: Empathie, en: Empathy}, description: {nl: "x", en: "x"}, provenance: quoted, source: [S]}
)";
  files["taxonomy.yaml"] = R"(pillars:
  - {id: p, label: {nl: P, en: P}, description: {nl: "x", en: "x"}, provenance: quoted, source: [S]}
items:
  - {id: p.write, pillar: p, kind: task, label: {nl: Schrijven, en: Write}, description: {nl: "x", en: "x"}, skills: {writing: 3}, routine: high, enjoyment: low, essential: medium, client_impact: medium, admin_burden: high, rationale: {nl: "x", en: "x"}, provenance: reconstructed, source: [S]}
  - {id: p.talk, pillar: p, kind: action, label: {nl: Praten, en: Talk}, description: {nl: "x", en: "x"}, skills: {empathy: 3, writing: 1}, routine: low, enjoyment: high, essential: high, client_impact: high, admin_burden: low, rationale: {nl: "x", en: "x"}, provenance: reconstructed, source: [S]}
)";
  files["technologies.yaml"] = R"(technologies:
  - {id: symbolic, label: {nl: S, en: S}, description: {nl: "x", en: "x"}, strengths: [], risks: [], provenance: quoted, source: [S]}
  - {id: generative, label: {nl: G, en: G}, description: {nl: "x", en: "x"}, strengths: [], risks: [], provenance: quoted, source: [S]}
support:
  - skill: writing
    grades:
      symbolic: {grade: limited, why: {nl: "x", en: "x"}}
      generative: {grade: strong, why: {nl: "x", en: "x"}}
  - skill: empathy
    grades:
      symbolic: {grade: none, why: {nl: "x", en: "x"}}
      generative: {grade: none, why: {nl: "x", en: "x"}}
)";
  files["dimensions.yaml"] = R"(dimensions:
  - {id: mental_load, label: {nl: M, en: M}, description: {nl: "x", en: "x"}, favourable: down, provenance: quoted, source: [S]}
  - {id: variety, label: {nl: V, en: V}, description: {nl: "x", en: "x"}, favourable: up, provenance: quoted, source: [S]}
)";
  files["flags.yaml"] = R"(flags:
  - {id: ko, severity: knockout, message: {nl: "ko", en: "ko"}, justification: {nl: "x", en: "x"}, provenance: quoted, source: [S]}
  - {id: hi, severity: high, message: {nl: "hi", en: "hi"}, justification: {nl: "x", en: "x"}, provenance: quoted, source: [S]}
)";
  files["recommendations.yaml"] = R"(recommendations:
  - {id: rec, text: {nl: "r", en: "r"}, provenance: quoted, source: [S]}
conditions:
  - {id: cond, text: {nl: "c", en: "c"}, provenance: quoted, source: [S]}
)";
  files["rules.yaml"] = R"(rules:
  - {id: r.goal, block: purpose, when: "purpose.goal != unknown", text: {nl: "x", en: "x"}, effects: {points: {purpose: 20}}, provenance: quoted, source: [S]}
  - {id: r.draft, block: tasks, when: "ai.role == draft", text: {nl: "x", en: "x"}, effects: {points: {tasks: 10}}, provenance: quoted, source: [S]}
  - {id: r.decide, block: tasks, when: "ai.role == decide", text: {nl: "x", en: "x"}, effects: {flags: [ko]}, provenance: quoted, source: [S]}
  - {id: r.poor, block: quality_of_work, when: "data.quality == poor", text: {nl: "x", en: "x"}, effects: {flags: [hi], conditions: [cond]}, provenance: quoted, source: [S]}
  - {id: r.more, block: quality_of_work, when: "impact.freed_time == more_cases", text: {nl: "x", en: "x"}, effects: {quality_of_work: {mental_load: up}}, provenance: quoted, source: [S]}
  - {id: r.calm, block: quality_of_work, when: "context.ai_literacy == high", text: {nl: "x", en: "x"}, effects: {quality_of_work: {mental_load: down}, points: {quality_of_work: 10}}, provenance: quoted, source: [S]}
  - {id: r.good-data, block: quality_of_work, when: "data.quality == good", text: {nl: "x", en: "x"}, effects: {points: {quality_of_work: 10}, recommendations: [rec]}, provenance: quoted, source: [S]}
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

inline core::UseCase use_case(const core::Framework &framework, const std::string &yaml) {
  return io::parse_use_case(yaml, "case.yaml", framework, "case");
}

} // namespace kansrijk::test
