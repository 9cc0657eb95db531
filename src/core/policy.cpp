// The verdict policy's facts: a small use case built from an assessment, so that policy steps
// are evaluated by the same three-valued evaluator as rules.
#include <algorithm>
#include <kansrijk/core/policy.hpp>

namespace kansrijk::core {

namespace {

FieldDecl integer_fact(std::string path, int max, const char *nl, const char *en) {
  FieldDecl decl;
  decl.path = std::move(path);
  decl.type = FieldType::integer;
  decl.domain.ordered = true;
  decl.domain.min = 0;
  decl.domain.max = max;
  decl.derived = true;
  decl.label.by_language = {{"nl", nl}, {"en", en}};
  return decl;
}

// Sets the integer fact `value` (only its interval and whether it is known: a sheet's integer
// facts hold nothing else, so a sheet filled before is overwritten in place).
void set_integer(FieldValue &value, const std::optional<Interval> &interval, int min, int max, bool bounds) {
  if (!interval) {
    value.known = false;
    value.low = min;
    value.high = max;
    return;
  }
  value.low = interval->low;
  value.high = interval->high;
  value.known = bounds || interval->low == interval->high;
}

} // namespace

std::vector<FieldDecl> verdict_facts(const Framework &framework) {
  std::vector<FieldDecl> facts;
  FieldDecl flags;
  flags.path = "flags";
  flags.type = FieldType::enum_list;
  flags.domain.values = ids_of(framework.flags);
  flags.derived = true;
  flags.label.by_language = {{"nl", "signalen"}, {"en", "flags"}};
  facts.push_back(std::move(flags));
  const int flag_count = static_cast<int>(framework.flags.size());
  facts.push_back(integer_fact("flags.knockout", flag_count, "knock-outs", "knock-outs"));
  facts.push_back(integer_fact("flags.high", flag_count, "ernstige signalen", "high flags"));
  facts.push_back(integer_fact("flags.medium", flag_count, "signalen (middel)", "medium flags"));
  facts.push_back(integer_fact("flags.low", flag_count, "signalen (laag)", "low flags"));
  for (const auto &block : framework.blocks) {
    facts.push_back(integer_fact("score." + block.id, 100, "score", "score"));
    facts.back().label = block.label;
  }
  facts.push_back(integer_fact("score.overall", 100, "totaalscore", "overall score"));
  facts.push_back(integer_fact("score.lowest", 100, "laagste score van een bouwsteen", "lowest block score"));
  facts.push_back(integer_fact("blocks.unscored", static_cast<int>(framework.blocks.size()),
                               "bouwstenen zonder score", "blocks without a score"));
  facts.push_back(
      integer_fact("unknown_share", 100, "aandeel open vragen (%)", "share of open questions (%)"));
  for (std::size_t i = 0; i < facts.size(); ++i) {
    facts[i].index = static_cast<int>(i);
  }
  return facts;
}

UseCase fact_sheet(const Framework &framework, const FactValues &values) {
  UseCase sheet;
  fact_sheet_into(framework, values, sheet);
  return sheet;
}

void fact_sheet_into(const Framework &framework, const FactValues &values, UseCase &sheet) {
  // The facts are in the order verdict_facts declares them: flags, the four severity counts
  // (knock-out first), one score per block, then overall, lowest, unscored and unknown share.
  // Every fact is set, so a sheet filled before is filled anew.
  const std::size_t blocks = framework.blocks.size();
  const std::size_t overall_at = 5 + blocks;
  sheet.fields.resize(overall_at + 4);
  FieldValue &flags = sheet.fields[0];
  flags.known = true;
  flags.values = values.raised;
  std::sort(flags.values.begin(), flags.values.end());
  flags.possible = values.possible;
  for (int severity = 0; severity < 4; ++severity) {
    Interval count;
    for (const int flag : values.raised) {
      count.low +=
          static_cast<int>(framework.flags[static_cast<std::size_t>(flag)].severity) == severity ? 1 : 0;
    }
    count.high = count.low;
    for (const int flag : values.possible) {
      count.high +=
          static_cast<int>(framework.flags[static_cast<std::size_t>(flag)].severity) == severity ? 1 : 0;
    }
    set_integer(sheet.fields[static_cast<std::size_t>(4 - severity)], count, 0, 0, true);
  }
  std::optional<Interval> lowest;
  Interval unscored;
  for (std::size_t b = 0; b < blocks; ++b) {
    const auto &score = values.blocks[b];
    set_integer(sheet.fields[5 + b], score, 0, 100, values.bounds);
    if (!score) {
      ++unscored.low;
      ++unscored.high;
      continue;
    }
    lowest =
        lowest ? Interval{std::min(lowest->low, score->low), std::min(lowest->high, score->high)} : *score;
  }
  set_integer(sheet.fields[overall_at], values.overall, 0, 100, values.bounds);
  set_integer(sheet.fields[overall_at + 1], lowest, 0, 100, values.bounds);
  set_integer(sheet.fields[overall_at + 2], unscored, 0, 0, true);
  set_integer(sheet.fields[overall_at + 3], Interval{values.unknown_share, values.unknown_share}, 0, 100,
              true);
}

StepReads step_reads(const VerdictPolicy &policy, const PolicyStep &step) {
  StepReads out;
  const auto walk = [&](const auto &self, const Expr &expr) -> void {
    if (expr.kind == Expr::Kind::field && expr.field >= 0 &&
        static_cast<std::size_t>(expr.field) < policy.facts.size()) {
      const std::string &path = policy.facts[static_cast<std::size_t>(expr.field)].path;
      if (std::find(out.facts.begin(), out.facts.end(), path) == out.facts.end()) {
        out.facts.push_back(path);
      }
    }
    if (expr.kind == Expr::Kind::membership && expr.children.size() == 2 &&
        expr.children[0].kind == Expr::Kind::symbol && expr.children[0].value >= 0) {
      out.flags.push_back(expr.children[0].value);
    }
    for (const auto &child : expr.children) {
      self(self, child);
    }
  };
  walk(walk, step.when);
  return out;
}

Verdict verdict_for_score(const VerdictPolicy &policy, int overall) {
  return overall >= policy.promising     ? Verdict::promising
         : overall >= policy.conditional ? Verdict::conditional
         : overall >= policy.limited     ? Verdict::limited
                                         : Verdict::not_advised;
}

int unknown_share(const Framework &framework, const UseCase &use_case) {
  int asked = 0;
  int open = 0;
  for (const auto &decl : framework.fields) {
    if (decl.derived || !decl.asked || !decl.counts_as_open || decl.role == FieldRole::description) {
      continue;
    }
    ++asked;
    open += use_case.fields[static_cast<std::size_t>(decl.index)].known ? 0 : 1;
  }
  return asked == 0 ? 0 : (100 * open + asked / 2) / asked;
}

} // namespace kansrijk::core
