// Loading a use case (YAML or JSON, use-case format v1) strictly against the fields that a
// framework declares: unknown keys, values outside a domain and wrong types are located errors.
#pragma once

#include <iosfwd>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/io/tree.hpp>
#include <string>

namespace kansrijk::io {

// Limits for one use-case file; see docs/use-case-format.md.
inline constexpr std::size_t k_max_use_case_bytes = 1U << 20U;
inline constexpr int k_max_use_case_depth = 32;
inline constexpr std::size_t k_max_use_case_nodes = 20000;
inline constexpr std::size_t k_max_tasks = 100;
inline constexpr std::size_t k_max_text_bytes = 16384;

// The parse limits of one use case (depth, nodes, text length), for every way one is read.
ParseLimits use_case_parse_limits();

// Builds a use case from the parsed `tree` against `framework`; `default_id` is used when the
// file gives no `id`. Throws util::Error with every problem found.
core::UseCase
use_case_from_tree(const Node &tree, const core::Framework &framework, const std::string &default_id);

// Parses `text` (named `name` in messages) and builds the use case; throws util::Error.
core::UseCase parse_use_case(const std::string &text,
                             const std::string &name,
                             const core::Framework &framework,
                             const std::string &default_id);

// Reads the use case at `path`, or `standard_input` for "-"; throws util::Error.
core::UseCase
load_use_case(const std::string &path, const core::Framework &framework, std::istream &standard_input);

} // namespace kansrijk::io
