// Golden cases kept with a framework (`tests/*.yaml`): a use case and what its assessment
// must show. `kansrijk test` runs them; they pin the framework's behaviour.
#pragma once

#include <istream>
#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::io {

struct GoldenCase {
  std::string name;
  std::string file;
  core::UseCase use_case;
  std::optional<std::string> verdict;
  std::optional<std::vector<std::string>> flags;      // the exact set of flag ids
  std::map<std::string, std::string> quality_of_work; // dimension -> direction
  std::optional<std::string> top_technology;
  std::vector<std::string> fires;                               // rules that must fire
  std::vector<std::pair<std::string, std::string>> ranks_above; // technology a ranks above b
  std::vector<std::string> conditions_in_place;                 // raised, and the answers show them arranged
  std::vector<std::string> conditions_to_arrange;               // raised, and still to arrange
  std::optional<std::string> range_best;                        // the verdict range's ends
  std::optional<std::string> range_worst;
  std::optional<std::string> what_if_status;     // core::WhatIf::Status as in JSON
  std::vector<std::string> what_if_first_fields; // the first lift's changed fields, in order
  std::optional<std::string> what_if_first_verdict;
};

// Reads every `tests/*` file of `files` as a golden case against `framework`; problems in
// all files are collected and thrown together as util::Error.
std::vector<GoldenCase> load_golden_cases(const std::vector<SourceFile> &files,
                                          const core::Framework &framework);

// The use case in `file`: a use-case file (`-` is `in`), or the use case of a golden case (a
// mapping with `use_case` and `expect`), so a framework's tests/ folder can serve as cases.
// Throws util::Error.
core::UseCase load_case_file(const std::string &file, const core::Framework &framework, std::istream &in);

// The ways `assessment` differs from what `golden` expects; empty when it passes.
std::vector<std::string> compare(const GoldenCase &golden, const core::Assessment &assessment);

} // namespace kansrijk::io
