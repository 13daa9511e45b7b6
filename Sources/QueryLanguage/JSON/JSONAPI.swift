// API STUB written by the lead; the JSON helper replaces every body here and may
// split this file (JSONBuffer.swift, JSONText.swift, PathTrie.swift, RecordReader.swift).
// The public signatures are the contract the evaluator compiles against.

/// JSON text in memory, followed by at least 64 zero bytes: a zero byte is
/// invalid anywhere in JSON, so scanners stop on it without bounds checks.
public final class JSONBuffer: @unchecked Sendable {
  public let base: UnsafePointer<UInt8>
  /// Bytes of JSON text, not counting the zero padding.
  public let count: Int
  private let release: @Sendable () -> Void

  /// Copies `bytes` into a new padded buffer.
  public convenience init(bytes: some Collection<UInt8>) { fatalError("stub") }

  /// Adopts memory that already ends in zero padding (an mmap'd file laid
  /// over a zero-filled region); `release` unmaps it.
  public init(adopting base: UnsafePointer<UInt8>, count: Int, release: @escaping @Sendable () -> Void) {
    self.base = base
    self.count = count
    self.release = release
  }

  deinit { release() }
}

public enum JSONKind: Sendable { case null, bool, number, string, array, object }

/// One whole JSON value inside a `JSONBuffer`, validated when its record was
/// read. It holds no reference to the buffer: whoever reads records keeps the
/// buffer alive for as long as their values are in use.
public struct JSONText: @unchecked Sendable {
  public let start: UnsafePointer<UInt8>
  public let count: Int
  public init(start: UnsafePointer<UInt8>, count: Int) {
    self.start = start
    self.count = count
  }
  public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }
  public var kind: JSONKind { fatalError("stub") }
  /// The member `key` of an object (the last one if repeated), nil when absent or not an object.
  public func member(_ key: String) -> JSONText? { fatalError("stub") }
  /// The members of an object in input order; empty for a non-object.
  public func members() -> [(key: String, value: JSONText)] { fatalError("stub") }
  /// The elements of an array; empty for a non-array.
  public func elements() -> [JSONText] { fatalError("stub") }
  /// Element `index` of an array (negative counts from the end), nil when out of range or not an array.
  public func element(at index: Int) -> JSONText? { fatalError("stub") }
  /// The decoded string, nil for a non-string.
  public var string: String? { fatalError("stub") }
  /// The number, nil for a non-number.
  public var number: Double? { fatalError("stub") }
  /// The boolean, nil for a non-boolean.
  public var bool: Bool? { fatalError("stub") }
  /// A string whose JSON text holds only ASCII and no escapes, as raw bytes
  /// without quotes: lets `==` against an ASCII literal compare bytes.
  public var plainASCIIString: UnsafeBufferPointer<UInt8>? { fatalError("stub") }
}

/// The key paths a query reads from records, shared by every record: the
/// reader finds all of them in one pass over each record.
public struct PathTrie: Sendable {
  public init() {}
  /// Registers `keys` (from the record's root, e.g. ["contact", "name"]) and returns its slot.
  public mutating func slot(for keys: [String]) -> Int { fatalError("stub") }
  public var slotCount: Int { 0 }
}

/// A run of consecutive records read from the input, in input order.
public struct RecordBatch: @unchecked Sendable {
  public let records: [JSONText]
  /// `slots[i * slotCount + s]`: the value at slot `s` of record `i`, nil when absent.
  public let slots: [JSONText?]
  public let slotCount: Int
  public init(records: [JSONText], slots: [JSONText?], slotCount: Int) {
    self.records = records
    self.slots = slots
    self.slotCount = slotCount
  }
}

/// Input that is not JSON of the accepted shapes, with where the fault is.
public struct JSONInputError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public let line: Int
  public let column: Int
  public init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }
  public var description: String { "\(message) at line \(line), column \(column)" }
}

public enum RecordReader {
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
    fatalError("stub")
  }
}
