// Untrusted text made safe per sink: what each sink leaves, shows and escapes.
#include <catch2/catch.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <string>

using namespace kansrijk::util;

namespace {
// U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE, U+009B CSI, U+009D OSC, U+FEFF.
const std::string k_rlo = "\xE2\x80\xAE";
const std::string k_zwsp = "\xE2\x80\x8B";
const std::string k_csi = "\xC2\x9B";
const std::string k_osc = "\xC2\x9D";
const std::string k_bom = "\xEF\xBB\xBF";
} // namespace

TEST_CASE("terminal text shows controls, bidi and invisible characters", "[util][safe_text]") {
  CHECK(safe_terminal("a\x1b[31mb") == "a<U+001B>[31mb");
  CHECK(safe_terminal("x" + k_csi + "2J" + k_osc + "0;t\a") == "x<U+009B>2J<U+009D>0;t<U+0007>");
  CHECK(safe_terminal("abc" + k_rlo + "fdp.exe") == "abc<U+202E>fdp.exe");
  CHECK(safe_terminal("a" + k_zwsp + "b" + k_bom + "c") == "a<U+200B>b<U+FEFF>c");
  CHECK(safe_terminal("\xE2\x81\xA6x\xE2\x81\xA9") == "<U+2066>x<U+2069>");               // isolates
  CHECK(safe_terminal("\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C") == "<U+200E><U+200F><U+061C>"); // marks
  CHECK(safe_terminal("tag\xF3\xA0\x80\x81") == "tag<U+E0001>");
  CHECK(safe_terminal("line\nnext\r\tx\x7F") == "line<U+000A>next<U+000D> x<U+007F>");
  CHECK(safe_terminal("caf\xE9") == "caf\xEF\xBF\xBD"); // Latin-1 is not UTF-8
  CHECK(safe_terminal("Één ë ✓ 👍") == "Één ë ✓ 👍");   // ordinary text is kept
}

TEST_CASE("a GitHub workflow command cannot start a line", "[util][safe_text]") {
  CHECK(safe_terminal("::error file=x::boo") == "<U+003A>:error file=x::boo");
  CHECK(safe_terminal("  ::add-mask::secret") == "  <U+003A>:add-mask::secret");
  CHECK(safe_terminal("##[error]x") == "<U+0023>#[error]x");
  CHECK(safe_terminal("a::b") == "a::b");
  CHECK(safe_terminal("x\n::error::y") == "x<U+000A>::error::y"); // no line of its own to start
  CHECK(safe_terminal_lines("one\n::warning::two\nthree") == "one\n<U+003A>:warning::two\nthree");
  CHECK(safe_terminal_lines("a\tb\r\nc") == "a\tb<U+000D>\nc");
}

TEST_CASE("report text keeps one line and shows the rest", "[util][safe_text]") {
  CHECK(safe_text_report("a\nb\tc\r\xE2\x80\xA8"
                         "d") == "a b c  d");
  CHECK(safe_text_report("x\x1b" + k_rlo) == "x<U+001B><U+202E>");
}

TEST_CASE("Markdown text cannot become a link, code block or markup", "[util][safe_text]") {
  CHECK(safe_markdown("see https://evil.example") == "see https\\://evil\\.example");
  CHECK(safe_markdown("www.evil.example") == "www\\.evil\\.example");
  CHECK(safe_markdown("mailto:x@y.z") == "mailto:x\xEF\xBC\xA0y\\.z"); // full-width @: GFM finds no address
  CHECK(safe_markdown("@handle") == "\\@handle");
  CHECK(safe_markdown("    indented code") == "indented code");
  CHECK(safe_markdown("# kop") == "\\# kop");
  CHECK(safe_markdown("[x](y) <b>") == "\\[x\\](y) \\<b\\>");
  CHECK(safe_markdown("a" + k_rlo + "b") == "a\\<U+202E\\>b");
}

TEST_CASE("HTML text is escaped and shows invisible characters", "[util][safe_text]") {
  CHECK(safe_html("<script>\"'&") == "&lt;script&gt;&quot;&#39;&amp;");
  CHECK(safe_html("a" + k_zwsp + "\nb") == "a&lt;U+200B&gt; b");
}

TEST_CASE("CSV cells are quoted, defused for spreadsheets and kept on one line", "[util][safe_text]") {
  CHECK(safe_csv("plain") == "plain");
  CHECK(safe_csv("=1+1") == "'=1+1");
  CHECK(safe_csv("a,b") == "\"a,b\"");
  CHECK(safe_csv("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(safe_csv("two\nlines") == "two<U+000A>lines");
  CHECK(safe_csv("\x1b[2J") == "<U+001B>[2J");
}

TEST_CASE("JSON strings keep the text exactly but escape invisible characters", "[util][safe_text]") {
  CHECK(safe_json("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
  CHECK(safe_json("x" + k_rlo + k_csi + "\x1b") == "\"x\\u202e\\u009b\\u001b\"");
  CHECK(safe_json("tag\xF3\xA0\x80\x81") == "\"tag\\udb40\\udc01\"");
  CHECK(safe_json("caf\xE9") == "\"caf\xEF\xBF\xBD\"");
  CHECK(safe_json("Één") == "\"Één\"");
  CHECK(safe_json_document("{\"t\": \"a" + k_rlo + "\"}\n") == "{\"t\": \"a\\u202e\"}\n");
}

TEST_CASE("GitHub annotation data and properties are percent-encoded", "[util][safe_text]") {
  CHECK(safe_github_data("50% done") == "50%25 done");
  CHECK(safe_github_data("a\r\nb") == "a<U+000D><U+000A>b");
  CHECK(safe_github_property("a:b,c") == "a%3Ab%2Cc");
  CHECK(safe_sarif("x\n::error::y") == "x<U+000A>::error::y");
}

TEST_CASE("an excerpt is short and cut at a character boundary", "[util][safe_text]") {
  CHECK(excerpt("short") == "short");
  CHECK(excerpt(std::string(100, 'x'), 10) == std::string(10, 'x') + "\xE2\x80\xA6");
  CHECK(excerpt("ééééé", 3) == "ééé\xE2\x80\xA6");
  CHECK(valid_utf8("a\xFF"
                   "b") == "a\xEF\xBF\xBD"
                           "b");
}
