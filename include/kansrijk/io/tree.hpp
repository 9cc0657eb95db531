// A parsed YAML (or JSON) document as a plain tree that remembers where every node came
// from. This is the border: nothing past io sees yaml-cpp.
#pragma once

#include <cstddef>
#include <kansrijk/util/diagnostic.hpp>
#include <kansrijk/util/expected.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::io {

using util::Diagnostic;
using util::Location;

struct Entry;

struct Node {
  enum class Kind { null, scalar, sequence, mapping };
  enum class Style { plain, quoted, literal, folded };

  Kind kind = Kind::null;
  Style style = Style::plain;
  std::string scalar;
  std::vector<Node> items;    // sequence
  std::vector<Entry> entries; // mapping, in file order
  Location where;
  int block_indent = 0; // literal block scalars: indentation of the content lines

  // The value under `key` in a mapping, or nullptr.
  [[nodiscard]] const Node *find(std::string_view key) const;
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_map() const { return kind == Kind::mapping; }
  [[nodiscard]] bool is_seq() const { return kind == Kind::sequence; }

  // The location of byte `offset` of this scalar's text in the file (exact for plain,
  // quoted and literal scalars on their own lines; the scalar's start otherwise).
  [[nodiscard]] Location locate(std::size_t offset) const;
};

struct Entry {
  Node key;
  Node value;
};

// What one parse may cost; exceeding a limit is a located error, not a crash.
struct ParseLimits {
  int max_depth = 64;
  std::size_t max_nodes = 200000; // also bounds alias expansion ("billion laughs")
  std::size_t max_scalar_bytes = 65536;
};

// Parses `text` (the whole content of `file`) into a tree; every problem is located.
util::expected<Node, Diagnostic>
parse_document(std::string_view text, const std::string &file, const ParseLimits &limits = {});

// Parses `text`, one JSON value on line `line` of `file` (a line of JSON Lines), into the
// same kind of tree; strict JSON, every problem located by line and column.
util::expected<Node, Diagnostic>
parse_json_line(std::string_view text, const std::string &file, int line, const ParseLimits &limits = {});

// `mapping`, `list`, `text` or `nothing`, for messages.
std::string_view kind_name(const Node &node);

} // namespace kansrijk::io
