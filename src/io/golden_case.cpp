// Loading and checking golden cases.
#include <algorithm>
#include <filesystem>
#include <kansrijk/core/conditions.hpp>
#include <kansrijk/io/golden_case.hpp>
#include <kansrijk/io/reader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io {

using namespace core;

namespace {

void check_id(Reader &reader,
              const Node &at,
              const std::string &id,
              const std::vector<std::string> &ids,
              const std::string &kind) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
    reader.error(at.where,
                 "unknown " + kind + " \"" + util::excerpt(id) + "\"" + util::did_you_mean(id, ids));
  }
}

GoldenCase read_case(const SourceFile &file, const Framework &fw, std::vector<Diagnostic> &problems) {
  GoldenCase golden;
  golden.file = file.display;
  golden.name = std::filesystem::path(file.name).stem().string();
  auto tree = parse_document(file.content, file.display);
  if (!tree) {
    problems.push_back(tree.error());
    problems.back().code = "KR001";
    return golden;
  }
  Reader reader(fw.languages);
  if (!reader.expect_map(*tree, "a golden case")) {
    problems.insert(problems.end(), reader.diagnostics().begin(), reader.diagnostics().end());
    return golden;
  }
  reader.check_keys(*tree, {"case", "description", "use_case", "expect"}, {"use_case", "expect"});
  if (auto name = reader.string(*tree, "case", false)) {
    golden.name = *name;
  }
  if (const Node *use_case = tree->find("use_case")) {
    try {
      golden.use_case = use_case_from_tree(*use_case, fw, golden.name);
      golden.use_case.origin = file.display;
    } catch (const util::Error &e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  const Node *expect = tree->find("expect");
  if (expect != nullptr && reader.expect_map(*expect, "\"expect\"")) {
    reader.check_keys(*expect, {"verdict", "flags", "quality_of_work", "top_technology", "ranks_above",
                                "fires", "conditions_in_place", "conditions_to_arrange", "range", "what_if"});
    golden.verdict =
        reader.choice(*expect, "verdict", false,
                      {"promising", "conditional", "limited", "not_advised", "insufficient_information"});
    if (const Node *flags = expect->find("flags")) {
      golden.flags = reader.strings(*expect, "flags", false);
      const auto ids = ids_of(fw.flags);
      for (const auto &item : flags->items) {
        check_id(reader, item, item.scalar, ids, "flag");
      }
    }
    if (const Node *qow = expect->find("quality_of_work");
        qow && reader.expect_map(*qow, "\"quality_of_work\"")) {
      const auto ids = ids_of(fw.dimensions);
      for (const auto &entry : qow->entries) {
        check_id(reader, entry.key, entry.key.scalar, ids, "dimension");
        if (auto direction =
                reader.choice(*qow, entry.key.scalar, true, {"up", "down", "mixed", "none", "unknown"})) {
          golden.quality_of_work[entry.key.scalar] = *direction;
        }
      }
    }
    if (const Node *top = expect->find("top_technology")) {
      golden.top_technology = reader.string(*expect, "top_technology", false);
      if (golden.top_technology) {
        check_id(reader, *top, *golden.top_technology, ids_of(fw.technologies), "technology");
      }
    }
    if (const Node *ranks = expect->find("ranks_above");
        ranks && reader.expect_seq(*ranks, "\"ranks_above\"")) {
      const auto ids = ids_of(fw.technologies);
      for (const auto &item : ranks->items) {
        const auto gt = item.is_scalar() ? item.scalar.find(" > ") : std::string::npos;
        if (gt == std::string::npos) {
          reader.error(item.where, "write a ranking as \"hybrid > generative\"");
          continue;
        }
        const std::string a = item.scalar.substr(0, gt);
        const std::string b = item.scalar.substr(gt + 3);
        check_id(reader, item, a, ids, "technology");
        check_id(reader, item, b, ids, "technology");
        golden.ranks_above.emplace_back(a, b);
      }
    }
    for (const auto &[key, target] : {std::pair{"conditions_in_place", &golden.conditions_in_place},
                                      std::pair{"conditions_to_arrange", &golden.conditions_to_arrange}}) {
      if (const Node *list = expect->find(key)) {
        *target = reader.strings(*expect, key, false);
        const auto ids = ids_of(fw.conditions);
        for (const auto &item : list->items) {
          check_id(reader, item, item.scalar, ids, "condition");
        }
      }
    }
    const std::vector<std::string> verdicts = {"promising", "conditional", "limited", "not_advised",
                                               "insufficient_information"};
    if (const Node *range = expect->find("range"); range && reader.expect_map(*range, "\"range\"")) {
      reader.check_keys(*range, {"best", "worst"}, {"best", "worst"});
      golden.range_best = reader.choice(*range, "best", true, verdicts);
      golden.range_worst = reader.choice(*range, "worst", true, verdicts);
    }
    if (const Node *what_if = expect->find("what_if");
        what_if && reader.expect_map(*what_if, "\"what_if\"")) {
      reader.check_keys(*what_if, {"status", "first"}, {"status"});
      golden.what_if_status = reader.choice(
          *what_if, "status", true,
          {"not_needed", "needs_answers", "no_design_fields", "none_possible", "none_within_limit", "found"});
      if (const Node *first = what_if->find("first");
          first && reader.expect_map(*first, "\"what_if.first\"")) {
        reader.check_keys(*first, {"fields", "verdict"}, {"fields", "verdict"});
        golden.what_if_first_fields = reader.strings(*first, "fields", true);
        golden.what_if_first_verdict = reader.choice(*first, "verdict", true, verdicts);
        for (const auto &item : first->find("fields")->items) {
          if (fw.field_index(item.scalar) < 0) {
            reader.error(item.where,
                         "unknown field \"" + item.scalar + "\"" + util::did_you_mean(item.scalar, [&] {
                           std::vector<std::string> paths;
                           paths.reserve(fw.fields.size());
                           for (const auto &f : fw.fields) {
                             paths.push_back(f.path);
                           }
                           return paths;
                         }()));
          }
        }
      }
    }
    if (const Node *fires = expect->find("fires")) {
      golden.fires = reader.strings(*expect, "fires", false);
      const auto ids = ids_of(fw.rules);
      for (const auto &item : fires->items) {
        check_id(reader, item, item.scalar, ids, "rule");
      }
    }
  }
  problems.insert(problems.end(), reader.diagnostics().begin(), reader.diagnostics().end());
  return golden;
}

} // namespace

std::vector<GoldenCase> load_golden_cases(const std::vector<SourceFile> &files, const Framework &framework) {
  std::vector<GoldenCase> cases;
  std::vector<Diagnostic> problems;
  for (const auto &file : files) {
    if (file.name.starts_with("tests/")) {
      cases.push_back(read_case(file, framework, problems));
    }
  }
  if (!problems.empty()) {
    throw util::Error(std::move(problems));
  }
  return cases;
}

UseCase load_case_file(const std::string &file, const Framework &fw, std::istream &in) {
  if (file != "-") {
    if (auto content = util::read_text_file(file, k_max_framework_file_bytes)) {
      if (auto tree = parse_document(*content, file);
          tree && tree->is_map() && tree->find("use_case") != nullptr && tree->find("expect") != nullptr) {
        UseCase uc =
            use_case_from_tree(*tree->find("use_case"), fw, std::filesystem::path(file).stem().string());
        uc.origin = file;
        return uc;
      }
    }
  }
  return load_use_case(file, fw, in);
}

std::vector<std::string> compare(const GoldenCase &golden, const Assessment &a) {
  const Framework &fw = *a.framework;
  std::vector<std::string> out;
  if (golden.range_best &&
      (*golden.range_best != to_string(a.range.best) || *golden.range_worst != to_string(a.range.worst))) {
    out.push_back("verdict range is " + std::string(to_string(a.range.best)) + " .. " +
                  std::string(to_string(a.range.worst)) + ", expected " + *golden.range_best + " .. " +
                  *golden.range_worst);
  }
  if (golden.what_if_status) {
    static constexpr const char *k_status[] = {"not_needed",    "needs_answers",     "no_design_fields",
                                               "none_possible", "none_within_limit", "found"};
    const std::string status = k_status[static_cast<int>(a.what_if.status)];
    if (status != *golden.what_if_status) {
      out.push_back("what-if status is " + status + ", expected " + *golden.what_if_status);
    } else if (golden.what_if_first_verdict) {
      std::vector<std::string> fields;
      std::string verdict = "none";
      if (!a.what_if.lifts.empty()) {
        for (const auto &change : a.what_if.lifts.front().changes) {
          fields.push_back(fw.fields[static_cast<std::size_t>(change.field)].path);
        }
        verdict = std::string(to_string(a.what_if.lifts.front().verdict));
      }
      if (fields != golden.what_if_first_fields || verdict != *golden.what_if_first_verdict) {
        out.push_back("first what-if change is [" + util::join(fields, ", ") + "] -> " + verdict +
                      ", expected [" + util::join(golden.what_if_first_fields, ", ") + "] -> " +
                      *golden.what_if_first_verdict);
      }
    }
  }
  if (golden.verdict && *golden.verdict != to_string(a.verdict)) {
    out.push_back("verdict is " + std::string(to_string(a.verdict)) + ", expected " + *golden.verdict);
  }
  if (golden.flags) {
    std::vector<std::string> actual;
    actual.reserve(a.flags.size());
    for (const auto &raised : a.flags) {
      actual.push_back(fw.flags[static_cast<std::size_t>(raised.flag)].id);
    }
    std::vector<std::string> expected = *golden.flags;
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    if (actual != expected) {
      out.push_back("flags are [" + util::join(actual, ", ") + "], expected [" + util::join(expected, ", ") +
                    "]");
    }
  }
  for (const auto &[dimension, direction] : golden.quality_of_work) {
    for (const auto &result : a.quality_of_work) {
      const auto &id = fw.dimensions[static_cast<std::size_t>(result.dimension)].id;
      if (id == dimension && to_string(result.direction) != direction) {
        out.push_back("quality of work \"" + id + "\" is " + std::string(to_string(result.direction)) +
                      ", expected " + direction);
      }
    }
  }
  if (golden.top_technology) {
    const std::string top =
        a.technologies.empty()
            ? std::string("none")
            : fw.technologies[static_cast<std::size_t>(a.technologies.front().technology)].id;
    if (top != *golden.top_technology) {
      out.push_back("top technology is " + top + ", expected " + *golden.top_technology);
    }
  }
  for (const auto &[above, below] : golden.ranks_above) {
    int rank_above = -1;
    int rank_below = -1;
    for (std::size_t i = 0; i < a.technologies.size(); ++i) {
      const auto &id = fw.technologies[static_cast<std::size_t>(a.technologies[i].technology)].id;
      rank_above = id == above ? static_cast<int>(i) : rank_above;
      rank_below = id == below ? static_cast<int>(i) : rank_below;
    }
    const bool strictly = rank_above >= 0 && rank_below >= 0 &&
                          a.technologies[static_cast<std::size_t>(rank_above)].fit >
                              a.technologies[static_cast<std::size_t>(rank_below)].fit;
    if (!strictly) {
      out.push_back("technology " + above + " does not rank above " + below);
    }
  }
  for (const auto &[expected, ids] :
       {std::pair{ConditionStatus::in_place, &golden.conditions_in_place},
        std::pair{ConditionStatus::to_arrange, &golden.conditions_to_arrange}}) {
    for (const auto &id : *ids) {
      const auto raised = std::find_if(a.conditions.begin(), a.conditions.end(), [&](const RaisedAdvice &c) {
        return fw.conditions[static_cast<std::size_t>(c.advice)].id == id;
      });
      const std::string actual =
          raised == a.conditions.end() ? std::string("not raised") : std::string(to_string(raised->status));
      if (raised == a.conditions.end() || raised->status != expected) {
        out.push_back("condition " + id + " is " + actual + ", expected " + std::string(to_string(expected)));
      }
    }
  }
  for (const auto &rule : golden.fires) {
    const bool fired = std::any_of(a.fired.begin(), a.fired.end(), [&](const FiredRule &f) {
      return fw.rules[static_cast<std::size_t>(f.rule)].id == rule;
    });
    if (!fired) {
      out.push_back("rule " + rule + " did not fire");
    }
  }
  return out;
}

} // namespace kansrijk::io
