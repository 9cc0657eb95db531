// `kansrijk framework list|show ID|explain RULE-ID`: look inside a framework without reading
// its YAML: every id with its label, one item with its texts and sources, or one rule with
// the golden cases in which it fires.
#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/builtin_framework.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/golden_case.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/trace.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <memory>
#include <ostream>
#include <sstream>

namespace kansrijk::cli {

namespace {

struct FrameworkOptions {
  std::string action;
  std::string id;
  std::string folder;
  std::string case_file;
  std::string language; // empty: the framework's first language
};

// The files of the framework to show; `origin` and `fingerprint` (known only for the built-in one) are set.
std::vector<io::SourceFile>
framework_sources(const std::string &folder, std::string &origin, std::string_view &fingerprint) {
  origin = folder;
  if (origin.empty()) {
    const char *env = std::getenv("KANSRIJK_FRAMEWORK");
    origin = env != nullptr && *env != '\0' ? env : "";
  }
  if (origin.empty()) {
    origin = "builtin";
    fingerprint = io::builtin_framework_fingerprint();
    return io::builtin_framework_sources();
  }
  return io::read_framework_folder(origin);
}

std::string sources_of(const core::Origin &origin) {
  return fmt::format("{} [{}]", origin.provenance == core::Provenance::quoted ? "quoted" : "reconstructed",
                     util::join(origin.sources, ", "));
}

class Viewer {
public:
  Viewer(const core::Framework &fw, std::string lang, std::ostream &out)
      : m_fw(fw), m_lang(std::move(lang)), m_out(out) {}

  void list() {
    m_out << fmt::format("{} {} ({})\n", m_fw.id, m_fw.version, m_fw.title.in(m_lang));
    section("blocks");
    for (const auto &b : m_fw.blocks) {
      row(b.id, b.label.in(m_lang));
    }
    for (const auto &p : m_fw.pillars) {
      section("pillar " + p.id);
      for (const auto &i : m_fw.items) {
        if (m_fw.pillars[static_cast<std::size_t>(i.pillar)].id == p.id) {
          const std::string kind = m_fw.item_kind(i);
          row(i.id, kind.empty() ? i.label.in(m_lang) : fmt::format("{} ({})", i.label.in(m_lang), kind));
        }
      }
    }
    section("skill groups");
    for (const auto &g : m_fw.skill_groups) {
      row(g.id, g.label.in(m_lang));
    }
    section("skills");
    for (const auto &s : m_fw.skills) {
      row(s.id, s.label.in(m_lang));
    }
    section("technologies");
    for (const auto &t : m_fw.technologies) {
      row(t.id, t.label.in(m_lang));
    }
    section("quality-of-work dimensions");
    for (const auto &d : m_fw.dimensions) {
      row(d.id, d.label.in(m_lang));
    }
    section("verdict policy");
    for (const auto &step : m_fw.verdict.steps) {
      row(step.id, fmt::format("{} → {}", step.when_text, core::to_string(step.at_most)));
    }
    section("flags");
    for (const auto &f : m_fw.flags) {
      row(f.id, fmt::format("[{}] {}", core::to_string(f.severity), f.message.in(m_lang)));
    }
    section("recommendations");
    for (const auto &a : m_fw.recommendations) {
      row(a.id, a.text.in(m_lang));
    }
    section("conditions");
    for (const auto &a : m_fw.conditions) {
      row(a.id, a.text.in(m_lang));
    }
    section("rules");
    for (const auto &r : m_fw.rules) {
      row(r.id, r.text.in(m_lang));
    }
    section("use-case fields");
    for (const auto &f : m_fw.fields) {
      row(f.path, f.label.in(m_lang));
    }
    section("sources");
    for (const auto &s : m_fw.sources) {
      row(s.id, s.title.in(m_lang));
    }
  }

  // Prints the item with `id`; false when there is none.
  bool show(const std::string &id) {
    for (const auto &i : m_fw.items) {
      if (i.id == id) {
        head(i.id, i.label, i.origin);
        m_out << i.description.in(m_lang) << "\n";
        m_out << fmt::format("kind: {}; pillar: {}\n", m_fw.item_kind(i).empty() ? "-" : m_fw.item_kind(i),
                             m_fw.pillars[static_cast<std::size_t>(i.pillar)].id);
        for (const auto &[attribute, value] : i.attributes) {
          m_out << fmt::format("{}: {}\n", attribute, value);
        }
        for (const auto &s : i.skills) {
          m_out << fmt::format("skill: {} (weight {})\n", m_fw.skills[static_cast<std::size_t>(s.skill)].id,
                               s.weight);
        }
        m_out << "rationale: " << i.rationale.in(m_lang) << "\n";
        return true;
      }
    }
    for (std::size_t s = 0; s < m_fw.skills.size(); ++s) {
      const auto &skill = m_fw.skills[s];
      if (skill.id == id) {
        head(skill.id, skill.label, skill.origin);
        m_out << skill.description.in(m_lang) << "\n";
        for (std::size_t t = 0; t < m_fw.technologies.size(); ++t) {
          const auto &cell = m_fw.support[s][t];
          m_out << fmt::format("{}: {} ({})\n", m_fw.technologies[t].id, core::to_string(cell.grade),
                               cell.why.in(m_lang));
        }
        return true;
      }
    }
    for (const auto &t : m_fw.technologies) {
      if (t.id == id) {
        head(t.id, t.label, t.origin);
        m_out << t.description.in(m_lang) << "\n";
        for (const auto &x : t.strengths) {
          m_out << "strength: " << x.in(m_lang) << "\n";
        }
        for (const auto &x : t.risks) {
          m_out << "risk: " << x.in(m_lang) << "\n";
        }
        for (const auto &x : t.examples) {
          m_out << "example: " << x.in(m_lang) << "\n";
        }
        return true;
      }
    }
    for (const auto &d : m_fw.dimensions) {
      if (d.id == id) {
        head(d.id, d.label, d.origin);
        m_out << d.description.in(m_lang) << "\n";
        m_out << "favourable: "
              << (d.favourable == core::Favourable::up     ? "up"
                  : d.favourable == core::Favourable::down ? "down"
                                                           : "neither")
              << "\n";
        return true;
      }
    }
    for (const auto &f : m_fw.flags) {
      if (f.id == id) {
        head(f.id, f.message, f.origin);
        m_out << "severity: " << core::to_string(f.severity) << "\n" << f.justification.in(m_lang) << "\n";
        if (!f.resolved_by.empty()) {
          std::vector<std::string> ids;
          ids.reserve(f.resolved_by.size());
          for (const int c : f.resolved_by) {
            ids.push_back(m_fw.conditions[static_cast<std::size_t>(c)].id);
          }
          m_out << "resolved when stated in place: " << util::join(ids, ", ") << "\n";
        }
        return true;
      }
    }
    for (const auto *list : {&m_fw.recommendations, &m_fw.conditions}) {
      for (const auto &a : *list) {
        if (a.id == id) {
          head(a.id, a.text, a.origin);
          if (!a.met_when_text.empty()) {
            m_out << "in place when: " << a.met_when_text << "\n";
          }
          return true;
        }
      }
    }
    for (const auto &r : m_fw.rules) {
      if (r.id == id) {
        rule(r);
        return true;
      }
    }
    for (const auto &b : m_fw.blocks) {
      if (b.id == id) {
        head(b.id, b.label, b.origin);
        m_out << b.question.in(m_lang) << fmt::format("\nbase: {}; weight: {}\n", b.base, b.weight);
        return true;
      }
    }
    for (const auto &p : m_fw.pillars) {
      if (p.id == id) {
        head(p.id, p.label, p.origin);
        m_out << p.description.in(m_lang) << "\n";
        return true;
      }
    }
    for (const auto &step : m_fw.verdict.steps) {
      if (step.id == id) {
        head(step.id, step.text, step.origin);
        m_out << fmt::format("when: {}\nat most: {}\n{}\n", step.when_text, core::to_string(step.at_most),
                             step.justification.in(m_lang));
        return true;
      }
    }
    for (const auto &group : m_fw.skill_groups) {
      if (group.id == id) {
        m_out << fmt::format("{}: {}\nskills:", group.id, group.label.in(m_lang));
        for (const auto &skill : m_fw.skills) {
          if (m_fw.skill_groups[static_cast<std::size_t>(skill.group)].id == id) {
            m_out << " " << skill.id;
          }
        }
        m_out << "\n";
        return true;
      }
    }
    for (const auto *fields : {&m_fw.fields, &m_fw.task_fields}) {
      for (const auto &f : *fields) {
        if (f.path == id || (fields == &m_fw.task_fields && "tasks." + f.path == id)) {
          m_out << fmt::format("{}: {}\n", id, f.label.in(m_lang));
          if (!f.question.in(m_lang).empty()) {
            m_out << f.question.in(m_lang) << "\n";
          }
          if (!f.domain.values.empty()) {
            m_out << fmt::format("values{}: {}\n", f.domain.ordered ? " (ordered)" : "",
                                 util::join(f.domain.values, ", "));
          }
          return true;
        }
      }
    }
    for (const auto &s : m_fw.sources) {
      if (s.id == id) {
        m_out << fmt::format("[{}] {}\n", s.id, s.title.in(m_lang));
        return true;
      }
    }
    return false;
  }

  void rule(const core::Rule &r) {
    head(r.id, r.text, r.origin);
    m_out << fmt::format("block: {}\nwhen: {}\n", m_fw.blocks[static_cast<std::size_t>(r.block)].id,
                         r.when_text);
    for (const auto &p : r.effects.points) {
      m_out << fmt::format("points: {} {:+d}\n", m_fw.blocks[static_cast<std::size_t>(p.block)].id, p.points);
    }
    for (const auto &q : r.effects.quality_of_work) {
      m_out << fmt::format("quality of work: {} {}\n",
                           m_fw.dimensions[static_cast<std::size_t>(q.dimension)].id,
                           core::to_string(q.direction));
    }
    for (const int f : r.effects.flags) {
      m_out << "flag: " << m_fw.flags[static_cast<std::size_t>(f)].id << "\n";
    }
    for (const int c : r.effects.conditions) {
      m_out << "condition: " << m_fw.conditions[static_cast<std::size_t>(c)].id << "\n";
    }
    for (const int c : r.effects.recommendations) {
      m_out << "recommendation: " << m_fw.recommendations[static_cast<std::size_t>(c)].id << "\n";
    }
    for (const auto &q : r.effects.questions) {
      m_out << "question: " << q.in(m_lang) << "\n";
    }
  }

  std::vector<std::string> all_ids() const {
    std::vector<std::string> ids;
    ids.reserve(m_fw.items.size());
    for (const auto &i : m_fw.items) {
      ids.push_back(i.id);
    }
    for (const auto &s : m_fw.skills) {
      ids.push_back(s.id);
    }
    for (const auto &t : m_fw.technologies) {
      ids.push_back(t.id);
    }
    for (const auto &d : m_fw.dimensions) {
      ids.push_back(d.id);
    }
    for (const auto &f : m_fw.flags) {
      ids.push_back(f.id);
    }
    for (const auto &a : m_fw.recommendations) {
      ids.push_back(a.id);
    }
    for (const auto &a : m_fw.conditions) {
      ids.push_back(a.id);
    }
    for (const auto &r : m_fw.rules) {
      ids.push_back(r.id);
    }
    for (const auto &b : m_fw.blocks) {
      ids.push_back(b.id);
    }
    for (const auto &p : m_fw.pillars) {
      ids.push_back(p.id);
    }
    for (const auto &f : m_fw.fields) {
      ids.push_back(f.path);
    }
    for (const auto &s : m_fw.sources) {
      ids.push_back(s.id);
    }
    return ids;
  }

private:
  void section(const std::string &title) { m_out << "\n" << title << ":\n"; }
  void row(const std::string &id, const std::string &text) {
    m_out << fmt::format("  {:<44} {}\n", id, text);
  }
  void head(const std::string &id, const core::Text &title, const core::Origin &origin) {
    m_out << fmt::format("{}: {}\nsource: {}\n", id, title.in(m_lang), sources_of(origin));
  }

  const core::Framework &m_fw;
  std::string m_lang;
  std::ostream &m_out;
};

} // namespace

void add_framework(CommandLine &app, Action &action) {
  auto options = std::make_shared<FrameworkOptions>();
  Command *sub = app.add_subcommand(
      "framework", "Look inside a framework: list its ids, show one item, explain one rule.");
  sub->add_option("ACTION", options->action, "list, show or explain")
      ->required()
      ->choices({"list", "show", "explain"});
  sub->add_option("ID", options->id, "The id to show, or the rule to explain")
      ->value_kind(ValueKind::framework_id);
  sub->add_option("--case", options->case_file,
                  "explain: a use case or golden case; shows each part of the rule's condition for it")
      ->value_kind(ValueKind::file);
  sub->add_option("--framework", options->folder,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in one)")
      ->value_kind(ValueKind::directory);
  sub->add_option("--lang", options->language, "Language of the texts (default: the framework's first)");
  sub->callback([options, &action] {
    action = [options](std::istream &in, std::ostream &out, std::ostream &err) {
      std::string origin;
      std::string_view fingerprint;
      const auto files = framework_sources(options->folder, origin, fingerprint);
      const core::Framework fw = io::load_framework(files, origin, fingerprint);
      // Everything shown comes from the framework's files: collected, then made safe for a
      // terminal as a whole (line breaks in texts kept) and written with a check.
      std::ostringstream shown;
      Viewer viewer(fw, report::language_code(report::language_for(fw, options->language)), shown);
      const auto publish = [&] { util::write_stream(out, util::safe_terminal_lines(shown.str())); };
      if (options->action == "list") {
        viewer.list();
        publish();
        return k_exit_ok;
      }
      if (options->id.empty()) {
        err << "kansrijk: error: `kansrijk framework " << options->action
            << "` needs an id; see `kansrijk framework list`\n";
        return k_exit_usage;
      }
      const core::Rule *rule = nullptr;
      for (const auto &r : fw.rules) {
        rule = r.id == options->id ? &r : rule;
      }
      if (options->action == "explain" && rule == nullptr) {
        std::vector<std::string> ids;
        ids.reserve(fw.rules.size());
        for (const auto &r : fw.rules) {
          ids.push_back(r.id);
        }
        err << "kansrijk: error: no rule \"" << util::safe_terminal(util::excerpt(options->id)) << "\""
            << util::safe_terminal(util::did_you_mean(options->id, ids))
            << "; see `kansrijk framework list`\n";
        return k_exit_usage;
      }
      if (options->action == "show") {
        if (!viewer.show(options->id)) {
          const auto ids = viewer.all_ids();
          std::string hint = util::did_you_mean(options->id, ids);
          for (const auto &id : ids) {
            if (hint.empty() && id.ends_with("." + options->id)) {
              hint = " (did you mean \"" + id + "\"?)"; // the id without its pillar
            }
          }
          err << "kansrijk: error: no item \"" << util::safe_terminal(util::excerpt(options->id)) << "\""
              << util::safe_terminal(hint) << "; see `kansrijk framework list`\n";
          return k_exit_usage;
        }
        publish();
        return k_exit_ok;
      }
      viewer.rule(*rule);
      if (!options->case_file.empty()) {
        const core::UseCase uc = io::load_case_file(options->case_file, fw, in);
        const auto assessment = core::assess(fw, uc);
        const bool fired =
            std::any_of(assessment.fired.begin(), assessment.fired.end(), [&](const core::FiredRule &f) {
              return &fw.rules[static_cast<std::size_t>(f.rule)] == rule;
            });
        shown << fmt::format("for {}: {}\n", options->case_file, fired ? "fires" : "does not fire");
        shown << report::condition_trace(fw, *rule, uc, "  ");
        publish();
        return k_exit_ok;
      }
      const auto cases = io::load_golden_cases(files, fw);
      std::vector<std::string> firing;
      for (const auto &golden : cases) {
        const auto assessment =
            core::assess(fw, golden.use_case, core::AssessOptions{.questions = false, .what_if = false});
        for (const auto &f : assessment.fired) {
          if (&fw.rules[static_cast<std::size_t>(f.rule)] == rule) {
            firing.push_back(golden.name);
          }
        }
      }
      shown << fmt::format("fires in {} of {} golden cases{}{}\n", firing.size(), cases.size(),
                           firing.empty() ? "" : ": ", util::join(firing, ", "));
      publish();
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
