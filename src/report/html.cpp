// The HTML report: one self-contained file (no external assets, no scripts; a Content
// Security Policy forbids both), a print stylesheet for "print to PDF" (the case's title, the
// date and "page n of N" in the page margins, the appendix on a new page, a building block
// kept on one page), and inline SVG charts of the block scores and the quality-of-work
// directions whose labels wrap to fit. All text is escaped.
#include "sink.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/safe_text.hpp>

namespace kansrijk::report {

namespace {

// `text` safe as HTML element content and as a quoted attribute value (util::safe_html).
std::string escape_html(std::string_view text) { return util::safe_html(text); }

// `text` as a CSS string literal that is safe inside a <style> element: quotes and
// backslashes escaped, `<` and `>` as escapes so nothing can close the element, control
// characters as spaces; C1, bidirectional and invisible characters shown as for any report
// text (util::safe_text_report).
std::string css_string(std::string_view raw) {
  const std::string text = util::safe_text_report(raw);
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<') {
      out += "\\3c ";
    } else if (c == '>') {
      out += "\\3e ";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// `text` cut to at most `limit` characters (code points), with an ellipsis when cut.
std::string shortened(std::string_view text, std::size_t limit) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > limit - 1) {
      return std::string(text.substr(0, i)) + "\u2026";
    }
  }
  return std::string(text);
}

// The width of `text` in pixels at 12px DejaVu Sans (the charts' font; Arial, the fallback,
// is narrower), from the advance widths of its letters, rounded up.
double text_width(std::string_view text) {
  double em = 0;
  for (char i : text) {
    const auto byte = static_cast<unsigned char>(i);
    if ((byte & 0xC0) == 0x80) {
      continue; // a continuation byte: counted with its first byte
    }
    const char c = static_cast<char>(byte);
    if (byte >= 0x80) {
      em += 0.65; // accented letters and the like
    } else if (std::string_view("iljI.,:;'|!").find(c) != std::string_view::npos) {
      em += 0.30;
    } else if (std::string_view("ftr()[] -/").find(c) != std::string_view::npos) {
      em += 0.42;
    } else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') {
      em += 1.0;
    } else if (c >= 'A' && c <= 'Z') {
      em += 0.75;
    } else {
      em += 0.64;
    }
  }
  return em * 12.0;
}

// `text` broken into lines of at most `max_width` pixels, at spaces; a word longer than a
// line stays whole.
std::vector<std::string> wrap(std::string_view text, double max_width) {
  std::vector<std::string> lines;
  std::string current;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t space = std::min(text.find(' ', pos), text.size());
    const std::string_view word = text.substr(pos, space - pos);
    pos = space + 1;
    if (word.empty()) {
      continue;
    }
    const std::string candidate = current.empty() ? std::string(word) : current + " " + std::string(word);
    if (!current.empty() && text_width(candidate) > max_width) {
      lines.push_back(current);
      current = std::string(word);
    } else {
      current = candidate;
    }
  }
  if (!current.empty() || lines.empty()) {
    lines.push_back(current);
  }
  return lines;
}

// An SVG text element of `lines`, the first baseline at `y`, 15 units apart.
std::string svg_text(int x, int y, const std::vector<std::string> &lines, std::string_view attributes) {
  std::string out = fmt::format(R"(<text x="{}" y="{}"{}>)", x, y, attributes);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += fmt::format(R"(<tspan x="{}" dy="{}">{}</tspan>)", x, i == 0 ? 0 : 15, escape_html(lines[i]));
  }
  return out + "</text>";
}

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
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.good { color: var(--good); } .caution { color: var(--caution); } .bad { color: var(--bad); }
li.good, li.caution, li.bad { color: var(--ink); border-left: 4px solid currentColor; padding-left: .5rem; list-style: none; margin-left: -1.25rem; }
li.good { border-color: var(--good); } li.caution { border-color: var(--caution); } li.bad { border-color: var(--bad); }
ul { padding-left: 1.25rem; } ol { padding-left: 2rem; } li { margin: .2rem 0; }
ul.details { color: var(--muted); list-style: none; padding-left: .75rem; }
table.terms { border-collapse: collapse; margin: .25rem 0 .5rem; width: 100%; }
table.terms td { padding: .1rem .4rem; vertical-align: top; border-bottom: 1px solid #eef0f2; }
table.terms td.points { width: 4rem; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
p.note { margin: .5rem 0; padding: .5rem .75rem; background: #f4f5f7; border-radius: 4px; }
figure { margin: .75rem 0; } figcaption { color: var(--muted); font-size: .85rem; }
svg text { font: 12px "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
h1.part { margin-top: 3rem; padding-top: 1rem; border-top: 3px double var(--rule); }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1.part { break-before: page; page-break-before: always; margin-top: 0; border-top: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section.keep, li, tr, figure, p.note { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

class HtmlSink final : public Sink {
public:
  explicit HtmlSink(const RenderOptions &options)
      : m_language(options.language), m_lang(language_code(options.language)) {}

  void title(std::string_view text) override {
    m_heading = text;
    m_body += fmt::format("<h1>{}</h1>\n", escape_html(text));
  }
  void running_head(std::string_view title, std::string_view date) override {
    m_running_title = title;
    m_running_date = date;
  }
  void part(std::string_view text) override {
    close_section();
    m_body += fmt::format("<h1 class=\"part\" id=\"appendix\">{}</h1>\n", escape_html(text));
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
    close_section();
    m_body +=
        fmt::format("<h2 class=\"verdict {}\" id=\"verdict\">{}</h2>\n", tone_class(tone), escape_html(text));
  }
  void heading(std::string_view text) override {
    close_section();
    m_body += fmt::format("<h2>{}</h2>\n", escape_html(text));
  }
  void subheading(std::string_view text, Tone tone) override {
    close_section();
    m_body += fmt::format("<section class=\"keep\">\n<h3 class=\"{}\">{}</h3>\n", tone_class(tone),
                          escape_html(text));
    m_in_section = true;
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

  // Horizontal bars, one per block, 0..100, with the value written next to each bar; labels
  // wrap within their column.
  void bar_chart(std::string_view caption, const std::vector<BarDatum> &bars) override {
    close_all();
    constexpr int label_width = 300;
    constexpr int bar_width = 300;
    std::vector<std::vector<std::string>> labels;
    int rows_height = 0;
    for (const auto &bar : bars) {
      labels.push_back(wrap(bar.label, label_width - 16));
      rows_height += row_height(labels.back().size());
    }
    const int height = rows_height + 24;
    std::string svg = fmt::format("<svg role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" "
                                  "width=\"100%\" style=\"max-width:{1}px\" "
                                  "xmlns=\"http://www.w3.org/2000/svg\">\n",
                                  escape_html(caption), label_width + bar_width + 50, height);
    for (const int mark : {0, 50, 100}) {
      const int x = label_width + bar_width * mark / 100;
      svg += fmt::format("<line x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\" stroke=\"#d0d4d9\"/>"
                         "<text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>\n",
                         x, height - 18, height - 4, mark);
    }
    int y = 0;
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const int h = row_height(labels[i].size());
      const int mid = y + h / 2;
      svg +=
          svg_text(label_width - 8, first_baseline(mid, labels[i].size()), labels[i], " text-anchor=\"end\"");
      if (bars[i].value) {
        const int value = std::clamp(*bars[i].value, 0, 100);
        const char *colour = value >= 70   ? "#1b6e2a"
                             : value >= 50 ? "#5b7f2a"
                             : value >= 30 ? "#8a5300"
                                           : "#b3261e";
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\"/>"
                           "<text x=\"{}\" y=\"{}\">{}</text>\n",
                           label_width, mid - 9, bar_width * value / 100, colour,
                           label_width + bar_width * value / 100 + 6, mid + 4, value);
      } else {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" class=\"caution\">{}</text>\n", label_width + 6, mid + 4,
                           word(Word::no_score_short, m_language));
      }
      y += h;
    }
    svg += "</svg>";
    m_body += fmt::format("<figure>{}<figcaption>{}</figcaption></figure>\n", svg, escape_html(caption));
  }

  // One row per dimension: an arrow up, down, both ways, a dash or a question mark, coloured
  // by whether the change is favourable, and the direction in words; labels and words wrap
  // within their columns.
  void direction_chart(std::string_view caption, const std::vector<DirectionDatum> &rows) override {
    close_all();
    constexpr int label_width = 300;
    constexpr int width = 640;
    constexpr int word_x = label_width + 32;
    std::vector<std::vector<std::string>> labels;
    std::vector<std::vector<std::string>> words;
    int height = 4;
    for (const auto &row : rows) {
      labels.push_back(wrap(row.label, label_width - 16));
      words.push_back(wrap(row.word, width - word_x - 8));
      height += row_height(std::max(labels.back().size(), words.back().size()));
    }
    std::string svg = fmt::format("<svg role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" "
                                  "width=\"100%\" style=\"max-width:{1}px\" "
                                  "xmlns=\"http://www.w3.org/2000/svg\">\n",
                                  escape_html(caption), width, height);
    int y = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const int h = row_height(std::max(labels[i].size(), words[i].size()));
      const int mid = y + h / 2;
      const char *colour = rows[i].tone == Tone::good      ? "#1b6e2a"
                           : rows[i].tone == Tone::bad     ? "#b3261e"
                           : rows[i].tone == Tone::caution ? "#8a5300"
                                                           : "#5f6368";
      const int x = label_width + 14;
      svg +=
          svg_text(label_width - 8, first_baseline(mid, labels[i].size()), labels[i], " text-anchor=\"end\"");
      switch (rows[i].direction) {
      case 1:
        svg += fmt::format(R"(<path d="M{0} {1} l-8 10 h16 z" fill="{2}"/>)", x, mid - 6, colour);
        break;
      case -1:
        svg += fmt::format(R"(<path d="M{0} {1} l-8 -10 h16 z" fill="{2}"/>)", x, mid + 6, colour);
        break;
      case 2:
        svg += fmt::format(R"(<path d="M{0} {1} l-6 7 h12 z M{0} {2} l-6 -7 h12 z" fill="{3}"/>)", x, mid - 8,
                           mid + 8, colour);
        break;
      case 3:
        svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" font-weight="bold">?</text>)", x,
                           mid + 4);
        break;
      default:
        svg +=
            fmt::format(R"(<rect x="{}" y="{}" width="16" height="3" fill="{}"/>)", x - 8, mid - 1, colour);
        break;
      }
      svg += svg_text(word_x, first_baseline(mid, words[i].size()), words[i],
                      fmt::format(" fill=\"{}\"", colour)) +
             "\n";
      y += h;
    }
    svg += "</svg>";
    m_body += fmt::format("<figure>{}<figcaption>{}</figcaption></figure>\n", svg, escape_html(caption));
  }

  std::string finish() override {
    close_section();
    const std::string title =
        m_running_title.empty() ? m_heading : fmt::format("{} · {}", m_running_title, m_heading);
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
        "'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"kansrijk {}\">\n<title>{}</title>\n<style>{}{}</style>\n"
        "</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        m_lang, KANSRIJK_VERSION, escape_html(title), k_style, page_style(), m_body);
  }

private:
  // The printed page: A4, and in its margins the case's title, the date and "page n of N"
  // (CSS page-margin boxes; Chromium prints them instead of its own header and footer).
  std::string page_style() const {
    const std::string margin = "font: 8pt \"DejaVu Sans\", Arial, sans-serif; color: #5f6368;";
    std::string out = "@page { size: A4; margin: 18mm 14mm 16mm;\n";
    out += fmt::format("  @top-left {{ content: {}; {} }}\n", css_string(shortened(m_running_title, 90)),
                       margin);
    if (!m_running_date.empty()) {
      out += fmt::format("  @top-right {{ content: {}; {} }}\n", css_string(m_running_date), margin);
    }
    out += fmt::format("  @bottom-right {{ content: {} counter(page) {} counter(pages); {} }}\n",
                       css_string(std::string(word(Word::page, m_language)) + " "),
                       css_string(" " + std::string(word(Word::page_of, m_language)) + " "), margin);
    return out + "}\n";
  }

  static int row_height(std::size_t lines) { return static_cast<int>(lines) * 15 + 11; }
  // The first baseline of `lines` lines centred on `mid`.
  static int first_baseline(int mid, std::size_t lines) {
    return mid + 4 - static_cast<int>(lines - 1) * 15 / 2;
  }

  void close_section() {
    close_all();
    if (m_in_section) {
      m_body += "</section>\n";
      m_in_section = false;
    }
  }
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
  std::string m_heading;       // the report's title
  std::string m_running_title; // the case's title, on every printed page
  std::string m_running_date;
  std::string m_body;
  bool m_in_section = false;
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
