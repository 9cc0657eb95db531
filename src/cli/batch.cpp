// `kansrijk batch INPUT...`: many use cases in, a summary line (and optionally a report) per
// case out. Records are read lazily in input order, assessed in chunks by a pool of worker
// threads, and written in input order by the main thread, so the output is the same for any
// number of jobs and memory does not grow with the number of cases. A broken case becomes an
// error row and the run goes on. Ctrl-C or SIGTERM stops cleanly (util::InterruptGuard): no
// half-written file is left. Outputs go through the output layer (util/output.hpp); one that
// is also an input is refused before a case is read.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <future>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/cli/report_options.hpp>
#include <kansrijk/core/decision.hpp>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/core/suggest.hpp>
#include <kansrijk/core/triage.hpp>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/draft.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/xlsx_writer.hpp>
#include <kansrijk/report/overview.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/since.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/report/summary.hpp>
#include <kansrijk/util/file.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <thread>
#include <unordered_set>

namespace kansrijk::cli {

namespace {

namespace fs = std::filesystem;

// A fixed set of worker threads taking tasks from one queue.
class WorkerPool {
public:
  explicit WorkerPool(unsigned count) {
    for (unsigned i = 0; i < count; ++i) {
      m_threads.emplace_back([this] { work(); });
    }
  }
  ~WorkerPool() {
    {
      const std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_wake.notify_all();
    for (auto &thread : m_threads) {
      thread.join();
    }
  }
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  template <typename Result> std::future<Result> submit(std::function<Result()> task) {
    auto packaged = std::make_shared<std::packaged_task<Result()>>(std::move(task));
    std::future<Result> result = packaged->get_future();
    {
      const std::lock_guard lock(m_mutex);
      m_tasks.emplace_back([packaged] { (*packaged)(); });
    }
    m_wake.notify_one();
    return result;
  }

private:
  void work() {
    while (true) {
      std::function<void()> task;
      {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
        if (m_tasks.empty()) {
          return;
        }
        task = std::move(m_tasks.front());
        m_tasks.pop_front();
      }
      task();
    }
  }

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_tasks;
  bool m_stopping = false;
  std::vector<std::thread> m_threads;
};

// Search points per answer when the triage ranks a row's open questions (a report's: 4,000).
// Measured on the 1,330 register entries: 4,000 points 1.71 s, 400 points 1.41 s; the order
// of the first three questions is what the overview shows.
constexpr std::size_t k_triage_search_limit = 400;

struct BatchOptions {
  std::vector<std::string> inputs;
  std::string out_dir;
  std::string summary;
  std::string summary_format;
  std::string framework;
  std::string progress = "auto";
  unsigned jobs = 0;
  bool follow_symlinks = false;
  ReportChoice report;
  std::string columns; // --columns MAP.yaml
  bool ignore_unknown_columns = false;
  bool suggest = false;         // --suggest
  std::string drafts;           // --drafts DIR
  std::string overview;         // --overview FILE.html|.md
  std::string since;            // --since PREVIOUS.jsonl
  std::string scope = "triage"; // --scope triage|all
  std::string sheet;            // --sheet NAME (.xlsx inputs)
};

struct Outcome {
  std::string id;
  std::string title;
  std::string verdict; // in the report language; empty for an error row
  std::string summary;
  std::string report;
  std::string draft;  // with --drafts
  std::string errors; // diagnostics for stderr
  bool failed = false;
  bool outside = false;                          // with --suggest: listed, not assessed (see listed_only)
  std::optional<report::OverviewEntry> overview; // with --overview
  // With --suggest: headings of columns that held text where the field has values (warned
  // about once per file by the main thread), and the file.
  std::vector<std::string> text_columns;
  std::string file;
  std::vector<std::string> cells; // an .xlsx summary: the row's cells
  std::optional<core::Verdict> verdict_value;
};

// The triage's question rankings, by the answers they were worked out for (core::answers_key):
// the rows of a register that leave the same questions open get the same ranking, so it is
// searched once. Shared by the worker threads.
class RankingMemo {
public:
  std::vector<core::RankedQuestion> rank(const core::Framework &framework,
                                         const core::UseCase &use_case,
                                         const core::Assessment &assessment,
                                         std::size_t limit) {
    std::string key = core::answers_key(use_case);
    {
      const std::lock_guard lock(m_mutex);
      if (const auto found = m_rankings.find(key); found != m_rankings.end()) {
        return found->second;
      }
    }
    auto ranked = core::rank_questions(framework, use_case, assessment, limit);
    const std::lock_guard lock(m_mutex);
    m_rankings.emplace(std::move(key), ranked);
    return ranked;
  }

private:
  std::mutex m_mutex;
  std::map<std::string, std::vector<core::RankedQuestion>> m_rankings;
};

struct Context {
  const core::Framework &framework;
  report::SummaryFormat summary_format{};
  std::optional<report::Format> report_format; // set with --out
  report::RenderOptions render_options;
  const core::Suggester *suggester = nullptr; // with --suggest or --drafts
  const core::Triager *triager = nullptr;     // with --suggest
  const report::Earlier *earlier = nullptr;   // with --since
  bool all_in_scope = false;                  // --scope all: a register of the profession's own ideas
  bool xlsx = false;                          // the summary is an Excel workbook
  bool drafts = false;
  bool overview = false;                      // with --overview: the what-if search too, for the quick wins
  std::vector<std::size_t> suggestion_fields; // with a suggester: suggestion_fields(framework)
  RankingMemo *rankings = nullptr;            // with --suggest and --overview
  std::string resume;                         // how a draft is continued (io::resume_command)
};

// `suggestions` as summary cells: `ref (score: words)`, joined by " | "; for people (the excel
// and .xlsx summaries) a task by its name and an answer by its field's and value's labels, in
// the report language, without the score.
std::string suggestion_cell(const std::vector<core::Suggestion> &suggestions, const Context &context) {
  const bool people = context.xlsx || context.summary_format == report::SummaryFormat::excel;
  const core::Framework &fw = context.framework;
  const std::string lang(report::language_code(context.render_options.language));
  std::string out;
  for (const auto &s : suggestions) {
    if (!people) {
      out += fmt::format("{}{} ({:.1f}: {})", out.empty() ? "" : " | ", s.ref, s.score,
                         util::join(s.words, ", "));
      continue;
    }
    std::string name = s.ref;
    if (s.field.empty()) {
      for (const auto &item : fw.items) {
        name = item.id == s.ref ? item.label.in(lang) : name;
      }
    } else if (const int index = fw.field_index(s.field); index >= 0) {
      const core::FieldDecl &decl = fw.fields[static_cast<std::size_t>(index)];
      name = decl.label.in(lang) + ": " + core::value_label(decl, decl.domain.index_of(s.value), lang);
    }
    out += fmt::format("{}{} ({})", out.empty() ? "" : " | ", name, util::join(s.words, ", "));
  }
  return out;
}

// The text suggestions are made from: the title and the description.
// The fields whose free text the suggestions read: the title and every other text field
// the framework declares, but the identifier, in the framework's order (for the built-in
// framework: title, description, purpose.goal, purpose.problem).
std::vector<std::size_t> suggestion_fields(const core::Framework &fw) {
  std::vector<std::size_t> out;
  const int id = fw.field_with(core::FieldRole::id);
  for (std::size_t i = 0; i < fw.fields.size(); ++i) {
    const core::FieldDecl &decl = fw.fields[i];
    if (decl.type == core::FieldType::text && !decl.derived && static_cast<int>(i) != id) {
      out.push_back(i);
    }
  }
  return out;
}

std::string description_of(const Context &context, const core::UseCase &use_case) {
  std::string text = use_case.title;
  const int title = context.framework.field_with(core::FieldRole::title);
  for (const std::size_t index : context.suggestion_fields) {
    const auto &value = use_case.fields[index];
    if (static_cast<int>(index) != title && value.known) {
      text += "\n" + value.text;
    }
  }
  return text;
}

std::string source_of(const io::Record &record) {
  return record.where.line > 0 ? fmt::format("{}:{}", record.where.file, record.where.line)
                               : record.where.file;
}

// The heading of the column of tasks, in the framework's first language.
std::string tasks_heading(const core::Framework &framework) {
  const std::string &heading = framework.tasks_heading.in(framework.languages.front());
  return heading.empty() ? framework.tasks_key : heading;
}

// The path of the framework's field with `role` (the built-in framework's `title`, `id`).
std::string role_path(const core::Framework &framework, core::FieldRole role, const char *fallback) {
  const int field = framework.field_with(role);
  return field < 0 ? std::string(fallback) : framework.fields[static_cast<std::size_t>(field)].path;
}

// The id of `record` as its summary row shows it, read without loading the use case.
std::string row_id(const io::Record &record, const core::Framework &framework) {
  if (record.kind == io::Record::Kind::csv_row) { // the row's own id, when it has one
    if (auto id = io::record_text(record, role_path(framework, core::FieldRole::id, "id")); !id.empty()) {
      return id;
    }
  }
  return record.default_id;
}

// The title of `record`, read without loading the use case (an error row keeps its title).
std::string row_title(const io::Record &record, const core::Framework &framework) {
  return util::excerpt(io::record_text(record, role_path(framework, core::FieldRole::title, "title")), 200);
}

// Fills the triage columns of `row`: the scope and presumptions of `triage`, and with a use
// case, its assessment if the presumptions hold; without one, the flags the presumptions
// raise on the entry's `texts` alone.
void add_triage(report::SummaryRow &row,
                const core::Triage &triage,
                const Context &context,
                const core::UseCase *use_case,
                const core::EntryTexts &texts = {}) {
  const core::Framework &fw = context.framework;
  row.triaged = true;
  row.scope = std::string(core::to_string(triage.scope));
  row.scope_evidence = triage.scope_evidence;
  for (const auto &p : triage.presumed) {
    row.presumed.push_back({fw.fields[static_cast<std::size_t>(p.field)].path, p.value, p.evidence});
  }
  core::AssessOptions options;
  options.questions = false;
  options.what_if = false;
  options.score_range = false;
  if (use_case == nullptr) {
    // Outside the profession's work: no verdict, but the flags that the presumptions raise
    // without any task (the law on profiling, automated decisions, health data) still show.
    core::UseCase bare;
    bare.id = row.id;
    bare.title = row.title;
    bare.fields.resize(fw.fields.size());
    for (const auto &[field, text] : texts) { // its texts: a register's goal is a purpose
      if (fw.fields[static_cast<std::size_t>(field)].type == core::FieldType::text) {
        bare.fields[static_cast<std::size_t>(field)].known = true;
        bare.fields[static_cast<std::size_t>(field)].text = text;
      }
    }
    options.range = false;
    options.for_every_answer = false;
    const core::UseCase presumed = core::with_presumptions(fw, bare, triage);
    const core::Assessment assessment = core::assess(fw, presumed, options);
    if (!assessment.flags.empty()) {
      row.presumed_severity = fw.flags[static_cast<std::size_t>(assessment.flags.front().flag)].severity;
    }
    return;
  }
  const core::UseCase presumed = core::with_presumptions(fw, *use_case, triage);
  const core::Assessment assessment = core::assess(fw, presumed, options);
  row.presumed_verdict = assessment.verdict;
  row.presumed_best = assessment.range.computed ? assessment.range.best : assessment.verdict;
  row.presumed_worst = assessment.range.computed ? assessment.range.worst : assessment.verdict;
  if (!assessment.flags.empty()) { // most severe first
    row.presumed_severity = fw.flags[static_cast<std::size_t>(assessment.flags.front().flag)].severity;
  }
}

// The cells of an .xlsx summary row: counts and scores as numbers (the identifier stays
// text, "007" is not 7), the verdict filled with its colour.
std::vector<io::XlsxCell> xlsx_cells(const Outcome &outcome) {
  std::vector<io::XlsxCell> out;
  out.reserve(outcome.cells.size());
  for (std::size_t i = 0; i < outcome.cells.size(); ++i) {
    io::XlsxCell cell{outcome.cells[i], {}, {}};
    const std::string &text = cell.text;
    if (i >= 4 && !text.empty() && text.size() < 10 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      cell.number = std::stod(text);
    }
    if (i == 3 && outcome.verdict_value) {
      cell.fill = std::string(report::verdict_colour(*outcome.verdict_value));
    }
    out.push_back(std::move(cell));
  }
  return out;
}

// The summary of `row`: a line of text, or for an .xlsx summary the cells of its row.
void set_summary(Outcome &outcome, const report::SummaryRow &row, const Context &context) {
  if (context.xlsx) {
    outcome.cells = report::summary_cells(context.framework, row, true, context.render_options.language);
    outcome.verdict_value = row.verdict_value;
    return;
  }
  outcome.summary =
      report::summary_line(context.framework, row, context.summary_format, context.render_options.language);
}

// With --since, how `row` changed (in the summary and the overview); then its summary.
void finish_row(Outcome &outcome, report::SummaryRow &row, const Context &context) {
  if (context.earlier != nullptr) {
    report::compare_with(row, *context.earlier);
    if (outcome.overview) {
      outcome.overview->change = row.change;
      outcome.overview->change_what = row.change_what;
    }
  }
  set_summary(outcome, row, context);
}

// The outcome of a register row that is listed but not assessed: outside the profession's
// work, or in scope without a task of the profession that its words point to. The summary
// and the overview show its triage and the flags its presumptions raise.
Outcome
listed_only(const io::Record &record, const core::Triage &triage, const Context &context, Outcome outcome) {
  report::SummaryRow row;
  row.id = row_id(record, context.framework);
  row.title = row_title(record, context.framework);
  row.source = source_of(record);
  row.not_assessed = true;
  add_triage(row, triage, context, nullptr, io::entry_texts(record, context.framework).texts);
  outcome.id = row.id;
  outcome.title = row.title;
  outcome.outside = true;
  if (context.overview) {
    report::OverviewEntry entry;
    entry.id = row.id;
    entry.title = row.title;
    entry.triaged = true;
    entry.not_assessed = true;
    entry.scope = triage.scope;
    entry.scope_evidence = triage.scope_evidence;
    entry.presumed_severity = row.presumed_severity;
    outcome.overview = std::move(entry);
  }
  finish_row(outcome, row, context);
  return outcome;
}

// A draft for a table row that could not be assessed: its texts, the suggestions they give,
// and its problems as comments on top, so that it can be put right and resumed.
std::string error_draft(const io::Record &record,
                        const report::SummaryRow &row,
                        const util::Error &error,
                        const Context &context) {
  const core::Framework &fw = context.framework;
  core::UseCase draft;
  draft.id = row.id;
  draft.title = row.title;
  draft.fields.resize(fw.fields.size());
  std::string text = row.title;
  for (const auto &[field, value] : io::entry_texts(record, fw).texts) {
    if (fw.fields[static_cast<std::size_t>(field)].type == core::FieldType::text) {
      draft.fields[static_cast<std::size_t>(field)].known = true;
      draft.fields[static_cast<std::size_t>(field)].text = value;
      text += "\n" + value;
    }
  }
  if (const int title = fw.field_with(core::FieldRole::title); title >= 0) {
    draft.fields[static_cast<std::size_t>(title)].known = !row.title.empty();
    draft.fields[static_cast<std::size_t>(title)].text = row.title;
  }
  std::string out;
  for (const auto &d : error.diagnostics()) {
    out += "# " + util::safe_terminal(util::excerpt(d.to_string(), 400)) + "\n";
  }
  return out + io::draft_yaml(fw, draft, context.suggester->suggest(text), source_of(record),
                              context.render_options.language == report::Language::nl, context.resume);
}

Outcome process(const io::Record &record, const Context &context) {
  Outcome outcome;
  try {
    // With --suggest, a register row is triaged first: a row outside the profession's work
    // whose tasks would be suggested is listed, not assessed.
    const bool no_tasks_column = record.kind == io::Record::Kind::csv_row &&
                                 std::find(record.header->fields.begin(), record.header->fields.end(),
                                           "tasks") == record.header->fields.end();
    std::optional<core::Triage> triage;
    if (record.kind == io::Record::Kind::csv_row) {
      io::EntryText texts = io::entry_texts(record, context.framework);
      outcome.text_columns = std::move(texts.text_columns);
      outcome.file = record.where.file;
      if (context.triager != nullptr) {
        triage = context.triager->triage(texts.texts);
      }
    }
    if (triage) {
      if (context.all_in_scope && triage->scope == core::Scope::outside) {
        triage->scope = core::Scope::core; // the user says so: no words needed
      }
      if (triage->scope == core::Scope::outside && no_tasks_column) {
        return listed_only(record, *triage, context, std::move(outcome));
      }
    }
    // A register row without tasks (its file has no column for them): with --suggest it is
    // assessed with the suggested tasks, and the summary says so.
    std::vector<std::string> assumed;
    if (context.suggester != nullptr && no_tasks_column) {
      std::string text;
      for (const std::size_t index : context.suggestion_fields) {
        text += io::record_text(record, context.framework.fields[index].path) + "\n";
      }
      for (const auto &s : context.suggester->suggest(text).tasks) {
        assumed.push_back(s.ref);
      }
      if (assumed.empty() && triage && !context.all_in_scope) {
        return listed_only(record, *triage, context,
                           std::move(outcome)); // in scope, but no task of the profession
      }
      if (assumed.empty()) {
        throw util::Error(util::Diagnostic{
            record.where,
            "no tasks: the file has no column for them and none could be suggested from the title and "
            "description; add a column \"" +
                tasks_heading(context.framework) +
                "\" (tasks of the framework by name, separated by ;), or describe the work the AI touches"});
      }
    }
    const core::UseCase use_case = io::use_case_from_record(record, context.framework, assumed);
    if (context.triager != nullptr && !triage) {
      core::EntryTexts texts;
      for (const std::size_t index : context.suggestion_fields) {
        if (use_case.fields[index].known) {
          texts.emplace_back(static_cast<int>(index), use_case.fields[index].text);
        }
      }
      triage = context.triager->triage(texts);
      if (context.all_in_scope && triage->scope == core::Scope::outside) {
        triage->scope = core::Scope::core;
      }
    }
    // The question ranking and what-if search only for reports and the triage: the summary
    // does not show them.
    core::AssessOptions options;
    options.questions = context.report_format.has_value();
    options.what_if = context.report_format.has_value() || context.overview;
    // The overview's quick wins are sets of one change: without reports, a search for one.
    options.what_if_changes = context.report_format.has_value() ? 2 : 1;
    options.what_if_first_only = !context.report_format.has_value(); // the overview shows one
    options.score_range = context.report_format.has_value();         // only reports show the score range
    core::Assessment assessment = core::assess(context.framework, use_case, options);
    if (triage && context.overview && !options.questions) {
      // The overview's triage shows the three questions to answer first: their order is what
      // counts there, so the searches behind it are bounded more tightly than a report's.
      assessment.questions =
          context.rankings->rank(context.framework, use_case, assessment, k_triage_search_limit);
    }
    outcome.id = use_case.id;
    outcome.title = use_case.title;
    if (context.overview) {
      outcome.overview = report::overview_entry(assessment, context.render_options.language);
    }
    outcome.verdict = std::string(report::verdict_word(assessment.verdict, context.render_options.language));
    report::SummaryRow row = report::summarize(assessment, source_of(record));
    row.tasks_suggested = !assumed.empty();
    if (triage) {
      add_triage(row, *triage, context, &use_case);
      if (outcome.overview) {
        outcome.overview->triaged = true;
        outcome.overview->scope = triage->scope;
        outcome.overview->scope_evidence = triage->scope_evidence;
        outcome.overview->presumed_best = row.presumed_best.value_or(assessment.verdict);
        outcome.overview->presumed_worst = row.presumed_worst.value_or(assessment.verdict);
        outcome.overview->presumed_severity = row.presumed_severity;
      }
    }
    if (context.suggester != nullptr) {
      const core::Suggestions suggestions = context.suggester->suggest(description_of(context, use_case));
      if (use_case.tasks.empty() || !assumed.empty()) {
        row.suggested_tasks = suggestion_cell(suggestions.tasks, context);
      }
      std::vector<core::Suggestion> open;
      for (const auto &s : suggestions.answers) {
        if (!use_case.fields[static_cast<std::size_t>(context.framework.field_index(s.field))].known) {
          open.push_back(s);
        }
      }
      row.suggested_answers = suggestion_cell(open, context);
      if (context.drafts) {
        core::UseCase drafted = use_case;
        if (!assumed.empty()) {
          drafted.tasks.clear(); // suggested, so written as suggestions (marked)
        }
        // the presumptions go into the draft as suggestions too: marked, asked, never answers
        core::Suggestions marked = suggestions;
        if (triage) {
          for (const auto &p : triage->presumed) {
            const core::FieldDecl &decl = context.framework.fields[static_cast<std::size_t>(p.field)];
            if (decl.type == core::FieldType::enum_list) {
              continue; // a draft suggests one value per field; a list is asked in the interview
            }
            const std::string &path = decl.path;
            const bool suggested = std::any_of(marked.answers.begin(), marked.answers.end(),
                                               [&](const core::Suggestion &s) { return s.field == path; });
            if (!suggested && !use_case.fields[static_cast<std::size_t>(p.field)].known) {
              marked.answers.push_back({path + "=" + p.value, path, p.value, 0, p.evidence});
            }
          }
        }
        outcome.draft =
            io::draft_yaml(context.framework, drafted, marked, source_of(record),
                           context.render_options.language == report::Language::nl, context.resume);
      }
    }
    finish_row(outcome, row, context);
    if (context.report_format) {
      outcome.report = report::render(assessment, *context.report_format, context.render_options);
    }
  } catch (const util::Error &error) {
    report::SummaryRow row;
    row.id = row_id(record, context.framework);
    row.source = source_of(record);
    row.title = row_title(record, context.framework); // an error row keeps its title
    outcome.id = row.id;
    outcome.title = row.title;
    const auto &diagnostics = error.diagnostics();
    row.error = diagnostics.empty() ? std::string(error.what()) : diagnostics.front().to_string();
    if (diagnostics.size() > 1) {
      row.error += fmt::format(" (and {} more)", diagnostics.size() - 1);
    }
    for (const auto &d : diagnostics) {
      outcome.errors += diagnostic_line(d);
    }
    row.triaged = context.triager != nullptr; // the same columns as every other row
    if (context.earlier != nullptr) {
      report::compare_with(row, *context.earlier);
    }
    set_summary(outcome, row, context);
    outcome.failed = true;
    if (context.drafts && record.kind == io::Record::Kind::csv_row) {
      outcome.draft = error_draft(record, row, error, context);
    }
  }
  return outcome;
}

// A file name for the report of case `id`: letters, digits, '.', '-' and '_' only, not
// hidden, and unique within the run (a second "x" becomes "x-2").
std::string report_name(const std::string &id, std::unordered_set<std::string> &used) {
  std::string base;
  for (const char c : id.substr(0, 100)) {
    base += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ? c : '_';
  }
  if (base.empty() || base[0] == '.') {
    base.insert(0, "case");
  }
  std::string name = base;
  for (int n = 2; !used.insert(name).second; ++n) {
    name = fmt::format("{}-{}", base, n);
  }
  return name;
}

class Progress {
public:
  Progress(bool enabled, std::optional<std::size_t> total, std::ostream &err)
      : m_enabled(enabled), m_total(total), m_err(err), m_start(std::chrono::steady_clock::now()) {}

  void update(std::size_t done, bool final = false) {
    if (!m_enabled) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - m_last < std::chrono::milliseconds(100)) {
      return;
    }
    m_last = now;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    std::string line;
    if (m_total && *m_total > 0) {
      const double share = std::min(1.0, static_cast<double>(done) / static_cast<double>(*m_total));
      const int filled = static_cast<int>(share * 24);
      const double eta = rate > 0 ? static_cast<double>(*m_total - std::min(done, *m_total)) / rate : 0;
      line = fmt::format("[{}{}] {}/{} ({:.0f}%) · {:.0f} cases/s · ETA {}:{:02}", std::string(filled, '#'),
                         std::string(24 - filled, '.'), done, *m_total, share * 100, rate,
                         static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    } else {
      line = fmt::format("{} cases · {:.0f} cases/s", done, rate);
    }
    m_err << "\r\x1b[K" << line << (final ? "\n" : "") << std::flush;
  }

private:
  bool m_enabled;
  std::optional<std::size_t> m_total;
  std::ostream &m_err;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last{};
};

// One line of the index page of `--out`.
struct IndexEntry {
  std::string id;
  std::string title;
  std::string verdict; // in the report language
  std::string file;    // the report, relative to the index; empty for an error row
  std::string error;
};

// The index page of `--out`: every case in input order with its verdict and a link to its
// report; an error row says that it could not be assessed and why.
std::string
index_page(const std::vector<IndexEntry> &entries, report::Format format, report::Language language) {
  const bool nl = language == report::Language::nl;
  const std::string heading = nl ? "Overzicht van de beoordelingen" : "Overview of the assessments";
  const std::string failed = nl ? "niet beoordeeld" : "not assessed";
  std::string out;
  if (format == report::Format::html) {
    out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                       "'unsafe-inline'\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>{}</title>\n<style>\n{}</style>\n</head>\n"
                       "<body>\n<h1>{}</h1>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                       nl ? "nl" : "en", heading, report::page_style(), heading,
                       nl ? "Kenmerk" : "Identifier", nl ? "Titel" : "Title", nl ? "Oordeel" : "Verdict");
    for (const auto &e : entries) {
      const std::string title = util::safe_html(e.title.empty() ? e.id : e.title);
      out += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", util::safe_html(e.id),
          e.file.empty() ? title : fmt::format("<a href=\"{}\">{}</a>", util::safe_html(e.file), title),
          e.file.empty() ? failed + ": " + util::safe_html(e.error) : util::safe_html(e.verdict));
    }
    return out + "</table>\n</body>\n</html>\n";
  }
  if (format == report::Format::markdown) {
    out += "# " + heading + "\n\n";
    out += nl ? "| Kenmerk | Titel | Oordeel |\n|---|---|---|\n"
              : "| Identifier | Title | Verdict |\n|---|---|---|\n";
    for (const auto &e : entries) {
      const std::string title = util::safe_markdown(e.title.empty() ? e.id : e.title);
      out += fmt::format("| {} | {} | {} |\n", util::safe_markdown(e.id),
                         e.file.empty() ? title : fmt::format("[{}](<{}>)", title, e.file),
                         e.file.empty() ? failed + ": " + util::safe_markdown(e.error)
                                        : util::safe_markdown(e.verdict));
    }
    return out;
  }
  if (format == report::Format::json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto &e : entries) {
      list.push_back(
          {{"id", e.id},
           {"title", e.title},
           {"verdict", e.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.verdict)},
           {"report", e.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.file)},
           {"error", e.file.empty() ? nlohmann::ordered_json(e.error) : nlohmann::ordered_json()}});
    }
    return util::safe_json_document(list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) +
           "\n";
  }
  out += heading + "\n\n";
  for (const auto &e : entries) {
    out += fmt::format("{}  {}  {}  {}\n", util::safe_terminal(e.id), util::safe_terminal(e.title),
                       e.file.empty() ? failed : util::safe_terminal(e.verdict), e.file);
  }
  return out;
}

// Refuses outputs that would overwrite or re-read an input, before a case is read.
void check_outputs(const BatchOptions &options, const std::vector<std::string> &inputs) {
  if (!options.summary.empty()) {
    util::check_output_target("--summary", options.summary);
    util::refuse_output_over_inputs("--summary", options.summary, inputs);
  }
  if (!options.out_dir.empty()) {
    if (options.out_dir == util::k_standard_output) {
      throw util::Error("--out takes a folder for the reports; - (standard output) is for --summary");
    }
    util::refuse_output_over_inputs("--out", options.out_dir, inputs);
  }
  if (!options.overview.empty()) {
    if (!options.overview.ends_with(".html") && !options.overview.ends_with(".md")) {
      throw util::Error(
          util::Diagnostic{{options.overview},
                           "--overview writes HTML or Markdown: give a file name ending in .html "
                           "or .md"});
    }
    util::check_output_target("--overview", options.overview);
    util::refuse_output_over_inputs("--overview", options.overview, inputs);
  }
}

int run_batch(const BatchOptions &options, std::istream &in, std::ostream &out, std::ostream &err) {
  const bool summary_to_stdout =
      options.summary == util::k_standard_output || (options.summary.empty() && options.out_dir.empty());
  std::string format_name = options.summary_format;
  if (!options.drafts.empty() && options.drafts == options.out_dir) {
    throw util::Error("--drafts and --out name the same folder; give the drafts a folder of their own");
  }
  if (format_name.empty()) {
    const std::string ext = fs::path(options.summary).extension().string();
    format_name = ext == ".jsonl" || ext == ".ndjson" ? "jsonl" : ext == ".xlsx" ? "xlsx" : "csv";
  }
  const bool xlsx = format_name == "xlsx";
  if (xlsx && summary_to_stdout) {
    throw util::Error("an Excel summary is a file, not text: give it a name, --summary FILE.xlsx");
  }
  report::RenderOptions render_options = resolve_report_options(options.report, false);
  std::vector<std::string> inputs = io::framework_file_paths(io::framework_folder_for(options.framework));
  inputs.insert(inputs.end(), options.inputs.begin(), options.inputs.end());
  check_outputs(options, inputs);
  const core::Framework framework = io::load_framework_for(options.framework);
  render_options.language = report::language_for(framework, options.report.language);
  std::optional<io::ColumnMap> columns;
  io::ValueMaps values;
  if (!options.columns.empty()) {
    columns = io::load_column_map(options.columns, framework, &values);
  }
  std::optional<core::Suggester> suggester;
  if (options.suggest || !options.drafts.empty()) {
    suggester.emplace(framework);
  }
  std::optional<core::Triager> triager;
  if (options.suggest) {
    triager.emplace(framework);
  }
  std::optional<report::Earlier> earlier;
  if (!options.since.empty()) {
    if (!options.suggest) {
      throw util::Error(
          "--since compares the triage of a register with an earlier run; use it with --suggest");
    }
    // read whole before anything is written, so it may be the --summary of this run too
    auto text = util::read_text_file(options.since, std::size_t{1} << 30U);
    if (!text) {
      throw util::Error(text.error());
    }
    earlier = report::parse_earlier(*text, options.since);
  }
  RankingMemo rankings;
  const Context context{framework,
                        format_name == "jsonl"   ? report::SummaryFormat::jsonl
                        : format_name == "excel" ? report::SummaryFormat::excel
                                                 : report::SummaryFormat::csv,
                        options.out_dir.empty() ? std::nullopt
                                                : report::format_from_name(options.report.format),
                        render_options,
                        suggester ? &*suggester : nullptr,
                        triager ? &*triager : nullptr,
                        earlier ? &*earlier : nullptr,
                        options.scope == "all",
                        xlsx,
                        !options.drafts.empty(),
                        !options.overview.empty(),
                        suggester ? suggestion_fields(framework) : std::vector<std::size_t>{},
                        &rankings,
                        io::resume_command(io::framework_folder_for(options.framework))};
  io::SourceOptions source_options{&in, options.follow_symlinks ? io::Symlinks::follow : io::Symlinks::inside,
                                   &framework};
  source_options.columns = columns ? &*columns : nullptr;
  source_options.values = &values;
  source_options.ignore_unknown_columns = options.ignore_unknown_columns;
  source_options.tasks_from_suggestions = suggester.has_value();
  source_options.sheet = options.sheet;
  io::RecordSource source(options.inputs, source_options);
  const std::vector<std::string> files = source.files(); // folders expanded
  inputs.insert(inputs.end(), files.begin(), files.end());
  check_outputs(options, inputs);
  // One ledger for every file this run writes: never over an input (the cases, the framework,
  // the --columns map), never two outputs on one file. --since may be this run's --summary:
  // it was read whole above.
  util::RunFiles run_files;
  for (const auto &file : inputs) {
    run_files.input(file);
  }
  run_files.input(options.columns);
  run_files.claim("--summary", options.summary);
  run_files.claim("--overview", options.overview);
  std::string index_path; // with --out: the index page, claimed before any report is written
  if (context.report_format) {
    index_path = (fs::path(options.out_dir) /
                  ("index" + std::string(report::format_extension(*context.report_format))))
                     .string();
    run_files.claim("the index page of --out", index_path);
  }
  for (const std::string *dir : {&options.out_dir, &options.drafts}) {
    if (dir->empty()) {
      continue;
    }
    std::error_code ec;
    fs::create_directories(*dir, ec);
    if (ec || !fs::is_directory(*dir)) {
      throw util::Error(util::Diagnostic{{*dir}, "cannot make the output folder: " + ec.message()});
    }
  }
  std::optional<util::OutputFile> summary_file;
  if (!summary_to_stdout && !options.summary.empty()) {
    summary_file.emplace(options.summary);
  }
  const auto emit_summary = [&](std::string_view text) {
    if (summary_file) {
      summary_file->write(text);
    } else if (summary_to_stdout) {
      out << text;
    }
  };
  std::optional<io::XlsxWriter> workbook;
  if (xlsx) {
    workbook.emplace();
    const auto headings =
        report::summary_headings(framework, true, render_options.language, triager.has_value());
    std::vector<double> widths(headings.size(), 14);
    widths[1] = 40; // the title
    workbook->add_sheet(std::string(report::word(report::Word::summary_sheet, render_options.language)),
                        headings, widths);
  } else {
    emit_summary(report::summary_header(framework, context.summary_format, render_options.language,
                                        triager.has_value()));
  }

  const util::InterruptGuard guard; // from here on, Ctrl-C and SIGTERM stop the run cleanly
  const bool show_progress =
      options.progress == "always" || (options.progress == "auto" && stderr_is_terminal());
  Progress progress(show_progress, show_progress ? source.count() : std::nullopt, err);
  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  const std::size_t chunk_size = 64;
  std::unordered_set<std::string> used_names{"index"}; // index.<ext> is the index page
  std::size_t done = 0;
  std::size_t failed = 0;

  std::vector<IndexEntry> index; // with --out: every case in input order
  std::optional<report::Overview> overview;
  if (!options.overview.empty()) {
    overview.emplace(framework);
  }
  std::unordered_set<std::string> used_draft_names;
  const auto write_draft = [&](const Outcome &outcome) {
    std::string path =
        (fs::path(options.drafts) / (report_name(outcome.id, used_draft_names) + ".yaml")).string();
    // A file there that is not a draft kansrijk wrote and nobody changed since (a person's
    // edits, a framework file) is kept; the new draft takes the next free name.
    for (int tries = 0; tries < 100 && util::file_id(path); ++tries) {
      const auto existing = util::read_text_file(path, std::size_t{1} << 24U);
      if (existing && io::unchanged_draft(*existing)) {
        break;
      }
      const std::string kept = path;
      path = (fs::path(options.drafts) / (report_name(outcome.id, used_draft_names) + ".yaml")).string();
      err << fmt::format("kansrijk: {} was changed since kansrijk wrote it, or is not a draft of kansrijk; "
                         "it is kept, and the new draft of case \"{}\" is {}\n",
                         util::safe_terminal(kept), util::safe_terminal(util::excerpt(outcome.id)),
                         util::safe_terminal(path));
    }
    const auto now = util::file_id(path);
    if (now) { // a hundred names taken: never write over what is there
      const auto existing = util::read_text_file(path, std::size_t{1} << 24U);
      if (!existing || !io::unchanged_draft(*existing)) {
        throw util::Error(util::Diagnostic{{path},
                                           "exists and is not an unchanged draft of kansrijk, like the 99 "
                                           "names before it; give --drafts an empty folder"});
      }
    }
    run_files.claim("the draft of case \"" + util::excerpt(outcome.id) + "\" in --drafts", path);
    util::write_file_atomically(path, io::sealed_draft(outcome.draft), util::Naming::chosen);
  };
  const auto write_report = [&](const Outcome &outcome) {
    const std::string name = report_name(outcome.id, used_names);
    const std::string path =
        (fs::path(options.out_dir) / (name + std::string(report::format_extension(*context.report_format))))
            .string();
    run_files.claim("the report of case \"" + util::excerpt(outcome.id) + "\" in --out", path);
    util::write_file_atomically(path, outcome.report, util::Naming::chosen);
    index.push_back(
        IndexEntry{outcome.id, outcome.title, outcome.verdict, fs::path(path).filename().string(), {}});
  };
  std::set<std::pair<std::string, std::string>> warned_columns; // file, heading
  std::unordered_set<std::string> seen_ids;                     // with --since
  const auto write_outcomes = [&](std::vector<Outcome> outcomes) {
    for (auto &outcome : outcomes) {
      if (earlier) {
        seen_ids.insert(outcome.id);
      }
      for (const auto &heading : outcome.text_columns) {
        if (warned_columns.emplace(outcome.file, heading).second) {
          if (show_progress) {
            err << "\r\x1b[K";
          }
          err << util::safe_terminal(outcome.file) << ": warning: column \""
              << util::safe_terminal(util::excerpt(heading))
              << "\" holds text (such as names), not one of its field's values; the text only feeds "
                 "presumptions and the answer stays open (map the column elsewhere or to null with --columns "
                 "to silence this)\n";
        }
      }
      if (workbook) {
        workbook->add_row(xlsx_cells(outcome));
      } else {
        emit_summary(outcome.summary);
      }
      if (overview) {
        if (outcome.overview) {
          overview->add(std::move(*outcome.overview));
        } else {
          report::OverviewEntry failed_entry;
          failed_entry.id = outcome.id;
          failed_entry.title = outcome.title;
          failed_entry.failed = true;
          overview->add(std::move(failed_entry));
        }
      }
      if (outcome.failed) {
        ++failed;
        if (show_progress) {
          err << "\r\x1b[K";
        }
        err << outcome.errors;
        if (context.report_format) {
          index.push_back(IndexEntry{outcome.id,
                                     outcome.title,
                                     {},
                                     {},
                                     util::trim(outcome.errors.substr(0, outcome.errors.find('\n')))});
        }
      } else if (context.report_format) {
        write_report(outcome);
      }
      if (!outcome.draft.empty()) {
        write_draft(outcome);
      }
      ++done;
    }
    if (summary_to_stdout) {
      util::flush_stream(out); // a closed pipe or full disk stops the run at once
    }
    progress.update(done);
  };
  const auto process_chunk = [&context](const std::vector<io::Record> &chunk) {
    std::vector<Outcome> outcomes;
    outcomes.reserve(chunk.size());
    for (const auto &record : chunk) {
      if (util::interrupt_requested()) {
        break; // the outcomes of an interrupted run are not written: stop at the next case
      }
      outcomes.push_back(process(record, context));
    }
    return outcomes;
  };

  {
    std::optional<WorkerPool> pool;
    if (jobs > 1) {
      pool.emplace(jobs);
    }
    std::deque<std::future<std::vector<Outcome>>> in_flight;
    while (!util::interrupt_requested()) {
      auto chunk = std::make_shared<std::vector<io::Record>>();
      while (chunk->size() < chunk_size) {
        auto record = source.next();
        for (const auto &warning : source.take_warnings()) { // once per file, not per row
          if (show_progress) {
            err << "\r\x1b[K";
          }
          err << util::safe_terminal(util::format_location(warning.where))
              << ": warning: " << util::safe_terminal(warning.message) << '\n';
        }
        if (!record) {
          break;
        }
        chunk->push_back(std::move(*record));
      }
      if (chunk->empty() || util::interrupt_requested()) {
        break;
      }
      if (!pool) {
        write_outcomes(process_chunk(*chunk));
        continue;
      }
      if (in_flight.size() >= 2 * static_cast<std::size_t>(jobs)) {
        write_outcomes(in_flight.front().get());
        in_flight.pop_front();
      }
      in_flight.push_back(
          pool->submit<std::vector<Outcome>>([chunk, &process_chunk] { return process_chunk(*chunk); }));
    }
    while (!in_flight.empty()) {
      auto outcomes = in_flight.front().get();
      in_flight.pop_front();
      if (!util::interrupt_requested()) {
        write_outcomes(std::move(outcomes));
      }
    }
  }
  if (util::interrupt_requested()) {
    if (summary_file) {
      summary_file->discard();
    }
    if (show_progress) {
      err << "\r\x1b[K";
    }
    err << fmt::format("kansrijk: interrupted after {} cases; {}\n", done,
                       summary_file ? "no summary written (reports already written are complete)"
                                    : "reports already written are complete");
    return util::InterruptGuard::exit_code();
  }
  progress.update(done, true);
  if (earlier) {
    std::vector<std::string> gone;
    for (const auto &[id, row] : earlier->rows) {
      if (!seen_ids.contains(id)) {
        gone.push_back(id);
        if (overview) {
          overview->add_gone(row.title.empty() ? id : row.title);
        }
      }
    }
    if (!gone.empty()) {
      err << fmt::format("kansrijk: {} entries in {} are missing from this run: {}\n", gone.size(),
                         util::safe_terminal(options.since),
                         util::safe_terminal(util::excerpt(util::join(gone, ", "), 400)));
    }
  }
  if (context.report_format) {
    util::write_file_atomically(
        index_path, index_page(index, *context.report_format, render_options.language), util::Naming::chosen);
  }
  if (overview) {
    util::write_file_atomically(
        options.overview,
        overview->render(options.overview.ends_with(".md") ? report::Format::markdown : report::Format::html,
                         render_options.language));
  }
  if (workbook && summary_file) {
    workbook->add_sheet(std::string(report::word(report::Word::columns_sheet, render_options.language)),
                        {std::string(report::word(report::Word::column, render_options.language)),
                         std::string(report::word(report::Word::column_meaning, render_options.language))},
                        {40, 100});
    for (const auto &[heading, note] :
         report::summary_column_notes(framework, render_options.language, triager.has_value())) {
      workbook->add_row({{heading, {}, {}}, {note, {}, {}}});
    }
    summary_file->write(workbook->finish());
  }
  if (summary_file) {
    summary_file->commit();
  }
  if (failed > 0) {
    err << fmt::format("kansrijk: {} of {} cases could not be assessed\n", failed, done);
    return k_exit_partial;
  }
  return k_exit_ok;
}

} // namespace

void add_batch(CommandLine &app, Action &action) {
  auto options = std::make_shared<BatchOptions>();
  Command *sub = app.add_subcommand(
      "batch",
      "Assess many use cases: files, folders, JSON Lines (.jsonl, or - for stdin), CSV and Excel (.xlsx) "
      "inventories.");
  sub->add_option("INPUT", options->inputs,
                  "Use-case files, folders (searched for *.yaml, *.yml, *.json), .jsonl, .csv, .xlsx, or -")
      ->required()
      ->value_kind(ValueKind::file);
  sub->add_option("--out", options->out_dir,
                  "Write one report per case into this folder (format from --format)")
      ->check(output_name())
      ->value_kind(ValueKind::directory);
  sub->add_option(
         "--summary", options->summary,
         "Write the summary (one line per case) to this file, or - for stdout (default: stdout unless --out)")
      ->check(output_name())
      ->value_kind(ValueKind::file);
  sub->add_flag("--follow-symlinks", options->follow_symlinks,
                "In folders, also read symbolic links that lead out of the folder (default: not followed)");
  sub->add_option(
         "--summary-format", options->summary_format,
         "csv, jsonl, excel (';', byte order mark, words in --lang: for Dutch Excel) or xlsx (an Excel "
         "workbook: frozen and filtered header, verdict colours, a sheet that explains the columns) "
         "(default: from the --summary file's extension, else csv)")
      ->choices({"csv", "jsonl", "excel", "xlsx"});
  sub->add_option("--sheet", options->sheet, "Excel inputs (.xlsx): the sheet to read (default: the first)");
  sub->add_option("--columns", options->columns,
                  "CSV, .xlsx and JSON Lines with their own keys: a YAML file mapping headings to fields (or "
                  "null), and values too ({field: F, values: {Cell: value}})");
  sub->add_flag("--ignore-unknown-columns", options->ignore_unknown_columns,
                "CSV: leave out columns that hold no field without a warning");
  sub->add_flag(
      "--suggest", options->suggest,
      "Suggest tasks and answers from each title and description, in the summary (never as answers)");
  sub->add_option("--drafts", options->drafts,
                  "Write a YAML draft per case into this folder, suggestions pre-filled and marked")
      ->value_kind(ValueKind::directory);
  sub->add_option(
         "--overview", options->overview,
         "Write a portfolio overview of all cases (verdicts, ranking, recurring flags and questions, "
         "organisation-wide conditions, quick wins) to FILE.html or FILE.md")
      ->value_kind(ValueKind::file);
  sub->add_option(
         "--scope", options->scope,
         "With --suggest: triage (rows outside the profession's work are listed, not assessed) or all "
         "(every row is the profession's own work: a register of its own AI ideas)")
      ->choices({"triage", "all"})
      ->capture_default_str();
  sub->add_option("--since", options->since,
                  "With --suggest: mark each row new, changed or same against an earlier JSON Lines summary, "
                  "and list the entries that are gone")
      ->value_kind(ValueKind::file);
  sub->add_option("--jobs,-j", options->jobs, "Worker threads (default: the number of cores)")->range(1, 256);
  sub->add_option("--progress", options->progress,
                  "Progress bar on stderr: auto (when it is a terminal), always, never")
      ->choices({"auto", "always", "never"})
      ->capture_default_str();
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  add_report_options(sub, options->report);
  sub->callback([options, &action] {
    action = [options](std::istream &in, std::ostream &out, std::ostream &err) {
      return run_batch(*options, in, out, err);
    };
  });
}

} // namespace kansrijk::cli
