// Conversion from yaml-cpp's nodes to our tree, with the limits enforced on the way, and a
// pre-scan for flow nesting so that a hostile file never reaches yaml-cpp's recursion.
#include <kansrijk/io/tree.hpp>

#include <yaml-cpp/yaml.h>

#include <string>

namespace kansrijk::io {

const Node* Node::find(std::string_view key) const {
  for (const auto& entry : entries) {
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
  case Style::folded: return at;
  }
  return at;
}

std::string_view kind_name(const Node& node) {
  switch (node.kind) {
  case Node::Kind::null: return "nothing";
  case Node::Kind::scalar: return "text";
  case Node::Kind::sequence: return "list";
  case Node::Kind::mapping: return "mapping";
  }
  return "?";
}

namespace {

class Converter {
public:
  Converter(std::string_view text, const std::string& file, const ParseLimits& limits)
      : m_text(text), m_file(file), m_limits(limits) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = text.find('\n', start);
      m_lines.push_back(text.substr(start, end == std::string_view::npos ? text.size() - start
                                                                          : end - start));
      if (end == std::string_view::npos) {
        break;
      }
      start = end + 1;
    }
  }

  util::expected<Node, Diagnostic> convert(const YAML::Node& node, int depth) {
    Node out;
    const YAML::Mark mark = node.Mark();
    out.where = mark.line < 0 ? m_last : Location{m_file, mark.line + 1, mark.column + 1};
    m_last = out.where;
    if (++m_nodes > m_limits.max_nodes) {
      return fail(out.where, "document has more than " + std::to_string(m_limits.max_nodes) +
                                 " nodes (YAML aliases expand to copies); simplify it");
    }
    if (depth > m_limits.max_depth) {
      return fail(out.where, "nesting is deeper than " + std::to_string(m_limits.max_depth) +
                                 " levels; flatten the document");
    }
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: out.kind = Node::Kind::null; return out;
    case YAML::NodeType::Scalar: {
      out.kind = Node::Kind::scalar;
      out.scalar = node.Scalar();
      if (out.scalar.size() > m_limits.max_scalar_bytes) {
        return fail(out.where, "text is longer than " +
                                   std::to_string(m_limits.max_scalar_bytes) + " bytes");
      }
      set_style(out, mark);
      return out;
    }
    case YAML::NodeType::Sequence:
      out.kind = Node::Kind::sequence;
      for (const auto& item : node) {
        auto converted = convert(item, depth + 1);
        if (!converted) {
          return converted;
        }
        out.items.push_back(std::move(*converted));
      }
      return out;
    case YAML::NodeType::Map:
      out.kind = Node::Kind::mapping;
      for (const auto& pair : node) {
        auto key = convert(pair.first, depth + 1);
        if (!key) {
          return key;
        }
        if (!key->is_scalar()) {
          return fail(key->where, "a key must be plain text, not a " +
                                      std::string(kind_name(*key)));
        }
        for (const auto& existing : out.entries) {
          if (existing.key.scalar == key->scalar) {
            return fail(key->where, "duplicate key \"" + key->scalar + "\" (first at line " +
                                        std::to_string(existing.key.where.line) +
                                        "); remove one");
          }
        }
        auto value = convert(pair.second, depth + 1);
        if (!value) {
          return value;
        }
        out.entries.push_back(Entry{std::move(*key), std::move(*value)});
      }
      return out;
    }
    return out;
  }

private:
  util::unexpected<Diagnostic> fail(Location where, std::string message) const {
    return util::unexpected(Diagnostic{std::move(where), std::move(message)});
  }

  void set_style(Node& out, const YAML::Mark& mark) const {
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= m_lines.size()) {
      return;
    }
    const std::string_view line = m_lines[static_cast<std::size_t>(mark.line)];
    const auto column = static_cast<std::size_t>(mark.column);
    const char first = column < line.size() ? line[column] : '\0';
    if (first == '"' || first == '\'') {
      out.style = Node::Style::quoted;
    } else if (first == '|' || first == '>') {
      out.style = first == '|' ? Node::Style::literal : Node::Style::folded;
      const auto next = static_cast<std::size_t>(mark.line) + 1;
      if (next < m_lines.size()) {
        const std::string_view content = m_lines[next];
        out.block_indent = static_cast<int>(content.find_first_not_of(' '));
      }
    }
  }

  std::string_view m_text;
  const std::string& m_file;
  const ParseLimits& m_limits;
  std::vector<std::string_view> m_lines;
  std::size_t m_nodes = 0;
  Location m_last;
};

// Finds flow nesting ([ and {) deeper than the limit before yaml-cpp recurses into it.
util::expected<void, Diagnostic> prescan_depth(std::string_view text, const std::string& file,
                                              int max_depth) {
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

} // namespace

util::expected<Node, Diagnostic> parse_document(std::string_view text, const std::string& file,
                                               const ParseLimits& limits) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3); // a UTF-8 byte order mark is harmless; drop it
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return util::unexpected(Diagnostic{{file, 1, 1}, "file is empty; expected a YAML or JSON mapping"});
  }
  if (auto ok = prescan_depth(text, file, limits.max_depth); !ok) {
    return util::unexpected(ok.error());
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::ParserException& e) {
    std::string message = e.msg;
    if (!message.empty()) {
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    }
    return util::unexpected(Diagnostic{{file, e.mark.line + 1, e.mark.column + 1},
                                      "invalid YAML: " + message});
  } catch (const YAML::Exception& e) {
    return util::unexpected(Diagnostic{{file, e.mark.line + 1, e.mark.column + 1},
                                      "invalid YAML: " + e.msg});
  }
  if (documents.empty()) {
    return util::unexpected(Diagnostic{{file, 1, 1}, "file is empty; expected a YAML or JSON mapping"});
  }
  if (documents.size() > 1) {
    return util::unexpected(Diagnostic{{file, documents[1].Mark().line + 1, 1},
                                      "file holds more than one YAML document; put one use case or framework part in each file"});
  }
  try {
    return Converter(text, file, limits).convert(documents.front(), 0);
  } catch (const YAML::Exception& e) {
    return util::unexpected(Diagnostic{{file, e.mark.line + 1, e.mark.column + 1},
                                      "invalid YAML: " + e.msg});
  }
}

} // namespace kansrijk::io
