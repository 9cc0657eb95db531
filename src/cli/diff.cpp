// `kansrijk diff OLD_DIR NEW_DIR [CASES...]`: what changed between two versions of a
// framework (every part its files define and its hash covers: items, weights, thresholds,
// rules, texts, counterweights, sources, provenance; what the model does not hold, such as
// comments, as the files it changed in) and what that does to the verdicts, scores and
// flags of the given use cases. For reviewing a framework change before it is merged.
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/golden_case.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>

namespace kansrijk::cli {

namespace {

using Summary = std::map<std::string, std::string>; // id -> what matters about it, as text

std::string text_of(const core::Text &text) {
  std::string out;
  for (const auto &[lang, value] : text.by_language) {
    out += lang + "=" + value + ";";
  }
  return out;
}

std::string texts_of(const std::vector<core::Text> &texts) {
  std::string out;
  for (const auto &text : texts) {
    out += "[" + text_of(text) + "] ";
  }
  return out;
}

std::string origin_of(const core::Origin &origin) {
  return fmt::format("{} [{}]", origin.provenance == core::Provenance::quoted ? "quoted" : "reconstructed",
                     util::join(origin.sources, ", "));
}

std::string effects_of(const core::Framework &fw, const core::Rule &rule) {
  std::string out;
  for (const auto &p : rule.effects.points) {
    out += fmt::format("points {} {:+d}; ", fw.blocks[static_cast<std::size_t>(p.block)].id, p.points);
  }
  for (const auto &q : rule.effects.quality_of_work) {
    out += fmt::format("{} {}; ", fw.dimensions[static_cast<std::size_t>(q.dimension)].id,
                       q.direction == core::Direction::up ? "up" : "down");
  }
  for (const int f : rule.effects.flags) {
    out += "flag " + fw.flags[static_cast<std::size_t>(f)].id + "; ";
  }
  for (const int c : rule.effects.conditions) {
    out += "condition " + fw.conditions[static_cast<std::size_t>(c)].id + "; ";
  }
  for (const int r : rule.effects.recommendations) {
    out += "recommendation " + fw.recommendations[static_cast<std::size_t>(r)].id + "; ";
  }
  for (const auto &q : rule.effects.questions) {
    out += "question " + text_of(q) + " ";
  }
  return out;
}

void summarise_fields(const std::vector<core::FieldDecl> &fields,
                      const std::string &kind,
                      std::map<std::string, Summary> &out) {
  static constexpr const char *k_types[] = {"text", "enum", "enum list"};
  for (const auto &f : fields) {
    out[kind][f.path] = fmt::format(
        "{}{} [{}]{}{}{}{}{}{}", k_types[static_cast<int>(f.type)], f.domain.ordered ? " (ordered)" : "",
        util::join(f.domain.values, ", "), f.values_from.empty() ? "" : " from " + f.values_from,
        f.required ? ", required" : "", f.derived ? ", derived" : "", f.asked ? "" : ", not asked",
        f.ask_if_text.empty() ? "" : "; asked if " + f.ask_if_text,
        f.if_skipped < 0 ? "" : "; else " + f.domain.values[static_cast<std::size_t>(f.if_skipped)]);
    std::string labels;
    for (const auto &[value, label] : f.value_labels) {
      labels += value + ": " + text_of(label) + " ";
    }
    out[kind + " text"][f.path] = fmt::format("label {} question {} help {} values {}", text_of(f.label),
                                              text_of(f.question), text_of(f.help), labels);
  }
}

// Everything about a framework that its files define (and its hash covers), by kind and id.
std::map<std::string, Summary> summarise(const core::Framework &fw) {
  std::map<std::string, Summary> out;
  out["framework"]["id"] = fw.id + " " + fw.version;
  out["framework"]["languages"] = util::join(fw.languages, ", ");
  out["framework"]["title"] = text_of(fw.title);
  out["framework"]["statement"] = text_of(fw.statement);
  out["framework"]["limits"] = text_of(fw.limits);
  for (const auto &source : fw.sources) {
    out["source"][source.id] = text_of(source.title);
  }
  for (const auto &b : fw.blocks) {
    out["block"][b.id] = fmt::format("weight {}, base {}", b.weight, b.base);
    out["block text"][b.id] = fmt::format("label {} question {}", text_of(b.label), text_of(b.question));
    out["block provenance"][b.id] = origin_of(b.origin);
  }
  const auto &s = fw.scoring;
  out["verdict"]["thresholds"] = fmt::format("promising {}, conditional {}, limited {}", fw.verdict.promising,
                                             fw.verdict.conditional, fw.verdict.limited);
  for (const auto &step : fw.verdict.steps) {
    out["policy step"][step.id] =
        fmt::format("when {}; at most {}", step.when_text, core::to_string(step.at_most));
  }
  out["scoring"]["max_unknown_share"] = fmt::format("{}", s.max_unknown_share);
  out["scoring"]["overall_min_blocks"] = std::to_string(s.overall_min_blocks);
  out["scoring"]["grade_points"] =
      fmt::format("{} {} {} {}", s.grade_points[0], s.grade_points[1], s.grade_points[2], s.grade_points[3]);
  out["scoring"]["qow_points"] =
      fmt::format("favourable {}, unfavourable {}, mixed {}, neutral {}", s.qow_favourable,
                  s.qow_unfavourable, s.qow_mixed, s.qow_neutral);
  std::string suitability = fmt::format("base {}", s.task_suitability.base);
  for (const auto &[attribute, points] : s.task_suitability.attributes) {
    suitability += "; " + attribute + ":";
    for (const int p : points) {
      suitability += " " + std::to_string(p);
    }
  }
  out["scoring"]["task_suitability"] = suitability;
  out["scoring"]["task_suitability provenance"] = origin_of(s.task_suitability.origin);
  summarise_fields(fw.fields, "field", out);
  summarise_fields(fw.task_fields, "task field", out);
  for (const auto &p : fw.pillars) {
    out["pillar"][p.id] = fmt::format("label {} description {}", text_of(p.label), text_of(p.description));
    out["pillar provenance"][p.id] = origin_of(p.origin);
  }
  for (const auto &skill : fw.skills) {
    out["skill"][skill.id] =
        fw.skill_groups[static_cast<std::size_t>(skill.group)].id + " " + text_of(skill.label);
    out["skill text"][skill.id] = text_of(skill.description);
    out["skill provenance"][skill.id] = origin_of(skill.origin);
  }
  for (const auto &item : fw.items) {
    std::string attributes;
    for (const auto &[key, value] : item.attributes) {
      attributes += key + " " + value + ", ";
    }
    std::string skills;
    for (const auto &need : item.skills) {
      skills += fw.skills[static_cast<std::size_t>(need.skill)].id + " " + std::to_string(need.weight) + ", ";
    }
    const int kind_field = fw.task_field_with(core::FieldRole::task_kind);
    const std::string kind = kind_field >= 0 && item.kind >= 0
                                 ? fw.task_fields[static_cast<std::size_t>(kind_field)]
                                       .domain.values[static_cast<std::size_t>(item.kind)]
                                 : "-";
    out["task"][item.id] =
        fmt::format("pillar {}, {}; skills {}; {}", fw.pillars[static_cast<std::size_t>(item.pillar)].id,
                    kind, skills, attributes);
    out["task text"][item.id] = fmt::format("label {} description {} rationale {}", text_of(item.label),
                                            text_of(item.description), text_of(item.rationale));
    out["task provenance"][item.id] = origin_of(item.origin);
  }
  for (const auto &t : fw.technologies) {
    out["technology"][t.id] =
        fmt::format("label {} description {} strengths {} risks {} examples {}", text_of(t.label),
                    text_of(t.description), texts_of(t.strengths), texts_of(t.risks), texts_of(t.examples));
    out["technology provenance"][t.id] = origin_of(t.origin);
  }
  for (std::size_t s2 = 0; s2 < fw.skills.size() && s2 < fw.support.size(); ++s2) {
    for (std::size_t t = 0; t < fw.technologies.size() && t < fw.support[s2].size(); ++t) {
      const std::string id = fw.skills[s2].id + " x " + fw.technologies[t].id;
      out["grade"][id] = std::string(core::to_string(fw.support[s2][t].grade));
      out["grade reason"][id] = text_of(fw.support[s2][t].why);
    }
  }
  static constexpr const char *k_favourable[] = {"up", "down", "neither"};
  for (const auto &d : fw.dimensions) {
    out["dimension"][d.id] =
        fmt::format("favourable {}; label {} description {}", k_favourable[static_cast<int>(d.favourable)],
                    text_of(d.label), text_of(d.description));
    out["dimension provenance"][d.id] = origin_of(d.origin);
  }
  for (const auto &f : fw.flags) {
    out["flag"][f.id] = fmt::format("severity {}", core::to_string(f.severity));
    out["flag text"][f.id] =
        fmt::format("message {} justification {}", text_of(f.message), text_of(f.justification));
    out["flag provenance"][f.id] = origin_of(f.origin);
  }
  for (const auto &c : fw.conditions) {
    out["condition"][c.id] =
        text_of(c.text) + (c.met_when_text.empty() ? "" : "; met when " + c.met_when_text);
    out["condition provenance"][c.id] = origin_of(c.origin);
  }
  for (const auto &r : fw.recommendations) {
    out["recommendation"][r.id] = text_of(r.text);
    out["recommendation provenance"][r.id] = origin_of(r.origin);
  }
  for (const auto &rule : fw.rules) {
    out["rule"][rule.id] =
        fmt::format("block {}; when {}; {}", fw.blocks[static_cast<std::size_t>(rule.block)].id,
                    rule.when_text, effects_of(fw, rule));
    out["rule text"][rule.id] = text_of(rule.text);
    if (!rule.counterweights.empty()) {
      out["rule counterweights"][rule.id] = util::join(rule.counterweights, ", ");
    }
    out["rule provenance"][rule.id] = origin_of(rule.origin);
  }
  return out;
}

// The framework files (not the golden cases) whose content differs between `a` and `b`.
std::vector<std::string> changed_files(const std::vector<io::SourceFile> &a,
                                       const std::vector<io::SourceFile> &b) {
  std::map<std::string, std::pair<const std::string *, const std::string *>> by_name;
  for (const auto &f : a) {
    by_name[f.name].first = &f.content;
  }
  for (const auto &f : b) {
    by_name[f.name].second = &f.content;
  }
  std::vector<std::string> changed;
  for (const auto &[name, contents] : by_name) {
    const bool differs =
        contents.first == nullptr || contents.second == nullptr || *contents.first != *contents.second;
    if (differs && !name.starts_with("tests/")) {
      changed.push_back(name);
    }
  }
  return changed;
}

struct Outcome {
  std::string verdict;
  std::string overall;
  std::set<std::string> flags;
  std::string error;
};

Outcome assess_with(const core::Framework &fw, const std::string &file, std::istream &in) {
  Outcome out;
  try {
    const core::UseCase uc = io::load_case_file(file, fw, in);
    const core::Assessment a =
        core::assess(fw, uc, core::AssessOptions{.questions = false, .what_if = false});
    out.verdict = std::string(core::to_string(a.verdict));
    out.overall = a.overall ? std::to_string(*a.overall) : "-";
    for (const auto &f : a.flags) {
      out.flags.insert(fw.flags[static_cast<std::size_t>(f.flag)].id);
    }
  } catch (const util::Error &e) {
    out.error = e.diagnostics().empty() ? e.what() : e.diagnostics().front().to_string();
  }
  return out;
}

bool is_case_file(const std::filesystem::path &path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// The case files named by `paths`: files as given, folders as their YAML and JSON files (in
// subfolders too, sorted, symbolic links not followed).
std::vector<std::string> case_files(const std::vector<std::string> &paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::vector<util::Diagnostic> problems;
  for (const auto &path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (is_case_file(it->path()) && it->is_regular_file(ec) && !it->is_symlink(ec)) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        problems.push_back({{path}, "holds no use-case or golden-case files (.yaml, .yml, .json)"});
      }
      files.insert(files.end(), found.begin(), found.end());
    } else if (auto problem = path == "-" ? std::nullopt : util::check_readable_file(path)) {
      problems.push_back(std::move(*problem));
    } else {
      files.push_back(path);
    }
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems)); // a usage error before anything is printed
  }
  return files;
}

} // namespace

void add_diff(CommandLine &app, Action &action) {
  struct Options {
    std::string old_dir;
    std::string new_dir;
    std::vector<std::string> cases;
    std::string format = "text";
    std::string fail_on;
  };
  auto options = std::make_shared<Options>();
  Command *sub = app.add_subcommand(
      "diff", "What changed between two framework folders, and how the verdicts of use cases change.");
  sub->add_option("OLD_DIR", options->old_dir, "The framework before the change")
      ->required()
      ->value_kind(ValueKind::directory);
  sub->add_option("NEW_DIR", options->new_dir, "The framework after the change")
      ->required()
      ->value_kind(ValueKind::directory);
  sub->add_option("CASES", options->cases,
                  "Use-case or golden-case files, or folders of them, to assess with both")
      ->value_kind(ValueKind::file);
  sub->add_option("--format", options->format, "Output: text or json")
      ->choices({"text", "json"})
      ->capture_default_str();
  sub->add_option("--fail-on", options->fail_on,
                  "Exit 1 when a case's verdict, flags, or anything (verdict, score, flags, error) changes")
      ->choices({"verdict", "flags", "any"});
  sub->callback([options, &action] {
    action = [options](std::istream &in, std::ostream &out, std::ostream &err) {
      const std::vector<std::string> cases = case_files(options->cases);
      if (!options->fail_on.empty() && cases.empty()) {
        // a gate that assesses nothing would always pass
        throw util::Error(
            fmt::format("--fail-on {} needs use cases to compare: name use-case or golden-case "
                        "files or folders after the two framework folders (e.g. OLD NEW NEW/tests)",
                        options->fail_on));
      }
      const auto old_files = io::read_framework_folder(options->old_dir);
      const auto new_files = io::read_framework_folder(options->new_dir);
      const core::Framework old_fw = io::load_framework(old_files, options->old_dir);
      const core::Framework new_fw = io::load_framework(new_files, options->new_dir);
      const bool json = options->format == "json";
      nlohmann::ordered_json doc;
      doc["diff_format"] = 1;
      doc["old"] = {{"id", old_fw.id}, {"version", old_fw.version}, {"sha256", old_fw.sha256}};
      doc["new"] = {{"id", new_fw.id}, {"version", new_fw.version}, {"sha256", new_fw.sha256}};
      doc["changes"] = nlohmann::ordered_json::array();
      std::string report; // written at the end; every value from the frameworks made safe
      const auto safe = [](const std::string &text) { return util::safe_terminal(text); };
      report += fmt::format("framework {} {} (sha256 {}) -> {} {} (sha256 {})\n", safe(old_fw.id),
                            safe(old_fw.version), old_fw.sha256.substr(0, 12), safe(new_fw.id),
                            safe(new_fw.version), new_fw.sha256.substr(0, 12));
      const auto before = summarise(old_fw);
      const auto after = summarise(new_fw);
      std::set<std::string> kinds;
      for (const auto &[kind, _] : before) {
        kinds.insert(kind);
      }
      for (const auto &[kind, _] : after) {
        kinds.insert(kind);
      }
      std::size_t changes = 0;
      const auto change = [&](std::string_view what, const std::string &kind, const std::string &id,
                              const std::string *was, const std::string *now) {
        nlohmann::ordered_json item = {{"change", std::string(what)}, {"kind", kind}, {"id", id}};
        if (was != nullptr) {
          item["was"] = *was;
        }
        if (now != nullptr) {
          item["now"] = *now;
        }
        doc["changes"].push_back(std::move(item));
        ++changes;
      };
      for (const auto &kind : kinds) {
        const Summary empty;
        const Summary &a = before.contains(kind) ? before.at(kind) : empty;
        const Summary &b = after.contains(kind) ? after.at(kind) : empty;
        for (const auto &[id, value] : a) {
          if (!b.contains(id)) {
            report += fmt::format("- {} {}\n", kind, safe(id));
            change("removed", kind, id, &value, nullptr);
          } else if (b.at(id) != value) {
            report += fmt::format("~ {} {}\n    was: {}\n    now: {}\n", kind, safe(id), safe(value),
                                  safe(b.at(id)));
            change("changed", kind, id, &value, &b.at(id));
          }
        }
        for (const auto &[id, value] : b) {
          if (!a.contains(id)) {
            report += fmt::format("+ {} {}: {}\n", kind, safe(id), safe(value));
            change("added", kind, id, nullptr, &value);
          }
        }
      }
      if (old_fw.sha256 != new_fw.sha256 && changes == 0) {
        // the hash covers every byte of the files: what changed is not in the model
        const std::string files = util::join(changed_files(old_files, new_files), ", ");
        report += fmt::format("~ other content (comments, layout or order) in {}\n", safe(files));
        change("changed", "other content", files, nullptr, nullptr);
      }
      report += fmt::format("{} changes in the framework\n", changes);
      doc["warnings"] = nlohmann::ordered_json::array();
      if (old_fw.sha256 != new_fw.sha256 && old_fw.version == new_fw.version) {
        const std::string warning =
            fmt::format("the framework's content changed but its version is still \"{}\"; raise `version` in "
                        "framework.yaml so reports made with the new content can be told apart",
                        old_fw.version);
        doc["warnings"].push_back(warning);
        err << "kansrijk: warning: " << safe(warning) << '\n';
      }
      doc["cases"] = nlohmann::ordered_json::array();
      std::size_t changed_cases = 0;
      std::size_t failing_cases = 0; // those that --fail-on counts
      std::size_t unchanged = 0;
      bool fail = false;
      for (const auto &file : cases) {
        const Outcome a = assess_with(old_fw, file, in);
        const Outcome b = assess_with(new_fw, file, in);
        std::string line = safe(file) + ": ";
        if (!a.error.empty() || !b.error.empty()) {
          line += fmt::format("old {}; new {}", a.error.empty() ? a.verdict : "error: " + safe(a.error),
                              b.error.empty() ? b.verdict : "error: " + safe(b.error));
        } else {
          line += a.verdict == b.verdict ? a.verdict : a.verdict + " -> " + b.verdict;
          line += ", overall " + (a.overall == b.overall ? a.overall : a.overall + " -> " + b.overall);
          for (const auto &f : b.flags) {
            if (!a.flags.contains(f)) {
              line += ", +flag " + safe(f);
            }
          }
          for (const auto &f : a.flags) {
            if (!b.flags.contains(f)) {
              line += ", -flag " + safe(f);
            }
          }
        }
        // an error on one side and not the other changes the verdict (there is none)
        const bool verdict_changed = a.verdict != b.verdict || a.error.empty() != b.error.empty();
        const bool flags_changed = a.flags != b.flags;
        const bool same = !verdict_changed && a.overall == b.overall && !flags_changed && a.error == b.error;
        changed_cases += same ? 0 : 1;
        const bool fails = (options->fail_on == "verdict" && verdict_changed) ||
                           (options->fail_on == "flags" && flags_changed) ||
                           (options->fail_on == "any" && !same);
        failing_cases += fails ? 1 : 0;
        fail = fail || fails;
        if (same) {
          ++unchanged;
        } else {
          report += "* " + line + '\n';
        }
        const auto side = [](const Outcome &o) {
          nlohmann::ordered_json j;
          if (!o.error.empty()) {
            j["error"] = o.error;
            return j;
          }
          j["verdict"] = o.verdict;
          j["overall"] =
              o.overall == "-" ? nlohmann::ordered_json() : nlohmann::ordered_json(std::stoi(o.overall));
          j["flags"] = o.flags;
          return j;
        };
        doc["cases"].push_back({{"file", file},
                                {"changed", !same},
                                {"verdict_changed", verdict_changed},
                                {"flags_changed", flags_changed},
                                {"old", side(a)},
                                {"new", side(b)}});
      }
      if (!cases.empty()) {
        if (unchanged > 0) {
          report += fmt::format("  ({} use {} unchanged)\n", unchanged, unchanged == 1 ? "case" : "cases");
        }
        report += fmt::format("{} of {} use cases change\n", changed_cases, cases.size());
      }
      doc["changed_cases"] = changed_cases;
      if (json) {
        report = util::safe_json_document(doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) +
                 "\n";
      }
      util::write_stream(out, report);
      if (fail) {
        const char *what = options->fail_on == "verdict" ? " their verdict"
                           : options->fail_on == "flags" ? " their flags"
                                                         : "";
        err << fmt::format("kansrijk: --fail-on {}: {} of {} use cases change{}\n", options->fail_on,
                           failing_cases, cases.size(), what);
      }
      return fail ? k_exit_findings : k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
