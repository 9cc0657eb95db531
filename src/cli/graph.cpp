// `kansrijk graph [--format mermaid|dot]`: the framework's structure for reviewers: pillars
// -> tasks and actions -> the skills they need -> the technologies that support each skill
// (strong solid, moderate dashed; limited and none left out).
#include <fmt/format.h>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/core/use_case.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <ostream>

namespace kansrijk::cli {

namespace {

std::string node_id(std::string_view prefix, std::string_view id) {
  std::string out(prefix);
  for (const char c : id) {
    out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  }
  return out;
}

// `raw` as a quoted Mermaid or dot label: on one line, invisible characters shown
// (util::safe_text_report), quotes escaped for the format.
std::string label(const std::string &raw, bool dot) {
  const std::string text = util::safe_text_report(raw);
  std::string out;
  for (const char c : text) {
    if (c == '"') {
      out += dot ? "\\\"" : "#quot;";
    } else if (c == '\\' && dot) {
      out += "\\\\";
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      out += c;
    }
  }
  return out;
}

std::string graph(const core::Framework &fw, bool dot, const std::string &lang) {
  std::string out;
  const auto node = [&](const std::string &id, const std::string &text, std::string_view shape) {
    out += dot ? fmt::format("    {} [label=\"{}\"{}];\n", id, label(text, true), shape)
               : fmt::format("    {}[\"{}\"]\n", id, label(text, false));
  };
  const auto edge = [&](const std::string &from, const std::string &to, bool dashed,
                        const std::string &text) {
    if (dot) {
      out += fmt::format(
          "  {} -> {}{};\n", from, to,
          dashed || !text.empty()
              ? fmt::format(" [{}{}]", dashed ? "style=dashed" : "",
                            text.empty() ? "" : fmt::format("{}label=\"{}\"", dashed ? ", " : "", text))
              : "");
    } else {
      out += fmt::format("  {} {} {}\n", from,
                         dashed ? (text.empty() ? "-.->" : "-. " + text + " .->")
                                : (text.empty() ? "-->" : "-- " + text + " -->"),
                         to);
    }
  };
  out += dot ? fmt::format(
                   "digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box, fontname=\"DejaVu Sans\"];\n", fw.id)
             : "flowchart LR\n";
  for (std::size_t p = 0; p < fw.pillars.size(); ++p) {
    const auto &pillar = fw.pillars[p];
    out += dot ? fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n", node_id("", pillar.id),
                             label(pillar.label.in(lang), true))
               : fmt::format("  subgraph {}[\"{}\"]\n", node_id("p_", pillar.id),
                             label(pillar.label.in(lang), false));
    for (const auto &item : fw.items) {
      if (item.pillar == static_cast<int>(p)) {
        // Kinds other than the first (actions beside tasks) are marked.
        const int kind_field = fw.task_field_with(core::FieldRole::task_kind);
        const std::string kind =
            kind_field >= 0 && item.kind > 0
                ? " (" +
                      core::value_label(fw.task_fields[static_cast<std::size_t>(kind_field)], item.kind,
                                        lang) +
                      ")"
                : "";
        node(node_id("i_", item.id), item.label.in(lang) + kind, "");
      }
    }
    out += dot ? "  }\n" : "  end\n";
  }
  out += dot ? "  subgraph cluster_skills {\n    label=\"skills\";\n" : "  subgraph skills\n";
  for (const auto &skill : fw.skills) {
    node(node_id("s_", skill.id), skill.label.in(lang),
         skill.group > 0 ? ", style=dashed" : ""); // groups after the first (affective skills)
  }
  out += dot ? "  }\n  subgraph cluster_technologies {\n    label=\"technologies\";\n"
             : "  end\n  subgraph technologies\n";
  for (const auto &tech : fw.technologies) {
    node(node_id("t_", tech.id), tech.label.in(lang), ", shape=ellipse");
  }
  out += dot ? "  }\n" : "  end\n";
  for (const auto &item : fw.items) {
    for (const auto &need : item.skills) {
      edge(node_id("i_", item.id), node_id("s_", fw.skills[static_cast<std::size_t>(need.skill)].id), false,
           std::to_string(need.weight));
    }
  }
  for (std::size_t s = 0; s < fw.skills.size(); ++s) {
    for (std::size_t t = 0; t < fw.technologies.size(); ++t) {
      const core::Grade grade = fw.support[s][t].grade;
      if (grade == core::Grade::strong || grade == core::Grade::moderate) {
        edge(node_id("s_", fw.skills[s].id), node_id("t_", fw.technologies[t].id),
             grade == core::Grade::moderate, "");
      }
    }
  }
  if (dot) {
    out += "}\n";
  }
  return out;
}

} // namespace

void add_graph(CommandLine &app, Action &action) {
  struct Options {
    std::string format = "mermaid";
    std::string language; // empty: the framework's first language
    std::string framework;
  };
  auto options = std::make_shared<Options>();
  Command *sub = app.add_subcommand("graph", "Print the framework's structure: pillars -> tasks -> skills "
                                             "-> technologies (Mermaid or Graphviz dot).");
  sub->add_option("--format", options->format, "mermaid or dot")
      ->choices({"mermaid", "dot"})
      ->capture_default_str();
  sub->add_option("--lang", options->language, "Language of the labels (default: the framework's first)");
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->callback([options, &action] {
    action = [options](std::istream &, std::ostream &out, std::ostream &) {
      const core::Framework fw = io::load_framework_for(options->framework);
      util::write_stream(out, graph(fw, options->format == "dot",
                                    report::language_code(report::language_for(fw, options->language))));
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
