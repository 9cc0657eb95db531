// `kansrijk assess FILE|-`: one use case in, one report out (stdout or an atomically
// written file). Nothing is printed until the whole report is ready.
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/file.hpp>

#include <memory>
#include <ostream>

namespace kansrijk::cli {

namespace {
struct AssessOptions {
  std::string input;
  std::string format = "text";
  std::string language = "nl";
  std::string output;
  std::string framework;
  int width = 80;
};
} // namespace

void add_assess(CLI::App& app, Action& action) {
  auto options = std::make_shared<AssessOptions>();
  CLI::App* sub = app.add_subcommand("assess", "Assess one use case (YAML or JSON) and print the report.");
  sub->add_option("FILE", options->input, "Use-case file, or - for standard input")->required();
  sub->add_option("--format", options->format, "Report format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  sub->add_option("--lang", options->language, "Report language")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
  sub->add_option("-o,--output", options->output, "Write the report to this file (atomically) instead of stdout");
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)");
  sub->add_option("--width", options->width, "Text report width in columns")->check(CLI::Range(40, 400))->capture_default_str();
  sub->callback([options, &action] {
    action = [options](std::ostream& out, std::ostream&) {
      const core::Framework framework = io::load_framework_for(options->framework);
      const core::UseCase use_case = io::load_use_case(options->input, framework);
      const core::Assessment assessment = core::assess(framework, use_case);
      const auto language = options->language == "en" ? report::Language::en : report::Language::nl;
      const std::string rendered = options->format == "json"
                                       ? report::render_json(assessment, language)
                                       : report::render_text(assessment, language, options->width);
      if (options->output.empty()) {
        out << rendered;
      } else {
        util::write_file_atomically(options->output, rendered);
      }
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
