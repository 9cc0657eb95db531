// `kansrijk schema use-case|assessment|framework`: JSON Schemas (draft 2020-12) generated
// from the framework's declarations (fields, taxonomy, skills, blocks, ...) and the JSON
// output contract, so editors complete and check use-case files and consumers can check
// reports. Copies are committed under docs/schema/; a test keeps them current.
#include <algorithm>
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/io/answers.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

namespace kansrijk::cli {

namespace {

using Json = nlohmann::ordered_json;
using core::FieldDecl;
using core::FieldType;

constexpr const char *k_draft = "https://json-schema.org/draft/2020-12/schema";

// `text` in every language of `fw`, separated by " / ", each distinct text once.
std::string all_languages(const core::Framework &fw, const core::Text &text) {
  std::vector<std::string> seen;
  for (const auto &language : fw.languages) {
    const std::string &in = text.in(language);
    if (!in.empty() && std::find(seen.begin(), seen.end(), in) == seen.end()) {
      seen.push_back(in);
    }
  }
  return util::join(seen, " / ");
}

std::vector<std::string> domain(const core::Framework &fw, const FieldDecl &decl) {
  if (!decl.domain.values.empty()) {
    return decl.domain.values;
  }
  std::vector<std::string> out;
  if (decl.values_from == "taxonomy") {
    for (const auto &item : fw.items) {
      out.push_back(item.id);
    }
  } else if (decl.values_from == "skills") {
    for (const auto &skill : fw.skills) {
      out.push_back(skill.id);
    }
  } else if (decl.values_from == "pillars") {
    for (const auto &pillar : fw.pillars) {
      out.push_back(pillar.id);
    }
  }
  return out;
}

Json field_schema(const core::Framework &fw, const FieldDecl &decl) {
  Json schema;
  schema["description"] =
      all_languages(fw, decl.question.in(fw.languages.front()).empty() ? decl.label : decl.question);
  switch (decl.type) {
  case FieldType::text:
    schema["type"] = Json::array({"string", "null"});
    schema["maxLength"] = 16384;
    break;
  case FieldType::enumeration: {
    Json values = Json::array();
    for (const auto &v : domain(fw, decl)) {
      values.push_back(v);
    }
    values.push_back("unknown");
    schema["enum"] = values;
    break;
  }
  case FieldType::enum_list: {
    Json values = Json::array();
    for (const auto &v : domain(fw, decl)) {
      values.push_back(v);
    }
    schema["oneOf"] =
        Json::array({Json{{"type", "array"}, {"items", {{"enum", values}}}, {"uniqueItems", true}},
                     Json{{"const", "unknown"}}});
    break;
  }
  case FieldType::integer:
    break; // only the verdict policy's facts are integers; a use case has none
  }
  return schema;
}

Json use_case_schema(const core::Framework &fw) {
  Json properties = Json::object();
  for (const auto &decl : fw.fields) {
    if (decl.derived) {
      continue;
    }
    const auto dot = decl.path.find('.');
    if (dot == std::string::npos) {
      properties[decl.path] = field_schema(fw, decl);
      continue;
    }
    const std::string group = decl.path.substr(0, dot);
    if (!properties.contains(group)) {
      properties[group] = {{"type", Json::array({"object", "null"})},
                           {"additionalProperties", false},
                           {"properties", Json::object()}};
    }
    properties[group]["properties"][decl.path.substr(dot + 1)] = field_schema(fw, decl);
  }
  Json ref_values = Json::array();
  for (const auto &item : fw.items) {
    ref_values.push_back(item.id);
  }
  const std::string ref_key = io::task_key(fw, core::FieldRole::task_ref, "ref");
  const std::string name_key = io::task_key(fw, core::FieldRole::task_name, "name");
  Json custom = {{"type", "object"},
                 {"additionalProperties", false},
                 {"required", Json::array({name_key})},
                 {"properties", Json::object()}};
  Json taxonomy_task = {{"type", "object"},
                        {"additionalProperties", false},
                        {"required", Json::array({ref_key})},
                        {"properties", {{ref_key, {{"enum", ref_values}}}}}};
  for (const auto &decl : fw.task_fields) {
    if (!decl.derived && decl.role != core::FieldRole::task_ref) {
      custom["properties"][decl.path] = field_schema(fw, decl);
    }
    if (decl.per_use) {
      taxonomy_task["properties"][decl.path] = field_schema(fw, decl);
    }
  }
  properties[fw.tasks_key] = {{"description", "The tasks the application touches"},
                              {"type", "array"},
                              {"minItems", 1},
                              {"maxItems", 100},
                              {"items", {{"oneOf", Json::array({taxonomy_task, custom})}}}};
  Json required = Json::array();
  for (const auto &decl : fw.fields) {
    if (decl.required && decl.path.find('.') == std::string::npos) {
      required.push_back(decl.path);
    }
  }
  required.push_back(fw.tasks_key);
  return {{"$schema", k_draft},
          {"$id", "https://kansrijk.example/schema/" + fw.id + "/use-case.schema.json"},
          {"title", "kansrijk use case (format 1) for framework " + fw.id + " " + fw.version},
          {"description", "Generated by `kansrijk schema use-case` from the framework's fields.yaml. What is "
                          "left out is unknown."},
          {"type", "object"},
          {"additionalProperties", false},
          {"required", required},
          {"properties", properties}};
}

Json string_enum(const std::vector<std::string> &values) {
  Json list = Json::array();
  for (const auto &v : values) {
    list.push_back(v);
  }
  return {{"enum", list}};
}

Json assessment_schema(const core::Framework &fw) {
  const Json score = {{"type", Json::array({"integer", "null"})}, {"minimum", 0}, {"maximum", 100}};
  const Json sources = {{"type", "array"}, {"items", {{"type", "string"}}}};
  Json scores = {{"type", "object"},
                 {"additionalProperties", false},
                 {"properties", Json::object()},
                 {"required", Json::array()}};
  for (const auto &block : fw.blocks) {
    scores["properties"][block.id] = score;
    scores["required"].push_back(block.id);
  }
  scores["properties"]["overall"] = score;
  scores["required"].push_back("overall");
  std::vector<std::string> dims;
  dims.reserve(fw.dimensions.size());
  for (const auto &d : fw.dimensions) {
    dims.push_back(d.id);
  }
  std::vector<std::string> techs;
  techs.reserve(fw.technologies.size());
  for (const auto &t : fw.technologies) {
    techs.push_back(t.id);
  }
  Json qow = {{"type", "object"}, {"additionalProperties", false}, {"properties", Json::object()}};
  for (const auto &d : dims) {
    qow["properties"][d] = {
        {"type", "object"},
        {"required", Json::array({"direction", "valence", "reasons"})},
        {"properties",
         {{"direction", string_enum({"up", "down", "mixed", "none", "unknown"})},
          {"valence", string_enum({"favourable", "unfavourable", "mixed", "neutral", "unknown"})},
          {"reasons", {{"type", "array"}}}}}};
  }
  const Json keys = Json::array(
      {"tool",       "format_version",  "framework",      "use_case",        "language", "date",
       "verdict",    "verdict_reasons", "verdict_policy", "verdict_range",   "scores",   "score_details",
       "tasks",      "skills",          "technologies",   "quality_of_work", "flags",    "open_questions",
       "conditions", "recommendations", "trace",          "input",           "sources",  "statement",
       "limits",     "resolved_flags"});
  Json props = Json::object();
  props["tool"] = {{"type", "object"}, {"required", Json::array({"name", "version"})}};
  props["framework"] = {{"type", "object"}, {"required", Json::array({"id", "version", "sha256"})}};
  props["framework"]["properties"]["id"] = {{"const", fw.id}};
  props["framework"]["properties"]["sha256"] = {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}};
  props["use_case"] = {{"type", "object"}, {"required", Json::array({"id", "title"})}};
  props["language"] = string_enum(fw.languages);
  props["date"] = {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
  const std::vector<std::string> verdicts = {"promising", "conditional", "limited", "not_advised",
                                             "insufficient_information"};
  props["format_version"] = {{"type", "string"}, {"pattern", "^1\\.[0-9]+$"}};
  props["verdict"] = string_enum(verdicts);
  props["verdict_reasons"] = {{"type", "array"}};
  Json step = {{"type", "object"}, {"required", Json::array({"id", "when", "at_most", "holds", "binding"})}};
  step["properties"]["at_most"] = string_enum(verdicts);
  props["verdict_policy"] = {{"type", "object"},
                             {"required", Json::array({"thresholds", "steps"})},
                             {"properties", {{"steps", {{"type", "array"}, {"items", step}}}}}};
  Json range = {{"type", Json::array({"object", "null"})},
                {"required", Json::array({"now", "best", "worst", "overall_min", "overall_max", "exact"})}};
  range["properties"]["best"] = string_enum(verdicts);
  range["properties"]["worst"] = string_enum(verdicts);
  range["properties"]["exact"] = {{"type", "boolean"}};
  props["verdict_range"] = range;
  props["scores"] = scores;
  props["score_details"] = {{"type", "object"}};
  props["tasks"] = {{"type", "array"}};
  props["skills"] = {{"type", "array"}};
  Json tech_item = {{"type", "object"}, {"required", Json::array({"id", "fit"})}};
  tech_item["properties"]["id"] = string_enum(techs);
  tech_item["properties"]["fit"] = {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}};
  props["technologies"] = {{"type", "array"}, {"items", tech_item}};
  props["quality_of_work"] = qow;
  Json flag_item = {{"type", "object"},
                    {"required", Json::array({"id", "severity", "rule", "message", "source"})}};
  flag_item["properties"]["severity"] = string_enum({"low", "medium", "high", "knockout"});
  flag_item["properties"]["source"] = sources;
  props["flags"] = {{"type", "array"}, {"items", flag_item}};
  Json resolved_item = flag_item; // 1.3: flags the use case resolves, and by which conditions
  resolved_item["properties"]["resolved_by"] = {{"type", "array"},
                                                {"items", string_enum(core::ids_of(fw.conditions))}};
  props["resolved_flags"] = {{"type", "array"}, {"items", resolved_item}};
  for (const char *list : {"open_questions", "recommendations", "trace", "sources"}) {
    props[list] = {{"type", "array"}};
  }
  Json condition_item = {
      {"type", "object"},
      {"required", Json::array({"id", "text", "source", "rules", "status", "waits_for", "answers_flag"})}};
  condition_item["properties"]["status"] = string_enum({"in_place", "to_arrange", "open"});
  condition_item["properties"]["waits_for"] = {{"type", "array"}};
  condition_item["properties"]["stated"] = {{"type", "boolean"}}; // 1.3
  props["conditions"] = {{"type", "array"}, {"items", condition_item}};
  props["input"] = {{"type", "object"}, {"required", Json::array({"fields", "tasks"})}};
  props["statement"] = {{"type", "string"}};
  props["limits"] = {{"type", "string"}};
  Json schema = Json::object();
  schema["$schema"] = k_draft;
  schema["$id"] = "https://kansrijk.example/schema/" + fw.id + "/assessment.schema.json";
  schema["title"] = "kansrijk JSON output v1 for framework " + fw.id + " " + fw.version;
  schema["description"] = "Generated by `kansrijk schema assessment`; see docs/json-output.md.";
  schema["type"] = "object";
  schema["required"] = keys;
  schema["properties"] = props;
  return schema;
}

Json framework_schema(const core::Framework &fw) {
  Json text = {{"type", "object"}, {"minProperties", 1}, {"additionalProperties", {{"type", "string"}}}};
  Json lang_text = {{"$ref", "#/$defs/text"}};
  const Json origin_props = {
      {"provenance", string_enum({"quoted", "reconstructed"})},
      {"source", {{"type", "array"}, {"minItems", 1}, {"items", {{"type", "string"}}}}}};
  const auto item = [&](std::initializer_list<std::pair<const char *, Json>> props,
                        std::initializer_list<const char *> required) {
    Json properties = Json::object();
    for (const auto &[key, value] : props) {
      properties[key] = value;
    }
    for (const auto &[key, value] : origin_props.items()) {
      properties[key] = value;
    }
    Json req = Json::array();
    for (const char *r : required) {
      req.push_back(r);
    }
    return Json{
        {"type", "object"}, {"additionalProperties", false}, {"required", req}, {"properties", properties}};
  };
  const Json id = {{"type", "string"}, {"minLength", 1}};
  const Json list_of = {{"type", "array"}};
  Json task_attributes = Json::object();
  for (const auto &decl : fw.task_fields) {
    if (!decl.derived && !decl.per_use && decl.type == core::FieldType::enumeration &&
        decl.role != core::FieldRole::task_ref && decl.role != core::FieldRole::task_kind) {
      task_attributes[decl.path] = string_enum(domain(fw, decl));
    }
  }
  const int kind_field = fw.task_field_with(core::FieldRole::task_kind);
  const int skills_field = fw.task_field_with(core::FieldRole::task_skills);
  const std::string skills_key =
      skills_field < 0 ? std::string("skills") : fw.task_fields[static_cast<std::size_t>(skills_field)].path;
  FieldDecl pillars;
  pillars.values_from = "pillars";
  Json item_props = Json::object();
  item_props["id"] = id;
  item_props["pillar"] = string_enum(domain(fw, pillars));
  Json item_required = Json::array({"id", "pillar", "label", skills_key});
  if (kind_field >= 0) {
    const auto &kind = fw.task_fields[static_cast<std::size_t>(kind_field)];
    item_props[kind.path] = string_enum(kind.domain.values);
    item_required.push_back(kind.path);
  }
  item_props["label"] = lang_text;
  item_props["description"] = lang_text;
  item_props["rationale"] = lang_text;
  item_props[skills_key] = {{"type", "object"},
                            {"additionalProperties", {{"type", "integer"}, {"minimum", 1}, {"maximum", 3}}}};
  for (const auto &[key, value] : task_attributes.items()) {
    item_props[key] = value;
  }
  for (const auto &[key, value] : origin_props.items()) {
    item_props[key] = value;
  }
  std::vector<std::string> block_ids;
  block_ids.reserve(fw.blocks.size());
  for (const auto &b : fw.blocks) {
    block_ids.push_back(b.id);
  }
  const auto array_of = [](Json items) { return Json{{"type", "array"}, {"items", std::move(items)}}; };
  Json properties = Json::object();
  properties["id"] = id;
  properties["version"] = {{"type", "string"}};
  properties["languages"] = array_of({{"type", "string"}});
  properties["title"] = lang_text;
  properties["statement"] = lang_text;
  properties["limits"] = lang_text;
  Json source_item = {
      {"type", "object"}, {"required", Json::array({"id", "title"})}, {"additionalProperties", false}};
  source_item["properties"]["id"] = id;
  source_item["properties"]["title"] = lang_text;
  properties["sources"] = array_of(source_item);
  properties["blocks"] = array_of(item({{"id", id},
                                        {"label", lang_text},
                                        {"question", lang_text},
                                        {"base", {{"type", "integer"}}},
                                        {"weight", {{"type", "number"}}},
                                        {"computed", string_enum({"none", "task_suitability", "skill_support",
                                                                  "technology_fit", "quality_of_work"})}},
                                       {"id", "label", "question", "base", "weight"}));
  properties["scoring"] = {{"type", "object"}};
  properties["verdict"] = {{"type", "object"}, {"required", Json::array({"thresholds", "policy"})}};
  properties["item_provenance"] = string_enum({"required", "optional"});
  properties["task_list"] = {{"type", "object"},
                             {"properties", {{"key", {{"type", "string"}}}, {"heading", lang_text}}}};
  properties["skill_groups"] = array_of(item({{"id", id}, {"label", lang_text}}, {"id", "label"}));
  properties["use_case_format"] = {{"const", 1}};
  properties["fields"] = list_of;
  properties["task_fields"] = list_of;
  Json interview_tasks = {{"type", "object"},
                          {"additionalProperties", false},
                          {"required", Json::array({"label", "question"})},
                          {"properties",
                           {{"after", {{"type", "string"}}},
                            {"label", lang_text},
                            {"question", lang_text},
                            {"help", lang_text}}}};
  properties["interview"] = {{"type", "object"},
                             {"additionalProperties", false},
                             {"required", Json::array({"tasks"})},
                             {"properties", {{"tasks", interview_tasks}}}};
  properties["skills"] = array_of(item({{"id", id},
                                        {"group", string_enum(core::ids_of(fw.skill_groups))},
                                        {"label", lang_text},
                                        {"description", lang_text}},
                                       {"id", "group", "label", "description"}));
  properties["pillars"] = array_of(
      item({{"id", id}, {"label", lang_text}, {"description", lang_text}}, {"id", "label", "description"}));
  Json item_schema = {{"type", "object"}, {"additionalProperties", false}, {"required", item_required}};
  item_schema["properties"] = item_props;
  properties["items"] = array_of(item_schema);
  properties["technologies"] = list_of;
  properties["support"] = list_of;
  properties["dimensions"] = array_of(item({{"id", id},
                                            {"label", lang_text},
                                            {"description", lang_text},
                                            {"favourable", string_enum({"up", "down", "neither"})}},
                                           {"id", "label", "description", "favourable"}));
  properties["flags"] = array_of(item({{"id", id},
                                       {"severity", string_enum({"low", "medium", "high", "knockout"})},
                                       {"message", lang_text},
                                       {"justification", lang_text},
                                       {"resolved_by", array_of({{"type", "string"}})}},
                                      {"id", "severity", "message", "justification"}));
  properties["recommendations"] = array_of(item({{"id", id}, {"text", lang_text}}, {"id", "text"}));
  properties["conditions"] = array_of(
      item({{"id", id}, {"text", lang_text}, {"met_when", {{"type", "string"}, {"maxLength", 4096}}}},
           {"id", "text"}));
  properties["rules"] = array_of(item({{"id", id},
                                       {"block", string_enum(block_ids)},
                                       {"when", {{"type", "string"}, {"maxLength", 4096}}},
                                       {"text", lang_text},
                                       {"effects", {{"type", "object"}}},
                                       {"counterweights", array_of({{"type", "string"}})}},
                                      {"id", "block", "when", "text", "effects"}));
  Json words = Json::object(); // column_names and keywords: a list of words per language
  for (const auto &language : fw.languages) {
    words[language] = array_of({{"type", "string"}, {"minLength", 1}});
  }
  Json column_name = {
      {"type", "object"}, {"additionalProperties", false}, {"required", Json::array({"field"})}};
  column_name["properties"] = words;
  column_name["properties"]["field"] = {{"type", "string"}};
  properties["column_names"] = array_of(column_name);
  Json keyword = {{"type", "object"}, {"additionalProperties", false}, {"required", Json::array({"ref"})}};
  keyword["properties"] = words;
  keyword["properties"]["ref"] = {{"type", "string"}};
  properties["keywords"] = array_of(keyword);
  const Json provenance = string_enum({"quoted", "reconstructed"});
  const Json sources = {{"oneOf", Json::array({{{"type", "string"}}, array_of({{"type", "string"}})})}};
  Json scope = {{"type", "object"}, {"additionalProperties", false}, {"required", Json::array({"scope"})}};
  scope["properties"] = words;
  scope["properties"]["scope"] = string_enum({"core", "adjacent"});
  scope["properties"]["with"] = {{"type", "object"}, {"additionalProperties", false}, {"properties", words}};
  scope["properties"]["unless"] = scope["properties"]["with"];
  scope["properties"]["provenance"] = provenance;
  scope["properties"]["source"] = sources;
  properties["scope"] = array_of(scope);
  Json presumption = {
      {"type", "object"}, {"additionalProperties", false}, {"required", Json::array({"field", "value"})}};
  presumption["properties"] = words;
  presumption["properties"]["field"] = {{"type", "string"}};
  presumption["properties"]["value"] = {{"type", "string"}};
  presumption["properties"]["in"] = array_of({{"type", "string"}});
  presumption["properties"]["with"] = scope["properties"]["with"];
  presumption["properties"]["provenance"] = provenance;
  presumption["properties"]["source"] = sources;
  properties["presumptions"] = array_of(presumption);
  properties["negations"] = {{"type", "object"}, {"additionalProperties", false}, {"properties", words}};
  Json schema = Json::object();
  schema["$schema"] = k_draft;
  schema["$id"] = "https://kansrijk.example/schema/" + fw.id + "/framework.schema.json";
  schema["title"] = "kansrijk framework files (" + fw.id + " " + fw.version + ")";
  schema["description"] =
      "Generated by `kansrijk schema framework`. Each framework file (framework.yaml, fields.yaml, "
      "skills.yaml, ...) is an object with some of these top-level keys. The schema checks shape; "
      "`kansrijk validate` checks everything else.";
  schema["type"] = "object";
  schema["additionalProperties"] = false;
  schema["$defs"] = {{"text", text}};
  schema["properties"] = properties;
  return schema;
}

} // namespace

void add_schema(CommandLine &app, Action &action) {
  struct Options {
    std::string kind;
    std::string framework;
  };
  auto options = std::make_shared<Options>();
  Command *sub =
      app.add_subcommand("schema", "Print a JSON Schema (2020-12): use-case, assessment or framework.");
  sub->add_option("KIND", options->kind, "use-case, assessment or framework")
      ->required()
      ->choices({"use-case", "assessment", "framework"});
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->callback([options, &action] {
    action = [options](std::istream &, std::ostream &out, std::ostream &) {
      const core::Framework fw = io::load_framework_for(options->framework);
      const Json schema = options->kind == "use-case"     ? use_case_schema(fw)
                          : options->kind == "assessment" ? assessment_schema(fw)
                                                          : framework_schema(fw);
      util::write_stream(
          out, util::safe_json_document(schema.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n");
      return k_exit_ok;
    };
  });
}

} // namespace kansrijk::cli
