// `kansrijk validate [DIR...]`: checks framework folders for CI. Every problem of every
// file is collected in one run with a stable check id, a severity and file:line:col:
// the loader's structural checks (syntax, keys, types, ids, references, conditions,
// languages, sources, ranges), checks of the golden cases, and analyses the loader cannot
// do: rules that can never fire and rules that push the same dimension both ways, both
// decided exactly by enumeration (core/analysis), and orphans. Output as text, JSON,
// SARIF 2.1.0 or GitHub workflow annotations.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/analysis.hpp>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/builtin_framework.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/golden_case.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

namespace kansrijk::cli {

namespace {

enum class Severity { error, warning };

struct Check {
  std::string_view id;
  std::string_view name;
  Severity severity;
  std::string_view summary;
};

// The checks, by stable id. docs/validate.md lists the same table.
constexpr Check k_checks[] = {
    {"KR001", "yaml-syntax", Severity::error,
     "The file cannot be read or is not valid YAML within the limits"},
    {"KR002", "unknown-key", Severity::error, "A key that this kind of item does not have"},
    {"KR003", "missing-required", Severity::error, "A required key, item or declaration is missing"},
    {"KR004", "wrong-type", Severity::error,
     "A value of the wrong type (mapping, list, text, number, boolean)"},
    {"KR005", "value-not-allowed", Severity::error, "A value outside the allowed values or levels"},
    {"KR010", "duplicate-id", Severity::error, "An id defined twice, in the same or another file"},
    {"KR011", "id-naming", Severity::error,
     "An id that does not follow the naming rules (e.g. a task id starts with its pillar)"},
    {"KR020", "unresolved-reference", Severity::error, "A reference to an id that does not exist"},
    {"KR030", "condition-syntax", Severity::error, "A rule or question condition that does not parse"},
    {"KR031", "condition-type", Severity::error,
     "A condition that does not type-check against the declared fields"},
    {"KR040", "language", Severity::error,
     "A text without every declared language, an unknown language, or one the report frame has no words for"},
    {"KR041", "provenance", Severity::error,
     "An item without provenance or sources, or with an unknown source"},
    {"KR050", "range", Severity::error, "A weight, threshold or number outside its range"},
    {"KR051", "thresholds-order", Severity::error, "Verdict thresholds or grade points out of order"},
    {"KR052", "support-grid", Severity::error, "A skill not graded for every technology"},
    {"KR060", "golden-case", Severity::error, "A golden case that does not load against the framework"},
    {"KR100", "never-fires", Severity::error, "A rule whose condition no use case can make true"},
    {"KR101", "contradiction", Severity::warning,
     "Two rules that can fire together and push the same dimension both ways"},
    {"KR102", "undecided", Severity::warning,
     "The never-fires, contradiction or unknown-favourable search hit its limit"},
    {"KR103", "unknown-favourable", Severity::error,
     "An answer left open raises milder flags than any answer to it would: the unknown hides a consequence"},
    {"KR110", "orphan-skill", Severity::warning,
     "A skill that no task of the taxonomy needs and no rule names"},
    {"KR111", "orphan-dimension", Severity::warning, "A quality-of-work dimension that no rule affects"},
    {"KR112", "orphan-advice", Severity::warning, "A flag, condition or recommendation that no rule raises"},
    {"KR113", "stray-file", Severity::warning,
     "A YAML file in the framework folder that declares no section"},
    {"KR000", "other", Severity::error, "Any other problem"},
};

const Check &check(std::string_view id) {
  for (const auto &c : k_checks) {
    if (c.id == id) {
      return c;
    }
  }
  return k_checks[std::size(k_checks) - 1];
}

// The check a loader diagnostic belongs to: the code its raising site gave it. A diagnostic
// without one is a bug in the loader (the corpus test trips every check id), reported as KR000.
std::string_view classify(const util::Diagnostic &d) {
  return d.code.empty() ? std::string_view("KR000") : d.code;
}

struct Finding {
  std::string check;
  Severity severity = Severity::error;
  util::Location where;
  std::string message;
  bool about_rules = false; // raised by the rule checks (kept when the rest cannot be checked)
};

struct ValidateOptions {
  std::vector<std::string> folders;
  std::string format = "text";
  bool strict = false;
};

std::string relative(const std::string &file) {
  std::error_code ec;
  const auto rel = std::filesystem::relative(file, std::filesystem::current_path(), ec);
  return ec || rel.empty() || rel.string().starts_with("..") ? file : rel.string();
}

// `golden`: problems of golden cases are KR060 (but for unreadable files, KR001).
void add_loader_problems(const util::Error &error, std::vector<Finding> &findings, bool golden = false) {
  for (const auto &d : error.diagnostics()) {
    std::string id(classify(d));
    if (golden && id != "KR001") {
      id = "KR060";
    }
    findings.push_back({id, check(id).severity, d.where, d.message});
  }
}

std::string rule_where_text(const core::Rule &rule) { return "`" + rule.when_text + "`"; }

// The analyses that need a loaded framework.
void analyse(const core::Framework &fw, std::vector<Finding> &findings) {
  for (const auto &rule : fw.rules) {
    const auto result = core::satisfiable(fw, {&rule.when});
    if (result.answer == core::Satisfiability::Answer::no) {
      findings.push_back(
          {"KR100", Severity::error, rule.origin.where,
           fmt::format("rule \"{}\" can never fire: no use case makes {} true ({} use cases tried, "
                       "every value and unknown of each field it reads); fix or remove the condition",
                       rule.id, rule_where_text(rule), result.tried)});
    } else if (result.answer == core::Satisfiability::Answer::undecided) {
      findings.push_back(
          {"KR102", Severity::warning, rule.origin.where,
           fmt::format("rule \"{}\": the search for a use case that fires it stopped after {} use cases; "
                       "simplify the condition",
                       rule.id, result.tried),
           true});
    }
  }
  // two rules that push the same dimension up and down and can fire together
  for (std::size_t a = 0; a < fw.rules.size(); ++a) {
    for (std::size_t b = a + 1; b < fw.rules.size(); ++b) {
      for (const auto &ea : fw.rules[a].effects.quality_of_work) {
        for (const auto &eb : fw.rules[b].effects.quality_of_work) {
          if (ea.dimension != eb.dimension || ea.direction == eb.direction) {
            continue;
          }
          const auto &wa = fw.rules[a].counterweights;
          const auto &wb = fw.rules[b].counterweights;
          if (std::find(wa.begin(), wa.end(), fw.rules[b].id) != wa.end() ||
              std::find(wb.begin(), wb.end(), fw.rules[a].id) != wb.end()) {
            continue; // declared on purpose
          }
          const auto both = core::satisfiable(fw, {&fw.rules[a].when, &fw.rules[b].when});
          const auto &dim = fw.dimensions[static_cast<std::size_t>(ea.dimension)];
          if (both.answer == core::Satisfiability::Answer::yes) {
            findings.push_back(
                {"KR101", Severity::warning, fw.rules[b].origin.where,
                 fmt::format("rules \"{}\" and \"{}\" can fire together and push \"{}\" both up and down; "
                             "for example: {}; make the conditions exclusive",
                             fw.rules[a].id, fw.rules[b].id, dim.id, both.witness->description)});
          } else if (both.answer == core::Satisfiability::Answer::undecided) {
            findings.push_back(
                {"KR102", Severity::warning, fw.rules[b].origin.where,
                 fmt::format("rules \"{}\" and \"{}\": the search for a use case that fires both stopped "
                             "after {} use cases",
                             fw.rules[a].id, fw.rules[b].id, both.tried),
                 true});
          }
        }
      }
    }
  }
  // an open answer must never be more favourable than every answer to it
  const auto favours = core::unknown_favours(fw);
  for (const auto &found : favours.found) {
    const auto severity = [&](int level) {
      return level < 0 ? std::string("no flag")
                       : std::string(core::to_string(static_cast<core::Severity>(level))) + " flag";
    };
    const int index = fw.field_index(found.field);
    findings.push_back(
        {"KR103", Severity::error, fw.fields[static_cast<std::size_t>(index)].where,
         fmt::format(
             "leaving \"{}\" unknown gives {}, while every answer to it gives at least a {} (for example "
             "with {}); the rules reading it ({}) let an unknown hide a consequence: make a rule hold for "
             "every answer that leads to it",
             found.field, severity(found.unknown_severity), severity(found.least_answer_severity),
             found.witness, util::join(found.rules, ", "))});
  }
  for (const auto &field : favours.undecided) {
    const int index = fw.field_index(field);
    findings.push_back(
        {"KR102", Severity::warning, fw.fields[static_cast<std::size_t>(index)].where,
         fmt::format("field \"{}\": the search for an open answer that hides a flag stopped at its "
                     "limit; simplify the rules that read it",
                     field)});
  }
  // orphans
  // A skill is used when a taxonomy task needs it, or a rule names it (`x in t.skills`): a
  // skill only own tasks have, such as recognising speech, is then still part of the framework.
  std::set<int> needed;
  for (const auto &item : fw.items) {
    for (const auto &skill : item.skills) {
      needed.insert(skill.skill);
    }
  }
  core::Reads named;
  for (const auto &rule : fw.rules) {
    core::collect_reads(rule.when, named);
  }
  const int skills_field = fw.task_field_with(core::FieldRole::task_skills);
  if (skills_field >= 0) {
    const auto &skills_decl = fw.task_fields[static_cast<std::size_t>(skills_field)];
    if (const auto it = named.members.find(skills_decl.path); it != named.members.end()) {
      for (const auto &id : it->second) {
        needed.insert(skills_decl.domain.index_of(id));
      }
    }
  }
  for (std::size_t s = 0; s < fw.skills.size(); ++s) {
    if (!needed.contains(static_cast<int>(s))) {
      findings.push_back(
          {"KR110", Severity::warning, fw.skills[s].origin.where,
           fmt::format("skill \"{}\" is needed by no task of the taxonomy and named by no rule; add it "
                       "to a task or remove it",
                       fw.skills[s].id)});
    }
  }
  std::set<int> dims;
  std::set<int> flags;
  std::set<int> conditions;
  std::set<int> recommendations;
  for (const auto &rule : fw.rules) {
    for (const auto &e : rule.effects.quality_of_work) {
      dims.insert(e.dimension);
    }
    flags.insert(rule.effects.flags.begin(), rule.effects.flags.end());
    conditions.insert(rule.effects.conditions.begin(), rule.effects.conditions.end());
    recommendations.insert(rule.effects.recommendations.begin(), rule.effects.recommendations.end());
  }
  for (std::size_t d = 0; d < fw.dimensions.size(); ++d) {
    if (!dims.contains(static_cast<int>(d))) {
      findings.push_back(
          {"KR111", Severity::warning, fw.dimensions[d].origin.where,
           fmt::format(R"(dimension "{}" is affected by no rule; its direction is always "none")",
                       fw.dimensions[d].id)});
    }
  }
  const auto orphans = [&](const auto &list, const std::set<int> &used, std::string_view kind) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!used.contains(static_cast<int>(i))) {
        findings.push_back(
            {"KR112", Severity::warning, list[i].origin.where,
             fmt::format("{} \"{}\" is raised by no rule; add it to a rule's effects or remove it", kind,
                         list[i].id)});
      }
    }
  };
  orphans(fw.flags, flags, "flag");
  orphans(fw.conditions, conditions, "condition");
  orphans(fw.recommendations, recommendations, "recommendation");
}

// KR100 and KR101 for the rules of `fw` whose condition parsed (`checked`), when other parts
// of the framework are broken: a never-firing rule shows up in the same run as the typos
// elsewhere. The orphan and unknown-favourable checks need the whole framework and wait.
void analyse_checked_rules(core::Framework fw,
                           const std::vector<std::size_t> &checked,
                           std::vector<Finding> &findings) {
  std::vector<core::Rule> rules;
  rules.reserve(checked.size());
  for (const std::size_t index : checked) {
    rules.push_back(std::move(fw.rules[index]));
  }
  fw.rules = std::move(rules);
  std::vector<Finding> found;
  analyse(fw, found);
  for (auto &f : found) {
    if (f.check == "KR100" || f.check == "KR101" || (f.check == "KR102" && f.about_rules)) {
      findings.push_back(std::move(f));
    }
  }
}

std::vector<Finding> validate_folder(const std::string &folder) {
  const std::vector<io::SourceFile> files =
      folder.empty() ? io::builtin_framework_sources() : io::read_framework_folder(folder);
  std::vector<Finding> findings;
  auto loaded = folder.empty()
                    ? io::load_framework_partially(files, "builtin", io::builtin_framework_fingerprint())
                    : io::load_framework_partially(files, folder);
  const core::Framework &fw = loaded.framework;
  findings.reserve(fw.warnings.size());
  for (const auto &warning : fw.warnings) {
    findings.push_back({std::string(classify(warning)), Severity::warning, warning.where, warning.message});
  }
  for (const auto &problem : report::frame_language_problems(fw)) {
    findings.push_back({problem.code, Severity::error, problem.where, problem.message});
  }
  if (!loaded.problems.empty()) {
    add_loader_problems(util::Error(std::move(loaded.problems)), findings);
    analyse_checked_rules(std::move(loaded.framework), loaded.checked_rules, findings);
    return findings;
  }
  try {
    (void)io::load_golden_cases(files, fw);
  } catch (const util::Error &e) {
    add_loader_problems(e, findings, true);
  }
  analyse(fw, findings);
  return findings;
}

std::string_view severity_name(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string render(const std::vector<Finding> &findings, const std::string &format, bool strict) {
  const auto level = [&](const Finding &f) { return strict ? Severity::error : f.severity; };
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto &f : findings) {
      list.push_back({{"check", f.check},
                      {"name", std::string(check(f.check).name)},
                      {"severity", std::string(severity_name(level(f)))},
                      {"file", relative(f.where.file)},
                      {"line", f.where.line},
                      {"column", f.where.column},
                      {"message", f.message}});
    }
    return util::safe_json_document(list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) +
           "\n";
  }
  if (format == "sarif") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto &c : k_checks) {
      rules.push_back({{"id", std::string(c.id)},
                       {"name", std::string(c.name)},
                       {"shortDescription", {{"text", std::string(c.summary)}}},
                       {"defaultConfiguration", {{"level", std::string(severity_name(c.severity))}}}});
    }
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto &f : findings) {
      nlohmann::ordered_json physical = {
          {"artifactLocation", {{"uri", util::safe_sarif(relative(f.where.file))}}}};
      if (f.where.line > 0) {
        physical["region"] = {{"startLine", f.where.line}};
        if (f.where.column > 0) {
          physical["region"]["startColumn"] = f.where.column;
        }
      }
      std::size_t index = 0;
      while (index + 1 < std::size(k_checks) && k_checks[index].id != f.check) {
        ++index;
      }
      results.push_back({{"ruleId", f.check},
                         {"ruleIndex", index},
                         {"level", std::string(severity_name(level(f)))},
                         {"message", {{"text", util::safe_sarif(f.message)}}},
                         {"locations", nlohmann::ordered_json::array({{{"physicalLocation", physical}}})}});
    }
    nlohmann::ordered_json sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", nlohmann::ordered_json::array({{{"tool",
                                                  {{"driver",
                                                    {{"name", "kansrijk"},
                                                     {"version", KANSRIJK_VERSION},
                                                     {"semanticVersion", KANSRIJK_VERSION},
                                                     {"rules", rules}}}}},
                                                 {"results", results}}})}};
    return util::safe_json_document(sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) +
           "\n";
  }
  std::string out;
  for (const auto &f : findings) {
    if (format == "github") {
      // workflow commands: nothing from the input can end the line or start a command
      out += fmt::format(
          "::{} file={},line={},col={},title={}::{}\n", severity_name(level(f)),
          util::safe_github_property(relative(f.where.file)), std::max(1, f.where.line),
          std::max(1, f.where.column),
          util::safe_github_property(std::string(f.check) + " " + std::string(check(f.check).name)),
          util::safe_github_data(f.message));
      continue;
    }
    const std::string place = util::format_location(f.where);
    out += fmt::format("{}: {}: [{}] {}\n", util::safe_terminal(place.empty() ? "kansrijk" : relative(place)),
                       severity_name(level(f)), f.check, util::safe_terminal(f.message));
  }
  return out;
}

int run_validate(const ValidateOptions &options, std::ostream &out, std::ostream &err) {
  std::vector<std::string> folders = options.folders;
  if (folders.empty()) {
    folders.emplace_back(); // the built-in framework
  }
  std::vector<Finding> all;
  for (const auto &folder : folders) {
    auto findings = validate_folder(folder);
    all.insert(all.end(), std::make_move_iterator(findings.begin()), std::make_move_iterator(findings.end()));
  }
  std::stable_sort(all.begin(), all.end(), [](const Finding &a, const Finding &b) {
    return std::tie(a.where.file, a.where.line, a.where.column) <
           std::tie(b.where.file, b.where.line, b.where.column);
  });
  util::write_stream(out, render(all, options.format, options.strict));
  const auto errors = static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const Finding &f) {
    return options.strict || f.severity == Severity::error;
  }));
  const std::size_t warnings = all.size() - errors;
  if (options.format == "text") {
    err << fmt::format("kansrijk: {} {} checked: {} errors, {} warnings\n", folders.size(),
                       folders.size() == 1 ? "framework" : "frameworks", errors, warnings);
  }
  return errors > 0 ? k_exit_findings : k_exit_ok;
}

} // namespace

void add_validate_case(CommandLine &app, Action &action) {
  struct Options {
    std::vector<std::string> files;
    std::string framework;
  };
  auto options = std::make_shared<Options>();
  Command *sub = app.add_subcommand(
      "validate-case",
      "Check use-case files against the framework's declared fields, without assessing them (for CI).");
  sub->add_option("FILE", options->files, "Use-case files (YAML or JSON)")
      ->required()
      ->value_kind(ValueKind::file);
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->callback([options, &action] {
    action = [options](std::istream &in, std::ostream &out, std::ostream &err) {
      // A file that is missing or cannot be read is a usage error (exit 2, nothing on stdout),
      // not a finding: checked for every file before any is read.
      std::vector<util::Diagnostic> unreadable;
      for (const auto &file : options->files) {
        if (auto problem = util::check_readable_file(file)) {
          unreadable.push_back(std::move(*problem));
        } else if (io::is_many_case_file(file)) {
          unreadable.push_back(util::Diagnostic{
              {file, 0, 0},
              fmt::format("`kansrijk validate-case` checks files of one use case, and this holds many (JSON "
                          "Lines, CSV or .xlsx); check and assess them with `kansrijk batch {}`",
                          file)});
        }
      }
      if (!unreadable.empty()) {
        throw util::Error(std::move(unreadable));
      }
      const core::Framework framework = io::load_framework_for(options->framework);
      std::size_t invalid = 0;
      std::string report;
      for (const auto &file : options->files) {
        try {
          (void)io::load_use_case(file, framework, in);
        } catch (const util::Error &e) {
          ++invalid;
          for (const auto &d : e.diagnostics()) {
            report += diagnostic_line(d, file);
          }
        }
      }
      util::write_stream(out, report);
      err << fmt::format("kansrijk: {} use {} checked: {} invalid\n", options->files.size(),
                         options->files.size() == 1 ? "case" : "cases", invalid);
      return invalid > 0 ? k_exit_findings : k_exit_ok;
    };
  });
}

void add_validate(CommandLine &app, Action &action) {
  auto options = std::make_shared<ValidateOptions>();
  Command *sub = app.add_subcommand(
      "validate", "Check framework folders (for CI): every problem, with a check id and location.");
  sub->add_option("DIR", options->folders, "Framework folders (default: the built-in framework)")
      ->value_kind(ValueKind::directory);
  sub->add_option("--format", options->format,
                  "Output: text, json, sarif (SARIF 2.1.0) or github (workflow annotations)")
      ->choices({"text", "json", "sarif", "github"})
      ->capture_default_str();
  sub->add_flag("--strict", options->strict, "Treat warnings as errors");
  sub->callback([options, &action] {
    action = [options](std::istream &, std::ostream &out, std::ostream &err) {
      return run_validate(*options, out, err);
    };
  });
}

} // namespace kansrijk::cli
