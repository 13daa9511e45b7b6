import OutputFormatting
import QueryLanguage

/// Prints statement results in the chosen format to stdout.
final class FormattedOutput: ResultOutput {
  private var writer: ResultWriter

  init(options: OutputOptions, output: StandardOutput) {
    writer = ResultWriter(options: options) { bytes in output.write(bytes) }
  }

  var printsWholeRecords: Bool {
    writer.options.format == .json || writer.options.format == .ndjson
  }

  func begin(columns: [String]?) throws { try writer.begin(columns: columns) }
  func write(_ record: Value) throws { try writer.write(record) }
  func end() throws { try writer.end() }

  func recordEncoder() -> RecordEncoding? {
    guard let encoder = writer.makeEncoder() else { return nil }
    return { record, bytes in encoder.append(record, to: &bytes) }
  }

  func write(encoded bytes: [UInt8], records: Int) throws {
    try writer.write(encoded: bytes, records: records)
  }
}
