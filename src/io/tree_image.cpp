// The tree image: a node is its kind and style, line, column and block indentation, its
// scalar (length, bytes) and its children (count, then each child; a mapping's child is a
// key and a value). Numbers are unsigned LEB128, so the image is the same on every machine.
#include <kansrijk/io/tree_image.hpp>
#include <limits>

namespace kansrijk::io {

namespace {

void put_number(std::string &out, std::size_t n) {
  while (n >= 0x80U) {
    out.push_back(static_cast<char>((n & 0x7FU) | 0x80U));
    n >>= 7U;
  }
  out.push_back(static_cast<char>(n));
}

void put_node(std::string &out, const Node &node) {
  out.push_back(
      static_cast<char>(static_cast<unsigned>(node.kind) | (static_cast<unsigned>(node.style) << 4U)));
  put_number(out, static_cast<std::size_t>(node.where.line));
  put_number(out, static_cast<std::size_t>(node.where.column));
  put_number(out, static_cast<std::size_t>(node.block_indent));
  put_number(out, node.scalar.size());
  out += node.scalar;
  if (node.kind == Node::Kind::sequence) {
    put_number(out, node.items.size());
    for (const auto &item : node.items) {
      put_node(out, item);
    }
  } else if (node.kind == Node::Kind::mapping) {
    put_number(out, node.entries.size());
    for (const auto &entry : node.entries) {
      put_node(out, entry.key);
      put_node(out, entry.value);
    }
  }
}

struct Damaged {};

class ImageReader {
public:
  ImageReader(std::string_view image, const std::string &file) : m_image(image), m_file(file) {}

  Node node(int depth) {
    if (depth > ParseLimits{}.max_depth) {
      throw Damaged{};
    }
    Node node;
    const auto head = static_cast<unsigned char>(byte());
    const unsigned kind = head & 0x0FU;
    const unsigned style = head >> 4U;
    if (kind > static_cast<unsigned>(Node::Kind::mapping) ||
        style > static_cast<unsigned>(Node::Style::folded)) {
      throw Damaged{};
    }
    node.kind = static_cast<Node::Kind>(kind);
    node.style = static_cast<Node::Style>(style);
    node.where = Location{m_file, small_number(), small_number()};
    node.block_indent = small_number();
    const std::size_t length = number();
    if (length > m_image.size() - m_at) {
      throw Damaged{};
    }
    node.scalar.assign(m_image.substr(m_at, length));
    m_at += length;
    if (node.kind == Node::Kind::sequence) {
      const std::size_t count = children();
      node.items.reserve(count);
      for (std::size_t i = 0; i < count; ++i) {
        node.items.push_back(this->node(depth + 1));
      }
    } else if (node.kind == Node::Kind::mapping) {
      const std::size_t count = children();
      node.entries.reserve(count);
      for (std::size_t i = 0; i < count; ++i) {
        Node key = this->node(depth + 1);
        Node value = this->node(depth + 1);
        node.entries.push_back(Entry{std::move(key), std::move(value)});
      }
    }
    return node;
  }

  [[nodiscard]] bool at_end() const { return m_at == m_image.size(); }

private:
  char byte() {
    if (m_at >= m_image.size()) {
      throw Damaged{};
    }
    return m_image[m_at++];
  }

  std::size_t number() {
    std::size_t n = 0;
    for (unsigned shift = 0;; shift += 7U) {
      if (shift > 56U) {
        throw Damaged{};
      }
      const auto b = static_cast<unsigned char>(byte());
      n |= static_cast<std::size_t>(b & 0x7FU) << shift;
      if ((b & 0x80U) == 0U) {
        return n;
      }
    }
  }

  int small_number() {
    const std::size_t n = number();
    if (n > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      throw Damaged{};
    }
    return static_cast<int>(n);
  }

  // A child count: every child takes at least 5 bytes, so a count the rest cannot hold is damage.
  std::size_t children() {
    const std::size_t count = number();
    if (count > (m_image.size() - m_at) / 5) {
      throw Damaged{};
    }
    return count;
  }

  std::string_view m_image;
  const std::string &m_file;
  std::size_t m_at = 0;
};

} // namespace

std::string tree_image(const Node &tree) {
  std::string out;
  put_node(out, tree);
  return out;
}

util::expected<Node, Diagnostic> read_tree_image(std::string_view image, const std::string &file) {
  ImageReader reader(image, file);
  try {
    Node tree = reader.node(0);
    if (reader.at_end()) {
      return tree;
    }
  } catch (const Damaged &) {
  }
  return util::unexpected(Diagnostic{
      Location{file, 0, 0}, "the built-in parsed copy of this file is damaged; rebuild kansrijk", "KR001"});
}

} // namespace kansrijk::io
