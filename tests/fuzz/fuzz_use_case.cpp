// libFuzzer target: any bytes as a use-case file, assessed and rendered as text and JSON.
// Must never crash, hang or leak; bad input must end as util::Error.
#include <cstdint>
#include <kansrijk/core/engine.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/use_case_loader.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/util/file.hpp>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const kansrijk::core::Framework framework =
      kansrijk::io::load_framework(kansrijk::io::builtin_framework_sources(), "builtin");
  const std::string text(reinterpret_cast<const char *>(data), size);
  if (!kansrijk::util::check_text(text, "fuzz")) {
    return 0; // the file reader refuses these before parsing
  }
  try {
    const auto use_case = kansrijk::io::parse_use_case(text, "fuzz.yaml", framework, "fuzz");
    const auto assessment = kansrijk::core::assess(framework, use_case);
    (void)kansrijk::report::render_text(assessment, kansrijk::report::Language::nl);
    (void)kansrijk::report::render_json(assessment, kansrijk::report::Language::en);
  } catch (const kansrijk::util::Error &) {
  }
  return 0;
}
