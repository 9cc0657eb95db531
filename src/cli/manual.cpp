// kansrijk(1): the synopsis and a subsection per subcommand come from the declared command
// line; the sections that are not about options (exit status, environment, files, the
// use-case format, examples) are fixed text here.
#include <fmt/format.h>
#include <kansrijk/cli/manual.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::cli {

namespace {

// `text` as roff body text: backslashes escaped, hyphen-minus kept as such (options must
// survive copy and paste), and a line that would start with a control character protected.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    switch (c) {
    case '\\':
      out += "\\e";
      break;
    case '-':
      out += "\\-";
      break;
    default:
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// "-o, --output FILE" in bold and italics.
std::string option_term(const OptionInfo &option) {
  std::string out;
  for (const auto &name : option.names) {
    out += (out.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff(name));
  }
  if (!option.value_name.empty() && !option.positional) {
    out += fmt::format(" \\fI{}\\fR", roff(option.value_name));
  }
  return out;
}

std::string option_text(const OptionInfo &option) {
  std::string text = option.help;
  if (!text.empty() && !text.ends_with('.')) {
    text += '.';
  }
  if (!option.choices.empty()) {
    text += fmt::format(" One of: {}.", util::join(option.choices, ", "));
  }
  if (!option.default_value.empty()) {
    text += fmt::format(" Default: {}.", option.default_value);
  }
  if (option.positional && option.required) {
    text += option.repeatable ? " One or more." : " Required.";
  } else if (option.repeatable) {
    text += " Any number.";
  }
  return roff(text);
}

std::string synopsis(const CommandInfo &command) {
  std::string out = fmt::format(R"(\fBkansrijk {}\fR [\fIoptions\fR])", roff(command.name));
  for (const auto &option : command.options) {
    if (!option.positional) {
      continue;
    }
    const std::string name =
        fmt::format("\\fI{}\\fR{}", roff(option.value_name), option.repeatable ? "..." : "");
    out += option.required ? " " + name : " [" + name + "]";
  }
  return out;
}

std::string subcommand_section(const CommandInfo &command) {
  std::string out = fmt::format(".SS {}\n.PP\n{}\n", roff("kansrijk " + command.name), synopsis(command));
  out += fmt::format(".PP\n{}\n", roff(command.description));
  for (const auto &option : command.options) {
    out += fmt::format(".TP\n{}\n{}\n", option_term(option), option_text(option));
  }
  return out;
}

constexpr std::string_view k_description =
    R"(You describe an AI use case in a small YAML (or JSON) file; kansrijk weighs it along the
building blocks of its framework (by default TNO's "Kansrijkheid AI-ondersteuning voor
arbeidsdeskundigen": purpose, tasks and actions, cognitive skills, AI technology, quality of
work and conditions) and prints a report in which every statement names the rule and the
source it comes from. It is a weighing aid, not a decision.
.PP
The built-in framework is part of the binary; \fB--framework\fR \fIDIR\fR (or
\fBKANSRIJK_FRAMEWORK\fR) assesses with another framework folder.
.PP
An unknown subcommand or option is refused with the closest known one; every usage error
names the help of its subcommand.
)";

constexpr std::string_view k_tail = R"(.SH EXIT STATUS
.TP
.B 0
Success: a report was written (a negative verdict is still a success).
.TP
.B 1
Findings: \fBkansrijk test\fR had failing golden cases or too little rule coverage;
\fBkansrijk validate\fR or \fBvalidate-case\fR found problems.
.TP
.B 2
Usage, input or output error: a bad option, an unreadable or invalid file, an output that
could not be written (a full disk, a closed pipe). No output file is left half written.
.TP
.B 3
\fBkansrijk batch\fR: some cases could not be assessed.
.TP
.B 130
Interrupted (Ctrl-C; 143 after SIGTERM, 129 after SIGHUP, 131 after Ctrl-\e (SIGQUIT)): \fBkansrijk batch\fR writes no
summary; \fBkansrijk interview\fR (also after Ctrl-D) has saved the answers given so far in
a draft.
.SH ENVIRONMENT
.TP
.B KANSRIJK_FRAMEWORK
A framework folder to use instead of the built-in framework; \fB--framework\fR wins.
.TP
.B NO_COLOR
When set and not empty, the text report has no colour unless \fB--color always\fR.
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970-01-01; its day (UTC) is the report's date unless \fB--date\fR is given.
.SH USE-CASE FILES
A use case is a YAML or JSON map. Its fields are declared by the framework's
\fIfields.yaml\fR (\fBkansrijk schema use-case\fR prints them as a JSON Schema); all fields
but \fBtitle\fR and \fBtasks\fR may be left out, and what is left out is \fIunknown\fR, never
assumed. For the built-in framework:
.PP
.RS
.nf
title: "Conceptrapport laten opstellen door AI"
purpose: {goal: "Minder tijd kwijt aan rapportage", benefits: [time_saving]}
tasks:
  - ref: besluitvorming.rapport-schrijven
ai: {role: draft, technology: generative, oversight: every_output}
impact: {freed_time: client_contact}
.fi
.RE
.PP
\fBkansrijk framework list\fR shows every id a use case can refer to. Every field is
explained in \fIuse-case-format.md\fR in the documentation folder (see FILES).
.SH FILES
.TP
.I /usr/share/doc/kansrijk
The guides (README.md and docs/: the use-case format, the rule language, scoring, report
formats, batch, the interview, validation) and example use cases in \fIexamples/\fR, as
the Debian package installs them; after \fBcmake --install\fR they are in
\fIPREFIX/share/doc/kansrijk\fR.
.TP
.I /usr/share/kansrijk/frameworks/tno-arbeidsdeskundige
The built-in framework as YAML, to read, to validate or to start a framework of one's own.
.SH EXAMPLES
.nf
kansrijk assess case.yaml
kansrijk assess case.yaml --lang en --format html -o report.html
kansrijk batch inventory.csv --summary summary.csv --out reports/
kansrijk interview --format html -o rapport.html
kansrijk framework show besluitvorming.rapport-schrijven
kansrijk validate --strict
.fi
.SH SEE ALSO
The documentation folder named under FILES, starting with \fIREADME.md\fR.
)";

// Fixed roff text with every hyphen-minus kept as one (`\-`), as in `roff`.
std::string minus_signs(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  }
  return out;
}

} // namespace

std::string man_page(const CommandInfo &program, const std::string &version) {
  std::string out =
      fmt::format(".\\\" Generated by kansrijk_docgen from the command-line definitions. Do not edit.\n"
                  ".TH KANSRIJK 1 \"\" \"{}\" \"User Commands\"\n"
                  ".nh\n", // no hyphenation: option and variable names stay whole
                  roff(version));
  std::string summary = program.description;
  if (const auto colon = summary.find(": "); summary.starts_with(program.name + ":")) {
    summary = summary.substr(colon + 2);
  }
  if (summary.ends_with('.')) {
    summary.pop_back();
  }
  out += fmt::format(".SH NAME\n{} \\- {}\n", roff(program.name), roff(summary));
  out += ".SH SYNOPSIS\n";
  for (const auto &command : program.commands) {
    out += synopsis(command) + "\n.br\n";
  }
  out += ".SH DESCRIPTION\n" + minus_signs(k_description);
  out += ".SH OPTIONS\n";
  for (const auto &option : program.options) {
    out += fmt::format(".TP\n{}\n{}\n", option_term(option), option_text(option));
  }
  out += ".SH COMMANDS\n";
  for (const auto &command : program.commands) {
    out += subcommand_section(command);
  }
  out += minus_signs(k_tail);
  return out;
}

} // namespace kansrijk::cli
