// Conversion from yaml-cpp's nodes to our tree, with the limits enforced on the way, and a
// pre-scan for flow nesting so that a hostile file never reaches yaml-cpp's recursion.
#include <fmt/format.h>
#include <kansrijk/io/tree.hpp>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace kansrijk::io {

const Node *Node::find(std::string_view key) const {
  for (const auto &entry : entries) {
    if (entry.key.scalar == key) {
      return &entry.value;
    }
  }
  return nullptr;
}

Location Node::locate(std::size_t offset) const {
  Location at = where;
  switch (style) {
  case Style::plain:
  case Style::quoted: {
    if (scalar.find('\n') != std::string::npos) {
      return at;
    }
    at.column += static_cast<int>(offset) + (style == Style::quoted ? 1 : 0);
    return at;
  }
  case Style::literal: {
    int line = at.line + 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < scalar.size(); ++i) {
      if (scalar[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    at.line = line;
    at.column = block_indent + static_cast<int>(offset - line_start) + 1;
    return at;
  }
  case Style::folded:
    return at;
  }
  return at;
}

std::string_view kind_name(const Node &node) {
  switch (node.kind) {
  case Node::Kind::null:
    return "nothing";
  case Node::Kind::scalar:
    return "text";
  case Node::Kind::sequence:
    return "list";
  case Node::Kind::mapping:
    return "mapping";
  }
  return "?";
}

namespace {

// Thrown from inside the event handler to stop yaml-cpp at the first exceeded limit.
struct LimitExceeded {
  Diagnostic diagnostic;
};

// Builds our tree straight from yaml-cpp's parser events, in one pass: locations, scalar
// styles, duplicate keys, aliases (copied, and counted against the node budget, so an alias
// bomb stops at the limit instead of expanding) and depth are handled as the events arrive.
class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(std::string_view text, const std::string &file, const ParseLimits &limits)
      : m_file(file), m_limits(limits) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = text.find('\n', start);
      m_lines.push_back(
          text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
      if (end == std::string_view::npos) {
        break;
      }
      start = end + 1;
    }
  }

  void OnDocumentStart(const YAML::Mark &mark) override {
    ++m_documents;
    m_document_mark = mark;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    Node node = make(mark, Node::Kind::null);
    finish(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    const auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
      throw LimitExceeded{Diagnostic{where(mark), "alias to an anchor that is not defined (yet)"}};
    }
    count(where(mark), it->second.second);
    Node copy = it->second.first;
    finish(std::move(copy), YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark &mark,
                const std::string & /*tag*/,
                YAML::anchor_t anchor,
                const std::string &value) override {
    Node node = make(mark, Node::Kind::scalar);
    if (value.size() > m_limits.max_scalar_bytes) {
      throw LimitExceeded{Diagnostic{node.where, "text is longer than " +
                                                     std::to_string(m_limits.max_scalar_bytes) + " bytes"}};
    }
    node.scalar = value;
    set_style(node, mark);
    finish(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark &mark,
                       const std::string & /*tag*/,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(make(mark, Node::Kind::sequence), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark,
                  const std::string & /*tag*/,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(make(mark, Node::Kind::mapping), anchor);
  }
  void OnMapEnd() override { close(); }

  [[nodiscard]] int documents() const { return m_documents; }
  [[nodiscard]] const YAML::Mark &document_mark() const { return m_document_mark; }
  [[nodiscard]] std::optional<Node> &root() { return m_root; }

private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::size_t first_count = 0; // node count when the frame opened, for anchor sizes
    std::optional<Node> pending_key;
  };

  Location where(const YAML::Mark &mark) const {
    return mark.line < 0 ? m_last : Location{m_file, mark.line + 1, mark.column + 1};
  }

  void count(const Location &at, std::size_t nodes) {
    m_nodes += nodes;
    if (m_nodes > m_limits.max_nodes) {
      throw LimitExceeded{Diagnostic{at, "document has more than " + std::to_string(m_limits.max_nodes) +
                                             " nodes (YAML aliases expand to copies); simplify it"}};
    }
  }

  Node make(const YAML::Mark &mark, Node::Kind kind) {
    Node node;
    node.kind = kind;
    node.where = where(mark);
    m_last = node.where;
    count(node.where, 1);
    return node;
  }

  void open(Node node, YAML::anchor_t anchor) {
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      throw LimitExceeded{Diagnostic{node.where, "nesting is deeper than " +
                                                     std::to_string(m_limits.max_depth) +
                                                     " levels; flatten the document"}};
    }
    m_stack.push_back(Frame{std::move(node), anchor, m_nodes - 1, std::nullopt});
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.anchor != YAML::NullAnchor) {
      m_anchors[frame.anchor] = {frame.node, m_nodes - frame.first_count};
    }
    add(std::move(frame.node));
  }

  void finish(Node node, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      m_anchors[anchor] = {node, 1};
    }
    add(std::move(node));
  }

  // Adds a finished node to the open collection, or makes it the document.
  void add(Node node) {
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame &parent = m_stack.back();
    if (parent.node.kind == Node::Kind::sequence) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.pending_key) {
      if (!node.is_scalar()) {
        throw LimitExceeded{
            Diagnostic{node.where, "a key must be plain text, not a " + std::string(kind_name(node))}};
      }
      for (const auto &existing : parent.node.entries) {
        if (existing.key.scalar == node.scalar) {
          throw LimitExceeded{Diagnostic{node.where, "duplicate key \"" + node.scalar + "\" (first at line " +
                                                         std::to_string(existing.key.where.line) +
                                                         "); remove one"}};
        }
      }
      parent.pending_key = std::move(node);
      return;
    }
    parent.node.entries.push_back(Entry{std::move(*parent.pending_key), std::move(node)});
    parent.pending_key.reset();
  }

  void set_style(Node &out, const YAML::Mark &mark) const {
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= m_lines.size()) {
      return;
    }
    const std::string_view line = m_lines[static_cast<std::size_t>(mark.line)];
    const auto column = static_cast<std::size_t>(mark.column);
    const char first = column < line.size() ? line[column] : '\0';
    if (first == '"' || first == '\'') {
      out.style = Node::Style::quoted;
      if (!has_closing_quote(mark, first)) {
        // yaml-cpp 0.7 lets an unclosed quote run to the end of the file, which would
        // silently swallow everything after it.
        throw LimitExceeded{Diagnostic{out.where, std::string("this quoted text has no closing ") + first +
                                                      "; close the quote"}};
      }
    } else if (first == '|' || first == '>') {
      out.style = first == '|' ? Node::Style::literal : Node::Style::folded;
      const auto next = static_cast<std::size_t>(mark.line) + 1;
      if (next < m_lines.size()) {
        out.block_indent = static_cast<int>(m_lines[next].find_first_not_of(' '));
      }
    }
  }

  // Whether the quoted scalar starting at `mark` ends before the end of the file.
  bool has_closing_quote(const YAML::Mark &mark, char quote) const {
    auto line = static_cast<std::size_t>(mark.line);
    std::size_t column = static_cast<std::size_t>(mark.column) + 1;
    for (; line < m_lines.size(); ++line, column = 0) {
      const std::string_view text = m_lines[line];
      for (std::size_t i = column; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
          ++i; // an escaped character, possibly a quote
        } else if (text[i] == quote) {
          if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i; // '' is an escaped single quote
          } else {
            return true;
          }
        }
      }
    }
    return false;
  }

  const std::string &m_file;
  const ParseLimits &m_limits;
  std::vector<std::string_view> m_lines;
  std::vector<Frame> m_stack;
  std::map<YAML::anchor_t, std::pair<Node, std::size_t>> m_anchors; // node and its size
  std::optional<Node> m_root;
  std::size_t m_nodes = 0;
  int m_documents = 0;
  YAML::Mark m_document_mark;
  Location m_last;
};

// Finds flow nesting ([ and {) deeper than the limit before yaml-cpp recurses into it.
util::expected<void, Diagnostic>
prescan_depth(std::string_view text, const std::string &file, int max_depth) {
  int depth = 0;
  char quote = 0;
  bool comment = false;
  int line = 1;
  int column = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      comment = false;
      continue;
    }
    if (comment) {
      continue;
    }
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"') {
        ++i;
        ++column;
      }
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      comment = true;
    } else if ((c == '"' || c == '\'') && depth > 0) {
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return util::unexpected(Diagnostic{{file, line, column},
                                           "nesting is deeper than " + std::to_string(max_depth) +
                                               " levels; flatten the document"});
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return {};
}

int hex_value(std::string_view digits) {
  int value = 0;
  for (const char c : digits) {
    const int d = c >= '0' && c <= '9'                     ? c - '0'
                  : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                           : -1;
    if (d < 0) {
      return -1;
    }
    value = value * 16 + d;
  }
  return value;
}

// JSON writes characters outside the Basic Multilingual Plane (emoji, for one) as a UTF-16
// surrogate pair, "\ud83e\udd16", which yaml-cpp 0.7 rejects. YAML's own escape for them
// is "\U0001f916", so pairs are rewritten to that (two columns shorter) before parsing.
std::string join_surrogate_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (i + 12 <= text.size() && text[i + 1] == 'u' && text[i + 6] == '\\' && text[i + 7] == 'u') {
      const int high = hex_value(text.substr(i + 2, 4));
      const int low = hex_value(text.substr(i + 8, 4));
      if (high >= 0xD800 && high <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
        const int code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        out += fmt::format("\\U{:08x}", static_cast<unsigned>(code));
        i += 11;
        continue;
      }
    }
    out += text[i]; // a backslash and the character it escapes are copied as they are
    if (i + 1 < text.size()) {
      out += text[++i];
    }
  }
  return out;
}

} // namespace

util::expected<Node, Diagnostic>
parse_document(std::string_view text, const std::string &file, const ParseLimits &limits) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3); // a UTF-8 byte order mark is harmless; drop it
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return util::unexpected(Diagnostic{{file, 1, 1}, "file is empty; expected a YAML or JSON mapping"});
  }
  if (auto ok = prescan_depth(text, file, limits.max_depth); !ok) {
    return util::unexpected(ok.error());
  }
  std::string joined;
  if (text.find("\\u") != std::string_view::npos) {
    joined = join_surrogate_escapes(text);
    text = joined;
  }
  std::istringstream in{std::string(text)};
  TreeBuilder builder(text, file, limits);
  try {
    YAML::Parser parser(in);
    // Not YAML::LoadAll: in yaml-cpp 0.7 it loops forever, allocating, on some malformed
    // input (e.g. "!t, *a"). Two calls are all we need: the document, and whether another
    // follows.
    if (parser.HandleNextDocument(builder) && builder.root() && parser.HandleNextDocument(builder)) {
      const YAML::Mark &mark = builder.document_mark();
      return util::unexpected(Diagnostic{{file, mark.line + 1, mark.column + 1},
                                         "file holds more than one YAML document, or text after the end of "
                                         "the first; put one use case or framework part in each file"});
    }
  } catch (const LimitExceeded &e) {
    return util::unexpected(e.diagnostic);
  } catch (const YAML::Exception &e) {
    std::string message = e.msg;
    if (!message.empty()) {
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    }
    return util::unexpected(
        Diagnostic{{file, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + message});
  }
  if (!builder.root()) {
    return util::unexpected(Diagnostic{{file, 1, 1}, "file is empty; expected a YAML or JSON mapping"});
  }
  return std::move(*builder.root());
}

} // namespace kansrijk::io
