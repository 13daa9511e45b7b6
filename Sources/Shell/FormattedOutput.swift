import OutputFormatting
import QueryLanguage

/// Prints statement results in one format to a byte sink.
public final class FormattedOutput: ResultOutput {
  private var writer: ResultWriter
  /// Keeps each statement's records for `.save` (and then encodes none on worker threads).
  let keepsResults: Bool
  /// The last statement's columns and records, when kept.
  private(set) var lastResult: (columns: [String]?, records: [Value])?

  public init(options: OutputOptions, keepsResults: Bool = false, sink: @escaping ResultWriter.Sink) {
    writer = ResultWriter(options: options, sink: sink)
    self.keepsResults = keepsResults
  }

  public var options: OutputOptions { writer.options }

  public var printsWholeRecords: Bool {
    writer.options.format == .json || writer.options.format == .ndjson
  }

  public func begin(columns: [String]?) throws {
    if keepsResults { lastResult = (columns, []) }
    try writer.begin(columns: columns)
  }

  public func write(_ record: Value) throws {
    if keepsResults { lastResult?.records.append(record) }
    try writer.write(record)
  }
  public func end() throws { try writer.end() }

  public func recordEncoder() -> RecordEncoding? {
    guard !keepsResults, let encoder = writer.makeEncoder() else { return nil }
    return { record, bytes in encoder.append(record, to: &bytes) }
  }

  public func write(encoded bytes: [UInt8], records: Int) throws {
    try writer.write(encoded: bytes, records: records)
  }
}
