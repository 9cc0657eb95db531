// The parsed copy of the built-in framework (io/tree_image.hpp): an image reads back as the
// very tree the YAML parser makes, a damaged image is an error and never a crash, and the
// framework loaded from the images is the one loaded from the YAML text.
#include <catch2/catch.hpp>
#include <kansrijk/io/builtin_framework.hpp>
#include <kansrijk/io/fingerprint.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/tree_image.hpp>

using namespace kansrijk;

namespace {

// Where two trees first differ, or empty when they are the same.
std::string difference(const io::Node &a, const io::Node &b, const std::string &path = "/") {
  if (a.kind != b.kind || a.style != b.style) {
    return path + ": kind or style";
  }
  if (a.scalar != b.scalar) {
    return path + ": scalar \"" + a.scalar + "\" vs \"" + b.scalar + "\"";
  }
  if (a.where.file != b.where.file || a.where.line != b.where.line || a.where.column != b.where.column) {
    return path + ": location " + util::format_location(a.where) + " vs " + util::format_location(b.where);
  }
  if (a.block_indent != b.block_indent) {
    return path + ": block indentation";
  }
  if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
    return path + ": number of children";
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (auto d = difference(a.items[i], b.items[i], path + std::to_string(i) + "/"); !d.empty()) {
      return d;
    }
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (auto d = difference(a.entries[i].key, b.entries[i].key, path + "key " + std::to_string(i) + "/");
        !d.empty()) {
      return d;
    }
    if (auto d = difference(a.entries[i].value, b.entries[i].value, path + a.entries[i].key.scalar + "/");
        !d.empty()) {
      return d;
    }
  }
  return {};
}

// Every kind of node and scalar style, nesting, an empty scalar and bytes beyond ASCII.
constexpr std::string_view k_sample = R"(plain: word
quoted: "a \"quoted\" text"
single: 'it''s'
empty: ""
nothing:
literal: |
    first line
      indented line
folded: >
  folded
  text
list: [1, two, {three: 3}]
nested:
  - id: één
    deep: [[[x]]]
  - - a
    - b
)";

} // namespace

TEST_CASE("a tree image reads back as the tree it was made of", "[io][tree_image]") {
  auto tree = io::parse_document(k_sample, "sample.yaml");
  REQUIRE(tree);
  const std::string image = io::tree_image(*tree);
  auto back = io::read_tree_image(image, "sample.yaml");
  REQUIRE(back);
  CHECK(difference(*tree, *back).empty());
  // The file of every location is the one given when reading.
  auto elsewhere = io::read_tree_image(image, "other.yaml");
  REQUIRE(elsewhere);
  CHECK(elsewhere->find("literal")->where.file == "other.yaml");
  CHECK(elsewhere->find("literal")->locate(12).line == tree->find("literal")->locate(12).line);
}

TEST_CASE("the built-in images are the trees the YAML parser makes of the built-in files",
          "[io][tree_image]") {
  int compared = 0;
  for (const auto &file : io::builtin_framework_sources()) {
    INFO(file.name);
    if (file.name.starts_with("tests/")) {
      CHECK(file.image.empty());
      continue;
    }
    REQUIRE_FALSE(file.image.empty());
    auto parsed = io::parse_document(file.content, file.display);
    auto read = io::read_tree_image(file.image, file.display);
    REQUIRE(parsed);
    REQUIRE(read);
    CHECK(difference(*parsed, *read).empty());
    ++compared;
  }
  CHECK(compared >= 10);
}

TEST_CASE("a damaged tree image is an error, never a crash", "[io][tree_image]") {
  auto tree = io::parse_document(k_sample, "sample.yaml");
  REQUIRE(tree);
  const std::string image = io::tree_image(*tree);
  // Cut short anywhere: an error.
  for (std::size_t length = 0; length < image.size(); ++length) {
    auto read = io::read_tree_image(std::string_view(image).substr(0, length), "sample.yaml");
    REQUIRE_FALSE(read);
    CHECK(read.error().code == "KR001");
    CHECK(read.error().message.find("damaged") != std::string::npos);
  }
  // Trailing bytes: an error.
  CHECK_FALSE(io::read_tree_image(image + "x", "sample.yaml"));
  // Any byte changed to any of a few values: a tree or an error, and no crash (ASan in CI).
  int errors = 0;
  for (std::size_t at = 0; at < image.size(); ++at) {
    for (const unsigned char value : {0x00U, 0x05U, 0x7FU, 0x80U, 0xFFU}) {
      std::string damaged = image;
      damaged[at] = static_cast<char>(value);
      errors += io::read_tree_image(damaged, "sample.yaml") ? 0 : 1;
    }
  }
  CHECK(errors > 0);
  // Nesting deeper than any parse allows: an error, not a deep recursion.
  std::string deep;
  for (int i = 0; i < 100000; ++i) {
    deep += std::string("\x02\x01\x01\x00\x00\x01", 6); // a list of one, at line 1, column 1
  }
  CHECK_FALSE(io::read_tree_image(deep, "deep.yaml"));
}

TEST_CASE("the framework loaded from the images is the one loaded from the YAML text", "[io][tree_image]") {
  const auto files = io::builtin_framework_sources();
  auto text_only = files;
  std::vector<std::pair<std::string_view, std::string_view>> named;
  for (auto &file : text_only) {
    file.image = {};
    named.emplace_back(file.name, file.content);
  }
  CHECK(io::builtin_framework_fingerprint() == io::framework_fingerprint(named));
  const core::Framework from_images =
      io::load_framework(files, "builtin", io::builtin_framework_fingerprint());
  const core::Framework from_text = io::load_framework(text_only, "builtin");
  CHECK(from_images.sha256 == from_text.sha256);
  REQUIRE(from_images.rules.size() == from_text.rules.size());
  for (std::size_t i = 0; i < from_text.rules.size(); ++i) {
    INFO(from_text.rules[i].id);
    CHECK(from_images.rules[i].id == from_text.rules[i].id);
    CHECK(from_images.rules[i].when_text == from_text.rules[i].when_text);
  }
  REQUIRE(from_images.verdict.steps.size() == from_text.verdict.steps.size());
  for (std::size_t i = 0; i < from_text.verdict.steps.size(); ++i) {
    CHECK(util::format_location(from_images.verdict.steps[i].where) ==
          util::format_location(from_text.verdict.steps[i].where));
  }
  CHECK(from_images.items.size() == from_text.items.size());
  CHECK(from_images.fields.size() == from_text.fields.size());
}

TEST_CASE("a built-in file whose text was changed is parsed, not read from its image", "[io][tree_image]") {
  auto files = io::builtin_framework_sources();
  for (auto &file : files) {
    if (file.name == "framework.yaml") {
      CHECK_FALSE(file.image_of_content().empty());
      file.content += "\nnot a section: 1\n";
      CHECK(file.image_of_content().empty());
    }
  }
  try {
    (void)io::load_framework(files, "builtin");
    FAIL("the changed file loaded");
  } catch (const util::Error &error) {
    CHECK(error.diagnostics().at(0).message.find("unknown key \"not a section\"") != std::string::npos);
  }
}
