// The portfolio overview of a batch run (`batch --overview FILE.html|.md`): where an inventory
// of AI ideas stands and where to start. It holds counts and one short line per case, never
// the assessments themselves, so its memory grows by one line per case.
#pragma once

#include <kansrijk/core/assessment.hpp>
#include <kansrijk/core/triage.hpp>
#include <kansrijk/report/render.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kansrijk::report {

// What the overview keeps of one case. Made where the case is assessed (a worker thread, in
// the report's language), added to the overview in input order.
struct OverviewEntry {
  std::string id;
  std::string title;
  bool failed = false; // could not be assessed: listed, not counted
  core::Verdict verdict = core::Verdict::conditional;
  core::Verdict best = core::Verdict::promising; // the range under the open questions
  core::Verdict worst = core::Verdict::not_advised;
  std::optional<int> overall;
  std::string reason;          // the reason that binds the verdict, in one line
  std::vector<int> flags;      // indices into Framework::flags
  std::vector<int> conditions; // still to arrange or open: indices into Framework::conditions
  std::vector<int> questions;  // open use-case fields: indices into Framework::fields
  std::string quick_change;    // a lift by one change, in words; empty when there is none
  core::Verdict quick_verdict = core::Verdict::conditional;
  // With `batch --suggest`: the triage. An `outside` entry is not assessed: it is counted and
  // listed at the end of the overview, nothing else.
  bool triaged = false;
  bool not_assessed = false; // outside, or in scope without a task of the profession
  core::Scope scope = core::Scope::core;
  std::vector<std::string> scope_evidence;
  core::Verdict presumed_best = core::Verdict::promising; // if the presumptions hold
  core::Verdict presumed_worst = core::Verdict::not_advised;
  std::optional<core::Severity> presumed_severity;
  std::vector<std::string> first_questions; // at most three, in words, the weightiest first
  int deciding_questions = 0;               // open questions whose answer can change the verdict
  // With `batch --since`: new, changed or same, and what changed, in words.
  std::string change;
  std::vector<std::string> change_what;
};

// The style sheet of the overview page, for the other pages of a batch run (the --out index).
std::string_view page_style();

// The entry of an assessed case. The what-if search must have run for the quick wins.
OverviewEntry overview_entry(const core::Assessment &assessment, Language language);

class Overview {
public:
  explicit Overview(const core::Framework &framework) : m_fw(framework) {}

  void add(OverviewEntry entry);
  // With `batch --since`: an entry of the earlier summary that this run no longer has.
  void add_gone(std::string title) { m_gone.push_back(std::move(title)); }

  // The overview as a self-contained HTML page or as Markdown.
  [[nodiscard]] std::string render(Format format, Language language) const;

private:
  const core::Framework &m_fw;
  std::vector<OverviewEntry> m_lines; // without flags, conditions and questions
  std::vector<std::string> m_gone;    // with --since: entries of the earlier run that are gone
  std::map<core::Verdict, int> m_verdicts;
  std::map<int, int> m_flags;      // flag -> cases that raise it
  std::map<int, int> m_conditions; // condition -> cases where it is still to arrange or open
  std::map<int, int> m_questions;  // field -> cases where it is open
};

} // namespace kansrijk::report
