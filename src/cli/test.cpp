// `kansrijk test [DIR]`: runs the golden cases kept with a framework and reports rule
// coverage, so a framework edit that changes a verdict is caught.
#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/builtin_framework.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/golden_case.hpp>
#include <kansrijk/report/trace.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <memory>
#include <ostream>
#include <set>

namespace kansrijk::cli {

namespace {

// For the expectations about rules and flags that failed: the conditions of the rules
// involved, each part with its value for the case, so the author sees which part was false
// or unknown. A rule that should fire and did not; a rule that raises an expected flag that
// is missing; a rule that raised a flag that was not expected.
std::string
explain_failure(const core::Framework &fw, const io::GoldenCase &golden, const core::Assessment &a) {
  std::vector<std::size_t> rules;
  const auto fired = [&](std::size_t r) {
    return std::any_of(a.fired.begin(), a.fired.end(),
                       [&](const core::FiredRule &f) { return static_cast<std::size_t>(f.rule) == r; });
  };
  const auto add = [&](std::size_t r) {
    if (std::find(rules.begin(), rules.end(), r) == rules.end()) {
      rules.push_back(r);
    }
  };
  for (std::size_t r = 0; r < fw.rules.size(); ++r) {
    const auto &rule = fw.rules[r];
    if (!fired(r) && std::find(golden.fires.begin(), golden.fires.end(), rule.id) != golden.fires.end()) {
      add(r);
    }
    if (!golden.flags) {
      continue;
    }
    for (const int flag : rule.effects.flags) {
      const auto &id = fw.flags[static_cast<std::size_t>(flag)].id;
      const bool expected = std::find(golden.flags->begin(), golden.flags->end(), id) != golden.flags->end();
      const bool raised = std::any_of(a.flags.begin(), a.flags.end(),
                                      [&](const core::RaisedFlag &f) { return f.flag == flag; });
      if ((expected && !raised && !fired(r)) || (!expected && raised && fired(r))) {
        add(r);
      }
    }
  }
  std::string out;
  for (const std::size_t r : rules) {
    out += fmt::format("     condition of {} ({}) for this case:\n", util::safe_terminal(fw.rules[r].id),
                       fired(r) ? "fired" : "did not fire");
    out += report::condition_trace(fw, fw.rules[r], golden.use_case, "       ");
  }
  return out;
}

} // namespace

namespace {
struct TestOptions {
  std::string folder;
  int min_coverage = 0;
  bool quiet = false;
};
} // namespace

void add_test(CommandLine &app, Action &action) {
  auto options = std::make_shared<TestOptions>();
  Command *sub =
      app.add_subcommand("test", "Run a framework's golden cases (tests/*.yaml) and report rule coverage.");
  sub->add_option("DIR", options->folder,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in one)")
      ->value_kind(ValueKind::directory);
  sub->add_option("--min-coverage", options->min_coverage,
                  "Fail unless at least this percentage of the rules fires in some case")
      ->range(0, 100)
      ->capture_default_str();
  sub->add_flag("-q,--quiet", options->quiet, "Print only failures and the totals");
  sub->callback([options, &action] {
    action = [options](std::istream &, std::ostream &out, std::ostream &err) {
      std::vector<io::SourceFile> files;
      std::string origin = options->folder;
      if (origin.empty()) {
        const char *env = std::getenv("KANSRIJK_FRAMEWORK");
        origin = env != nullptr && *env != '\0' ? env : "";
      }
      files = origin.empty() ? io::builtin_framework_sources() : io::read_framework_folder(origin);
      const core::Framework framework =
          origin.empty() ? io::load_framework(files, "builtin", io::builtin_framework_fingerprint())
                         : io::load_framework(files, origin);
      const auto cases = io::load_golden_cases(files, framework);
      if (cases.empty()) {
        err << "kansrijk: error: " << util::safe_terminal(origin.empty() ? "builtin" : origin)
            << ": no golden cases (tests/*.yaml); add at least one\n";
        return k_exit_usage;
      }
      std::string report; // written at the end, checked
      int passed = 0;
      int failed = 0;
      std::set<int> fired;
      for (const auto &golden : cases) {
        const core::Assessment assessment = core::assess(framework, golden.use_case);
        for (const auto &f : assessment.fired) {
          fired.insert(f.rule);
        }
        const auto problems = io::compare(golden, assessment);
        if (problems.empty()) {
          ++passed;
          if (!options->quiet) {
            report += "PASS " + util::safe_terminal(golden.name) + '\n';
          }
          continue;
        }
        ++failed;
        report +=
            "FAIL " + util::safe_terminal(golden.name) + " (" + util::safe_terminal(golden.file) + ")\n";
        for (const auto &problem : problems) {
          report += "     " + util::safe_terminal(problem) + '\n';
        }
        report += explain_failure(framework, golden, assessment);
      }
      const std::size_t rules = framework.rules.size();
      const int percent = rules == 0 ? 100 : static_cast<int>(fired.size() * 100 / rules);
      report += fmt::format("rule coverage: {}/{} rules fired ({}%)\n", fired.size(), rules, percent);
      std::vector<std::string> never;
      for (std::size_t r = 0; r < rules; ++r) {
        if (!fired.contains(static_cast<int>(r))) {
          never.push_back(framework.rules[r].id);
        }
      }
      for (const auto &id : never) {
        report += "  never fired: " + util::safe_terminal(id) + '\n';
      }
      const bool coverage_ok = percent >= options->min_coverage;
      if (!coverage_ok) {
        report +=
            fmt::format("rule coverage {}% is below the required {}%\n", percent, options->min_coverage);
      }
      report += fmt::format("{} passed, {} failed\n", passed, failed);
      util::write_stream(out, report);
      return failed == 0 && coverage_ok ? k_exit_ok : k_exit_findings;
    };
  });
}

} // namespace kansrijk::cli
