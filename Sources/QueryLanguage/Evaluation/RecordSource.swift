/// Where `conversations` come from: a JSON file, stdin, or (later) the cache.
public protocol RecordSource: Sendable {
  /// Reads every record, finding `paths` in each; see `RecordReader.read`.
  func read<T: Sendable>(
    paths: PathTrie, process: @escaping @Sendable (RecordBatch) -> T, consume: (T) throws -> Bool
  ) throws
}

/// Records in a JSON text in memory (a mapped file or stdin).
public struct JSONRecordSource: RecordSource {
  public let buffer: JSONBuffer
  public let workers: Int

  public init(buffer: JSONBuffer, workers: Int) {
    self.buffer = buffer
    self.workers = workers
  }

  public func read<T: Sendable>(
    paths: PathTrie, process: @escaping @Sendable (RecordBatch) -> T, consume: (T) throws -> Bool
  ) throws {
    try RecordReader.read(buffer, paths: paths, workers: workers, process: process, consume: consume)
  }
}

/// Receives the results of statements, one statement at a time.
public protocol ResultOutput: AnyObject {
  /// True when whole conversations print as they are (json, ndjson); false
  /// when they print as the default column set (table, csv, tsv).
  var printsWholeRecords: Bool { get }
  /// A statement's result starts; `columns` is its column set when known.
  func begin(columns: [String]?) throws
  func write(_ record: Value) throws
  func end() throws
  /// Encodes a record the way `write` would, on any thread; nil when the
  /// format cannot (a table needs every row before it prints).
  func recordEncoder() -> RecordEncoding?
  /// Writes records encoded by `recordEncoder()`, in order.
  func write(encoded bytes: [UInt8], records: Int) throws
}

/// Appends one record's text to a buffer; safe to call from worker threads.
public typealias RecordEncoding = @Sendable (Value, inout [UInt8]) -> Void

/// No records at all: for parsing and planning before any input is open.
public struct EmptyRecordSource: RecordSource {
  public init() {}
  public func read<T: Sendable>(
    paths: PathTrie, process: @escaping @Sendable (RecordBatch) -> T, consume: (T) throws -> Bool
  ) throws {}
}
