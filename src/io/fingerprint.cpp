#include <algorithm>
#include <kansrijk/io/fingerprint.hpp>
#include <kansrijk/util/sha256.hpp>

namespace kansrijk::io {

std::string framework_fingerprint(std::vector<std::pair<std::string_view, std::string_view>> files) {
  std::erase_if(files, [](const auto &file) { return file.first.starts_with("tests/"); });
  std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
  util::Sha256 hash;
  for (const auto &[name, content] : files) {
    hash.update(name);
    hash.update(std::string_view("\0", 1));
    hash.update(content);
    hash.update(std::string_view("\0", 1));
  }
  return hash.hex_digest();
}

} // namespace kansrijk::io
