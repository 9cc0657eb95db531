// libFuzzer target: any bytes as a JSON Lines file (first byte even) or a CSV inventory
// (first byte odd), read by the batch reader; every record assessed, summarised in CSV and
// JSON Lines. Must never crash, hang or leak; bad input must end as util::Error per record,
// and every broken row as one error record.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/report/summary.hpp>
#include <sstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // Set up once: the framework (and the file name CSV input is written to).
  static const kansrijk::core::Framework framework =
      kansrijk::io::load_framework(kansrijk::io::builtin_framework_sources(), "builtin");
  static const struct CsvFile {
    std::string path = std::string(::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") +
                       "/kansrijk-fuzz-batch-" + std::to_string(::getpid()) + ".csv";
    ~CsvFile() { std::remove(path.c_str()); }
  } csv_file;
  const std::string &csv_path = csv_file.path;
  if (size == 0) {
    return 0;
  }
  const std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
  kansrijk::io::SourceOptions options;
  options.framework = &framework;
  std::istringstream lines(text); // JSON Lines come from "standard input": no file needed
  options.standard_input = &lines;
  const bool csv = (data[0] & 1U) != 0;
  if (csv) { // CSV is read from a file (the reader seeks back after a quote that never closes)
    std::ofstream out(csv_path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  kansrijk::io::RecordSource source({csv ? csv_path : std::string("-")}, options);
  while (auto record = source.next()) {
    try {
      const auto use_case = kansrijk::io::use_case_from_record(*record, framework);
      // What `batch --summary` runs: the verdict range, no ranking, what-if or score range
      // (fuzz_use_case runs the whole assessment).
      kansrijk::core::AssessOptions assess_options;
      assess_options.questions = false;
      assess_options.what_if = false;
      assess_options.score_range = false;
      const auto assessment = kansrijk::core::assess(framework, use_case, assess_options);
      const auto row = kansrijk::report::summarize(assessment, "fuzz");
      (void)kansrijk::report::summary_line(framework, row, kansrijk::report::SummaryFormat::csv);
      (void)kansrijk::report::summary_line(framework, row, kansrijk::report::SummaryFormat::jsonl);
    } catch (const kansrijk::util::Error &) {
    }
  }
  return 0;
}
