// `kansrijk template FILE.xlsx|FILE.csv`: an empty register with a column for every field a
// use case answers and one for its tasks, headed by their labels in the report language, so a
// register made from it is read by `batch` without a column map and yields verdicts. In
// .xlsx every field with values gets a drop-down of its labels, and a second sheet says what
// each column asks.
#include <kansrijk/cli/cli.hpp>
#include <kansrijk/cli/commands.hpp>
#include <kansrijk/io/framework_loader.hpp>
#include <kansrijk/io/xlsx_writer.hpp>
#include <kansrijk/report/render.hpp>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/output.hpp>
#include <kansrijk/util/safe_text.hpp>
#include <kansrijk/util/text.hpp>

namespace kansrijk::cli {

namespace {

// Rows of a template that carry drop-downs.
constexpr int k_rows = 1000;

struct Column {
  std::string heading;
  std::string question;
  std::vector<std::string> values; // labels offered; empty for free text
};

std::vector<Column> columns_of(const core::Framework &fw, const std::string &lang) {
  std::vector<Column> out;
  for (const auto &decl : fw.fields) {
    if (decl.derived || (!decl.asked && decl.role != core::FieldRole::id)) {
      continue;
    }
    Column column{decl.label.in(lang), decl.question.in(lang), {}};
    for (const auto &value : decl.domain.values) {
      column.values.push_back(core::value_label(decl, decl.domain.index_of(value), lang));
    }
    out.push_back(std::move(column));
    if (!fw.interview_tasks.after.empty() && decl.path == fw.interview_tasks.after) {
      out.push_back({}); // the tasks, where the interview asks them
    }
  }
  const auto tasks = std::find_if(out.begin(), out.end(), [](const Column &c) { return c.heading.empty(); });
  Column task_column{fw.tasks_heading.in(lang), fw.interview_tasks.question.in(lang), {}};
  if (task_column.heading.empty()) {
    task_column.heading = fw.tasks_key;
  }
  for (const auto &item : fw.items) {
    task_column.values.push_back(item.label.in(lang));
  }
  if (tasks != out.end()) {
    *tasks = std::move(task_column);
  } else {
    out.push_back(std::move(task_column));
  }
  return out;
}

int run_template(const std::string &path, const std::string &framework, const std::string &language) {
  const core::Framework fw = io::load_framework_for(framework);
  const report::Language lang = report::language_for(fw, language);
  const std::string code(report::language_code(lang));
  const std::vector<Column> columns = columns_of(fw, code);
  if (path.ends_with(".csv")) {
    std::string header = "\xEF\xBB\xBF"; // UTF-8 for Excel, ';' as Dutch Excel writes
    for (std::size_t i = 0; i < columns.size(); ++i) {
      header += (i == 0 ? "" : ";") + util::safe_csv(columns[i].heading);
    }
    util::write_file_atomically(path, header + "\r\n");
    return k_exit_ok;
  }
  io::XlsxWriter workbook;
  std::vector<std::string> headings;
  std::vector<double> widths;
  for (const auto &column : columns) {
    headings.push_back(column.heading);
    widths.push_back(column.values.empty() ? 30 : 24);
  }
  workbook.add_sheet("Register", headings, widths);
  const std::string lists = std::string(report::word(report::Word::template_values_sheet, lang));
  int list_column = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].values.empty()) {
      workbook.add_list(static_cast<int>(i), k_rows, lists, list_column++, 2,
                        static_cast<int>(columns[i].values.size()) + 1);
    }
  }
  // the explanation, then the lists the drop-downs offer (hidden)
  workbook.add_sheet(std::string(report::word(report::Word::columns_sheet, lang)),
                     {std::string(report::word(report::Word::column, lang)),
                      std::string(report::word(report::Word::question, lang)),
                      std::string(report::word(report::Word::template_allowed, lang))},
                     {30, 70, 70});
  for (const auto &column : columns) {
    workbook.add_row(
        {{column.heading, {}, {}}, {column.question, {}, {}}, {util::join(column.values, "; "), {}, {}}});
  }
  std::vector<std::string> list_headings;
  std::size_t longest = 0;
  for (const auto &column : columns) {
    if (!column.values.empty()) {
      list_headings.push_back(column.heading);
      longest = std::max(longest, column.values.size());
    }
  }
  workbook.add_sheet(lists, list_headings, {});
  for (std::size_t r = 0; r < longest; ++r) {
    std::vector<io::XlsxCell> row;
    for (const auto &column : columns) {
      if (!column.values.empty()) {
        row.push_back({r < column.values.size() ? column.values[r] : std::string(), {}, {}});
      }
    }
    workbook.add_row(row);
  }
  workbook.hide_sheet();
  util::write_file_atomically(path, workbook.finish());
  return k_exit_ok;
}

} // namespace

void add_template(CommandLine &app, Action &action) {
  struct Options {
    std::string file;
    std::string framework;
    std::string language;
  };
  auto options = std::make_shared<Options>();
  Command *sub = app.add_subcommand(
      "template",
      "Write an empty register (FILE.xlsx with drop-down lists, or FILE.csv) that batch reads as it is.");
  sub->add_option("FILE", options->file, "The register to write: a name ending in .xlsx or .csv")
      ->required()
      ->check(output_name())
      ->value_kind(ValueKind::file);
  sub->add_option("--lang", options->language,
                  "Language of the headings and lists (default: the framework's first)");
  sub->add_option("--framework", options->framework,
                  "Framework folder (default: $KANSRIJK_FRAMEWORK, else the built-in TNO framework)")
      ->value_kind(ValueKind::directory);
  sub->callback([options, &action] {
    action = [options](std::istream &, std::ostream &, std::ostream &) {
      if (!options->file.ends_with(".xlsx") && !options->file.ends_with(".csv")) {
        throw util::Error("a template is FILE.xlsx or FILE.csv: give a name with one of these endings");
      }
      util::check_output_target("template", options->file);
      return run_template(options->file, options->framework, options->language);
    };
  });
}

} // namespace kansrijk::cli
