/// Receives a pipeline's rows one at a time.
protocol RowSink: AnyObject {
  /// Takes a row; returns false when it wants no more.
  func push(_ row: Row) throws -> Bool
  /// No more rows will come.
  func finish() throws
}

/// Runs one stage: takes rows, passes its results downstream.
class StageRunner: RowSink {
  let evaluator: Evaluator
  let downstream: RowSink

  init(evaluator: Evaluator, downstream: RowSink) {
    self.evaluator = evaluator
    self.downstream = downstream
  }

  func push(_ row: Row) throws -> Bool { try downstream.push(row) }
  func finish() throws { try downstream.finish() }

  /// The runner for `stage`, feeding `downstream`.
  static func make(_ stage: Stage, evaluator: Evaluator, downstream: RowSink) -> RowSink {
    switch stage {
    case .where, .select, .extend, .expand:
      return StreamingStageRunner(stage, evaluator: evaluator, downstream: downstream)
    case .sort(let keys):
      return SortRunner(keys: keys, limit: nil, evaluator: evaluator, downstream: downstream)
    case .top(let count, let key):
      return SortRunner(keys: [key], limit: count, evaluator: evaluator, downstream: downstream)
    case .take(let count): return TakeRunner(count: count, evaluator: evaluator, downstream: downstream)
    case .skip(let count): return SkipRunner(count: count, evaluator: evaluator, downstream: downstream)
    case .count: return CountRunner(evaluator: evaluator, downstream: downstream)
    case .distinct(let items):
      return DistinctRunner(items: items, evaluator: evaluator, downstream: downstream)
    case .summarize(let aggregates, let keys):
      return SummarizeRunner(aggregates: aggregates, keys: keys, evaluator: evaluator, downstream: downstream)
    }
  }
}

/// `where`, `select`, `extend` and `expand`: each row on its own, so these
/// also run on worker threads (`StreamingStages`).
final class StreamingStageRunner: StageRunner {
  let stage: Stage
  init(_ stage: Stage, evaluator: Evaluator, downstream: RowSink) {
    self.stage = stage
    super.init(evaluator: evaluator, downstream: downstream)
  }

  override func push(_ row: Row) throws -> Bool {
    var wantsMore = true
    try StreamingStages.apply(stage, to: row, evaluator) { output throws in
      wantsMore = try downstream.push(output)
      return wantsMore
    }
    return wantsMore
  }
}

final class TakeRunner: StageRunner {
  var remaining: Int
  init(count: Int, evaluator: Evaluator, downstream: RowSink) {
    remaining = count
    super.init(evaluator: evaluator, downstream: downstream)
  }

  override func push(_ row: Row) throws -> Bool {
    guard remaining > 0 else { return false }
    remaining -= 1
    return try downstream.push(row) && remaining > 0
  }
}

final class SkipRunner: StageRunner {
  var remaining: Int
  init(count: Int, evaluator: Evaluator, downstream: RowSink) {
    remaining = count
    super.init(evaluator: evaluator, downstream: downstream)
  }

  override func push(_ row: Row) throws -> Bool {
    if remaining > 0 {
      remaining -= 1
      return true
    }
    return try downstream.push(row)
  }
}

final class CountRunner: StageRunner {
  var count = 0
  override func push(_ row: Row) throws -> Bool {
    count += 1
    return true
  }

  override func finish() throws {
    _ = try downstream.push(Row(.object(Object(keys: ["count"], values: [.number(Double(count))]))))
    try downstream.finish()
  }
}

final class SortRunner: StageRunner {
  let keys: [SortKey]
  let limit: Int?
  var rows: [(keys: [Value], row: Row)] = []

  init(keys: [SortKey], limit: Int?, evaluator: Evaluator, downstream: RowSink) {
    self.keys = keys
    self.limit = limit
    super.init(evaluator: evaluator, downstream: downstream)
  }

  override func push(_ row: Row) throws -> Bool {
    var values: [Value] = []
    for key in keys { values.append(try evaluator.evaluate(key.expression, row)) }
    rows.append((values, row))
    return true
  }

  override func finish() throws {
    let order = rows.indices.sorted { a, b in
      for (index, key) in keys.enumerated() {
        let (x, y) = (rows[a].keys[index], rows[b].keys[index])
        switch (x.isNull, y.isNull) {
        case (true, true): continue
        case (true, false): return false
        case (false, true): return true
        case (false, false):
          switch x.sortOrder(y) {
          case .same: continue
          case .ascending: return !key.descending
          case .descending: return key.descending
          }
        }
      }
      return a < b
    }
    for index in order.prefix(limit ?? order.count) {
      guard try downstream.push(rows[index].row) else { break }
    }
    rows = []
    try downstream.finish()
  }
}

final class DistinctRunner: StageRunner {
  let items: [SelectItem]
  var seen = Set<[HashKey]>()

  init(items: [SelectItem], evaluator: Evaluator, downstream: RowSink) {
    self.items = items
    super.init(evaluator: evaluator, downstream: downstream)
  }

  override func push(_ row: Row) throws -> Bool {
    let record = try StreamingStages.select(items, row, evaluator)
    guard seen.insert(record.values.map(HashKey.init)).inserted else { return true }
    return try downstream.push(Row(.object(record)))
  }
}

final class SummarizeRunner: StageRunner {
  let table: GroupTable

  init(aggregates: [AggregateItem], keys: [NamedExpression], evaluator: Evaluator, downstream: RowSink) {
    table = GroupTable(aggregates: aggregates, keys: keys)
    super.init(evaluator: evaluator, downstream: downstream)
  }

  override func push(_ row: Row) throws -> Bool {
    try table.add(row, evaluator)
    return true
  }

  /// Takes the groups a worker thread already built over a batch.
  func merge(_ partial: GroupTable) { table.merge(partial) }

  override func finish() throws {
    for record in table.records() {
      guard try downstream.push(Row(.object(record))) else { break }
    }
    try downstream.finish()
  }
}
