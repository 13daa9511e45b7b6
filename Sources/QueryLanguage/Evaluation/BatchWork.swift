/// What worker threads do with each batch of records: run the leading
/// streaming stages, then keep the rows, encode them for output, or
/// aggregate them for a `summarize` that the calling thread merges.
struct BatchWork: Sendable {
  enum Finish: Sendable {
    case rows
    case encode(RecordEncoding)
    case summarize([AggregateItem], [NamedExpression])
    case count
  }

  let stages: [Stage]
  let slotCount: Int
  let evaluator: Evaluator
  let finish: Finish
  /// Asked every 256 records and every 4,096 rows that the stages make of
  /// them: Ctrl-C stops a slow statement inside a batch.
  var interruption: (@Sendable () -> Bool)?

  func run(on batch: RecordBatch) -> BatchResult {
    var rows: [Row] = []
    var bytes: [UInt8] = []
    var counted = 0
    var table: GroupTable?
    var failure: Diagnostic?
    var interrupted = false
    do {
      let emit: (Row) throws -> Void
      switch finish {
      case .rows:
        rows.reserveCapacity(batch.records.count)
        emit = { rows.append($0) }
      case .encode(let encode):
        emit = { row in
          encode(row.value, &bytes)
          counted += 1
        }
      case .summarize(let aggregates, let keys):
        let groups = GroupTable(aggregates: aggregates, keys: keys)
        table = groups
        emit = { row in try groups.add(row, evaluator) }
      case .count:
        emit = { _ in counted += 1 }
      }
      // Only `where`s (the common case): a plain loop over the conditions,
      // with no stage copied per record.
      let conditions = stages.compactMap { stage -> Expression? in
        if case .where(let condition) = stage { condition } else { nil }
      }
      let onlyConditions = conditions.count == stages.count
      // Stages such as `expand` may make many rows of one record.
      var made = 0
      let interruption = self.interruption
      let watchedEmit: (Row) throws -> Void = { row in
        made += 1
        if made & 4095 == 0, let interruption, interruption() { throw StopBatch() }
        try emit(row)
      }
      for (index, record) in batch.records.enumerated() {
        if index & 255 == 0, let interruption, interruption() {
          interrupted = true
          break
        }
        let row = Row(.json(record), slots: SlotView(all: batch.slots, base: index * slotCount))
        if onlyConditions {
          if try passes(row, conditions) { try emit(row) }
        } else {
          try pass(row, through: stages[...], emit: watchedEmit)
        }
      }
    } catch is StopBatch {
      interrupted = true
    } catch let error as Diagnostic {
      failure = error
    } catch {
      failure = Diagnostic("\(error)", at: SourceRange(0, 0))
    }
    let output: BatchResult.Output =
      switch finish {
      case .rows: .rows(rows)
      case .encode: .encoded(bytes, counted)
      case .summarize: .groups(table!)
      case .count: .count(counted)
      }
    return BatchResult(output: output, error: failure, interrupted: interrupted)
  }

  private func passes(_ row: Row, _ conditions: [Expression]) throws -> Bool {
    for index in conditions.indices where !(try evaluator.evaluate(conditions[index], row).isTruthy) {
      return false
    }
    return true
  }

  private func pass(_ row: Row, through stages: ArraySlice<Stage>, emit: (Row) throws -> Void) throws {
    guard let stage = stages.first else { return try emit(row) }
    try StreamingStages.apply(stage, to: row, evaluator) { output in
      try pass(output, through: stages.dropFirst(), emit: emit)
      return true
    }
  }
}

/// Thrown inside a batch when Ctrl-C stops it.
private struct StopBatch: Error {}

/// What a worker thread made of one batch, and the error that stopped it, if any.
struct BatchResult: Sendable {
  enum Output: Sendable {
    case rows([Row])
    case encoded([UInt8], Int)
    case groups(GroupTable)
    case count(Int)
  }

  var output: Output
  var error: Diagnostic?
  /// The statement was interrupted before the batch's end.
  var interrupted = false
}
