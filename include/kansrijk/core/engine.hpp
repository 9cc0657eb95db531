// The rule engine: evaluates every rule of a framework for one use case and turns the
// outcomes into scores, directions, flags and a verdict. No I/O.
#pragma once

#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/use_case.hpp>

namespace kansrijk::core {

// Assesses `use_case` (whose tasks are completed) against `framework`. Every rule is
// evaluated; the result refers to both arguments, which must outlive it.
Assessment assess(const Framework &framework, const UseCase &use_case);

} // namespace kansrijk::core
