// Untrusted text made safe for the place it is shown: a terminal, a report file, Markdown,
// HTML, CSV, JSON, SARIF or a GitHub Actions log. Every echo of input goes through one of
// these functions, error messages included; docs/reports.md has the table of what each does.
//
// All of them neutralise, *visibly*, what could act on a reader or hide text from one:
// C0 and C1 control characters (ESC, CSI U+009B, OSC U+009D, ...), bidirectional controls
// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), zero-width and other invisible
// characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+180E, tag characters) and line
// separators (U+2028, U+2029). They are shown as `<U+202E>`; a byte that is not UTF-8 becomes
// U+FFFD. JSON keeps the text exactly instead: it writes them as \u escapes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kansrijk::util {

// One line for a terminal or a log (stderr diagnostics, line-oriented stdout): line breaks
// shown as `<U+000A>`, tabs as spaces, and a GitHub workflow command (`::error`, `##[`) at the
// start defused, so no input can start a line of its own.
std::string safe_terminal(std::string_view text);

// Several lines for a terminal (`framework show` texts, interview answers): like
// safe_terminal, but line feeds are kept; each line's start is defused.
std::string safe_terminal_lines(std::string_view text);

// Running text in a report (text format, terminal or file): line breaks and tabs become
// spaces, the rest as safe_terminal.
std::string safe_text_report(std::string_view text);

// Literal Markdown (CommonMark and GFM) text on one line: nothing becomes emphasis, code, a
// link, an autolink (`https://`, `www.`, `mailto:`, `a@b.c`), an image, HTML, an entity, a
// heading, a list, a quote or an indented code block.
std::string safe_markdown(std::string_view text);

// HTML element content or a quoted attribute value: `& < > " '` escaped.
std::string safe_html(std::string_view text);

// One CSV cell (RFC 4180): quoted when needed, a leading `'` when a spreadsheet would read
// it as a formula (it starts with =, +, -, @, a tab or a carriage return), on one line.
std::string safe_csv(std::string_view text);

// A JSON string literal, quotes included, that decodes to exactly `text` (invalid UTF-8
// aside, which becomes U+FFFD); invisible and control characters are written as \u escapes
// so the JSON itself is safe to print.
std::string safe_json(std::string_view text);

// `json`, a JSON document written by a library, with the same \u escapes as safe_json
// applied inside its strings (JSON's own syntax is ASCII, so every such character is in a
// string) and invalid UTF-8 replaced.
std::string safe_json_document(std::string_view json);

// Text for a SARIF `message.text`: shown by code-scanning viewers, so neutralised visibly
// as safe_terminal; the JSON writer escapes it further.
std::string safe_sarif(std::string_view text);

// The data (message) of a GitHub workflow command: safe_terminal, then `%`, CR and LF
// percent-encoded as GitHub's runner expects.
std::string safe_github_data(std::string_view text);

// A property value of a GitHub workflow command (`file=`, `title=`): as safe_github_data,
// with `:` and `,` also encoded.
std::string safe_github_property(std::string_view text);

// At most `max_chars` characters of `text` (whole UTF-8 sequences), with `…` when cut: what an
// error message may quote of a file's content, so a file that is not what it should be (a
// password file behind a symlink) is never shown whole.
std::string excerpt(std::string_view text, std::size_t max_chars = 48);

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

} // namespace kansrijk::util
