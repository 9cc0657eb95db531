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

int Framework::dimension_index(std::string_view wanted) const {
  return find_index(dimensions, wanted, [](const Dimension &d) -> const std::string & { return d.id; });
}

int Framework::flag_index(std::string_view wanted) const {
  return find_index(flags, wanted, [](const Flag &f) -> const std::string & { return f.id; });
}

namespace {
int with_role(const std::vector<FieldDecl> &fields, FieldRole role) {
  for (const auto &field : fields) {
    if (field.role == role) {
      return field.index;
    }
  }
  return -1;
}

} // namespace

int Framework::field_with(FieldRole role) const { return with_role(fields, role); }

int Framework::task_field_with(FieldRole role) const { return with_role(task_fields, role); }

int Framework::block_with(Computed computed) const {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].computed == computed) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string Framework::item_kind(const TaxonomyItem &item) const {
  const int field = task_field_with(FieldRole::task_kind);
  if (field < 0 || item.kind < 0) {
    return {};
  }
  return task_fields[static_cast<std::size_t>(field)].domain.values[static_cast<std::size_t>(item.kind)];
}

int favourability(Verdict verdict) {
  switch (verdict) {
  case Verdict::promising:
    return 4;
  case Verdict::conditional:
    return 3;
  case Verdict::limited:
    return 2;
  case Verdict::insufficient_information:
    return 1;
  case Verdict::not_advised:
    return 0;
  }
  return 0;
}

Verdict least_favourable(Verdict a, Verdict b) { return favourability(a) <= favourability(b) ? a : b; }

void Framework::index_field_groups() {
  in_place_field = field_with(FieldRole::in_place);
  field_groups.clear();
  field_groups[""].emplace_back(tasks_key);
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
  // the task list goes last, after the declared top-level fields, as the messages list them
  auto &top = field_groups[""];
  top.erase(top.begin());
  top.emplace_back(tasks_key);
}

const Source *Framework::source(std::string_view wanted) const {
  const int index = find_index(sources, wanted, [](const Source &s) -> const std::string & { return s.id; });
  return index < 0 ? nullptr : &sources[static_cast<std::size_t>(index)];
}

} // namespace kansrijk::core
