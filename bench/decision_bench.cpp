// In-process timings of the decision support, for bench/decision.py: what `kansrijk
// interview` recomputes after an answer, and the range and what-if searches, without the
// process start and the framework loading that end-to-end timings include.
//
// Usage: kansrijk_bench CASE.yaml...   (the built-in framework, or $KANSRIJK_FRAMEWORK)
// Prints per case, as tab-separated columns: the file, the median in microseconds of
// assess with the range only, with the range and ranked questions (the interview's
// recomputation), and with the what-if search too; the range's search nodes; the what-if
// search's full assessments and bounds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/diagnostic.hpp>
#include <vector>

namespace {

using namespace kansrijk;

double median_us(const core::Framework &framework,
                 const core::UseCase &use_case,
                 const core::AssessOptions &options) {
  std::vector<double> times;
  for (int run = 0; run < 9; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const core::Assessment assessment = core::assess(framework, use_case, options);
    const auto stop = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  try {
    const core::Framework framework = io::load_framework_for("");
    std::printf("case\trange_us\tinterview_us\tfull_us\tnodes\twhat_if_assessed\twhat_if_bounds\n");
    for (int i = 1; i < argc; ++i) {
      const core::UseCase use_case = io::load_use_case(argv[i], framework, std::cin);
      core::AssessOptions range_only;
      range_only.questions = false;
      range_only.what_if = false;
      range_only.score_range = false;
      core::AssessOptions interview = core::waited_for(); // as interview.cpp's judge: every core
      interview.what_if = false;
      interview.score_range = false;
      const core::AssessOptions full = core::waited_for(); // as `kansrijk assess`
      const core::Assessment assessment = core::assess(framework, use_case, full);
      std::printf("%s\t%.0f\t%.0f\t%.0f\t%zu\t%zu\t%zu\n", argv[i],
                  median_us(framework, use_case, range_only), median_us(framework, use_case, interview),
                  median_us(framework, use_case, full), assessment.range.explored,
                  assessment.what_if.evaluated, assessment.what_if.bounded);
    }
  } catch (const util::Error &e) {
    std::cerr << "kansrijk_bench: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
