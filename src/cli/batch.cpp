// `kansrijk batch INPUT...`: many use cases in, a summary line (and optionally a report) per
// case out. Records are read lazily in input order, assessed in chunks by a pool of worker
// threads, and written in input order by the main thread, so the output is the same for any
// number of jobs and memory does not grow with the number of cases. A broken case becomes an
// error row and the run goes on. Ctrl-C or SIGTERM stops cleanly (util::InterruptGuard): no
// half-written file is left. Outputs go through the output layer (util/output.hpp); one that
// is also an input is refused before a case is read.
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
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/summary.hpp>
#include <kansrijk/util/interrupt.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <mutex>
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
};

struct Outcome {
  std::string id;
  std::string summary;
  std::string report;
  std::string errors; // diagnostics for stderr
  bool failed = false;
};

struct Context {
  const core::Framework &framework;
  report::SummaryFormat summary_format;
  std::optional<report::Format> report_format; // set with --out
  report::RenderOptions render_options;
};

std::string source_of(const io::Record &record) {
  return record.where.line > 0 ? fmt::format("{}:{}", record.where.file, record.where.line)
                               : record.where.file;
}

Outcome process(const io::Record &record, const Context &context) {
  Outcome outcome;
  try {
    const core::UseCase use_case = io::use_case_from_record(record, context.framework);
    // The question ranking and what-if search only for reports: the summary does not show them.
    core::AssessOptions options;
    options.questions = options.what_if = context.report_format.has_value();
    const core::Assessment assessment = core::assess(context.framework, use_case, options);
    outcome.id = use_case.id;
    outcome.summary = report::summary_line(
        context.framework, report::summarize(assessment, source_of(record)), context.summary_format);
    if (context.report_format) {
      outcome.report = report::render(assessment, *context.report_format, context.render_options);
    }
  } catch (const util::Error &error) {
    report::SummaryRow row;
    row.id = record.default_id;
    if (record.kind == io::Record::Kind::csv_row) { // the row's own id, when it has one
      for (std::size_t i = 0; i < record.cells.size() && i < record.header->names.size(); ++i) {
        if (record.header->names[i].text == "id" && !record.cells[i].text.empty()) {
          row.id = record.cells[i].text;
        }
      }
    }
    row.source = source_of(record);
    const auto &diagnostics = error.diagnostics();
    row.error = diagnostics.empty() ? std::string(error.what()) : diagnostics.front().to_string();
    if (diagnostics.size() > 1) {
      row.error += fmt::format(" (and {} more)", diagnostics.size() - 1);
    }
    for (const auto &d : diagnostics) {
      outcome.errors += diagnostic_line(d);
    }
    outcome.summary = report::summary_line(context.framework, row, context.summary_format);
    outcome.failed = true;
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
}

int run_batch(const BatchOptions &options, std::istream &in, std::ostream &out, std::ostream &err) {
  const bool summary_to_stdout =
      options.summary == util::k_standard_output || (options.summary.empty() && options.out_dir.empty());
  std::string format_name = options.summary_format;
  if (format_name.empty()) {
    const std::string ext = fs::path(options.summary).extension().string();
    format_name = ext == ".jsonl" || ext == ".ndjson" ? "jsonl" : "csv";
  }
  report::RenderOptions render_options = resolve_report_options(options.report, false);
  std::vector<std::string> inputs = io::framework_file_paths(io::framework_folder_for(options.framework));
  inputs.insert(inputs.end(), options.inputs.begin(), options.inputs.end());
  check_outputs(options, inputs);
  const core::Framework framework = io::load_framework_for(options.framework);
  render_options.language = report::language_for(framework, options.report.language);
  const Context context{
      framework, format_name == "jsonl" ? report::SummaryFormat::jsonl : report::SummaryFormat::csv,
      options.out_dir.empty() ? std::nullopt : report::format_from_name(options.report.format),
      render_options};
  io::RecordSource source(
      options.inputs,
      io::SourceOptions{&in, options.follow_symlinks ? io::Symlinks::follow : io::Symlinks::inside,
                        &framework});
  const std::vector<std::string> files = source.files(); // folders expanded
  inputs.insert(inputs.end(), files.begin(), files.end());
  check_outputs(options, inputs);
  std::set<std::pair<dev_t, ino_t>> input_ids; // a report must not replace one of them
  for (const auto &file : files) {
    if (auto id = util::file_id(file)) {
      input_ids.emplace(id->device, id->inode);
    }
  }
  if (!options.out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec || !fs::is_directory(options.out_dir)) {
      throw util::Error(
          util::Diagnostic{{options.out_dir}, "cannot make the output folder: " + ec.message()});
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
  emit_summary(report::summary_header(framework, context.summary_format));

  const util::InterruptGuard guard; // from here on, Ctrl-C and SIGTERM stop the run cleanly
  const bool show_progress =
      options.progress == "always" || (options.progress == "auto" && stderr_is_terminal());
  Progress progress(show_progress, show_progress ? source.count() : std::nullopt, err);
  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  const std::size_t chunk_size = 64;
  std::unordered_set<std::string> used_names;
  std::size_t done = 0;
  std::size_t failed = 0;

  const auto write_report = [&](const Outcome &outcome) {
    const std::string name = report_name(outcome.id, used_names);
    const std::string path =
        (fs::path(options.out_dir) / (name + std::string(report::format_extension(*context.report_format))))
            .string();
    const auto id = util::file_id(path);
    if (id && input_ids.count({id->device, id->inode}) != 0) {
      throw util::Error(
          util::Diagnostic{{path},
                           "the report of case \"" + util::excerpt(outcome.id) +
                               "\" would replace this input of the run; give --out another folder"});
    }
    util::write_file_atomically(path, outcome.report);
  };
  const auto write_outcomes = [&](const std::vector<Outcome> &outcomes) {
    for (const auto &outcome : outcomes) {
      emit_summary(outcome.summary);
      if (outcome.failed) {
        ++failed;
        if (show_progress) {
          err << "\r\x1b[K";
        }
        err << outcome.errors;
      } else if (context.report_format) {
        write_report(outcome);
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
        write_outcomes(outcomes);
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
      "Assess many use cases: files, folders, JSON Lines (.jsonl, or - for stdin) and CSV inventories.");
  sub->add_option("INPUT", options->inputs,
                  "Use-case files, folders (searched for *.yaml, *.yml, *.json), .jsonl, .csv, or -")
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
  sub->add_option("--summary-format", options->summary_format,
                  "csv or jsonl (default: from the --summary file's extension, else csv)")
      ->choices({"csv", "jsonl"});
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
