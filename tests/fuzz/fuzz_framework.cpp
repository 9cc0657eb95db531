// libFuzzer target: the built-in framework with one of its files replaced by the input (the
// first byte picks which), loaded and checked. Must end as util::Error or a framework.
// Set-up happens once: the nine files are read and the eight that stay are parsed once per
// choice, so an execution parses only the fuzzed file (issue 16: 7-19 executions/s before).
#include <array>
#include <cstdint>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/util/file.hpp>
#include <string>

namespace {

constexpr std::size_t k_files = std::size(kansrijk::io::k_framework_files);

struct Fixed {
  std::vector<kansrijk::io::SourceFile> files = kansrijk::io::builtin_framework_sources();
  std::array<kansrijk::io::ParsedFiles, k_files> parsed_without; // [i]: every file but file i
  std::array<std::size_t, k_files> position{};                   // of file i in `files`

  Fixed() {
    const kansrijk::io::ParsedFiles all = kansrijk::io::parse_framework_files(files);
    for (std::size_t i = 0; i < k_files; ++i) {
      const std::string name = kansrijk::io::k_framework_files[i];
      for (std::size_t f = 0; f < files.size(); ++f) {
        position[i] = files[f].name == name ? f : position[i];
      }
      for (const auto &[file, tree] : all) {
        if (file != name) {
          parsed_without[i].emplace(file, tree);
        }
      }
    }
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static Fixed fixed;
  const std::size_t choice = data[0] % k_files;
  std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
  if (!kansrijk::util::check_text(text, kansrijk::io::k_framework_files[choice])) {
    return 0;
  }
  std::string &content = fixed.files[fixed.position[choice]].content;
  content.swap(text);
  try {
    (void)kansrijk::io::load_framework(fixed.files, "fuzz", &fixed.parsed_without[choice]);
  } catch (const kansrijk::util::Error &) {
  }
  content.swap(text); // the built-in file back for the next execution
  return 0;
}
