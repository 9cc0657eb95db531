// `util::expected` and `util::unexpected`: std::expected where the standard library offers it
// (g++ 12 in C++23 mode), and a small equivalent otherwise. clang 14, which builds the
// libFuzzer targets, cannot compile libstdc++ 12's <expected> (it needs newer concepts).
#pragma once

#include <version>

#if defined(__cpp_lib_expected)
#include <expected>

namespace kansrijk::util {
template <typename T, typename E> using expected = std::expected<T, E>;
template <typename E> using unexpected = std::unexpected<E>;
} // namespace kansrijk::util

#else
#include <optional>
#include <utility>
#include <variant>

namespace kansrijk::util {

// The error half of an expected: what std::unexpected is.
template <typename E> class unexpected {
public:
  explicit unexpected(E error) : m_error(std::move(error)) {}
  [[nodiscard]] const E &error() const & { return m_error; }
  [[nodiscard]] E &error() & { return m_error; }
  [[nodiscard]] E &&error() && { return std::move(m_error); }

private:
  E m_error;
};

template <typename E> unexpected(E) -> unexpected<E>;

// A value of type T or an error of type E; the subset of std::expected this project uses.
template <typename T, typename E> class expected {
public:
  expected(const T &value) : m_value(std::in_place_index<0>, value) {}
  expected(T &&value) : m_value(std::in_place_index<0>, std::move(value)) {}
  template <typename G>
  expected(const unexpected<G> &error) : m_value(std::in_place_index<1>, E(error.error())) {}
  template <typename G>
  expected(unexpected<G> &&error) : m_value(std::in_place_index<1>, E(std::move(error).error())) {}

  [[nodiscard]] bool has_value() const { return m_value.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T &operator*() { return std::get<0>(m_value); }
  const T &operator*() const { return std::get<0>(m_value); }
  T *operator->() { return &std::get<0>(m_value); }
  const T *operator->() const { return &std::get<0>(m_value); }
  T &value() { return std::get<0>(m_value); }
  const E &error() const { return std::get<1>(m_value); }
  E &error() { return std::get<1>(m_value); }

private:
  std::variant<T, E> m_value;
};

template <typename E> class expected<void, E> {
public:
  expected() = default;
  template <typename G> expected(const unexpected<G> &error) : m_error(E(error.error())) {}
  template <typename G> expected(unexpected<G> &&error) : m_error(E(std::move(error).error())) {}

  [[nodiscard]] bool has_value() const { return !m_error.has_value(); }
  explicit operator bool() const { return has_value(); }
  const E &error() const { return *m_error; }
  E &error() { return *m_error; }

private:
  std::optional<E> m_error;
};

} // namespace kansrijk::util

#endif
