// libFuzzer target: the built-in framework with one of its files replaced by the input (the
// first byte picks which), loaded and checked. Must end as util::Error or a framework.
#include <cstdint>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static const auto builtin = kansrijk::io::builtin_framework_sources();
  static const auto definition = [] {
    std::vector<std::string> names;
    for (const auto &file : builtin) {
      if (!file.name.starts_with("tests/")) {
        names.push_back(file.name);
      }
    }
    return names;
  }();
  auto files = builtin;
  const std::string name = definition[data[0] % definition.size()];
  const std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
  if (!kansrijk::util::check_text(text, name)) {
    return 0;
  }
  for (auto &file : files) {
    if (file.name == name) {
      file.content = text;
    }
  }
  try {
    (void)kansrijk::io::load_framework(files, "fuzz");
  } catch (const kansrijk::util::Error &) {
  }
  return 0;
}
