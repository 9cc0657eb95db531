// The evaluator. Counts are intervals [low, high] so that `count(...) >= 2` is decided
// whenever the known tasks already decide it, and unknown only when they do not.
//
// Every node appends the unknowns that decide it to one shared vector, and only when its
// result is unknown: a node that is decided leaves the vector as it found it. So no node
// needs a vector of its own (the evaluator runs millions of times in a batch or a search).
#include <algorithm>
#include <kansrijk/core/evaluate.hpp>

namespace kansrijk::core {

namespace {

struct Range {
  long long low = 0;
  long long high = 0;
};

class Evaluator {
public:
  explicit Evaluator(const UseCase &use_case) : m_use_case(use_case) {}

  Truth truth(const Expr &expr, std::vector<UnknownRef> &unknowns) {
    switch (expr.kind) {
    case Expr::Kind::logical_not: {
      const Truth inner = truth(expr.children[0], unknowns);
      return inner == Truth::unknown ? Truth::unknown : (inner == Truth::yes ? Truth::no : Truth::yes);
    }
    case Expr::Kind::logical_and:
    case Expr::Kind::logical_or: {
      const bool is_and = expr.kind == Expr::Kind::logical_and;
      const Truth decisive = is_and ? Truth::no : Truth::yes;
      const std::size_t mark = unknowns.size();
      bool any_unknown = false;
      for (const auto &child : expr.children) {
        const Truth t = truth(child, unknowns);
        if (t == decisive) {
          unknowns.resize(mark);
          return decisive;
        }
        any_unknown = any_unknown || t == Truth::unknown;
      }
      if (any_unknown) {
        return Truth::unknown;
      }
      return is_and ? Truth::yes : Truth::no;
    }
    case Expr::Kind::quantifier:
      return quantified(expr, unknowns);
    case Expr::Kind::compare:
      return compare(expr, unknowns);
    case Expr::Kind::membership:
      return membership(expr, unknowns);
    default:
      return Truth::unknown; // the type checker admits no other boolean node
    }
  }

  void trace(const Expr &expr, int depth, std::vector<TraceLine> &out) {
    std::vector<UnknownRef> ignored;
    out.push_back(TraceLine{depth, to_text(expr), truth(expr, ignored), m_task});
    switch (expr.kind) {
    case Expr::Kind::logical_not:
    case Expr::Kind::logical_and:
    case Expr::Kind::logical_or:
      for (const auto &child : expr.children) {
        trace(child, depth + 1, out);
      }
      break;
    case Expr::Kind::quantifier:
      trace_tasks(expr, depth + 1, out);
      break;
    case Expr::Kind::compare:
      for (const auto &side : expr.children) {
        if (side.kind == Expr::Kind::quantifier) {
          trace_tasks(side, depth + 1, out);
        }
      }
      break;
    default:
      break;
    }
  }

private:
  void trace_tasks(const Expr &quantifier, int depth, std::vector<TraceLine> &out) {
    const int saved = m_task;
    for (std::size_t i = 0; i < m_use_case.tasks.size(); ++i) {
      m_task = static_cast<int>(i);
      trace(quantifier.children[0], depth, out);
    }
    m_task = saved;
  }

  const FieldValue &value_of(const Expr &field) const {
    if (field.task_field) {
      return m_use_case.tasks[static_cast<std::size_t>(m_task)]
          .attributes[static_cast<std::size_t>(field.field)];
    }
    return m_use_case.fields[static_cast<std::size_t>(field.field)];
  }

  UnknownRef ref_of(const Expr &field) const {
    return UnknownRef{field.field, field.task_field ? m_task : -1, field.task_field};
  }

  // Reads `field`; records it as a deciding unknown when it is not known.
  const FieldValue *read(const Expr &field, std::vector<UnknownRef> &unknowns) const {
    const FieldValue &value = value_of(field);
    if (!value.known) {
      unknowns.push_back(ref_of(field));
      return nullptr;
    }
    return &value;
  }

  static Truth from_bool(bool b) { return b ? Truth::yes : Truth::no; }

  static bool holds(Expr::Op op, long long a, long long b) {
    switch (op) {
    case Expr::Op::eq:
      return a == b;
    case Expr::Op::ne:
      return a != b;
    case Expr::Op::lt:
      return a < b;
    case Expr::Op::le:
      return a <= b;
    case Expr::Op::gt:
      return a > b;
    case Expr::Op::ge:
      return a >= b;
    }
    return false;
  }

  Truth compare(const Expr &expr, std::vector<UnknownRef> &unknowns) {
    const Expr &left = expr.children[0];
    const Expr &right = expr.children[1];
    if (right.kind == Expr::Kind::unknown) {
      const bool is_unknown = !value_of(left).known;
      return from_bool(expr.op == Expr::Op::eq ? is_unknown : !is_unknown);
    }
    if (left.type == ValueType::integer) {
      const std::size_t mark = unknowns.size();
      const Range a = range(left, unknowns);
      const Range b = range(right, unknowns);
      // Decided when the comparison has the same outcome at every point of both ranges;
      // checking the corners suffices because each operator is monotone in each argument.
      const bool corners[4] = {holds(expr.op, a.low, b.low), holds(expr.op, a.low, b.high),
                               holds(expr.op, a.high, b.low), holds(expr.op, a.high, b.high)};
      bool all_true = std::all_of(std::begin(corners), std::end(corners), [](bool c) { return c; });
      bool all_false = std::none_of(std::begin(corners), std::end(corners), [](bool c) { return c; });
      if (expr.op == Expr::Op::eq || expr.op == Expr::Op::ne) {
        // Equality is not monotone: decided only when both sides are single points or the
        // ranges do not overlap.
        const bool points = a.low == a.high && b.low == b.high;
        const bool disjoint = a.high < b.low || b.high < a.low;
        all_true = points && holds(expr.op, a.low, b.low);
        all_false = points ? !holds(expr.op, a.low, b.low) : false;
        if (disjoint) {
          all_true = expr.op == Expr::Op::ne;
          all_false = expr.op == Expr::Op::eq;
        }
      }
      if (all_true || all_false) {
        unknowns.resize(mark);
        return from_bool(all_true);
      }
      return Truth::unknown;
    }
    const FieldValue *a = read(left, unknowns);
    const FieldValue *b = right.kind == Expr::Kind::field ? read(right, unknowns) : nullptr;
    if (a == nullptr || (right.kind == Expr::Kind::field && b == nullptr)) {
      return Truth::unknown;
    }
    const int other = b != nullptr ? b->value : right.value;
    if (a->value < 0 || other < 0) {
      // "None of the declared values" equals nothing and has no order.
      return from_bool(expr.op == Expr::Op::ne);
    }
    return from_bool(holds(expr.op, a->value, other));
  }

  Truth membership(const Expr &expr, std::vector<UnknownRef> &unknowns) {
    const Expr &left = expr.children[0];
    const Expr &right = expr.children[1];
    bool inside = false;
    if (right.kind == Expr::Kind::list) {
      const FieldValue *a = read(left, unknowns);
      if (a == nullptr) {
        return Truth::unknown;
      }
      inside = std::find(right.values.begin(), right.values.end(), a->value) != right.values.end();
    } else {
      const FieldValue &set = value_of(right);
      UnknownRef member = ref_of(right);
      member.member = left.value;
      if (!set.known) {
        unknowns.push_back(member);
        return Truth::unknown;
      }
      inside = std::binary_search(set.values.begin(), set.values.end(), left.value);
      if (!inside && std::find(set.possible.begin(), set.possible.end(), left.value) != set.possible.end()) {
        unknowns.push_back(member); // a member for some of the open answers, not for others
        return Truth::unknown;
      }
    }
    return from_bool(inside != expr.negated);
  }

  Truth quantified(const Expr &expr, std::vector<UnknownRef> &unknowns) {
    const bool is_any = expr.quantifier == Expr::Quantifier::any;
    const Truth decisive = is_any ? Truth::yes : Truth::no;
    const std::size_t mark = unknowns.size();
    bool any_unknown = false;
    const int saved = m_task;
    for (std::size_t i = 0; i < m_use_case.tasks.size(); ++i) {
      m_task = static_cast<int>(i);
      const Truth t = truth(expr.children[0], unknowns);
      if (t == decisive) {
        m_task = saved;
        unknowns.resize(mark);
        return decisive;
      }
      any_unknown = any_unknown || t == Truth::unknown;
    }
    m_task = saved;
    if (any_unknown) {
      return Truth::unknown;
    }
    return is_any ? Truth::no : Truth::yes;
  }

  Range range(const Expr &expr, std::vector<UnknownRef> &unknowns) {
    if (expr.kind == Expr::Kind::integer) {
      return {expr.number, expr.number};
    }
    if (expr.kind == Expr::Kind::field) {
      // An integer field is an interval; an unknown one is a deciding unknown when it matters.
      const FieldValue &value = value_of(expr);
      if (!value.known) {
        unknowns.push_back(ref_of(expr));
      }
      return {value.low, value.high};
    }
    Range r;
    const int saved = m_task;
    for (std::size_t i = 0; i < m_use_case.tasks.size(); ++i) {
      m_task = static_cast<int>(i);
      const Truth t = truth(expr.children[0], unknowns);
      if (t == Truth::yes) {
        ++r.low;
        ++r.high;
      } else if (t == Truth::unknown) {
        ++r.high;
      }
    }
    m_task = saved;
    return r;
  }

  const UseCase &m_use_case;
  int m_task = -1;
};

} // namespace

Evaluation evaluate(const Expr &expr, const UseCase &use_case) {
  Evaluation result;
  result.truth = Evaluator(use_case).truth(expr, result.unknowns);
  if (result.truth != Truth::unknown) {
    result.unknowns.clear();
  }
  std::sort(result.unknowns.begin(), result.unknowns.end());
  result.unknowns.erase(std::unique(result.unknowns.begin(), result.unknowns.end()), result.unknowns.end());
  return result;
}

Truth truth_of(const Expr &expr, const UseCase &use_case, std::vector<UnknownRef> &scratch) {
  scratch.clear();
  return Evaluator(use_case).truth(expr, scratch);
}

std::vector<TraceLine> trace(const Expr &expr, const UseCase &use_case) {
  std::vector<TraceLine> out;
  Evaluator(use_case).trace(expr, 0, out);
  return out;
}

} // namespace kansrijk::core
