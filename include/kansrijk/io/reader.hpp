// Strict, located reading of tree nodes into values: unknown keys, wrong types and missing
// fields are collected as diagnostics (with suggestions) so that one run reports them all.
#pragma once

#include <initializer_list>
#include <kansrijk/core/model.hpp>
#include <kansrijk/io/tree.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::io {

class Reader {
public:
  // `languages` are the languages every bilingual text must have.
  explicit Reader(std::vector<std::string> languages = {"nl", "en"}) : m_languages(std::move(languages)) {}

  void error(const Location &where, std::string message, std::string code = {});
  [[nodiscard]] bool failed() const { return !m_diagnostics.empty(); }
  [[nodiscard]] std::vector<Diagnostic> &diagnostics() { return m_diagnostics; }

  // True when `node` is a mapping; otherwise reports "`what` must be a mapping".
  bool expect_map(const Node &node, std::string_view what);
  bool expect_seq(const Node &node, std::string_view what);

  // Reports keys of `map` that are not in `allowed` (with a suggestion) and keys in
  // `required` that are missing.
  void check_keys(const Node &map,
                  std::initializer_list<std::string_view> allowed,
                  std::initializer_list<std::string_view> required = {});

  // A required or optional scalar; reports a non-scalar.
  std::optional<std::string> string(const Node &map, std::string_view key, bool required);
  std::optional<int> integer(const Node &map, std::string_view key, bool required, int low, int high);
  std::optional<double> number(const Node &map, std::string_view key, bool required, double low, double high);
  std::optional<bool> boolean(const Node &map, std::string_view key, bool required);
  // A text in every declared language.
  core::Text text(const Node &map, std::string_view key, bool required);
  core::Text text_node(const Node &node, std::string_view what);
  // A list of scalars.
  std::vector<std::string> strings(const Node &map, std::string_view key, bool required);
  // `provenance` and `source` of a framework item.
  core::Origin origin(const Node &map);
  // One of `choices`, reported with a suggestion when it is not.
  std::optional<std::string>
  choice(const Node &map, std::string_view key, bool required, const std::vector<std::string> &choices);

private:
  std::vector<std::string> m_languages;
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace kansrijk::io
