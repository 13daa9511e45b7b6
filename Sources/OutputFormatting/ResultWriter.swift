import QueryLanguage

/// Writes the results of a script's statements to a byte sink, one
/// statement at a time: `begin(columns:)`, `write(_:)` for each record,
/// `end()`.
///
/// - json: one array per statement (`[]` when empty), arrays one after
///   another; ndjson: one compact record per line, on across statements.
/// - table, csv, tsv: a header row (unless `header` is off) per statement,
///   statements separated by one empty line. A table is held until `end()`;
///   the other formats stream, buffered in chunks of 64 KiB.
///
/// The sink receives the bytes; it decides what a failed write means (a
/// closed pipe ends dcq quietly), and its error comes out of the call that
/// flushed. Every statement is flushed at its `end()`, so a table reaches the
/// sink in one call (with the empty line before it): the caller can count its
/// lines to choose a pager.
///
/// ```
/// var writer = ResultWriter(options: OutputOptions(format: .csv)) { bytes in
///   try standardOutput.write(bytes)
/// }
/// try writer.begin(columns: nil)
/// try writer.write(record)
/// try writer.end()
/// ```
public struct ResultWriter {
  public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

  public let options: OutputOptions
  private let sink: Sink
  private var buffer: [UInt8] = []
  private static let flushThreshold = 1 << 16

  /// The current statement's column set for table, csv and tsv: as given
  /// to `begin(columns:)`, or once known, the keys of its first record.
  public private(set) var columns: [String]?
  private var encoder: RecordEncoder?
  private var table: TableFormatter?
  private var statementOpen = false
  private var recordCount = 0
  /// Whether this statement has written anything yet (its separator is due
  /// before that).
  private var statementStarted = false
  /// Whether any statement has written anything.
  private var anyOutput = false

  public init(options: OutputOptions, sink: @escaping Sink) {
    self.options = options
    self.sink = sink
  }

  /// Starts a statement's result. `columns` is the column set for table,
  /// csv and tsv (ignored by json and ndjson, which write whole records);
  /// nil takes the keys of the first record, and a table also adds keys
  /// first seen in later records. An open statement is ended first.
  public mutating func begin(columns: [String]?) throws {
    if statementOpen { try end() }
    statementOpen = true
    statementStarted = false
    recordCount = 0
    self.columns = columns
    encoder = nil
    table = nil
    switch options.format {
    case .table:
      table = TableFormatter(
        columns: columns, header: options.header, color: options.color, width: options.terminalWidth
      )
    case .json, .ndjson:
      encoder = RecordEncoder(format: options.format, columns: [])
    case .csv, .tsv:
      if let columns { startDelimited(columns: columns) }
    }
  }

  /// Writes one record of the current statement.
  public mutating func write(_ record: Value) throws {
    precondition(statementOpen, "write(_:) outside begin(columns:) … end()")
    if table != nil {
      table!.add(record)
      recordCount += 1
      return
    }
    if encoder == nil {
      startDelimited(columns: RecordFields.keys(of: record) ?? [RecordFields.valueColumn])
    }
    startOutput()
    let start = buffer.count
    encoder!.append(record, to: &buffer)
    recordsWritten(from: start, count: 1)
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  /// An encoder for the current statement's records, for encoding them on
  /// other threads; nil for a table, and for csv or tsv until the columns
  /// are known (write the first record with `write(_:)`).
  public func makeEncoder() -> RecordEncoder? {
    encoder
  }

  /// Writes records encoded by `makeEncoder()`'s encoder, in order.
  public mutating func write(encoded bytes: [UInt8], records: Int = 1) throws {
    precondition(statementOpen && encoder != nil, "write(encoded:) needs makeEncoder()")
    guard !bytes.isEmpty else { return }
    startOutput()
    let start = buffer.count
    buffer.append(contentsOf: bytes)
    recordsWritten(from: start, count: records)
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  /// Ends the current statement's result and flushes it to the sink.
  public mutating func end() throws {
    guard statementOpen else { return }
    statementOpen = false
    switch options.format {
    case .table:
      startOutput()
      table?.render(to: &buffer)
      table = nil
    case .json:
      if recordCount == 0 {
        startOutput()
        buffer.append(contentsOf: "[]\n".utf8)
      } else {
        buffer.append(contentsOf: "\n]\n".utf8)
      }
    case .ndjson, .csv, .tsv:
      break
    }
    try flush()
  }

  /// Hands the buffered bytes to the sink.
  public mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try buffer.withUnsafeBytes { try sink($0) }
  }

  /// Records the csv or tsv column set and writes the header row.
  private mutating func startDelimited(columns: [String]) {
    self.columns = columns
    let encoder = RecordEncoder(format: options.format, columns: columns)
    self.encoder = encoder
    if options.header {
      startOutput()
      encoder.appendHeader(to: &buffer)
    }
  }

  /// Counts records appended to the buffer from `start`; the first of a
  /// json statement opens its array in place of its leading comma.
  private mutating func recordsWritten(from start: Int, count: Int) {
    if recordCount == 0, options.format == .json { buffer[start] = UInt8(ascii: "[") }
    recordCount += count
  }

  /// Marks the statement as having written output, writing the empty line
  /// that separates table, csv and tsv results first.
  private mutating func startOutput() {
    guard !statementStarted else { return }
    statementStarted = true
    if anyOutput, options.format == .table || options.format == .csv || options.format == .tsv {
      buffer.append(0x0A)
    }
    anyOutput = true
  }
}
