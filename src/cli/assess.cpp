// `kansrijk assess FILE|-`: one use case in, one report out (stdout or a file, through the
// output layer). Nothing is printed until the whole report is ready; an output that is also
// an input is refused before anything is read.
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/report_options.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/settings.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/text.hpp>
#include <memory>
#include <ostream>

namespace kansrijk::cli {

namespace {
struct AssessOptions {
  std::string input;
  std::string output = "-";
  std::string framework;
  ReportChoice report;
  std::vector<std::string> settings; // --set FIELD=VALUE
};
} // namespace

void apply_what_if(const core::Framework &framework,
                   core::UseCase &use_case,
                   const std::vector<std::string> &settings) {
  if (settings.empty()) {
    return;
  }
  io::apply_settings(framework, use_case, settings);
  use_case.title += " [--set " + util::join(settings, ", ") + "]";
}

void add_assess(CommandLine &app, Action &action) {
  auto options = std::make_shared<AssessOptions>();
  Command *sub = app.add_subcommand("assess", "Assess one use case (YAML or JSON) and print the report.");
  sub->add_option("FILE", options->input, "Use-case file, or - for standard input")
      ->required()
      ->value_kind(ValueKind::file);
  add_report_options(sub, options->report);
  sub->add_option("-o,--output", options->output,
                  "Write the report to this file (atomically), or - for stdout (the default)")
      ->check(output_name())
      ->value_kind(ValueKind::file);
  sub->add_option("--set", options->settings,
                  "A what-if: assess with FIELD set to VALUE (a code, a label, a,b for a list, [] or "
                  "unknown); repeatable. The report's title says what was set");
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->callback([options, &action] {
    action = [options](std::istream &in, std::ostream &out, std::ostream &) {
      if (io::is_many_case_file(options->input)) {
        throw util::Error(util::Diagnostic{
            {options->input, 0, 0},
            fmt::format(
                "`kansrijk assess` reads one use case, and this is a file of many (JSON Lines or a CSV "
                "inventory); assess them with `kansrijk batch {}`",
                options->input)});
      }
      report::RenderOptions render_options = resolve_report_options(
          options->report, options->output == util::k_standard_output && stdout_is_terminal());
      util::check_output_target("-o", options->output);
      std::vector<std::string> inputs =
          io::framework_file_paths(io::framework_folder_for(options->framework));
      inputs.push_back(options->input);
      util::refuse_output_over_inputs("-o", options->output, inputs);
      const core::Framework framework = io::load_framework_for(options->framework);
      render_options.language = report::language_for(framework, options->report.language);
      core::UseCase use_case = io::load_use_case(options->input, framework, in);
      apply_what_if(framework, use_case, options->settings);
      const core::Assessment assessment = core::assess(framework, use_case, core::waited_for());
      const std::string rendered =
          report::render(assessment, *report::format_from_name(options->report.format), render_options);
      util::write_output(options->output, rendered, out);
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
