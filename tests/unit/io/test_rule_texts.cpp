// Every sentence of a report must be true for the case at hand. A rule whose condition accepts
// several answers to a question (`context.ai_literacy <= medium`) must not word one of them
// ("beperkt" fits low, not medium): its text either names all of them, names none, or the rule
// is split per answer. This test derives from each condition which answers it accepts and looks
// for the words of those answers in the rule's text; flag messages are checked against the
// rules that raise them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <kansrijk/core/analysis.hpp>
#include <kansrijk/core/completion.hpp>
#include <kansrijk/core/type_check.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <map>
#include <regex>
#include <set>

using namespace kansrijk;

namespace {

// How texts word an answer, beyond the answer's own label (fields.yaml `value_labels`):
// field or task attribute (`t.`), value, and patterns (ECMAScript, matched case-insensitively)
// for Dutch and English. A pattern matches the claim that the answer is this value.
struct Wording {
  std::string field;
  std::string value;
  std::vector<std::string> nl;
  std::vector<std::string> en;
};

// Dutch separable verbs: "neemt ... over" is taking over only when "over" closes the clause
// ("neemt besluiten over inkomen" is deciding about income).
const std::string k_takes_over_nl = "neemt [^,;.]{0,60} over( dat| die|[,;.])";

const std::vector<Wording> &wordings() {
  static const std::vector<Wording> table = {
      {"ai.role", "inform", {"informeert", "informeren"}, {"\\binforms?\\b"}},
      {"ai.role", "draft", {"concept", "opstelt", "opstellen"}, {"\\bdrafts?\\b"}},
      {"ai.role", "recommend", {"advies voor", "stelt [^,;.]{0,30} voor\\b"}, {"recommends?\\b"}},
      {"ai.role",
       "automate",
       {k_takes_over_nl, "overneemt", "over te nemen", "overnemen"},
       {"\\btakes? over\\b", "\\btaking over\\b"}},
      {"ai.role", "decide", {"beslist zelf", "zelf beslissen"}, {"decides? by itself"}},
      {"ai.technology", "symbolic", {"symbolische", "regelgebaseerd"}, {"\\bsymbolic\\b", "rule-based"}},
      {"ai.technology", "machine_learning", {"machine learning"}, {"machine learning"}},
      {"ai.technology", "generative", {"generatieve", "taalmodel"}, {"\\bgenerative\\b", "language model"}},
      {"ai.technology", "hybrid", {"hybride"}, {"\\bhybrid\\b"}},
      {"ai.share", "small", {"klein deel"}, {"small part"}},
      {"ai.share", "part", {"\\been deel\\b"}, {"\\bpart of\\b"}},
      {"ai.share", "most", {"grootste deel"}, {"\\bmost of\\b"}},
      {"ai.oversight", "every_output", {"elke uitkomst"}, {"every output"}},
      {"ai.oversight",
       "every_output_after",
       {"achteraf", "nadat ze gevolgen"},
       {"afterwards", "after it has taken"}},
      {"ai.oversight", "sample", {"steekproef"}, {"\\bsample\\b"}},
      {"ai.oversight", "none", {"niemand controleert", "geen controle"}, {"nobody checks", "\\bno check\\b"}},
      {"ai.reviewer", "physician", {"arts\\b"}, {"physician"}},
      {"ai.reviewer", "professional", {"deskundige"}, {"\\bexpert\\b", "labour expert"}},
      {"ai.reviewer",
       "other_staff",
       {"zonder bevoegdheid", "iemand anders"},
       {"without the authority", "someone else"}},
      {"ai.external_service", "yes", {"externe"}, {"\\bexternal\\b"}},
      {"ai.external_service", "no", {"binnen de eigen organisatie"}, {"inside the organisation"}},
      {"ai.about_people", "profiling", {"profiel", "profileer", "risicoscore"}, {"\\bprofil", "risk score"}},
      {"ai.about_people", "emotion_recognition", {"emotie"}, {"emotion"}},
      {"ai.about_people",
       "task_allocation",
       {"toewijzen", "wijst [^,;.]{0,20} toe", "verdeelt"},
       {"allocat"}},
      {"ai.about_people", "performance_monitoring", {"prestaties"}, {"performance"}},
      {"data.quality", "good", {"goede kwaliteit"}, {"good quality"}},
      {"data.quality", "mixed", {"wisselt", "wisselend"}, {"\\bvaries\\b"}},
      {"data.quality", "poor", {"slechte kwaliteit"}, {"poor quality"}},
      {"impact.decisions", "indirect", {"beïnvloedt", "indirect"}, {"influences", "indirectly"}},
      {"impact.decisions", "direct", {"bepaalt", "\\bdirect\\b"}, {"\\bsets\\b", "\\bdirectly\\b"}},
      {"impact.freed_time", "client_contact", {"cliëntcontact", "contact met cliënten"}, {"client contact"}},
      {"impact.freed_time",
       "complex_work",
       {"complexer werk", "nieuwe verantwoordelijkheden"},
       {"complex work", "new responsibilities"}},
      {"impact.freed_time", "development", {"ontwikkeling"}, {"\\bdevelopment\\b"}},
      {"impact.freed_time", "more_cases", {"meer dossiers", "caseload"}, {"more cases", "caseload"}},
      {"impact.freed_time", "unspecified", {"niet afgesproken"}, {"not been agreed", "not agreed"}},
      {"impact.output_to", "employer", {"werkgever"}, {"employer"}},
      {"impact.output_to", "person", {"betrokkene"}, {"person concerned"}},
      {"data.shared_with", "employer", {"werkgever"}, {"employer"}},
      {"context.ai_literacy", "low", {"beperkt", "weinig"}, {"\\blimited\\b", "\\blittle\\b"}},
      {"context.ai_literacy", "medium", {"de basis"}, {"the basics"}},
      {"context.ai_literacy", "high", {"ai-geletterd:", "kennen de mogelijkheden"}, {"ai-literate:"}},
      {"context.it_infrastructure", "partial", {"deels"}, {"\\bpartly\\b"}},
      {"purpose.benefits", "time_saving", {"tijd besparen", "tijdwinst"}, {"save time", "saving time"}},
      {"purpose.benefits", "quality", {"kwaliteit"}, {"quality"}},
      {"purpose.benefits", "client_contact", {"cliënt"}, {"client"}},
      {"purpose.benefits", "workload_relief", {"werkdruk"}, {"work pressure", "workload"}},
      {"purpose.benefits", "information_access", {"vindbaar", "informatie sneller"}, {"easy to find"}},
      {"t.involvement", "alongside", {"werkt naast", "naast een taak"}, {"alongside"}},
      {"t.involvement", "supports", {"ondersteunt"}, {"\\bsupports\\b"}},
      {"t.involvement", "takes_over", {k_takes_over_nl, "overneemt"}, {"\\btakes? over\\b"}},
      {"t.skills", "rule_application", {"regels"}, {"\\brules\\b"}},
      {"t.skills", "calculation", {"bereken"}, {"calculat"}},
      {"t.skills", "speech_recognition", {"spraak"}, {"speech"}},
      {"t.skills", "image_recognition", {"beeld"}, {"image"}},
      {"t.skills", "writing", {"schrijf", "schrijven"}, {"\\bwrit"}},
      {"t.client_impact", "high", {"grote gevolgen"}, {"large consequences"}},
  };
  return table;
}

std::string lower_ascii(std::string text) {
  for (auto &c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

std::string escape_regex(const std::string &text) {
  static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
  return std::regex_replace(text, special, R"(\$&)");
}

// Whether a match at `at` in `text` is negated: its clause (from the last , ; : . ( or the
// start) has a negation before it, as in "niet elke uitkomst wordt ... door een arts".
bool negated(const std::string &text, std::size_t at) {
  const std::size_t start = text.find_last_of(",;:.(", at == 0 ? 0 : at - 1);
  const std::string before = " " + text.substr(start == std::string::npos ? 0 : start + 1,
                                               at - (start == std::string::npos ? 0 : start + 1));
  static const std::regex negation(R"(\b(niet|zonder|geen|niemand|not|without|no|nobody)\b)");
  return std::regex_search(before, negation);
}

// Whether `text` words the answer through one of `patterns`, outside a negated clause.
bool names(const std::string &text, const std::vector<std::string> &patterns) {
  const std::string lowered = lower_ascii(text);
  for (const auto &pattern : patterns) {
    const std::regex re(lower_ascii(pattern), std::regex::ECMAScript | std::regex::icase);
    for (auto it = std::sregex_iterator(lowered.begin(), lowered.end(), re); it != std::sregex_iterator();
         ++it) {
      if (!negated(lowered, static_cast<std::size_t>(it->position()))) {
        return true;
      }
    }
  }
  return false;
}

// The patterns for `value` of the field or task attribute `name` in `language`: its label and
// the wordings above. Yes/no labels are left out: "ja" and "no" say nothing by themselves.
std::vector<std::string> patterns_for(const core::FieldDecl &decl,
                                      const std::string &name,
                                      const std::string &value,
                                      const char *language) {
  std::vector<std::string> out;
  if (value != "yes" && value != "no") {
    if (const auto label = decl.value_labels.find(value); label != decl.value_labels.end()) {
      out.push_back("(^|[^a-z])" + escape_regex(label->second.in(language)) + "($|[^a-z])");
    }
  }
  for (const auto &w : wordings()) {
    if (w.field == name && w.value == value) {
      const auto &extra = std::string_view(language) == "nl" ? w.nl : w.en;
      out.insert(out.end(), extra.begin(), extra.end());
    }
  }
  return out;
}

struct Finding {
  std::string item; // "rule <id>" or "flag <id>"
  std::string language;
  std::string field;
  std::vector<std::string> named;
  std::vector<std::string> accepted;

  [[nodiscard]] std::string describe() const {
    std::string out = item + " (" + language + "): the text words " + field + " as";
    for (const auto &v : named) {
      out += " " + v;
    }
    out += ", but the condition also accepts";
    for (const auto &v : accepted) {
      if (std::find(named.begin(), named.end(), v) == named.end()) {
        out += " " + v;
      }
    }
    return out;
  }
};

core::Expr parsed(const core::Framework &fw, const std::string &text) {
  auto expr = core::parse_expression(text);
  REQUIRE(expr.has_value());
  const auto typed = core::type_check(*expr, fw);
  INFO(text << ": " << (typed ? std::string() : typed.error().message));
  REQUIRE(typed.has_value());
  return std::move(*expr);
}

// What `text` (in both languages) claims about the answers `when` accepts, for `item`.
void check_text(const core::Framework &fw,
                const std::string &item,
                const core::Expr &when,
                const core::Text &text,
                std::vector<Finding> &findings) {
  core::Reads reads;
  core::collect_reads(when, reads);
  std::vector<std::pair<std::string, bool>> names_read; // name, is a task attribute
  for (const auto &f : reads.fields) {
    names_read.emplace_back(f, false);
  }
  for (const auto &a : reads.task_attributes) {
    names_read.emplace_back(a, true);
  }
  for (const auto &[name, task] : names_read) {
    const int index = task ? fw.task_field_index(name) : fw.field_index(name);
    REQUIRE(index >= 0);
    const auto &decl =
        task ? fw.task_fields[static_cast<std::size_t>(index)] : fw.fields[static_cast<std::size_t>(index)];
    const std::string wording_name = task ? "t." + name : name;
    if (decl.type != core::FieldType::enumeration && decl.type != core::FieldType::enum_list) {
      continue;
    }
    // The values to try: every value of an enum; of a list, the members the condition tests.
    std::vector<std::string> values = decl.domain.values;
    if (decl.type == core::FieldType::enum_list && reads.read_whole.count(name) == 0) {
      const auto members = reads.members.find(name);
      values.assign(members->second.begin(), members->second.end());
    }
    std::map<std::string, std::vector<std::string>> patterns;
    bool any_wording = false;
    for (const auto &value : values) {
      for (const char *language : {"nl", "en"}) {
        auto p = patterns_for(decl, wording_name, value, language);
        any_wording = any_wording || !p.empty();
        patterns[std::string(language) + " " + value] = std::move(p);
      }
    }
    if (!any_wording) {
      continue;
    }
    std::vector<std::string> accepted;
    for (const auto &value : values) {
      const std::string test = decl.type == core::FieldType::enumeration ? wording_name + " == " + value
                                                                         : value + " in " + wording_name;
      const core::Expr pin = parsed(fw, task ? "any(" + fw.tasks_key + ", " + test + ")" : test);
      const auto answer = core::satisfiable(fw, {&when, &pin});
      INFO(item << ": " << test);
      REQUIRE(answer.answer != core::Satisfiability::Answer::undecided);
      if (answer.answer == core::Satisfiability::Answer::yes) {
        accepted.push_back(value);
      }
    }
    if (accepted.size() < 2) {
      continue;
    }
    for (const char *language : {"nl", "en"}) {
      std::vector<std::string> named;
      for (const auto &value : accepted) {
        if (names(text.in(language), patterns[std::string(language) + " " + value])) {
          named.push_back(value);
        }
      }
      if (!named.empty() && named.size() < accepted.size()) {
        findings.push_back(Finding{item, language, wording_name, named, accepted});
      }
    }
  }
}

// Every rule text against its condition, and every flag message against the conditions of the
// rules that raise it.
std::vector<Finding> untrue_texts(const core::Framework &fw) {
  std::vector<Finding> findings;
  for (const auto &rule : fw.rules) {
    check_text(fw, "rule " + rule.id, rule.when, rule.text, findings);
  }
  for (std::size_t f = 0; f < fw.flags.size(); ++f) {
    std::string either;
    for (const auto &rule : fw.rules) {
      const auto &raised = rule.effects.flags;
      if (std::find(raised.begin(), raised.end(), static_cast<int>(f)) != raised.end()) {
        either += (either.empty() ? "(" : " or (") + rule.when_text + ")";
      }
    }
    if (!either.empty()) {
      check_text(fw, "flag " + fw.flags[f].id, parsed(fw, either), fw.flags[f].message, findings);
    }
  }
  return findings;
}

std::vector<io::SourceFile>
builtin_with(const std::string &file, const std::string &from, const std::string &to) {
  auto files = io::builtin_framework_sources();
  for (auto &source : files) {
    if (source.name == file) {
      const auto at = source.content.find(from);
      REQUIRE(at != std::string::npos);
      source.content.replace(at, from.size(), to);
    }
  }
  return files;
}

} // namespace

TEST_CASE("no rule text or flag message of the built-in framework words one of several answers it accepts",
          "[io][builtin][texts]") {
  const auto fw = io::load_framework(io::builtin_framework_sources(), "builtin");
  const auto findings = untrue_texts(fw);
  for (const auto &finding : findings) {
    FAIL_CHECK(finding.describe());
  }
  CHECK(findings.empty());
}

TEST_CASE("the text check finds a rule that words one answer while it fires on two", "[io][texts]") {
  // conditions.literacy-low as it was before issue 17: it fired on `<= medium`, and its text
  // said the literacy is low ("laag" / "low" in the texts of today).
  const auto fw = io::load_framework(builtin_with("rules.yaml", "when: \"context.ai_literacy == low\"\n",
                                                  "when: \"context.ai_literacy <= medium\"\n"),
                                     "builtin");
  const auto findings = untrue_texts(fw);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].describe() ==
        "rule conditions.literacy-low (nl): the text words context.ai_literacy as low, "
        "but the condition also accepts medium");
  CHECK(findings[1].language == "en");
}

TEST_CASE("a negated answer is no claim; naming every accepted answer is true", "[io][texts]") {
  CHECK_FALSE(names("niet elke uitkomst wordt beoordeeld door een arts", {"arts\\b"}));
  CHECK(names("een arts beoordeelt, niet de AI", {"arts\\b"}));
  CHECK(names("Niemand controleert de uitkomsten", {"niemand controleert"}));
  CHECK_FALSE(names("De AI neemt in feite zelf besluiten over inkomen", {k_takes_over_nl}));
  CHECK(names("De AI neemt administratief werk over dat professionals", {k_takes_over_nl}));
}
