extension Value {
  /// `==` of LANGUAGE.md §5: same type and equal value, numbers by value,
  /// strings by canonical equivalence, a timestamp against a date string.
  public func isEqual(to other: Value) -> Bool {
    switch (self.resolved, other.resolved) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b  // Swift compares canonical equivalence
    case (.timestamp(let a), .timestamp(let b)): return a == b
    case (.timestamp(let a), .string(let b)): return parseDate(b) == a
    case (.string(let a), .timestamp(let b)): return parseDate(a) == b
    case (.duration(let a), .duration(let b)): return a == b
    case (let a, let b):
      if let left = a.elementsIfArray, let right = b.elementsIfArray {
        return left.count == right.count && zip(left, right).allSatisfy { $0.isEqual(to: $1) }
      }
      if let left = a.objectIfObject, let right = b.objectIfObject {
        guard left.count == right.count else { return false }
        return left.members.allSatisfy { key, value in
          right[key].map { value.isEqual(to: $0) } ?? false
        }
      }
      return false
    }
  }

  /// `<` of LANGUAGE.md §5: numbers, strings, timestamps (or a timestamp
  /// against a date string) and durations; nil for any other pair, which
  /// makes every ordering comparison false.
  public func compare(to other: Value) -> ComparisonOrder? {
    switch (self.resolved, other.resolved) {
    case (.number(let a), .number(let b)): return order(a, b)
    case (.string(let a), .string(let b)): return order(a, b)
    case (.timestamp(let a), .timestamp(let b)): return order(a, b)
    case (.timestamp(let a), .string(let b)): return parseDate(b).flatMap { order(a, $0) }
    case (.string(let a), .timestamp(let b)): return parseDate(a).flatMap { order($0, b) }
    case (.duration(let a), .duration(let b)): return order(a, b)
    default: return nil
    }
  }

  /// The rank of the value's type in the sort order across types.
  var sortRank: Int {
    switch resolved {
    case .null: return 7
    case .bool: return 0
    case .number: return 1
    case .string: return 2
    case .timestamp: return 3
    case .duration: return 4
    case .array: return 5
    case .object: return 6
    case .json(let text): return text.kind == .array ? 5 : 6
    }
  }

  /// The total order of `sort`: booleans < numbers < strings < timestamps <
  /// durations < arrays < objects, nulls last; arrays and objects tie among
  /// themselves so a stable sort keeps their input order.
  public func sortOrder(_ other: Value) -> ComparisonOrder {
    let (a, b) = (self.resolved, other.resolved)
    let (rankA, rankB) = (a.sortRank, b.sortRank)
    if rankA != rankB { return rankA < rankB ? .ascending : .descending }
    switch (a, b) {
    case (.bool(let x), .bool(let y)): return x == y ? .same : (!x ? .ascending : .descending)
    default: return a.compare(to: b) ?? .same
    }
  }
}

public enum ComparisonOrder: Sendable { case ascending, same, descending }

private func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonOrder {
  a < b ? .ascending : (a == b ? .same : .descending)
}
