// `kansrijk diff OLD_DIR NEW_DIR [CASES...]`: what changed between two versions of a
// framework (items, weights, thresholds, rules) and what that does to the verdicts, scores
// and flags of the given use cases. For reviewing a framework change before it is merged.
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <map>
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

std::string effects_of(const core::Framework &fw, const core::Rule &rule) {
  std::string out;
  for (const auto &p : rule.effects.points) {
    out += fmt::format("points {} {:+d}; ", fw.blocks[static_cast<std::size_t>(p.block)].id, p.points);
  }
  for (const auto &q : rule.effects.quality_of_work) {
    out += fmt::format("{} {}; ", fw.dimensions[static_cast<std::size_t>(q.dimension)].id,
                       q.direction == core::Direction::up ? "up" : "down");
  }
  for (const int f : rule.effects.flags)
    out += "flag " + fw.flags[static_cast<std::size_t>(f)].id + "; ";
  for (const int c : rule.effects.conditions)
    out += "condition " + fw.conditions[static_cast<std::size_t>(c)].id + "; ";
  for (const int r : rule.effects.recommendations)
    out += "recommendation " + fw.recommendations[static_cast<std::size_t>(r)].id + "; ";
  return out;
}

std::map<std::string, Summary> summarise(const core::Framework &fw) {
  std::map<std::string, Summary> out;
  for (const auto &b : fw.blocks)
    out["block"][b.id] = fmt::format("weight {}, base {}", b.weight, b.base);
  const auto &s = fw.scoring;
  out["scoring"]["thresholds"] =
      fmt::format("promising {}, conditional {}, limited {}", s.threshold_promising, s.threshold_conditional,
                  s.threshold_limited);
  out["scoring"]["weak_block"] = std::to_string(s.weak_block);
  out["scoring"]["max_unknown_share"] = fmt::format("{}", s.max_unknown_share);
  out["scoring"]["grade_points"] =
      fmt::format("{} {} {} {}", s.grade_points[0], s.grade_points[1], s.grade_points[2], s.grade_points[3]);
  out["scoring"]["qow_points"] =
      fmt::format("favourable {}, unfavourable {}, mixed {}, neutral {}", s.qow_favourable,
                  s.qow_unfavourable, s.qow_mixed, s.qow_neutral);
  for (const auto &skill : fw.skills)
    out["skill"][skill.id] = text_of(skill.label);
  for (const auto &item : fw.items) {
    std::string attributes;
    for (const auto &[key, value] : item.attributes)
      attributes += key + " " + value + ", ";
    std::string skills;
    for (const auto &need : item.skills)
      skills += fw.skills[static_cast<std::size_t>(need.skill)].id + " " + std::to_string(need.weight) + ", ";
    out["task"][item.id] =
        fmt::format("pillar {}, {}; skills {}; {}", fw.pillars[static_cast<std::size_t>(item.pillar)].id,
                    item.is_action ? "action" : "task", skills, attributes);
  }
  for (std::size_t s2 = 0; s2 < fw.skills.size(); ++s2) {
    for (std::size_t t = 0; t < fw.technologies.size(); ++t) {
      out["grade"][fw.skills[s2].id + " x " + fw.technologies[t].id] =
          std::string(core::to_string(fw.support[s2][t].grade));
    }
  }
  for (const auto &d : fw.dimensions)
    out["dimension"][d.id] = text_of(d.label);
  for (const auto &f : fw.flags)
    out["flag"][f.id] = fmt::format("severity {}", core::to_string(f.severity));
  for (const auto &c : fw.conditions)
    out["condition"][c.id] = text_of(c.text);
  for (const auto &r : fw.recommendations)
    out["recommendation"][r.id] = text_of(r.text);
  for (const auto &rule : fw.rules) {
    out["rule"][rule.id] = fmt::format("when {}; {}", rule.when_text, effects_of(fw, rule));
  }
  return out;
}

struct Outcome {
  std::string verdict;
  std::string overall;
  std::set<std::string> flags;
  std::string error;
};

Outcome assess_with(const core::Framework &fw, const std::string &file) {
  Outcome out;
  try {
    const core::UseCase uc = io::load_use_case(file, fw);
    const core::Assessment a = core::assess(fw, uc);
    out.verdict = std::string(core::to_string(a.verdict));
    out.overall = a.overall ? std::to_string(*a.overall) : "-";
    for (const auto &f : a.flags)
      out.flags.insert(fw.flags[static_cast<std::size_t>(f.flag)].id);
  } catch (const util::Error &e) {
    out.error = e.diagnostics().empty() ? e.what() : e.diagnostics().front().to_string();
  }
  return out;
}

} // namespace

void add_diff(CommandLine &app, Action &action) {
  struct Options {
    std::string old_dir;
    std::string new_dir;
    std::vector<std::string> cases;
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
  sub->add_option("CASES", options->cases, "Use-case files to assess with both")->value_kind(ValueKind::file);
  sub->callback([options, &action] {
    action = [options](std::ostream &out, std::ostream &) {
      const core::Framework old_fw =
          io::load_framework(io::read_framework_folder(options->old_dir), options->old_dir);
      const core::Framework new_fw =
          io::load_framework(io::read_framework_folder(options->new_dir), options->new_dir);
      out << fmt::format("framework {} {} (sha256 {}) -> {} {} (sha256 {})\n", old_fw.id, old_fw.version,
                         old_fw.sha256.substr(0, 12), new_fw.id, new_fw.version, new_fw.sha256.substr(0, 12));
      const auto before = summarise(old_fw);
      const auto after = summarise(new_fw);
      std::set<std::string> kinds;
      for (const auto &[kind, _] : before)
        kinds.insert(kind);
      for (const auto &[kind, _] : after)
        kinds.insert(kind);
      std::size_t changes = 0;
      for (const auto &kind : kinds) {
        const Summary empty;
        const Summary &a = before.count(kind) != 0 ? before.at(kind) : empty;
        const Summary &b = after.count(kind) != 0 ? after.at(kind) : empty;
        for (const auto &[id, value] : a) {
          if (b.count(id) == 0) {
            out << fmt::format("- {} {}\n", kind, id);
            ++changes;
          } else if (b.at(id) != value) {
            out << fmt::format("~ {} {}\n    was: {}\n    now: {}\n", kind, id, value, b.at(id));
            ++changes;
          }
        }
        for (const auto &[id, value] : b) {
          if (a.count(id) == 0) {
            out << fmt::format("+ {} {}: {}\n", kind, id, value);
            ++changes;
          }
        }
      }
      out << fmt::format("{} changes in the framework\n", changes);
      std::size_t changed_cases = 0;
      for (const auto &file : options->cases) {
        const Outcome a = assess_with(old_fw, file);
        const Outcome b = assess_with(new_fw, file);
        std::string line = file + ": ";
        if (!a.error.empty() || !b.error.empty()) {
          line += fmt::format("old {}; new {}", a.error.empty() ? a.verdict : "error: " + a.error,
                              b.error.empty() ? b.verdict : "error: " + b.error);
        } else {
          line += a.verdict == b.verdict ? a.verdict : a.verdict + " -> " + b.verdict;
          line += ", overall " + (a.overall == b.overall ? a.overall : a.overall + " -> " + b.overall);
          for (const auto &f : b.flags) {
            if (a.flags.count(f) == 0)
              line += ", +flag " + f;
          }
          for (const auto &f : a.flags) {
            if (b.flags.count(f) == 0)
              line += ", -flag " + f;
          }
        }
        const bool same =
            a.verdict == b.verdict && a.overall == b.overall && a.flags == b.flags && a.error == b.error;
        changed_cases += same ? 0 : 1;
        out << (same ? "  " : "* ") << line << '\n';
      }
      if (!options->cases.empty()) {
        out << fmt::format("{} of {} use cases change\n", changed_cases, options->cases.size());
      }
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
