// A parsed tree as bytes, and back: the built-in framework is parsed once at build time
// (src/embed.cpp) and carried as these images, so the binary does not parse 190 KB of YAML
// at every start. The image keeps everything a tree holds (kinds, styles, scalars, lines
// and columns, block indentation); the file name of every location is given when it is read.
#pragma once

#include <kansrijk/io/tree.hpp>
#include <string>
#include <string_view>

namespace kansrijk::io {

// The bytes of `tree`; `read_tree_image(tree_image(t), f)` equals `t` with every location in `f`.
std::string tree_image(const Node &tree);

// The tree of an image made by `tree_image`, every location in `file`. A damaged image (cut
// short, an unknown kind, more depth than a parse allows) is an error, never a crash.
util::expected<Node, Diagnostic> read_tree_image(std::string_view image, const std::string &file);

} // namespace kansrijk::io
