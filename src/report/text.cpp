// The plain-text report, for reading in a terminal or pasting into a file note: wrapped at
// the asked width, optionally coloured (ANSI) for a terminal.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::report {

namespace {

// Columns `text` takes in a terminal: UTF-8 continuation bytes and our own colour
// sequences (ESC [ ... m; input text never holds ESC, see printable) take none.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      const std::size_t end = text.find('m', i);
      i = end == std::string_view::npos ? text.size() : end;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++width;
    }
  }
  return width;
}

// Text made safe for a terminal or a file: controls (escape sequences among them), bidi
// and invisible characters are shown as <U+XXXX>, so a hostile title cannot move the cursor,
// recolour the screen or reorder what is read.
std::string printable(std::string_view text) { return util::safe_text_report(text); }

class TextSink final : public Sink {
public:
  explicit TextSink(const RenderOptions &options)
      : m_width(std::max(40, options.width)), m_color(options.color) {}

  void title(std::string_view text) override {
    const std::string safe = printable(text);
    line(paint(safe, Tone::plain, true));
    line(std::string(display_width(safe), '='));
  }
  void running_head(std::string_view, std::string_view) override {}
  void part(std::string_view text) override {
    const std::string safe = printable(text);
    line();
    line();
    line(paint(safe, Tone::plain, true));
    line(std::string(display_width(safe), '='));
    m_in_block = false;
  }
  void meta(std::string_view label, std::string_view value) override {
    wrapped(printable(label) + ": ", value, 4, Tone::plain);
  }
  void verdict(std::string_view text, Tone tone) override {
    const std::string safe = printable(text);
    line();
    line(paint(safe, tone, true));
    line(std::string(display_width(safe), '-'));
    m_in_block = false;
  }
  void heading(std::string_view text) override {
    const std::string safe = printable(text);
    line();
    line(paint(safe, Tone::plain, true));
    line(std::string(display_width(safe), '-'));
    m_in_block = false;
  }
  void subheading(std::string_view text, Tone tone) override {
    line();
    wrapped("", text, 3, tone);
    m_in_block = true;
  }
  void paragraph(std::string_view text) override {
    wrapped(m_in_block ? "   " : "", text, m_in_block ? 3 : 0, Tone::plain);
  }
  void item(std::string_view marker, std::string_view text, Tone tone) override {
    const std::string first = printable(marker) + " ";
    wrapped(first, text, std::min<std::size_t>(display_width(first), 4), tone);
  }
  void detail(std::string_view marker, std::string_view text) override {
    if (marker.empty()) {
      wrapped("    ", text, 4, Tone::plain);
    } else {
      wrapped("    " + printable(marker) + " ", text, 6, Tone::plain);
    }
  }
  void score_row(std::string_view points, std::string_view text, Tone tone) override {
    wrapped(fmt::format("   {}  ", paint(fmt::format("{:>4}", printable(points)), tone, false)), text, 9,
            Tone::plain);
  }
  void note(std::string_view label, std::string_view text) override {
    if (!m_noted) {
      line();
      m_noted = true;
    }
    wrapped(printable(label) + ": ", text, 4, Tone::plain);
  }
  void bar_chart(std::string_view, const std::vector<BarDatum> &) override {}
  void direction_chart(std::string_view, const std::vector<DirectionDatum> &) override {}
  std::string finish() override { return std::move(m_out); }

private:
  std::string paint(std::string_view text, Tone tone, bool bold) const {
    if (!m_color || (tone == Tone::plain && !bold)) {
      return std::string(text);
    }
    std::string code = bold ? "1" : "";
    const char *colour = tone == Tone::good      ? "32"
                         : tone == Tone::caution ? "33"
                         : tone == Tone::bad     ? "31"
                                                 : nullptr;
    if (colour != nullptr) {
      code += (code.empty() ? "" : ";") + std::string(colour);
    }
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }

  void line(std::string_view text = {}) {
    m_out += text;
    m_out += '\n';
  }

  // Writes `raw` (made printable) wrapped at the report width, the first line after
  // `first`, later lines indented by `indent` spaces; lines are painted in `tone`.
  void wrapped(const std::string &first, std::string_view raw, std::size_t indent, Tone tone) {
    const std::string text = printable(raw);
    std::string current = first;
    std::size_t current_width = display_width(first);
    bool line_has_word = false;
    // A label such as "Datum: " counts as content: a word too long for the rest of its line
    // moves to the next one.
    bool line_has_label = first.find_first_not_of(' ') != std::string::npos;
    const auto flush = [&] {
      current.erase(current.find_last_not_of(' ') + 1); // a label alone on its line ends in no space
      line(tone == Tone::plain ? current : paint(current, tone, false));
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t space = text.find(' ', pos);
      const std::string_view token =
          std::string_view(text).substr(pos, space == std::string::npos ? std::string::npos : space - pos);
      pos = space == std::string::npos ? text.size() : space + 1;
      if (token.empty()) {
        continue;
      }
      const std::size_t token_width = display_width(token);
      if ((line_has_word || line_has_label) &&
          current_width + 1 + token_width > static_cast<std::size_t>(m_width)) {
        flush();
        current = std::string(indent, ' ');
        current_width = indent;
        line_has_word = false;
        line_has_label = false;
      }
      if (line_has_word) {
        current += ' ';
        ++current_width;
      }
      current += token;
      current_width += token_width;
      line_has_word = true;
    }
    flush();
  }

  int m_width;
  bool m_color;
  bool m_in_block = false;
  bool m_noted = false;
  std::string m_out;
};

} // namespace

std::unique_ptr<Sink> make_text_sink(const RenderOptions &options) {
  return std::make_unique<TextSink>(options);
}

std::string render_text(const core::Assessment &assessment, Language language, int width) {
  RenderOptions options;
  options.language = language;
  options.width = width;
  return render(assessment, Format::text, options);
}

} // namespace kansrijk::report
