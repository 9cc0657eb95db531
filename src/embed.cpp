// kansrijk_embed DIR OUT: writes OUT, a C++ source that carries every YAML file of the
// framework folder DIR (the built-in framework) and, for its definition files, the parsed
// tree as an image (io/tree_image.hpp), so the binary neither reads nor parses them at run
// time, and its fingerprint (io/fingerprint.hpp). Run by the build; a YAML error in the
// built-in framework stops the build, located.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kansrijk/io/fingerprint.hpp>
#include <kansrijk/io/tree.hpp>
#include <kansrijk/io/tree_image.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// `bytes` as C++ string literals: printable ASCII as it is, everything else as a three-digit
// octal escape (which cannot run into the next character), a new literal after each newline.
std::string literal(std::string_view bytes) {
  std::string out = "\"";
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n\"\n\"";
    } else if (u >= 0x20U && u < 0x7FU && c != '?') {
      out += c;
    } else {
      constexpr const char *k_octal = "01234567";
      out += '\\';
      out += k_octal[(u >> 6U) & 7U];
      out += k_octal[(u >> 3U) & 7U];
      out += k_octal[u & 7U];
    }
  }
  out += '"';
  return out;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: kansrijk_embed DIR OUT\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const std::string out_path = argv[2];
  std::vector<std::string> names;
  for (const auto &entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      names.push_back(entry.path().lexically_relative(dir).generic_string());
    }
  }
  std::sort(names.begin(), names.end());

  std::ostringstream body;
  body << "// Generated from " << dir.generic_string() << " by kansrijk_embed (src/embed.cpp). Do not edit.\n"
       << "#include <kansrijk/io/builtin_framework.hpp>\n\nnamespace kansrijk::io {\nnamespace {\n";
  std::string table;
  std::vector<std::string> contents;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::ifstream in(dir / names[i], std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof()) {
      std::cerr << "kansrijk_embed: cannot read " << (dir / names[i]).string() << '\n';
      return 1;
    }
    contents.push_back(content.str());
    std::string image;
    if (!names[i].starts_with("tests/")) {
      auto tree = kansrijk::io::parse_document(content.str(), (dir / names[i]).string());
      if (!tree) {
        std::cerr << tree.error().to_string() << '\n';
        return 1;
      }
      image = kansrijk::io::tree_image(*tree);
    }
    body << "constexpr char k_content_" << i << "[] = " << literal(content.str()) << ";\n";
    body << "constexpr char k_image_" << i << "[] = " << literal(image) << ";\n";
    table += "      {\"" + names[i] + "\", {k_content_" + std::to_string(i) + ", sizeof k_content_" +
             std::to_string(i) + " - 1}, {k_image_" + std::to_string(i) + ", sizeof k_image_" +
             std::to_string(i) + " - 1}},\n";
  }
  body << "} // namespace\n\nstd::span<const EmbeddedFile> builtin_framework_files() {\n"
       << "  static const EmbeddedFile k_files[] = {\n"
       << table << "  };\n  return k_files;\n}\n\n";
  std::vector<std::pair<std::string_view, std::string_view>> named;
  for (std::size_t i = 0; i < names.size(); ++i) {
    named.emplace_back(names[i], contents[i]);
  }
  body << "std::string_view builtin_framework_fingerprint() { return \""
       << kansrijk::io::framework_fingerprint(std::move(named)) << "\"; }\n\n} // namespace kansrijk::io\n";

  const std::string tmp = out_path + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  out << body.str();
  out.close();
  if (!out) {
    std::cerr << "kansrijk_embed: cannot write " << tmp << '\n';
    return 1;
  }
  fs::rename(tmp, out_path);
  return 0;
}
