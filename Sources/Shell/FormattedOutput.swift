import OutputFormatting
import QueryLanguage

/// Prints statement results in one format to a byte sink.
public final class FormattedOutput: ResultOutput {
  private var writer: ResultWriter

  public init(options: OutputOptions, sink: @escaping ResultWriter.Sink) {
    writer = ResultWriter(options: options, sink: sink)
  }

  public var options: OutputOptions { writer.options }

  public var printsWholeRecords: Bool {
    writer.options.format == .json || writer.options.format == .ndjson
  }

  public func begin(columns: [String]?) throws { try writer.begin(columns: columns) }
  public func write(_ record: Value) throws { try writer.write(record) }
  public func end() throws { try writer.end() }

  public func recordEncoder() -> RecordEncoding? {
    guard let encoder = writer.makeEncoder() else { return nil }
    return { record, bytes in encoder.append(record, to: &bytes) }
  }

  public func write(encoded bytes: [UInt8], records: Int) throws {
    try writer.write(encoded: bytes, records: records)
  }
}
