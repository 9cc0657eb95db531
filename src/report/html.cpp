// The HTML report: one self-contained file (no external assets, no scripts; a Content
// Security Policy forbids both), a print stylesheet for "print to PDF", and inline SVG
// charts of the block scores and the quality-of-work directions. All text is escaped.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::report {

namespace {

// `text` safe as HTML element content and as a quoted attribute value (util::safe_html).
std::string escape_html(std::string_view text) { return util::safe_html(text); }

std::string_view tone_class(Tone tone) {
  switch (tone) {
  case Tone::good:
    return "good";
  case Tone::caution:
    return "caution";
  case Tone::bad:
    return "bad";
  case Tone::plain:
    return "plain";
  }
  return "plain";
}

constexpr std::string_view k_style = R"(
:root { --good: #1b6e2a; --caution: #8a5300; --bad: #b3261e; --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
h2.verdict { font-size: 1.4rem; border: 2px solid currentColor; border-radius: 6px; padding: .5rem .75rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; color: var(--muted); }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
.good { color: var(--good); } .caution { color: var(--caution); } .bad { color: var(--bad); }
li.good, li.caution, li.bad { color: var(--ink); border-left: 4px solid currentColor; padding-left: .5rem; list-style: none; margin-left: -1.25rem; }
li.good { border-color: var(--good); } li.caution { border-color: var(--caution); } li.bad { border-color: var(--bad); }
ul, ol { padding-left: 1.25rem; } li { margin: .2rem 0; }
ul.details { color: var(--muted); list-style: none; padding-left: .75rem; }
table.terms { border-collapse: collapse; margin: .25rem 0 .5rem; width: 100%; }
table.terms td { padding: .1rem .4rem; vertical-align: top; border-bottom: 1px solid #eef0f2; }
table.terms td.points { width: 4rem; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
p.note { margin: .5rem 0; padding: .5rem .75rem; background: #f4f5f7; border-radius: 4px; }
figure { margin: .75rem 0; } figcaption { color: var(--muted); font-size: .85rem; }
svg text { font: 12px "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, tr, figure, p.note { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

class HtmlSink final : public Sink {
public:
  explicit HtmlSink(const RenderOptions &options)
      : m_language(options.language), m_lang(language_code(options.language)) {}

  void title(std::string_view text) override {
    m_title = escape_html(text);
    m_body += fmt::format("<h1>{}</h1>\n", m_title);
  }
  void meta(std::string_view label, std::string_view value) override {
    close_all();
    if (!m_in_meta) {
      m_body += "<dl class=\"meta\">\n";
      m_in_meta = true;
    }
    m_body += fmt::format("<dt>{}</dt><dd>{}</dd>\n", escape_html(label), escape_html(value));
  }
  void verdict(std::string_view text, Tone tone) override {
    close_all();
    m_body +=
        fmt::format("<h2 class=\"verdict {}\" id=\"verdict\">{}</h2>\n", tone_class(tone), escape_html(text));
  }
  void heading(std::string_view text) override {
    close_all();
    m_body += fmt::format("<h2>{}</h2>\n", escape_html(text));
  }
  void subheading(std::string_view text, Tone tone) override {
    close_all();
    m_body += fmt::format("<h3 class=\"{}\">{}</h3>\n", tone_class(tone), escape_html(text));
  }
  void paragraph(std::string_view text) override {
    close_all();
    m_body += fmt::format("<p>{}</p>\n", escape_html(text));
  }
  void item(std::string_view marker, std::string_view text, Tone tone) override {
    const bool numbered = !marker.empty() && marker.back() == '.' &&
                          marker.find_first_not_of("0123456789") == marker.size() - 1;
    const std::string_view list = numbered ? "ol" : "ul";
    if (m_list != list) {
      close_all();
      m_body += fmt::format("<{}>\n", list);
      m_list = list;
    }
    close_item();
    const std::string label =
        numbered || marker == "-" ? std::string() : fmt::format("<strong>{}</strong> ", escape_html(marker));
    m_body += fmt::format("<li class=\"{}\">{}{}", tone_class(tone), label, escape_html(text));
    m_in_item = true;
  }
  void detail(std::string_view marker, std::string_view text) override {
    if (!m_in_item) {
      paragraph(text);
      return;
    }
    if (!m_in_details) {
      m_body += "<ul class=\"details\">";
      m_in_details = true;
    }
    m_body +=
        fmt::format("<li>{}{}</li>", marker.empty() ? "" : escape_html(marker) + " ", escape_html(text));
  }
  void score_row(std::string_view points, std::string_view text, Tone tone) override {
    if (!m_in_table) {
      close_all();
      m_body += "<table class=\"terms\">\n";
      m_in_table = true;
    }
    m_body += fmt::format("<tr><td class=\"points {}\">{}</td><td>{}</td></tr>\n", tone_class(tone),
                          escape_html(points), escape_html(text));
  }
  void note(std::string_view label, std::string_view text) override {
    close_all();
    m_body +=
        fmt::format("<p class=\"note\"><strong>{}:</strong> {}</p>\n", escape_html(label), escape_html(text));
  }

  // Horizontal bars, one per block, 0..100, with the value written next to each bar.
  void bar_chart(std::string_view caption, const std::vector<BarDatum> &bars) override {
    close_all();
    constexpr int label_width = 300;
    constexpr int bar_width = 300;
    constexpr int row = 26;
    const int height = static_cast<int>(bars.size()) * row + 24;
    std::string svg = fmt::format("<svg role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" "
                                  "width=\"100%\" style=\"max-width:{1}px\" "
                                  "xmlns=\"http://www.w3.org/2000/svg\">\n",
                                  escape_html(caption), label_width + bar_width + 60, height);
    for (const int mark : {0, 50, 100}) {
      const int x = label_width + bar_width * mark / 100;
      svg += fmt::format("<line x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\" stroke=\"#d0d4d9\"/>"
                         "<text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>\n",
                         x, height - 18, height - 4, mark);
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const int y = static_cast<int>(i) * row;
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_width - 8, y + 17,
                         escape_html(bars[i].label));
      if (bars[i].value) {
        const int value = std::clamp(*bars[i].value, 0, 100);
        const char *colour = value >= 70   ? "#1b6e2a"
                             : value >= 50 ? "#5b7f2a"
                             : value >= 30 ? "#8a5300"
                                           : "#b3261e";
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\"/>"
                           "<text x=\"{}\" y=\"{}\">{}</text>\n",
                           label_width, y + 4, bar_width * value / 100, colour,
                           label_width + bar_width * value / 100 + 6, y + 17, value);
      } else {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" class=\"caution\">{}</text>\n", label_width + 6, y + 17,
                           word(Word::no_score_short, m_language));
      }
    }
    svg += "</svg>";
    m_body += fmt::format("<figure>{}<figcaption>{}</figcaption></figure>\n", svg, escape_html(caption));
  }

  // One row per dimension: an arrow up, down, both ways, a dash or a question mark, coloured
  // by whether the change is favourable.
  void direction_chart(std::string_view caption, const std::vector<DirectionDatum> &rows) override {
    close_all();
    constexpr int label_width = 330;
    constexpr int row = 26;
    const int height = static_cast<int>(rows.size()) * row + 4;
    std::string svg = fmt::format("<svg role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" "
                                  "width=\"100%\" style=\"max-width:{1}px\" "
                                  "xmlns=\"http://www.w3.org/2000/svg\">\n",
                                  escape_html(caption), label_width + 300, height);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const int y = static_cast<int>(i) * row;
      const int mid = y + 13;
      const char *colour = rows[i].tone == Tone::good      ? "#1b6e2a"
                           : rows[i].tone == Tone::bad     ? "#b3261e"
                           : rows[i].tone == Tone::caution ? "#8a5300"
                                                           : "#5f6368";
      const int x = label_width + 14;
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_width - 8, mid + 4,
                         escape_html(rows[i].label));
      switch (rows[i].direction) {
      case 1:
        svg += fmt::format("<path d=\"M{0} {1} l-8 10 h16 z\" fill=\"{2}\"/>", x, mid - 8, colour);
        break;
      case -1:
        svg += fmt::format("<path d=\"M{0} {1} l-8 -10 h16 z\" fill=\"{2}\"/>", x, mid + 8, colour);
        break;
      case 2:
        svg += fmt::format("<path d=\"M{0} {1} l-6 7 h12 z M{0} {2} l-6 -7 h12 z\" fill=\"{3}\"/>", x,
                           mid - 10, mid + 10, colour);
        break;
      case 3:
        svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">?</text>", x,
                           mid + 5);
        break;
      default:
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"3\" fill=\"{}\"/>", x - 8, mid - 1,
                           colour);
        break;
      }
      svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", x + 18, mid + 4, colour,
                         escape_html(rows[i].word));
    }
    svg += "</svg>";
    m_body += fmt::format("<figure>{}<figcaption>{}</figcaption></figure>\n", svg, escape_html(caption));
  }

  std::string finish() override {
    close_all();
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
        "'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"kansrijk {}\">\n<title>{}</title>\n<style>{}</style>\n"
        "</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        m_lang, KANSRIJK_VERSION, m_title, k_style, m_body);
  }

private:
  void close_item() {
    if (m_in_details) {
      m_body += "</ul>";
      m_in_details = false;
    }
    if (m_in_item) {
      m_body += "</li>\n";
      m_in_item = false;
    }
  }
  void close_all() {
    close_item();
    if (!m_list.empty()) {
      m_body += fmt::format("</{}>\n", m_list);
      m_list = {};
    }
    if (m_in_table) {
      m_body += "</table>\n";
      m_in_table = false;
    }
    if (m_in_meta) {
      m_body += "</dl>\n";
      m_in_meta = false;
    }
  }

  Language m_language;
  std::string m_lang;
  std::string m_title;
  std::string m_body;
  std::string_view m_list;
  bool m_in_item = false;
  bool m_in_details = false;
  bool m_in_table = false;
  bool m_in_meta = false;
};

} // namespace

std::unique_ptr<Sink> make_html_sink(const RenderOptions &options) {
  return std::make_unique<HtmlSink>(options);
}

} // namespace kansrijk::report
