/// Runs statements against a record source, keeping `let` bindings and
/// parameters between them (a script, or a whole REPL session).
public final class QuerySession {
  public var parameters: [String: Value]
  /// Fixes `now()` per statement: called once at each statement's start.
  public var clock: @Sendable () -> Double
  public var defaultTimeZone: String?
  private let source: RecordSource
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
      try execute(plan, pipeline.source, evaluator, sink: OutputSink(output))
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

  private func execute(_ plan: Plan, _ from: PipelineSource, _ evaluator: Evaluator, sink: RowSink) throws {
    var head = sink
    for stage in plan.mainStages.reversed() {
      head = StageRunner.make(stage, evaluator: evaluator, downstream: head)
    }
    switch from {
    case .name(let name):
      let chain = plan.workerStages.reversed().reduce(head) { downstream, stage in
        StageRunner.make(stage, evaluator: evaluator, downstream: downstream)
      }
      for row in lets[name]?.rows ?? [] {
        guard try chain.push(row) else { break }
      }
      try chain.finish()
    case .conversations:
      let workerStages = plan.workerStages
      let slotCount = plan.paths.slotCount
      try source.read(paths: plan.paths) { batch in
        BatchResult.run(workerStages, on: batch, slotCount: slotCount, evaluator)
      } consume: { result in
        for row in result.rows {
          guard try head.push(row) else { return false }
        }
        if let error = result.error { throw error }
        return true
      }
      try head.finish()
    }
  }
}

/// What a worker thread made of one batch: the rows after the worker stages,
/// and the error that stopped it, if any.
struct BatchResult: Sendable {
  var rows: [Row] = []
  var error: Diagnostic?

  static func run(_ stages: [Stage], on batch: RecordBatch, slotCount: Int, _ evaluator: Evaluator)
    -> BatchResult
  {
    var result = BatchResult()
    result.rows.reserveCapacity(batch.records.count)
    do {
      for (index, record) in batch.records.enumerated() {
        let row = Row(.json(record), slots: SlotView(all: batch.slots, base: index * slotCount))
        try pass(row, through: stages[...], evaluator) { result.rows.append($0) }
      }
    } catch let error as Diagnostic {
      result.error = error
    } catch {
      result.error = Diagnostic("\(error)", at: SourceRange(0, 0))
    }
    return result
  }

  private static func pass(
    _ row: Row, through stages: ArraySlice<Stage>, _ evaluator: Evaluator, emit: (Row) -> Void
  ) throws {
    guard let stage = stages.first else { return emit(row) }
    try StreamingStages.apply(stage, to: row, evaluator) { output in
      try pass(output, through: stages.dropFirst(), evaluator, emit: emit)
      return true
    }
  }
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
