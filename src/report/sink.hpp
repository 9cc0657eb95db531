// The report as a sequence of semantic calls. One builder (builder.cpp) decides what a report
// says and in which order; each format (text, Markdown, HTML) only decides how it looks and
// how text from the input is escaped. So every format holds the same content.
#pragma once

#include <kansrijk/report/render.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kansrijk::report {

// How a line should stand out: colour in a terminal, a class in HTML.
enum class Tone { plain, good, caution, bad };

struct BarDatum {
  std::string label;
  std::optional<int> value; // 0..100, or no score
};

struct DirectionDatum {
  std::string label;
  int direction = 0; // -1 down, +1 up, 0 none, 2 mixed, 3 unknown
  std::string word;  // "neemt toe", ...
  Tone tone = Tone::plain;
};

class Sink {
public:
  virtual ~Sink() = default;
  virtual void title(std::string_view text) = 0;
  // What every printed page repeats: the case's title and the date (may be empty).
  virtual void running_head(std::string_view title, std::string_view date) = 0;
  // A new part of the report, such as the appendix: on a new page where pages exist.
  virtual void part(std::string_view title) = 0;
  virtual void meta(std::string_view label, std::string_view value) = 0;
  virtual void verdict(std::string_view text, Tone tone) = 0;
  virtual void heading(std::string_view text) = 0;
  // A section within a heading's section; where pages exist, it is kept on one page when it
  // fits on one.
  virtual void subheading(std::string_view text, Tone tone) = 0;
  virtual void paragraph(std::string_view text) = 0;
  // A list item: `marker` is "-", "1." or a label such as "[ERNSTIG]".
  virtual void item(std::string_view marker, std::string_view text, Tone tone) = 0;
  // A line that belongs to the last item; `marker` may be empty or an arrow.
  virtual void detail(std::string_view marker, std::string_view text) = 0;
  // One term behind a score: `points` such as "+15" or "50" (a base value), or empty.
  virtual void score_row(std::string_view points, std::string_view text, Tone tone) = 0;
  virtual void note(std::string_view label, std::string_view text) = 0;
  // Charts, for the formats that draw them.
  virtual void bar_chart(std::string_view caption, const std::vector<BarDatum> &bars) = 0;
  virtual void direction_chart(std::string_view caption, const std::vector<DirectionDatum> &rows) = 0;
  virtual std::string finish() = 0;
};

// `text` with its first letter in upper case (ASCII only: the report frame's words start with one).
std::string upper_first(std::string_view text);

// Sends the report for `assessment` to `sink`.
void build_report(const core::Assessment &assessment, const RenderOptions &options, Sink &sink);

// The sinks; each file defines one.
std::unique_ptr<Sink> make_text_sink(const RenderOptions &options);
std::unique_ptr<Sink> make_markdown_sink(const RenderOptions &options);
std::unique_ptr<Sink> make_html_sink(const RenderOptions &options);

} // namespace kansrijk::report
