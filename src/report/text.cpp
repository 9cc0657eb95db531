// The plain-text report, for reading in a terminal or pasting into a file note: wrapped at
// word boundaries at the asked width (util::wrap, by display width, so "ë" takes one column),
// optionally coloured (ANSI) for a terminal.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/wrap.hpp>

namespace kansrijk::report {

namespace {

// Text made safe for a terminal or a file: controls (escape sequences among them), bidi
// and invisible characters are shown as <U+XXXX>, so a hostile title cannot move the cursor,
// recolour the screen or reorder what is read.
std::string printable(std::string_view text) { return util::safe_text_report(text); }

class TextSink final : public Sink {
public:
  explicit TextSink(const RenderOptions &options)
      : m_width(std::max(40, options.width)), m_color(options.color) {}

  void title(std::string_view text) override { underlined(text, Tone::plain, '='); }
  void running_head(std::string_view /*title*/, std::string_view /*date*/) override {}
  void part(std::string_view text) override {
    line();
    line();
    underlined(text, Tone::plain, '=');
    m_in_block = false;
  }
  void meta(std::string_view label, std::string_view value) override {
    wrapped(printable(label) + ": ", value, 4, Tone::plain);
  }
  void verdict(std::string_view text, Tone tone) override {
    line();
    underlined(text, tone, '-');
    m_in_block = false;
  }
  void heading(std::string_view text) override {
    line();
    underlined(text, Tone::plain, '-');
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
    wrapped(first, text, std::min<std::size_t>(util::display_width(first), 4), tone);
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
  void bar_chart(std::string_view /*caption*/, const std::vector<BarDatum> & /*bars*/) override {}
  void direction_chart(std::string_view /*caption*/, const std::vector<DirectionDatum> & /*rows*/) override {}
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

  // Each line of `lines` (joined with '\n'), without trailing spaces, painted in `tone`
  // (bold for a heading).
  void lines_of(const std::string &lines, Tone tone, bool bold) {
    std::size_t start = 0;
    while (start <= lines.size()) {
      const std::size_t end = std::min(lines.find('\n', start), lines.size());
      std::string one = lines.substr(start, end - start);
      one.erase(one.find_last_not_of(' ') + 1); // a label alone on its line ends in no space
      line(tone == Tone::plain && !bold ? one : paint(one, tone, bold));
      start = end + 1;
    }
  }

  // A heading in bold, wrapped at word boundaries like the text (a long title in a narrow
  // terminal), underlined with `rule` as wide as its widest line.
  void underlined(std::string_view raw, Tone tone, char rule) {
    const std::string lines = util::wrap(printable(raw), static_cast<std::size_t>(m_width));
    std::size_t widest = 0;
    std::size_t start = 0;
    while (start <= lines.size()) {
      const std::size_t end = std::min(lines.find('\n', start), lines.size());
      widest = std::max(widest, util::display_width(std::string_view(lines).substr(start, end - start)));
      start = end + 1;
    }
    lines_of(lines, tone, true);
    line(std::string(widest, rule));
  }

  // Writes `raw` (made printable) wrapped at word boundaries at the report width, the first
  // line after `first`, later lines indented by `indent` spaces; lines are painted in `tone`.
  void wrapped(const std::string &first, std::string_view raw, std::size_t indent, Tone tone) {
    lines_of(util::wrap(printable(raw), static_cast<std::size_t>(m_width), first, indent), tone, false);
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
