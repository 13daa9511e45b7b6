/// Runs statements against a record source, keeping `let` bindings and
/// parameters between them (a script, or a whole REPL session).
public final class QuerySession {
  public var parameters: [String: Value]
  /// Fixes `now()` per statement: called once at each statement's start.
  public var clock: @Sendable () -> Double
  public var defaultTimeZone: String?
  /// Asked between batches of records: true stops the statement with `QueryInterrupted` (Ctrl-C).
  public var interruption: (@Sendable () -> Bool)?
  /// Where `conversations` come from; `.refresh` swaps in the new records.
  public var source: RecordSource
  private var lets: [String: (rows: [Row], shape: Shape)] = [:]

  public init(
    source: RecordSource, parameters: [String: Value] = [:],
    clock: @escaping @Sendable () -> Double, defaultTimeZone: String? = nil
  ) {
    self.source = source
    self.parameters = parameters
    self.clock = clock
    self.defaultTimeZone = defaultTimeZone
  }

  /// Names bound by `let` so far, for the parser and completion.
  public var letNames: Set<String> { Set(lets.keys) }

  /// Parses a script with this session's parameters and lets.
  public func parse(_ source: String) throws(Diagnostic) -> Script {
    try Parser.parse(source, parameters: parameters, knownLets: letNames)
  }

  /// Runs one statement (not a dot-command, which the shell runs).
  /// Throws a `Diagnostic` for a query error, or what the source or output throws.
  public func run(_ statement: Statement, output: ResultOutput) throws {
    let evaluator = Evaluator(
      context: FunctionContext(now: clock(), defaultTimeZone: defaultTimeZone))
    switch statement {
    case .dotCommand: return
    case .pipeline(let pipeline):
      let plan = makePlan(pipeline, printsWholeRecords: output.printsWholeRecords)
      try output.begin(columns: plan.columns)
      try execute(plan, pipeline.source, evaluator, sink: OutputSink(output), output: output)
      try output.end()
    case .let(let name, let pipeline):
      let plan = makePlan(pipeline, printsWholeRecords: true)
      let collector = RowCollector()
      try execute(plan, pipeline.source, evaluator, sink: collector)
      lets[name] = (collector.rows.map { Row($0.value) }, plan.resultShape)
    }
  }

  private func makePlan(_ pipeline: Pipeline, printsWholeRecords: Bool) -> Plan {
    let (readsSource, shape): (Bool, Shape) =
      switch pipeline.source {
      case .conversations: (true, .conversations(extra: []))
      case .name(let name): (false, lets[name]?.shape ?? .other)
      }
    return Plan(
      pipeline, readsSource: readsSource, inputShape: shape, printsWholeRecords: printsWholeRecords)
  }

  private func execute(
    _ plan: Plan, _ from: PipelineSource, _ evaluator: Evaluator, sink: RowSink,
    output: ResultOutput? = nil
  ) throws {
    var mainStages = plan.mainStages[...]
    var summarizer: SummarizeRunner?
    if case .summarize = mainStages.first, case .conversations = from { mainStages = mainStages.dropFirst() }
    var head = sink
    for stage in mainStages.reversed() {
      head = StageRunner.make(stage, evaluator: evaluator, downstream: head)
    }
    if case .summarize(let aggregates, let keys) = plan.mainStages.first, case .conversations = from {
      summarizer = SummarizeRunner(aggregates: aggregates, keys: keys, evaluator: evaluator, downstream: head)
    }
    switch from {
    case .name(let name):
      let chain = plan.workerStages.reversed().reduce(head) { downstream, stage in
        StageRunner.make(stage, evaluator: evaluator, downstream: downstream)
      }
      for (index, row) in (lets[name]?.rows ?? []).enumerated() {
        if index % 4096 == 0, interruption?() == true { throw QueryInterrupted() }
        guard try chain.push(row) else { break }
      }
      try chain.finish()
    case .conversations:
      // A leading `count` counts on the workers: no row travels back.
      let counter = summarizer == nil ? head as? CountRunner : nil
      let work = BatchWork(
        stages: plan.workerStages, slotCount: plan.paths.slotCount, evaluator: evaluator,
        finish: summarizer.map { .summarize($0.table.aggregates, $0.table.keys) }
          ?? counter.map { _ in .count }
          ?? (plan.mainStages.isEmpty ? output?.recordEncoder().map(BatchWork.Finish.encode) : nil)
            ?? .rows,
        interruption: interruption)
      try source.read(paths: plan.paths) { batch in
        work.run(on: batch)
      } consume: { result in
        if result.interrupted || interruption?() == true { throw QueryInterrupted() }
        switch result.output {
        case .rows(let rows):
          for row in rows {
            guard try head.push(row) else { return false }
          }
        case .encoded(let bytes, let count): try output?.write(encoded: bytes, records: count)
        case .groups(let table): summarizer?.merge(table)
        case .count(let count): counter?.count += count
        }
        if let error = result.error { throw error }
        return true
      }
      try (summarizer ?? head).finish()
    }
  }
}

/// A statement stopped by Ctrl-C.
public struct QueryInterrupted: Error, Sendable {
  public init() {}
}

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

/// The end of a pipeline that prints.
private final class OutputSink: RowSink {
  let output: ResultOutput
  init(_ output: ResultOutput) { self.output = output }
  func push(_ row: Row) throws -> Bool {
    try output.write(row.value)
    return true
  }
  func finish() throws {}
}

/// The end of a pipeline bound by `let`.
private final class RowCollector: RowSink {
  var rows: [Row] = []
  func push(_ row: Row) throws -> Bool {
    rows.append(row)
    return true
  }
  func finish() throws {}
}
