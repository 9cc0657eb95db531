// Strict typed reading of tree nodes with collected, located diagnostics.
#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <kansrijk/io/reader.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io {

void Reader::error(const Location &where, std::string message, std::string code) {
  for (const auto &seen : m_diagnostics) { // two checks may find the same problem
    if (seen.message == message && seen.where.line == where.line && seen.where.column == where.column &&
        seen.where.file == where.file) {
      return;
    }
  }
  m_diagnostics.push_back(Diagnostic{where, std::move(message), std::move(code)});
}

bool Reader::expect_map(const Node &node, std::string_view what) {
  if (node.is_map()) {
    return true;
  }
  error(node.where,
        std::string(what) + " must be a mapping (key: value), not " + std::string(kind_name(node)), "KR004");
  return false;
}

bool Reader::expect_seq(const Node &node, std::string_view what) {
  if (node.is_seq()) {
    return true;
  }
  error(node.where, std::string(what) + " must be a list, not " + std::string(kind_name(node)), "KR004");
  return false;
}

void Reader::check_keys(const Node &map,
                        std::initializer_list<std::string_view> allowed,
                        std::initializer_list<std::string_view> required) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (const auto &entry : map.entries) {
    if (std::find(names.begin(), names.end(), entry.key.scalar) == names.end()) {
      error(entry.key.where,
            "unknown key \"" + util::excerpt(entry.key.scalar) + "\"" +
                util::did_you_mean(entry.key.scalar, names) + "; allowed here: " + util::join(names, ", "),
            "KR002");
    }
  }
  for (const auto key : required) {
    if (map.find(key) == nullptr) {
      error(map.where, "missing required key \"" + std::string(key) + "\"", "KR003");
    }
  }
}

std::optional<std::string> Reader::string(const Node &map, std::string_view key, bool required) {
  const Node *node = map.find(key);
  if (node == nullptr || node->kind == Node::Kind::null) {
    if (required) {
      error(node ? node->where : map.where, "missing required key \"" + std::string(key) + "\"", "KR003");
    }
    return std::nullopt;
  }
  if (!node->is_scalar()) {
    error(node->where, "\"" + std::string(key) + "\" must be text, not a " + std::string(kind_name(*node)),
          "KR004");
    return std::nullopt;
  }
  return node->scalar;
}

std::optional<int> Reader::integer(const Node &map, std::string_view key, bool required, int low, int high) {
  const auto text = string(map, key, required);
  if (!text) {
    return std::nullopt;
  }
  int value = 0;
  const char *begin = text->data();
  const char *end = begin + text->size();
  if (!text->empty() && *begin == '+') {
    ++begin;
  }
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || value < low || value > high) {
    error(map.find(key)->where,
          "\"" + std::string(key) + "\" must be a whole number from " + std::to_string(low) + " to " +
              std::to_string(high) + ", not \"" + util::excerpt(*text) + "\"",
          "KR050");
    return std::nullopt;
  }
  return value;
}

std::optional<double>
Reader::number(const Node &map, std::string_view key, bool required, double low, double high) {
  const auto text = string(map, key, required);
  if (!text) {
    return std::nullopt;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || value < low || value > high) {
    error(map.find(key)->where,
          fmt::format(R"("{}" must be a number from {:g} to {:g}, not "{}")", key, low, high,
                      util::excerpt(*text)),
          "KR050");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const Node &map, std::string_view key, bool required) {
  const auto text = string(map, key, required);
  if (!text) {
    return std::nullopt;
  }
  if (*text == "true") {
    return true;
  }
  if (*text == "false") {
    return false;
  }
  error(map.find(key)->where,
        "\"" + std::string(key) + "\" must be true or false, not \"" + util::excerpt(*text) + "\"", "KR004");
  return std::nullopt;
}

core::Text Reader::text_node(const Node &node, std::string_view what) {
  core::Text out;
  if (!node.is_map()) {
    error(node.where,
          std::string(what) + " must give a text per language ({" + util::join(m_languages, ": ..., ") +
              ": ...}), not " + std::string(kind_name(node)),
          "KR040");
    return out;
  }
  for (const auto &entry : node.entries) {
    if (std::find(m_languages.begin(), m_languages.end(), entry.key.scalar) == m_languages.end()) {
      error(entry.key.where,
            "unknown language \"" + util::excerpt(entry.key.scalar) + "\"" +
                util::did_you_mean(entry.key.scalar, m_languages) +
                "; declared languages: " + util::join(m_languages, ", "),
            "KR040");
      continue;
    }
    if (!entry.value.is_scalar() || entry.value.scalar.empty()) {
      error(entry.value.where, std::string(what) + " in \"" + entry.key.scalar + "\" must be non-empty text",
            "KR040");
      continue;
    }
    out.by_language[entry.key.scalar] = entry.value.scalar;
  }
  for (const auto &language : m_languages) {
    if (node.find(language) == nullptr) {
      error(node.where, std::string(what) + " has no \"" + language + "\" text", "KR040");
    }
  }
  return out;
}

core::Text Reader::text(const Node &map, std::string_view key, bool required) {
  const Node *node = map.find(key);
  if (node == nullptr) {
    if (required) {
      error(map.where, "missing required key \"" + std::string(key) + "\"", "KR003");
    }
    return {};
  }
  return text_node(*node, "\"" + std::string(key) + "\"");
}

std::vector<std::string> Reader::strings(const Node &map, std::string_view key, bool required) {
  std::vector<std::string> out;
  const Node *node = map.find(key);
  if (node == nullptr) {
    if (required) {
      error(map.where, "missing required key \"" + std::string(key) + "\"", "KR003");
    }
    return out;
  }
  if (!node->is_seq()) {
    error(node->where, "\"" + std::string(key) + "\" must be a list, not " + std::string(kind_name(*node)),
          "KR004");
    return out;
  }
  for (const auto &item : node->items) {
    if (!item.is_scalar()) {
      error(item.where,
            "items of \"" + std::string(key) + "\" must be text, not " + std::string(kind_name(item)),
            "KR004");
      continue;
    }
    out.push_back(item.scalar);
  }
  return out;
}

std::optional<std::string> Reader::choice(const Node &map,
                                          std::string_view key,
                                          bool required,
                                          const std::vector<std::string> &choices) {
  auto value = string(map, key, required);
  if (value && std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    error(map.find(key)->where,
          "\"" + std::string(key) + "\" must be one of " + util::join(choices, ", ") + ", not \"" +
              util::excerpt(*value) + "\"" + util::did_you_mean(*value, choices),
          "KR005");
    return std::nullopt;
  }
  return value;
}

core::Origin Reader::origin(const Node &map) {
  core::Origin out;
  out.where = map.where;
  const Node *provenance = map.find("provenance");
  if (provenance == nullptr) {
    error(map.where, "missing required key \"provenance\"", "KR041");
  } else if (!provenance->is_scalar() ||
             (provenance->scalar != "quoted" && provenance->scalar != "reconstructed")) {
    error(provenance->where,
          R"("provenance" must be one of quoted, reconstructed, not ")" +
              (provenance->is_scalar() ? provenance->scalar : std::string(kind_name(*provenance))) + "\"",
          "KR005");
  } else {
    out.provenance =
        provenance->scalar == "quoted" ? core::Provenance::quoted : core::Provenance::reconstructed;
  }
  const Node *source = map.find("source");
  if (source == nullptr) {
    error(map.where, "missing required key \"source\"", "KR041");
    return out;
  }
  out.sources = strings(map, "source", true);
  if (out.sources.empty() && source->is_seq()) {
    error(source->where, "\"source\" must name at least one source id", "KR041");
  }
  return out;
}

} // namespace kansrijk::io
