import Dispatch

/// Reads a long run of records on several threads by guessing where chunks
/// of it begin, and keeping a chunk's result only once the chunk before it,
/// read from a known position, ended exactly where the guess put it.
///
/// The calling thread (the coordinator) walks the input in order: it takes
/// a chunk read by a worker when that chunk started at the true position,
/// and otherwise reads the chunk itself from the true position. So every
/// record reaches `consume` once, in input order, exactly as a sequential
/// read gives it; a worker's result from a wrong guess is dropped.
///
/// Two contexts: the elements of a record array (a guess is a `{` after
/// `}`, `,` and whitespace, which can also fall inside a string or a nested
/// array of objects), and the top-level sequence of values (a guess is a `{`
/// or `[` after a `}` or `]` and whitespace holding a newline, which in
/// valid JSON is always a boundary between top-level values).
///
/// `@unchecked Sendable` is safe: the mutable state marked below is only
/// touched with `monitor` locked, the coordinator's own state only by the
/// calling thread, and the rest is immutable.
final class SpeculativeSplit<Output: Sendable>: @unchecked Sendable {
  typealias Pointer = UnsafePointer<UInt8>

  enum Context {
    case elements(arrayDepth: Int)
    case sequence
  }

  /// Where a chunk's read ended (byte offsets).
  enum Stop {
    /// At the first element or value at or after the chunk's stop offset.
    case reached(Int)
    /// Just after the array's `]`.
    case ended(Int)
    case inputEnd
    /// A worker found no plausible start before the chunk's stop.
    case nothing
  }

  struct ChunkOutput {
    /// Where the chunk's records really start: a worker that fails from its
    /// guess tries again from the next plausible start.
    var start: Int
    var outputs: [Output]
    var stop: Stop
    /// How many times it tried again.
    var retries = 0
  }

  private enum TaskState {
    case pending
    /// Being read from `start` (the guess, or a later start after a retry).
    case running(start: Int)
    case done(ChunkOutput)
  }

  private struct Task {
    let start: Int
    /// `Int.max`: read to the end of the array or input.
    let stop: Int
    var state: TaskState
  }

  private let buffer: JSONBuffer
  private let base: Pointer
  private let trie: CompiledTrie
  private let context: Context
  private let workers: Int
  private let chunkSize: Int
  private let window: Int
  private let batchLimit: Int
  private let process: @Sendable (RecordBatch) -> Output
  private let monitor = Monitor()

  // Guarded by `monitor`.
  private var tasks: [Int: Task] = [:]
  private var retries = 0
  private var finished = false
  private var runningWorkers = 0

  // The coordinator's own.
  private(set) var statistics = SplitStatistics()
  private var guesses: [Int] = []
  private var scheduledThrough = 0

  init(
    buffer: JSONBuffer, trie: CompiledTrie, context: Context, workers: Int, chunkSize: Int,
    batchLimit: Int, process: @escaping @Sendable (RecordBatch) -> Output
  ) {
    self.buffer = buffer
    base = buffer.base
    self.trie = trie
    self.context = context
    self.workers = workers
    self.chunkSize = chunkSize
    // Enough chunks ahead to keep every worker busy while the coordinator
    // consumes; few enough to bound the memory held by finished chunks.
    window = 2 * workers + 2
    self.batchLimit = batchLimit
    self.process = process
  }

  // MARK: Coordinator

  /// Reads from `start` (an element start, or a top-level value start) to the
  /// end of the array or input, handing records to `main`'s sink or their
  /// processed outputs to `consume`, in order.
  func run(main: RecordStream, from start: Pointer, consume: (Output) throws -> Void) throws
    -> Stop
  {
    try main.flush()
    guesses = [start - base]
    startWorkers()
    defer { stopWorkers() }
    var helper: (stream: RecordStream, box: OutputBox<Output>)?
    var chunk = 0
    var position = start - base
    while true {
      while guess(chunk + 1) <= position { chunk += 1 }
      schedule(through: chunk + window)
      monitor.lock()
      for index in Array(tasks.keys) where index < chunk {
        if case .pending = tasks[index]!.state {} else { statistics.chunksDiscarded += 1 }
        tasks[index] = nil
      }
      if let task = tasks[chunk] {
        switch task.state {
        case .done(let output) where output.start == position:
          tasks[chunk] = nil
          monitor.unlock()
          statistics.chunksTaken += 1
          for value in output.outputs { try consume(value) }
          // A chunk that starts where it should ends where it should:
          // never `.nothing`, which starts at the chunk's stop.
          guard case .reached(let next) = output.stop else { return output.stop }
          position = next
          continue
        case .running(let start) where start == position:
          // Rather than wait, read a later chunk too.
          if let claimed = claimPending() {
            monitor.unlock()
            if helper == nil { helper = makeStream() }
            let output = readSpeculatively(claimed.index, claimed.task, helper!.stream, helper!.box)
            monitor.withLock { finish(claimed.index, output) }
          } else {
            monitor.wait()
            monitor.unlock()
          }
          continue
        default:
          break
        }
      }
      // Ours now: not guessed yet, not started, or started from a wrong position.
      if let task = tasks[chunk] {
        if case .pending = task.state {} else { statistics.chunksDiscarded += 1 }
      }
      tasks[chunk] = nil
      monitor.unlock()
      let stop = guess(chunk + 1)
      statistics.chunksReadDirectly += 1
      let result = try readDirectly(main, from: position, stop: stop)
      try main.flush()
      guard case .reached(let next) = result else { return result }
      position = next
    }
  }

  private func readDirectly(_ stream: RecordStream, from start: Int, stop: Int) throws -> Stop {
    let stopPointer = stop == Int.max ? nil : base + stop
    switch context {
    case .elements(let arrayDepth):
      switch try stream.readElements(from: base + start, arrayDepth: arrayDepth, stop: stopPointer) {
      case .reached(let next): return .reached(next - base)
      case .ended(let after): return .ended(after - base)
      }
    case .sequence:
      switch try stream.readSequence(from: base + start, stop: stopPointer) {
      case .reached(let next): return .reached(next - base)
      case .inputEnd: return .inputEnd
      }
    }
  }

  /// The guessed start of chunk `index`: the first plausible start at or
  /// after `index` chunk sizes from the first, and after the previous guess.
  private func guess(_ index: Int) -> Int {
    while guesses.count <= index {
      let previous = guesses[guesses.count - 1]
      guard previous != Int.max else {
        guesses.append(Int.max)
        continue
      }
      let target = max(guesses[0] + guesses.count * chunkSize, previous + 1)
      guesses.append(target >= buffer.count ? Int.max : candidate(from: target))
    }
    return guesses[index]
  }

  private func schedule(through last: Int) {
    guard last > scheduledThrough else { return }
    var new: [(Int, Task)] = []
    for index in (scheduledThrough + 1)...last {
      let start = guess(index)
      if start == Int.max { break }
      new.append((index, Task(start: start, stop: guess(index + 1), state: .pending)))
    }
    scheduledThrough = last
    guard !new.isEmpty else { return }
    monitor.withLock {
      for (index, task) in new { tasks[index] = task }
      monitor.broadcast()
    }
  }

  // MARK: Workers

  private func startWorkers() {
    for _ in 1..<max(workers, 1) {
      DispatchQueue.global(qos: .userInitiated).async { self.work() }
    }
  }

  private func stopWorkers() {
    monitor.lock()
    finished = true
    tasks.removeAll()
    monitor.broadcast()
    while runningWorkers > 0 { monitor.wait() }
    statistics.retries = retries
    monitor.unlock()
  }

  private func work() {
    monitor.lock()
    // A worker that starts after the run ended touches nothing.
    guard !finished else {
      monitor.unlock()
      return
    }
    runningWorkers += 1
    monitor.unlock()
    let (stream, box) = makeStream()
    monitor.lock()
    while !finished {
      guard let claimed = claimPending() else {
        monitor.wait()
        continue
      }
      monitor.unlock()
      let output = readSpeculatively(claimed.index, claimed.task, stream, box)
      monitor.lock()
      finish(claimed.index, output)
    }
    runningWorkers -= 1
    monitor.broadcast()
    monitor.unlock()
  }

  /// The first pending chunk, now running. Call with `monitor` locked.
  private func claimPending() -> (index: Int, task: Task)? {
    guard
      let index = tasks.filter({ if case .pending = $0.value.state { true } else { false } })
        .keys.min()
    else { return nil }
    tasks[index]!.state = .running(start: tasks[index]!.start)
    return (index, tasks[index]!)
  }

  /// Stores a chunk's output, unless the chunk was given up. Call with `monitor` locked.
  private func finish(_ index: Int, _ output: ChunkOutput) {
    retries += output.retries
    if let task = tasks[index], case .running = task.state {
      tasks[index]!.state = .done(output)
    }
    monitor.broadcast()
  }

  private func isAbandoned(_ index: Int) -> Bool {
    monitor.withLock {
      guard !finished, let task = tasks[index], case .running = task.state else { return true }
      return false
    }
  }

  private func makeStream() -> (stream: RecordStream, box: OutputBox<Output>) {
    let box = OutputBox<Output>()
    let process = self.process
    let stream = RecordStream(buffer: buffer, trie: trie, batchLimit: batchLimit) { batch in
      box.outputs.append(process(batch))
    }
    return (stream, box)
  }

  /// Reads a chunk from its guessed start; when the read fails (a fault, or
  /// an array that ends almost at once, as a nested array of objects does),
  /// the guess was wrong, and it tries again from the next plausible start.
  private func readSpeculatively(
    _ index: Int, _ task: Task, _ stream: RecordStream, _ box: OutputBox<Output>
  ) -> ChunkOutput {
    stream.shouldAbandon = { [unowned self] in self.isAbandoned(index) }
    defer { stream.shouldAbandon = nil }
    var start = task.start
    var retries = 0
    while start < task.stop {
      stream.reset()
      box.outputs = []
      var retryAfter: Int
      do {
        let stop = try readDirectly(stream, from: start, stop: task.stop)
        switch stop {
        case .ended(let after) where stream.recordsRead < 4:
          retryAfter = after
        default:
          try stream.flush()
          return ChunkOutput(start: start, outputs: box.take(), stop: stop, retries: retries)
        }
      } catch let fault as ScanFault {
        retryAfter = fault.offset
      } catch {
        // Abandoned.
        break
      }
      start = candidate(from: retryAfter + 1)
      retries += 1
      let retriedFrom = start
      monitor.withLock {
        if let task = tasks[index], case .running = task.state {
          tasks[index]!.state = .running(start: retriedFrom)
        }
      }
    }
    box.outputs = []
    return ChunkOutput(start: task.stop, outputs: [], stop: .nothing, retries: retries)
  }

  // MARK: Guessing

  /// The first plausible chunk start at or after `offset`, `Int.max` if none.
  private func candidate(from offset: Int) -> Int {
    switch context {
    case .elements: return ChunkBoundary.element(in: buffer, from: offset)
    case .sequence: return ChunkBoundary.sequence(in: buffer, from: offset, limit: buffer.count)
    }
  }
}

/// Where a stream's sink puts a worker's processed batches.
final class OutputBox<Output> {
  var outputs: [Output] = []

  func take() -> [Output] {
    defer { outputs = [] }
    return outputs
  }
}
