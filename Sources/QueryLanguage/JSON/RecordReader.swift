public enum RecordReader {
  /// Bytes per chunk when records are read on several threads.
  static let chunkSize = 1 << 20
  /// Records per batch.
  static let batchLimit = 1024

  /// Reads every record of `buffer`: a JSON array of objects, an API page
  /// `{"count":..,"data":[..]}`, objects, or any sequence of these (NDJSON).
  /// The whole text is validated. `process` runs on up to `workers` threads,
  /// possibly also for batches whose result is then thrown away (a
  /// speculative split); `consume` runs on the calling thread in input order
  /// and returns false to stop early. A `JSONInputError` is thrown after
  /// every batch before the fault was consumed.
  public static func read<T: Sendable>(
    _ buffer: JSONBuffer, paths: PathTrie, workers: Int,
    process: @escaping @Sendable (RecordBatch) -> T,
    consume: (T) throws -> Bool
  ) throws {
    try read(
      buffer, paths: paths, workers: workers, chunkSize: chunkSize, process: process,
      consume: consume)
  }

  /// `read` with a chosen chunk size, so tests can split small inputs, and
  /// a report of how the splitting went.
  static func read<T: Sendable>(
    _ buffer: JSONBuffer, paths: PathTrie, workers: Int, chunkSize: Int,
    process: @escaping @Sendable (RecordBatch) -> T,
    consume: (T) throws -> Bool,
    statistics: ((SplitStatistics) -> Void)? = nil
  ) throws {
    let trie = CompiledTrie(paths)
    try withoutActuallyEscaping(consume) { consume in
      let handOn: (T) throws -> Void = { output in
        guard try consume(output) else { throw ReadStopped() }
      }
      let main = RecordStream(buffer: buffer, trie: trie, batchLimit: batchLimit) { batch in
        try handOn(process(batch))
      }
      let reader = ParallelReader(
        buffer: buffer, trie: trie, main: main, workers: workers, chunkSize: chunkSize,
        process: process, consume: handOn)
      defer { statistics?(reader.statistics) }
      do {
        try reader.readAll()
      } catch let fault as ScanFault {
        // Records before the fault still count.
        do { try main.flush() } catch is ReadStopped { return }
        throw fault.inputError(in: buffer)
      } catch is ReadStopped {
        return
      }
    }
  }
}

/// `consume` asked to stop.
struct ReadStopped: Error {}

/// The calling thread's side of a read: reads the input in order, and hands
/// long runs of records to a `SpeculativeSplit` when there are workers.
private final class ParallelReader<Output: Sendable> {
  typealias Pointer = UnsafePointer<UInt8>

  let buffer: JSONBuffer
  let trie: CompiledTrie
  let main: RecordStream
  let workers: Int
  let chunkSize: Int
  let process: @Sendable (RecordBatch) -> Output
  let consume: (Output) throws -> Void
  private(set) var statistics = SplitStatistics()

  init(
    buffer: JSONBuffer, trie: CompiledTrie, main: RecordStream, workers: Int, chunkSize: Int,
    process: @escaping @Sendable (RecordBatch) -> Output, consume: @escaping (Output) throws -> Void
  ) {
    self.buffer = buffer
    self.trie = trie
    self.main = main
    self.workers = workers
    self.chunkSize = chunkSize
    self.process = process
    self.consume = consume
  }

  /// Inputs shorter than this are read on the calling thread alone.
  var parallelThreshold: Int { 4 * chunkSize }

  /// Where the text starts: after a UTF-8 byte order mark, which RFC 8259
  /// lets a parser ignore.
  var textStart: Pointer {
    let base = buffer.base
    let hasMark = buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
    return hasMark ? base + 3 : base
  }

  func readAll() throws {
    guard workers > 1 else {
      _ = try main.readSequence(from: textStart, stop: nil)
      try main.flush()
      return
    }
    main.arrayReader = { [unowned self] first, depth in try self.readArray(from: first, depth: depth) }
    defer { main.arrayReader = nil }
    let end = buffer.base + buffer.count
    var position = textStart
    // No boundary between top-level values was found before this offset.
    var searchedUpTo = 0
    while true {
      position = main.scanner.skipWhitespace(position)
      if position >= end { break }
      let offset = position - buffer.base
      if end - position >= parallelThreshold && offset >= searchedUpTo {
        searchedUpTo = min(buffer.count, offset + 2 * chunkSize)
        let boundary = ChunkBoundary.sequence(in: buffer, from: offset + 1, limit: searchedUpTo)
        if boundary != Int.max {
          // Many top-level values (NDJSON): split between them; each value
          // is read whole by one thread.
          main.arrayReader = nil
          _ = try split(.sequence, from: position)
          break
        }
      }
      position = try main.readTopLevelValue(position)
    }
    try main.flush()
  }

  /// Reads a record array from its first element; returns the position after its `]`.
  private func readArray(from first: Pointer, depth: Int) throws -> Pointer {
    let remaining = buffer.base + buffer.count - first
    if remaining >= parallelThreshold {
      let stop = try split(.elements(arrayDepth: depth), from: first)
      if case .ended(let after) = stop { return buffer.base + after }
      preconditionFailure("a record array read ends with the array")
    }
    guard case .ended(let after) = try main.readElements(from: first, arrayDepth: depth, stop: nil)
    else { preconditionFailure("a read without a stop position ends with the array") }
    return after
  }

  /// Reads from `start` to the end of its array or of the input on all workers.
  private func split(_ context: SpeculativeSplit<Output>.Context, from start: Pointer) throws
    -> SpeculativeSplit<Output>.Stop
  {
    let split = SpeculativeSplit(
      buffer: buffer, trie: trie, context: context, workers: workers, chunkSize: chunkSize,
      batchLimit: RecordReader.batchLimit, process: process)
    defer { statistics = statistics + split.statistics }
    return try split.run(main: main, from: start, consume: consume)
  }
}
