// What a framework says about the words of registers (keywords.yaml by convention): other
// column headings for its fields (`column_names`), and words that point to a task or an
// answer (`keywords`), which `batch --suggest` uses to suggest them from a description.
#include "framework_loading.hpp"

#include <algorithm>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::io::detail {

using namespace core;

namespace {

// The words of `node` per declared language (`nl: [...]`, `en: [...]`); other keys than
// `allowed` and the languages are reported.
std::map<std::string, std::vector<std::string>> words_of(Loading &loading,
                                                         const Node &node,
                                                         const std::vector<std::string_view> &allowed,
                                                         std::string_view what) {
  std::map<std::string, std::vector<std::string>> out;
  std::vector<std::string> keys(loading.m_fw.languages.begin(), loading.m_fw.languages.end());
  keys.insert(keys.end(), allowed.begin(), allowed.end());
  for (const auto &entry : node.entries) {
    const std::string &key = entry.key.scalar;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
      continue;
    }
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      loading.m_reader.error(entry.key.where,
                             "unknown key \"" + key + "\"" + util::did_you_mean(key, keys) +
                                 "; allowed here: " + util::join(keys, ", "),
                             "KR002");
      continue;
    }
    for (auto &word : loading.m_reader.strings(node, key, false)) {
      word = util::trim(word);
      if (word.empty()) {
        loading.m_reader.error(entry.value.where, std::string(what) + " must not be empty", "KR005");
        continue;
      }
      out[key].push_back(std::move(word));
    }
  }
  return out;
}

} // namespace

void Loading::read_keywords() {
  std::vector<std::string> paths;
  paths.reserve(m_fw.fields.size());
  for (const auto &field : m_fw.fields) {
    paths.push_back(field.path);
  }
  for (const Node *node : items("column_names", false)) {
    const auto field = m_reader.string(*node, "field", true);
    if (field && resolve(*field, paths, *node->find("field"), "field") < 0) {
      continue;
    }
    for (auto &[language, names] : words_of(*this, *node, {"field"}, "a column name")) {
      for (auto &name : names) {
        m_fw.column_names.push_back(ColumnName{field.value_or(""), language, std::move(name)});
      }
    }
  }
  std::vector<std::string> refs = ids_of(m_fw.items);
  for (const auto &field : m_fw.fields) {
    if (field.type != FieldType::text) {
      for (const auto &value : field.domain.values) {
        refs.push_back(field.path + "=" + value);
      }
    }
  }
  for (const Node *node : items("keywords", false)) {
    Keywords keywords;
    keywords.where = node->where;
    if (const auto ref = m_reader.string(*node, "ref", true)) {
      keywords.ref = *ref;
      if (resolve(*ref, refs, *node->find("ref"), "task or field=value") < 0) {
        continue;
      }
      if (const auto eq = ref->find('='); eq != std::string::npos) {
        keywords.field = ref->substr(0, eq);
        keywords.value = ref->substr(eq + 1);
      } else {
        keywords.item = static_cast<int>(std::find(refs.begin(), refs.end(), *ref) - refs.begin());
      }
    }
    keywords.words = words_of(*this, *node, {"ref"}, "a keyword");
    m_fw.keywords.push_back(std::move(keywords));
  }
  read_scope_and_presumptions(paths);
}

void Loading::read_scope_and_presumptions(const std::vector<std::string> &paths) {
  const std::vector<std::string> scopes = {"core", "adjacent"};
  for (const Node *node : items("scope", false)) {
    ScopeTerms terms;
    if (const auto scope = m_reader.string(*node, "scope", true)) {
      const auto index = std::find(scopes.begin(), scopes.end(), *scope) - scopes.begin();
      if (index == static_cast<std::ptrdiff_t>(scopes.size())) {
        m_reader.error(node->find("scope")->where,
                       R"("scope" must be core or adjacent (outside is what no word points to), not ")" +
                           util::excerpt(*scope) + "\"",
                       "KR005");
        continue;
      }
      terms.scope = index == 0 ? Scope::core : Scope::adjacent;
    }
    terms.origin = origin(*node);
    terms.words = words_of(*this, *node, {"scope", "with", "unless", "provenance", "source"}, "a scope word");
    for (const auto &[key, into] : {std::pair{"with", &terms.with}, std::pair{"unless", &terms.unless}}) {
      if (const Node *list = node->find(key); list != nullptr) {
        if (!list->is_map()) {
          m_reader.error(list->where,
                         "\"" + std::string(key) + "\" must map each language to a list of words", "KR005");
        } else {
          *into = words_of(*this, *list, {}, "a scope word");
        }
      }
    }
    m_fw.scope.push_back(std::move(terms));
  }
  for (const Node *node : items("presumptions", false)) {
    PresumptionTerms terms;
    const auto field = m_reader.string(*node, "field", true);
    if (field) {
      terms.field = resolve(*field, paths, *node->find("field"), "field");
    }
    const auto value = m_reader.string(*node, "value", true);
    if (terms.field >= 0 && value) {
      const FieldDecl &decl = m_fw.fields[static_cast<std::size_t>(terms.field)];
      if (decl.type == FieldType::text || decl.derived) {
        m_reader.error(node->find("field")->where,
                       "field \"" + decl.path +
                           "\" cannot be presumed: it is free text or derived; "
                           "presume a field with values",
                       "KR005");
        continue;
      }
      if (resolve(*value, decl.domain.values, *node->find("value"), "value of " + decl.path) < 0) {
        continue;
      }
      terms.value = *value;
    }
    if (node->find("in") != nullptr) {
      for (const auto &path : m_reader.strings(*node, "in", false)) {
        const int index = resolve(path, paths, *node->find("in"), "field");
        if (index >= 0) {
          terms.in.push_back(index);
        }
      }
    }
    terms.origin = origin(*node);
    terms.words = words_of(*this, *node, {"field", "value", "in", "with", "provenance", "source"},
                           "a presumption word");
    if (const Node *list = node->find("with"); list != nullptr) {
      if (!list->is_map()) {
        m_reader.error(list->where, "\"with\" must map each language to a list of words", "KR005");
      } else {
        terms.with = words_of(*this, *list, {}, "a presumption word");
      }
    }
    if (terms.field >= 0 && !terms.value.empty()) {
      m_fw.presumptions.push_back(std::move(terms));
    }
  }
  if (const Section *negations = section("negations"); negations != nullptr && negations->value != nullptr) {
    if (!negations->value->is_map()) {
      m_reader.error(negations->value->where, "\"negations\" must map each language to a list of words",
                     "KR005");
    } else {
      m_fw.negations = words_of(*this, *negations->value, {}, "a negation word");
    }
  }
}

} // namespace kansrijk::io::detail
