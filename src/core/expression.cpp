// A recursive-descent parser for rule conditions. Precedence, loosest first: `or`, `and`,
// `not`, then one comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`).
#include <cctype>
#include <kansrijk/core/expression.hpp>

namespace kansrijk::core {

std::string_view op_text(Expr::Op op) {
  switch (op) {
  case Expr::Op::eq:
    return "==";
  case Expr::Op::ne:
    return "!=";
  case Expr::Op::lt:
    return "<";
  case Expr::Op::le:
    return "<=";
  case Expr::Op::gt:
    return ">";
  case Expr::Op::ge:
    return ">=";
  }
  return "?";
}

namespace {

enum class Tok { name, integer, lparen, rparen, lbracket, rbracket, comma, op, end };

struct Token {
  Tok kind = Tok::end;
  std::string_view text;
  std::size_t offset = 0;
};

bool is_name_start(char c) { return (std::isalpha(static_cast<unsigned char>(c)) != 0) || c == '_'; }
bool is_name_char(char c) {
  return (std::isalnum(static_cast<unsigned char>(c)) != 0) || c == '_' || c == '.' || c == '-';
}

std::string describe(const Token &token) {
  if (token.kind == Tok::end) {
    return "the end of the condition";
  }
  return "\"" + std::string(token.text) + "\"";
}

class Parser {
public:
  explicit Parser(std::string_view text) : m_text(text) {}

  util::expected<Expr, ExprError> parse() {
    if (m_text.size() > k_max_expression_length) {
      return fail(k_max_expression_length, "condition is longer than " +
                                               std::to_string(k_max_expression_length) +
                                               " characters; split the rule");
    }
    if (!advance()) {
      return util::unexpected(m_error);
    }
    if (m_token.kind == Tok::end) {
      return fail(0, "empty condition; expected an expression such as `ai.role == draft`");
    }
    auto expr = parse_or();
    if (!expr) {
      return expr;
    }
    if (m_token.kind != Tok::end) {
      return fail(m_token.offset,
                  "unexpected " + describe(m_token) + "; expected `and`, `or` or the end of the condition");
    }
    return expr;
  }

private:
  util::unexpected<ExprError> fail(std::size_t offset, std::string message) {
    m_error = ExprError{offset, std::move(message)};
    return util::unexpected(m_error);
  }

  bool lex_error(std::size_t offset, std::string message) {
    m_error = ExprError{offset, std::move(message)};
    return false;
  }

  bool advance() {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) {
      ++m_pos;
    }
    const std::size_t start = m_pos;
    m_token = Token{Tok::end, {}, start};
    if (m_pos >= m_text.size()) {
      return true;
    }
    const char c = m_text[m_pos];
    auto single = [&](Tok kind) {
      m_token = Token{kind, m_text.substr(start, 1), start};
      ++m_pos;
      return true;
    };
    switch (c) {
    case '(':
      return single(Tok::lparen);
    case ')':
      return single(Tok::rparen);
    case '[':
      return single(Tok::lbracket);
    case ']':
      return single(Tok::rbracket);
    case ',':
      return single(Tok::comma);
    default:
      break;
    }
    if (c == '=' || c == '!' || c == '<' || c == '>') {
      const bool two = m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '=';
      if ((c == '=' || c == '!') && !two) {
        return lex_error(start, c == '=' ? "`=` is not an operator; write `==` to compare"
                                         : "`!` is not an operator; write `!=` or `not`");
      }
      m_pos += two ? 2 : 1;
      m_token = Token{Tok::op, m_text.substr(start, m_pos - start), start};
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
        ++m_pos;
      }
      if (m_pos - start > 9) {
        return lex_error(start, "number is too large; use at most 9 digits");
      }
      m_token = Token{Tok::integer, m_text.substr(start, m_pos - start), start};
      return true;
    }
    if (is_name_start(c)) {
      while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) {
        ++m_pos;
      }
      m_token = Token{Tok::name, m_text.substr(start, m_pos - start), start};
      return true;
    }
    if (c == '&' || c == '|') {
      return lex_error(start, std::string("`") + c + "` is not an operator; write `" +
                                  (c == '&' ? "and" : "or") + "`");
    }
    return lex_error(start, "unexpected character \"" + std::string(1, c) +
                                "\"; names are letters, digits, `_`, `-` and `.`");
  }

  bool at_word(std::string_view word) const { return m_token.kind == Tok::name && m_token.text == word; }

  static bool is_keyword(std::string_view word) {
    return word == "and" || word == "or" || word == "in" || word == "not" || word == "unknown" ||
           word == "any" || word == "all" || word == "count";
  }

  struct DepthGuard {
    explicit DepthGuard(int &depth) : m_depth(depth) { ++m_depth; }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;
    int &m_depth;
  };

  util::expected<Expr, ExprError>
  binary(Expr::Kind kind, std::string_view word, util::expected<Expr, ExprError> (Parser::*next)()) {
    auto left = (this->*next)();
    if (!left) {
      return left;
    }
    if (!at_word(word)) {
      return left;
    }
    Expr node;
    node.kind = kind;
    node.offset = left->offset;
    node.children.push_back(std::move(*left));
    while (at_word(word)) {
      if (!advance()) {
        return util::unexpected(m_error);
      }
      auto right = (this->*next)();
      if (!right) {
        return right;
      }
      node.children.push_back(std::move(*right));
    }
    return node;
  }

  util::expected<Expr, ExprError> parse_or() {
    DepthGuard guard(m_depth);
    if (m_depth > k_max_expression_depth) {
      return fail(m_token.offset, "condition is nested more than " + std::to_string(k_max_expression_depth) +
                                      " levels deep; split the rule");
    }
    return binary(Expr::Kind::logical_or, "or", &Parser::parse_and);
  }

  util::expected<Expr, ExprError> parse_and() {
    return binary(Expr::Kind::logical_and, "and", &Parser::parse_not);
  }

  util::expected<Expr, ExprError> parse_not() {
    if (at_word("not")) {
      DepthGuard guard(m_depth);
      if (m_depth > k_max_expression_depth) {
        return fail(m_token.offset, "condition is nested more than " +
                                        std::to_string(k_max_expression_depth) +
                                        " levels deep; split the rule");
      }
      Expr node;
      node.kind = Expr::Kind::logical_not;
      node.offset = m_token.offset;
      if (!advance()) {
        return util::unexpected(m_error);
      }
      auto operand = parse_not();
      if (!operand) {
        return operand;
      }
      node.children.push_back(std::move(*operand));
      return node;
    }
    return parse_comparison();
  }

  util::expected<Expr, ExprError> parse_comparison() {
    auto left = parse_operand();
    if (!left) {
      return left;
    }
    Expr node;
    node.offset = left->offset;
    if (m_token.kind == Tok::op) {
      node.kind = Expr::Kind::compare;
      const auto text = m_token.text;
      node.op = text == "=="   ? Expr::Op::eq
                : text == "!=" ? Expr::Op::ne
                : text == "<"  ? Expr::Op::lt
                : text == "<=" ? Expr::Op::le
                : text == ">"  ? Expr::Op::gt
                               : Expr::Op::ge;
    } else if (at_word("in")) {
      node.kind = Expr::Kind::membership;
    } else if (at_word("not")) {
      const std::size_t not_offset = m_token.offset;
      if (!advance()) {
        return util::unexpected(m_error);
      }
      if (!at_word("in")) {
        return fail(not_offset, "`not` after a value must be followed by `in`");
      }
      node.kind = Expr::Kind::membership;
      node.negated = true;
    } else {
      return left;
    }
    if (!advance()) {
      return util::unexpected(m_error);
    }
    auto right = parse_operand();
    if (!right) {
      return right;
    }
    node.children.push_back(std::move(*left));
    node.children.push_back(std::move(*right));
    if (m_token.kind == Tok::op || at_word("in")) {
      return fail(m_token.offset, "comparisons cannot be chained; join them with `and`");
    }
    return node;
  }

  util::expected<Expr, ExprError> parse_operand() {
    Expr node;
    node.offset = m_token.offset;
    switch (m_token.kind) {
    case Tok::lparen: {
      if (!advance()) {
        return util::unexpected(m_error);
      }
      auto inner = parse_or();
      if (!inner) {
        return inner;
      }
      if (m_token.kind != Tok::rparen) {
        return fail(m_token.offset, "expected `)` but found " + describe(m_token));
      }
      if (!advance()) {
        return util::unexpected(m_error);
      }
      return inner;
    }
    case Tok::lbracket:
      return parse_list();
    case Tok::integer:
      node.kind = Expr::Kind::integer;
      node.number = std::stoll(std::string(m_token.text));
      if (!advance()) {
        return util::unexpected(m_error);
      }
      return node;
    case Tok::name:
      break;
    default:
      return fail(m_token.offset, "expected a field, a value or `(` but found " + describe(m_token));
    }
    const std::string_view word = m_token.text;
    if (word == "and" || word == "or" || word == "in" || word == "not") {
      return fail(m_token.offset, "expected a field, a value or `(` but found " + describe(m_token));
    }
    if (word == "any" || word == "all" || word == "count") {
      return parse_quantifier();
    }
    node.kind = word == "unknown" ? Expr::Kind::unknown : Expr::Kind::symbol;
    node.name = std::string(word);
    if (!advance()) {
      return util::unexpected(m_error);
    }
    return node;
  }

  util::expected<Expr, ExprError> parse_quantifier() {
    Expr node;
    node.kind = Expr::Kind::quantifier;
    node.offset = m_token.offset;
    node.name = std::string(m_token.text);
    node.quantifier = node.name == "any"   ? Expr::Quantifier::any
                      : node.name == "all" ? Expr::Quantifier::all
                                           : Expr::Quantifier::count;
    if (!advance()) {
      return util::unexpected(m_error);
    }
    if (m_token.kind != Tok::lparen) {
      return fail(m_token.offset, "expected `(` after `" + node.name + "`, as in `" + node.name +
                                      "(tasks, t.routine == high)`");
    }
    if (!advance()) {
      return util::unexpected(m_error);
    }
    // The list is checked against the framework's task list by the type checker.
    if (m_token.kind != Tok::name || is_keyword(m_token.text)) {
      return fail(m_token.offset,
                  "`" + node.name + "` ranges over the task list; write `" + node.name + "(tasks, ...)`");
    }
    node.list = std::string(m_token.text);
    node.list_offset = m_token.offset;
    if (!advance()) {
      return util::unexpected(m_error);
    }
    if (m_token.kind != Tok::comma) {
      return fail(m_token.offset, "expected `,` after `" + node.list + "` but found " + describe(m_token));
    }
    if (!advance()) {
      return util::unexpected(m_error);
    }
    auto body = parse_or();
    if (!body) {
      return body;
    }
    if (m_token.kind != Tok::rparen) {
      return fail(m_token.offset,
                  "expected `)` to close `" + node.name + "(` but found " + describe(m_token));
    }
    if (!advance()) {
      return util::unexpected(m_error);
    }
    node.children.push_back(std::move(*body));
    return node;
  }

  util::expected<Expr, ExprError> parse_list() {
    Expr node;
    node.kind = Expr::Kind::list;
    node.offset = m_token.offset;
    if (!advance()) {
      return util::unexpected(m_error);
    }
    while (true) {
      if (m_token.kind != Tok::name || m_token.text == "unknown") {
        return fail(m_token.offset, "expected a value in the list but found " + describe(m_token));
      }
      Expr item;
      item.kind = Expr::Kind::symbol;
      item.name = std::string(m_token.text);
      item.offset = m_token.offset;
      node.children.push_back(std::move(item));
      if (!advance()) {
        return util::unexpected(m_error);
      }
      if (m_token.kind == Tok::rbracket) {
        break;
      }
      if (m_token.kind != Tok::comma) {
        return fail(m_token.offset, "expected `,` or `]` in the list but found " + describe(m_token));
      }
      if (!advance()) {
        return util::unexpected(m_error);
      }
    }
    if (!advance()) {
      return util::unexpected(m_error);
    }
    return node;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  Token m_token;
  ExprError m_error;
  int m_depth = 0;
};

} // namespace

util::expected<Expr, ExprError> parse_expression(std::string_view text) { return Parser(text).parse(); }

namespace {

// 0 for `or`, 1 for `and`, 2 for everything that binds tighter.
int precedence(const Expr &expr) {
  return expr.kind == Expr::Kind::logical_or ? 0 : expr.kind == Expr::Kind::logical_and ? 1 : 2;
}

} // namespace

std::string to_text(const Expr &expr) {
  const auto part = [&](const Expr &child, int at_least) {
    const std::string text = to_text(child);
    return precedence(child) < at_least ? "(" + text + ")" : text;
  };
  switch (expr.kind) {
  case Expr::Kind::logical_and:
  case Expr::Kind::logical_or: {
    std::string out;
    for (const auto &child : expr.children) {
      out += (out.empty()                            ? ""
              : expr.kind == Expr::Kind::logical_and ? " and "
                                                     : " or ") +
             part(child, precedence(expr) + 1);
    }
    return out;
  }
  case Expr::Kind::logical_not:
    return "not " + part(expr.children[0], 2);
  case Expr::Kind::compare:
    return to_text(expr.children[0]) + " " + std::string(op_text(expr.op)) + " " + to_text(expr.children[1]);
  case Expr::Kind::membership:
    return to_text(expr.children[0]) + (expr.negated ? " not in " : " in ") + to_text(expr.children[1]);
  case Expr::Kind::quantifier:
    return expr.name + "(" + expr.list + ", " + to_text(expr.children[0]) + ")";
  case Expr::Kind::field:
    return expr.name; // a task attribute is stored with its `t.`
  case Expr::Kind::unknown:
    return "unknown";
  case Expr::Kind::integer:
    return std::to_string(expr.number);
  case Expr::Kind::list: {
    std::string out;
    for (const auto &child : expr.children) {
      out += (out.empty() ? "" : ", ") + child.name;
    }
    return "[" + out + "]";
  }
  case Expr::Kind::symbol:
    break;
  }
  return expr.name;
}

} // namespace kansrijk::core
