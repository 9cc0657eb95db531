// The Markdown report, for wikis, issue trackers and documents. All text is escaped
// (util::safe_markdown) so that nothing from the input can become a link, an image, HTML, a
// heading or a code block.
#include "sink.hpp"

#include <fmt/format.h>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::report {

namespace {

// `text` as literal Markdown on one line (util::safe_markdown).
std::string escape_markdown(std::string_view text) { return util::safe_markdown(text); }

class MarkdownSink final : public Sink {
public:
  explicit MarkdownSink(const RenderOptions & /*unused*/) {}

  void title(std::string_view text) override { block(fmt::format("# {}", escape_markdown(text))); }
  void running_head(std::string_view /*title*/, std::string_view /*date*/) override {}
  void part(std::string_view text) override { block(fmt::format("# {}", escape_markdown(text))); }
  void meta(std::string_view label, std::string_view value) override {
    if (!m_in_meta) {
      m_out += '\n';
      m_in_meta = true;
    }
    m_out += fmt::format("- **{}:** {}\n", escape_markdown(label), escape_markdown(value));
  }
  void verdict(std::string_view text, Tone /*tone*/) override {
    block(fmt::format("## {}", escape_markdown(text)));
  }
  void heading(std::string_view text) override { block(fmt::format("## {}", escape_markdown(text))); }
  void subheading(std::string_view text, Tone /*tone*/) override {
    block(fmt::format("### {}", escape_markdown(text)));
  }
  void paragraph(std::string_view text) override { block(escape_markdown(text)); }
  void item(std::string_view marker, std::string_view text, Tone /*tone*/) override {
    start_list();
    if (marker == "-") {
      m_out += fmt::format("- {}\n", escape_markdown(text));
      m_detail_indent = "  ";
    } else if (!marker.empty() && marker.back() == '.' &&
               marker.find_first_not_of("0123456789") == marker.size() - 1) {
      m_out += fmt::format("{} {}\n", marker, escape_markdown(text));
      m_detail_indent = std::string(marker.size() + 1, ' ');
    } else {
      m_out += fmt::format("- **{}** {}\n", escape_markdown(marker), escape_markdown(text));
      m_detail_indent = "  ";
    }
  }
  void detail(std::string_view marker, std::string_view text) override {
    m_out += fmt::format("{}- {}{}\n", m_detail_indent, marker.empty() ? "" : std::string(marker) + " ",
                         escape_markdown(text));
  }
  void score_row(std::string_view points, std::string_view text, Tone /*tone*/) override {
    start_list();
    m_out += points.empty() ? fmt::format("- {}\n", escape_markdown(text))
                            : fmt::format("- **{}** {}\n", escape_markdown(points), escape_markdown(text));
  }
  void note(std::string_view label, std::string_view text) override {
    block(fmt::format("> **{}:** {}", escape_markdown(label), escape_markdown(text)));
  }
  void bar_chart(std::string_view /*caption*/, const std::vector<BarDatum> & /*bars*/) override {}
  void direction_chart(std::string_view /*caption*/, const std::vector<DirectionDatum> & /*rows*/) override {}
  std::string finish() override { return std::move(m_out); }

private:
  // A block on its own, separated by a blank line from what came before.
  void block(const std::string &text) {
    end_list();
    m_out += m_out.empty() ? "" : "\n";
    m_out += text;
    m_out += '\n';
  }
  void start_list() {
    if (!m_in_list) {
      m_out += '\n';
      m_in_list = true;
    }
  }
  void end_list() {
    m_in_list = false;
    m_in_meta = false;
  }

  bool m_in_list = false;
  bool m_in_meta = false;
  std::string m_detail_indent = "  ";
  std::string m_out;
};

} // namespace

std::unique_ptr<Sink> make_markdown_sink(const RenderOptions &options) {
  return std::make_unique<MarkdownSink>(options);
}

} // namespace kansrijk::report
