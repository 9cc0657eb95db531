// libFuzzer target: any bytes as a JSON Lines file (first byte even) or a CSV inventory
// (first byte odd), read by the batch reader; every record assessed, summarised in CSV and
// JSON Lines. Must never crash, hang or leak; bad input must end as util::Error per record.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/batch_input.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/report/summary.hpp>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const kansrijk::core::Framework framework =
      kansrijk::io::load_framework(kansrijk::io::builtin_framework_sources(), "builtin");
  if (size == 0) {
    return 0;
  }
  const std::string path = std::string("/tmp/kansrijk-fuzz-batch-") + std::to_string(::getpid()) +
                           ((data[0] & 1U) != 0 ? ".csv" : ".jsonl");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  kansrijk::io::RecordSource source({path});
  (void)source.count();
  while (auto record = source.next()) {
    try {
      const auto use_case = kansrijk::io::use_case_from_record(*record, framework);
      const auto assessment = kansrijk::core::assess(framework, use_case);
      const auto row = kansrijk::report::summarize(assessment, "fuzz");
      (void)kansrijk::report::summary_line(framework, row, kansrijk::report::SummaryFormat::csv);
      (void)kansrijk::report::summary_line(framework, row, kansrijk::report::SummaryFormat::jsonl);
    } catch (const kansrijk::util::Error &) {
    }
  }
  std::remove(path.c_str());
  return 0;
}
