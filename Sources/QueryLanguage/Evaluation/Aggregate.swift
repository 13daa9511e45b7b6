/// An aggregate of `summarize`. The table `Aggregate.all` drives parsing,
/// arity checks, suggestions, completion and `.help`.
public struct Aggregate: Sendable {
  public let name: String
  public let arity: ClosedRange<Int>
  public let signature: String
  public let summary: String
  let makeAccumulator: @Sendable () -> Accumulator

  public static func named(_ name: String) -> Aggregate? {
    let lowered = name.lowercased()
    return all.first { $0.name == lowered }
  }

  public static let all: [Aggregate] = [
    Aggregate(
      name: "count", arity: 0...1, signature: "count([x])",
      summary: "records, or records where x is not null", makeAccumulator: { CountAccumulator() }),
    Aggregate(
      name: "countif", arity: 1...1, signature: "countif(cond)",
      summary: "records where cond is true", makeAccumulator: { CountIfAccumulator() }),
    Aggregate(
      name: "dcount", arity: 1...1, signature: "dcount(x)",
      summary: "distinct non-null values", makeAccumulator: { DistinctCountAccumulator() }),
    Aggregate(
      name: "sum", arity: 1...1, signature: "sum(x)",
      summary: "sum of the numbers (or durations); 0 over none",
      makeAccumulator: { SumAccumulator(mode: .sum) }),
    Aggregate(
      name: "avg", arity: 1...1, signature: "avg(x)",
      summary: "mean of the numbers (or durations)", makeAccumulator: { SumAccumulator(mode: .average) }),
    Aggregate(
      name: "min", arity: 1...1, signature: "min(x)",
      summary: "smallest non-null value", makeAccumulator: { ExtremeAccumulator(wantsLargest: false) }),
    Aggregate(
      name: "max", arity: 1...1, signature: "max(x)",
      summary: "largest non-null value", makeAccumulator: { ExtremeAccumulator(wantsLargest: true) }),
    Aggregate(
      name: "percentile", arity: 2...2, signature: "percentile(x, p)",
      summary: "nearest-rank percentile p (0-100) of the numbers (or durations)",
      makeAccumulator: { PercentileAccumulator() }),
    Aggregate(
      name: "list", arity: 1...1, signature: "list(x)",
      summary: "array of the values, nulls included", makeAccumulator: { ListAccumulator() }),
  ]
}

/// The running state of one aggregate for one group. Worker threads each
/// aggregate a run of records; `merge` then folds in a later run's state.
class Accumulator {
  func add(_ arguments: [Value]) {}
  /// Folds in `other`, the same aggregate's state over records that came after.
  func merge(_ other: Accumulator) {}
  func result() -> Value { .null }
}

private final class CountAccumulator: Accumulator {
  var count = 0
  override func add(_ arguments: [Value]) {
    if arguments.isEmpty || !arguments[0].isNull { count += 1 }
  }
  override func merge(_ other: Accumulator) { count += (other as! CountAccumulator).count }
  override func result() -> Value { .number(Double(count)) }
}

private final class CountIfAccumulator: Accumulator {
  var count = 0
  override func add(_ arguments: [Value]) {
    if arguments[0].isTruthy { count += 1 }
  }
  override func merge(_ other: Accumulator) { count += (other as! CountIfAccumulator).count }
  override func result() -> Value { .number(Double(count)) }
}

private final class DistinctCountAccumulator: Accumulator {
  var seen = Set<HashKey>()
  override func add(_ arguments: [Value]) {
    if !arguments[0].isNull { seen.insert(HashKey(arguments[0])) }
  }
  override func merge(_ other: Accumulator) { seen.formUnion((other as! DistinctCountAccumulator).seen) }
  override func result() -> Value { .number(Double(seen.count)) }
}

/// Numbers, or durations when every non-null value is one (LANGUAGE.md §7).
private struct NumericValues {
  var numbers: [Double] = []
  var durations: [Double] = []
  var sawOther = false

  mutating func add(_ value: Value) {
    switch value.resolved {
    case .null: break
    case .number(let number):
      numbers.append(number)
      sawOther = true
    case .duration(let length): durations.append(length)
    default: sawOther = true
    }
  }

  mutating func merge(_ other: NumericValues) {
    numbers += other.numbers
    durations += other.durations
    sawOther = sawOther || other.sawOther
  }

  /// The values to aggregate and whether they are durations.
  var values: (values: [Double], areDurations: Bool) {
    !sawOther && !durations.isEmpty ? (durations, true) : (numbers, false)
  }
}

private final class SumAccumulator: Accumulator {
  enum Mode { case sum, average }
  let mode: Mode
  var numeric = NumericValues()
  init(mode: Mode) { self.mode = mode }

  override func add(_ arguments: [Value]) { numeric.add(arguments[0]) }
  override func merge(_ other: Accumulator) { numeric.merge((other as! SumAccumulator).numeric) }

  override func result() -> Value {
    let (values, areDurations) = numeric.values
    let total = values.reduce(0, +)
    let result: Double
    switch mode {
    case .sum: result = total
    case .average:
      guard !values.isEmpty else { return .null }
      result = total / Double(values.count)
    }
    return areDurations ? .duration(result) : .number(result)
  }
}

private final class ExtremeAccumulator: Accumulator {
  let wantsLargest: Bool
  var best: Value?
  init(wantsLargest: Bool) { self.wantsLargest = wantsLargest }

  override func merge(_ other: Accumulator) {
    if let best = (other as! ExtremeAccumulator).best { add([best]) }
  }

  override func add(_ arguments: [Value]) {
    let value = arguments[0]
    guard !value.isNull else { return }
    guard let current = best else {
      best = value
      return
    }
    let order = value.sortOrder(current)
    if wantsLargest ? order == .descending : order == .ascending { best = value }
  }

  override func result() -> Value { best ?? .null }
}

private final class PercentileAccumulator: Accumulator {
  var numeric = NumericValues()
  var rank: Value?

  override func add(_ arguments: [Value]) {
    numeric.add(arguments[0])
    if rank == nil { rank = arguments[1] }
  }

  override func merge(_ other: Accumulator) {
    let later = other as! PercentileAccumulator
    numeric.merge(later.numeric)
    if rank == nil { rank = later.rank }
  }

  override func result() -> Value {
    guard let p = rank?.number, p >= 0, p <= 100 else { return .null }
    let (values, areDurations) = numeric.values
    guard !values.isEmpty else { return .null }
    let sorted = values.sorted()
    let r = (p * Double(sorted.count) / 100 * 1e9).rounded() / 1e9
    let index = max(Int(r.rounded(.up)), 1) - 1
    let value = sorted[min(index, sorted.count - 1)]
    return areDurations ? .duration(value) : .number(value)
  }
}

private final class ListAccumulator: Accumulator {
  var values: [Value] = []
  override func add(_ arguments: [Value]) { values.append(arguments[0]) }
  override func merge(_ other: Accumulator) { values += (other as! ListAccumulator).values }
  override func result() -> Value { .array(values) }
}
