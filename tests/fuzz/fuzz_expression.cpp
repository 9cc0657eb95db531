// libFuzzer target: any bytes as a rule condition, parsed and type-checked against the
// built-in framework's fields.
#include <cstdint>
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const kansrijk::core::Framework framework =
      kansrijk::io::load_framework(kansrijk::io::builtin_framework_sources(), "builtin");
  auto parsed =
      kansrijk::core::parse_expression(std::string_view(reinterpret_cast<const char *>(data), size));
  if (parsed) {
    (void)kansrijk::core::type_check(*parsed, framework);
  }
  return 0;
}
