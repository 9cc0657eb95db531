// `kansrijk compare A [B] [--set FIELD=VALUE]...`: two assessments side by side, and what
// differs between them: the verdict and its range, the scores, the red flags, the conditions
// and the rules that hold. B is a second use case, or A with the settings applied.
#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/report_options.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

namespace kansrijk::cli {

namespace {

struct CompareOptions {
  std::string a;
  std::string b;
  std::vector<std::string> settings;
  std::string output = "-";
  std::string framework;
  std::string format = "text";
  std::string language; // empty: the framework's first
};

// The ids of `all` at `indices` that one side has and the other has not.
template <typename Items>
std::vector<std::string> only_in(const Items &all, std::vector<int> mine, std::vector<int> theirs) {
  std::sort(mine.begin(), mine.end());
  std::sort(theirs.begin(), theirs.end());
  std::vector<int> diff;
  std::set_difference(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::back_inserter(diff));
  std::vector<std::string> ids;
  ids.reserve(diff.size());
  for (const int i : diff) {
    ids.push_back(all[static_cast<std::size_t>(i)].id);
  }
  return ids;
}

std::vector<int> flag_ids(const core::Assessment &a) {
  std::vector<int> out;
  out.reserve(a.flags.size());
  for (const auto &f : a.flags) {
    out.push_back(f.flag);
  }
  return out;
}

std::vector<int> rule_ids(const core::Assessment &a) {
  std::vector<int> out;
  out.reserve(a.fired.size());
  for (const auto &r : a.fired) {
    out.push_back(r.rule);
  }
  return out;
}

// Conditions still to arrange or open (those in place need nothing).
std::vector<int> condition_ids(const core::Assessment &a) {
  std::vector<int> out;
  for (const auto &c : a.conditions) {
    if (c.status != core::ConditionStatus::in_place) {
      out.push_back(c.advice);
    }
  }
  return out;
}

std::string score_text(const std::optional<int> &score) { return score ? std::to_string(*score) : "-"; }

std::string compare_json(const core::Framework &fw, const core::Assessment &a, const core::Assessment &b) {
  using Json = nlohmann::ordered_json;
  const auto side = [&](const core::Assessment &x) {
    Json scores = Json::object();
    for (const auto &block : x.blocks) {
      scores[fw.blocks[static_cast<std::size_t>(block.block)].id] =
          block.score ? Json(*block.score) : Json(nullptr);
    }
    scores["overall"] = x.overall ? Json(*x.overall) : Json(nullptr);
    return Json{{"title", x.use_case->title},
                {"verdict", std::string(core::to_string(x.verdict))},
                {"range",
                 {{"best", std::string(core::to_string(x.range.best))},
                  {"worst", std::string(core::to_string(x.range.worst))},
                  {"exact", x.range.exact}}},
                {"scores", scores}};
  };
  Json out{{"format_version", "1.2"},
           {"a", side(a)},
           {"b", side(b)},
           {"verdict_changed", a.verdict != b.verdict},
           {"flags_removed", only_in(fw.flags, flag_ids(a), flag_ids(b))},
           {"flags_added", only_in(fw.flags, flag_ids(b), flag_ids(a))},
           {"conditions_removed", only_in(fw.conditions, condition_ids(a), condition_ids(b))},
           {"conditions_added", only_in(fw.conditions, condition_ids(b), condition_ids(a))},
           {"rules_removed", only_in(fw.rules, rule_ids(a), rule_ids(b))},
           {"rules_added", only_in(fw.rules, rule_ids(b), rule_ids(a))}};
  return util::safe_json_document(out.dump(2)) + "\n";
}

std::string compare_text(const core::Framework &fw,
                         const core::Assessment &a,
                         const core::Assessment &b,
                         report::Language language) {
  using report::Word;
  const std::string lang = report::language_code(language);
  const auto w = [&](Word key) { return std::string(report::word(key, language)); };
  const auto verdict = [&](core::Verdict v) { return std::string(report::verdict_word(v, language)); };
  const auto range = [&](const core::Assessment &x) {
    return x.range.best == x.range.worst ? verdict(x.range.best)
                                         : verdict(x.range.best) + " .. " + verdict(x.range.worst);
  };
  std::string out;
  out += "A: " + util::safe_text_report(a.use_case->title) + "\n";
  out += "B: " + util::safe_text_report(b.use_case->title) + "\n\n";
  out += fmt::format("{}: {} -> {}{}\n", w(Word::verdict), verdict(a.verdict), verdict(b.verdict),
                     a.verdict == b.verdict ? " (=)" : "");
  out += fmt::format("{}: {} -> {}\n", w(Word::compare_range), range(a), range(b));
  out += fmt::format("{}: {} -> {}\n", w(Word::overall_score), score_text(a.overall), score_text(b.overall));
  for (std::size_t i = 0; i < a.blocks.size() && i < b.blocks.size(); ++i) {
    if (a.blocks[i].score != b.blocks[i].score) {
      out += fmt::format("  {}: {} -> {}\n",
                         fw.blocks[static_cast<std::size_t>(a.blocks[i].block)].label.in(lang),
                         score_text(a.blocks[i].score), score_text(b.blocks[i].score));
    }
  }
  const auto list = [&](Word title, const auto &all, const std::vector<std::string> &ids, auto text_of) {
    if (ids.empty()) {
      return;
    }
    out += "\n" + w(title) + ":\n";
    for (const auto &id : ids) {
      const auto it = std::find_if(all.begin(), all.end(), [&](const auto &x) { return x.id == id; });
      out += "- " + util::safe_text_report(text_of(*it)) + " (" + id + ")\n";
    }
  };
  const auto flag_text = [&](const core::Flag &f) { return f.message.in(lang); };
  const auto advice_text = [&](const core::Advice &c) { return c.text.in(lang); };
  list(Word::compare_flags_removed, fw.flags, only_in(fw.flags, flag_ids(a), flag_ids(b)), flag_text);
  list(Word::compare_flags_added, fw.flags, only_in(fw.flags, flag_ids(b), flag_ids(a)), flag_text);
  list(Word::compare_conditions_removed, fw.conditions,
       only_in(fw.conditions, condition_ids(a), condition_ids(b)), advice_text);
  list(Word::compare_conditions_added, fw.conditions,
       only_in(fw.conditions, condition_ids(b), condition_ids(a)), advice_text);
  const auto removed = only_in(fw.rules, rule_ids(a), rule_ids(b));
  const auto added = only_in(fw.rules, rule_ids(b), rule_ids(a));
  if (!removed.empty()) {
    out += "\n" + w(Word::rules_no_longer) + ": " + util::join(removed, ", ") + "\n";
  }
  if (!added.empty()) {
    out += "\n" + w(Word::rules_newly) + ": " + util::join(added, ", ") + "\n";
  }
  return out;
}

} // namespace

void add_compare(CommandLine &app, Action &action) {
  auto options = std::make_shared<CompareOptions>();
  Command *sub = app.add_subcommand(
      "compare", "Compare two assessments: two use cases, or one use case and the same with --set changes.");
  sub->add_option("A", options->a, "Use-case file")->required()->value_kind(ValueKind::file);
  sub->add_option("B", options->b, "Second use-case file (default: A with the --set changes)")
      ->value_kind(ValueKind::file);
  sub->add_option("--set", options->settings,
                  "FIELD=VALUE applied to B (or to A when B is not given); repeatable");
  sub->add_option("--format", options->format, "Output format")
      ->choices({"text", "json"})
      ->capture_default_str();
  sub->add_option("--lang", options->language, "Language (default: the framework's first)");
  sub->add_option("-o,--output", options->output, "Write to this file (atomically), or - for stdout")
      ->check(output_name())
      ->value_kind(ValueKind::file);
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->callback([options, &action] {
    action = [options](std::istream &in, std::ostream &out, std::ostream &) {
      if (options->b.empty() && options->settings.empty()) {
        throw util::Error(util::Diagnostic{
            {"compare"}, "nothing to compare: give a second use case B, or --set FIELD=VALUE changes to A"});
      }
      util::check_output_target("-o", options->output);
      std::vector<std::string> inputs =
          io::framework_file_paths(io::framework_folder_for(options->framework));
      inputs.push_back(options->a);
      if (!options->b.empty()) {
        inputs.push_back(options->b);
      }
      util::refuse_output_over_inputs("-o", options->output, inputs);
      const core::Framework framework = io::load_framework_for(options->framework);
      const core::UseCase a = io::load_use_case(options->a, framework, in);
      core::UseCase b = options->b.empty() ? a : io::load_use_case(options->b, framework, in);
      apply_what_if(framework, b, options->settings);
      const core::AssessOptions assess_options{.questions = false, .what_if = false};
      const core::Assessment assessed_a = core::assess(framework, a, assess_options);
      const core::Assessment assessed_b = core::assess(framework, b, assess_options);
      const report::Language language =
          options->language == "en" ? report::Language::en : report::Language::nl;
      util::write_output(options->output,
                         options->format == "json"
                             ? compare_json(framework, assessed_a, assessed_b)
                             : compare_text(framework, assessed_a, assessed_b, language),
                         out);
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
