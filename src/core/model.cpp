// Look-ups on the framework model.
#include <algorithm>
#include <kansrijk/core/model.hpp>

namespace kansrijk::core {

const std::string &Text::in(const std::string &language) const {
  static const std::string k_empty;
  if (const auto it = by_language.find(language); it != by_language.end()) {
    return it->second;
  }
  return by_language.empty() ? k_empty : by_language.begin()->second;
}

int Domain::index_of(std::string_view value) const {
  const auto it = std::find(values.begin(), values.end(), value);
  return it == values.end() ? -1 : static_cast<int>(it - values.begin());
}

namespace {
template <typename Items, typename Key> int find_index(const Items &items, std::string_view wanted, Key key) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (key(items[i]) == wanted) {
      return static_cast<int>(i);
    }
  }
  return -1;
}
} // namespace

int Framework::field_index(std::string_view path) const {
  return find_index(fields, path, [](const FieldDecl &f) -> const std::string & { return f.path; });
}

int Framework::task_field_index(std::string_view path) const {
  return find_index(task_fields, path, [](const FieldDecl &f) -> const std::string & { return f.path; });
}

int Framework::item_index(std::string_view wanted) const {
  return find_index(items, wanted, [](const TaxonomyItem &i) -> const std::string & { return i.id; });
}

int Framework::block_index(std::string_view wanted) const {
  return find_index(blocks, wanted, [](const Block &b) -> const std::string & { return b.id; });
}

int Framework::technology_index(std::string_view wanted) const {
  return find_index(technologies, wanted, [](const Technology &t) -> const std::string & { return t.id; });
}

void Framework::index_field_groups() {
  field_groups.clear();
  field_groups[""].emplace_back("tasks");
  for (const auto &field : fields) {
    std::size_t dot = 0;
    std::string prefix;
    while (true) {
      dot = field.path.find('.', prefix.size());
      const std::string key = field.path.substr(
          prefix.size(), dot == std::string::npos ? std::string::npos : dot - prefix.size());
      auto &keys = field_groups[prefix];
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
      if (dot == std::string::npos) {
        break;
      }
      prefix = field.path.substr(0, dot + 1);
    }
  }
  // "tasks" goes last, after the declared top-level fields, as the messages list them
  auto &top = field_groups[""];
  top.erase(top.begin());
  top.emplace_back("tasks");
}

const Source *Framework::source(std::string_view wanted) const {
  const int index = find_index(sources, wanted, [](const Source &s) -> const std::string & { return s.id; });
  return index < 0 ? nullptr : &sources[static_cast<std::size_t>(index)];
}

} // namespace kansrijk::core
