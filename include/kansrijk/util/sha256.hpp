// SHA-256, used to fingerprint framework content in every report (FIPS 180-4).
#pragma once

#include <string>
#include <string_view>

namespace kansrijk::util {

// Incremental SHA-256; `update` any number of times, then `hex_digest` once.
class Sha256 {
public:
  Sha256();
  void update(std::string_view data);
  // Lower-case hex digest of everything passed to `update`.
  std::string hex_digest();

private:
  void compress(const unsigned char *block);
  unsigned m_state[8];
  unsigned char m_buffer[64]{};
  std::size_t m_buffered = 0;
  unsigned long long m_length = 0;
};

} // namespace kansrijk::util
