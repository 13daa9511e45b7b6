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
