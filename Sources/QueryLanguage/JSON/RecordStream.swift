/// Reads records sequentially from a buffer and hands them on in batches:
/// the top-level sequence of values, arrays of records, API pages.
///
/// One stream belongs to one thread; it owns the scratch memory its scanner
/// writes to. Positions before `end` are trusted to be inside the buffer.
final class RecordStream {
  typealias Pointer = UnsafePointer<UInt8>

  enum ArrayStop {
    /// At the first element that starts at or after the stop position.
    case reached(Pointer)
    /// Just after the array's closing `]`.
    case ended(Pointer)
  }

  enum SequenceStop {
    /// At the first top-level value that starts at or after the stop position.
    case reached(Pointer)
    case inputEnd
  }

  let scanner: JSONScanner
  let base: Pointer
  let end: Pointer
  let slotCount: Int
  /// Records per batch.
  let batchLimit: Int
  /// Receives each full batch, and the last one on `flush()`.
  var sink: (RecordBatch) throws -> Void
  /// Reads the elements of a record array from its first element (the
  /// position and the array's depth) and returns the position after its `]`;
  /// nil reads them here, sequentially.
  var arrayReader: ((Pointer, Int) throws -> Pointer)?
  /// Asked every 64 records; true abandons the scan with `ReadAbandoned`.
  var shouldAbandon: (() -> Bool)?
  /// Records read since the last `reset()`.
  private(set) var recordsRead = 0

  private var records: [JSONText] = []
  private var slots: [JSONText?] = []
  /// Keeps alive the tables `scanner` reads through pointers.
  private let trie: CompiledTrie
  private let slotScratch: UnsafeMutablePointer<JSONText?>
  private let containerBits: UnsafeMutablePointer<UInt64>

  init(
    buffer: JSONBuffer, trie: CompiledTrie, batchLimit: Int,
    sink: @escaping (RecordBatch) throws -> Void
  ) {
    base = buffer.base
    end = buffer.base + buffer.count
    slotCount = trie.view.slotCount
    self.trie = trie
    self.batchLimit = batchLimit
    self.sink = sink
    slotScratch = .allocate(capacity: max(slotCount, 1))
    slotScratch.initialize(repeating: nil, count: max(slotCount, 1))
    containerBits = .allocate(capacity: 8)
    containerBits.initialize(repeating: 0, count: 8)
    scanner = JSONScanner(
      base: base, end: end, trie: trie.view, slots: slotScratch, containerBits: containerBits)
    records.reserveCapacity(batchLimit)
  }

  deinit {
    slotScratch.deinitialize(count: max(slotCount, 1))
    slotScratch.deallocate()
    containerBits.deallocate()
  }

  // MARK: Batches

  func appendRecord(_ start: Pointer, _ after: Pointer) throws {
    records.append(JSONText(start: start, count: after - start))
    if slotCount > 0 {
      slots.append(contentsOf: UnsafeBufferPointer(start: slotScratch, count: slotCount))
    }
    recordsRead += 1
    if records.count >= batchLimit { try flush() }
    if recordsRead & 63 == 0, let shouldAbandon, shouldAbandon() { throw ReadAbandoned() }
  }

  /// Hands on the records read so far.
  func flush() throws {
    guard !records.isEmpty else { return }
    let batch = RecordBatch(records: records, slots: slots, slotCount: slotCount)
    records = []
    records.reserveCapacity(batchLimit)
    slots = []
    try sink(batch)
  }

  /// Forgets the records read and not yet handed on.
  func reset() {
    records.removeAll(keepingCapacity: true)
    slots.removeAll(keepingCapacity: true)
    recordsRead = 0
  }

  // MARK: Reading

  /// Reads top-level values from `start` until the input ends or a value
  /// starts at or after `stop`.
  func readSequence(from start: Pointer, stop: Pointer?) throws -> SequenceStop {
    var position = start
    while true {
      position = scanner.skipWhitespace(position)
      if position >= end { return .inputEnd }
      if let stop, position >= stop { return .reached(position) }
      position = try readTopLevelValue(position)
    }
  }

  /// Reads the top-level value at `start`; returns the position after it.
  func readTopLevelValue(_ start: Pointer) throws -> Pointer {
    switch start.pointee {
    case UInt8(ascii: "["): return try readArray(open: start, depth: 1)
    case UInt8(ascii: "{"): return try readTopLevelObject(start)
    default: throw notAnObject(start)
    }
  }

  /// Reads the record array whose `[` is at `open`, `depth` containers deep
  /// counting itself; returns the position after its `]`.
  func readArray(open: Pointer, depth: Int) throws -> Pointer {
    let first = scanner.skipWhitespace(open + 1)
    if first.pointee == UInt8(ascii: "]") { return first + 1 }
    if let arrayReader { return try arrayReader(first, depth) }
    guard case .ended(let after) = try readElements(from: first, arrayDepth: depth, stop: nil) else {
      preconditionFailure("a read without a stop position ends with the array")
    }
    return after
  }

  /// Reads records from the array element at `start` until the array ends
  /// or an element starts at or after `stop`.
  func readElements(from start: Pointer, arrayDepth: Int, stop: Pointer?) throws -> ArrayStop {
    var position = start
    while true {
      if let stop, position >= stop { return .reached(position) }
      guard position.pointee == UInt8(ascii: "{") else { throw notAnObject(position) }
      let after = try scanner.scanRecord(position, depth: arrayDepth + 1)
      try appendRecord(position, after)
      position = scanner.skipWhitespace(after)
      switch position.pointee {
      case UInt8(ascii: ","):
        let comma = position
        position = scanner.skipWhitespace(position + 1)
        if position.pointee == UInt8(ascii: "]") { throw scanner.fault(comma, .trailingComma) }
      case UInt8(ascii: "]"):
        return .ended(position + 1)
      default:
        throw scanner.unexpected(position)
      }
    }
  }

  /// The fault for a value where a record (or, at the top, an array) belongs.
  func notAnObject(_ position: Pointer) -> ScanFault {
    let kind: JSONKind
    switch position.pointee {
    case UInt8(ascii: "["): kind = .array
    case UInt8(ascii: "{"): kind = .object
    default:
      do {
        _ = try scanner.scanScalar(position)
      } catch {
        return error
      }
      kind = JSONText(start: position, count: 1).kind
    }
    return scanner.fault(position, .notAnObject(kind))
  }
}

/// A speculative read given up because its result is no longer wanted.
struct ReadAbandoned: Error {}
