extension Evaluator {
  /// The binary operators of LANGUAGE.md §5 on evaluated operands.
  func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Diagnostic) -> Value {
    switch op {
    case .equal: return .bool(left.isEqual(to: right))
    case .notEqual: return .bool(!left.isEqual(to: right))
    case .matchesCaseless: return .bool(caselessEqual(left, right))
    case .notMatchesCaseless: return .bool(!caselessEqual(left, right))
    case .less: return .bool(left.compare(to: right) == .ascending)
    case .lessOrEqual: return .bool(left.compare(to: right).map { $0 != .descending } ?? false)
    case .greater: return .bool(left.compare(to: right) == .descending)
    case .greaterOrEqual: return .bool(left.compare(to: right).map { $0 != .ascending } ?? false)
    case .contains: return .bool(contains(left, right))
    case .notContains: return .bool(!contains(left, right))
    case .startsWith:
      guard let text = left.string, let prefix = right.string else { return .bool(false) }
      return .bool(text.lowercased().hasPrefix(prefix.lowercased()))
    case .endsWith:
      guard let text = left.string, let suffix = right.string else { return .bool(false) }
      return .bool(text.lowercased().hasSuffix(suffix.lowercased()))
    case .add, .subtract, .multiply, .divide, .remainder:
      return arithmetic(op, left.resolved, right.resolved)
    }
  }

  private func caselessEqual(_ left: Value, _ right: Value) -> Bool {
    guard let a = left.string, let b = right.string else { return false }
    return a.lowercased() == b.lowercased()
  }

  private func contains(_ left: Value, _ right: Value) -> Bool {
    if let text = left.string {
      guard let part = right.string else { return false }
      return part.isEmpty || text.lowercased().contains(part.lowercased())
    }
    if let elements = left.elementsIfArray {
      return elements.contains { $0.isEqual(to: right) }
    }
    return false
  }

  private func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Value {
    switch (op, left, right) {
    case (.add, .number(let a), .number(let b)): return .number(a + b)
    case (.add, .string(let a), .string(let b)): return .string(a + b)
    case (.add, .timestamp(let a), .duration(let b)), (.add, .duration(let b), .timestamp(let a)):
      return .timestamp(a + b)
    case (.add, .duration(let a), .duration(let b)): return .duration(a + b)
    case (.subtract, .number(let a), .number(let b)): return .number(a - b)
    case (.subtract, .timestamp(let a), .duration(let b)): return .timestamp(a - b)
    case (.subtract, .timestamp(let a), .timestamp(let b)): return .duration(a - b)
    case (.subtract, .duration(let a), .duration(let b)): return .duration(a - b)
    case (.multiply, .number(let a), .number(let b)): return .number(a * b)
    case (.divide, .number(let a), .number(let b)): return b == 0 ? .null : .number(a / b)
    case (.remainder, .number(let a), .number(let b)):
      return b == 0 ? .null : .number(a.truncatingRemainder(dividingBy: b))
    default: return .null
    }
  }
}
