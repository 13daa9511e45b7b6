import QueryLanguage

/// Encodes records of one statement for a streaming format (json, ndjson,
/// csv, tsv), one after another into a byte buffer.
///
/// A value type holding only the format and the columns: worker threads may
/// each encode their own batch of records and hand the bytes, in order, to
/// `ResultWriter.write(encoded:)`.
///
/// - ndjson: a compact record and a newline.
/// - json: `,\n  ` then the record indented at level 1; `ResultWriter` turns
///   the first comma of a statement into its `[`.
/// - csv, tsv: the record's `columns` as fields (a record that is not an
///   object: the record alone), and a newline.
public struct RecordEncoder: Sendable {
  public let format: OutputFormat
  /// The columns csv and tsv write; json and ndjson write whole records.
  public let columns: [String]

  /// An encoder for `format`, which may not be `table` (a table needs all
  /// its rows: see `TableFormatter`).
  public init(format: OutputFormat, columns: [String]) {
    precondition(format != .table, "a table is not streamed: use TableFormatter")
    self.format = format
    self.columns = columns
  }

  /// Appends one record.
  public func append(_ record: Value, to output: inout [UInt8]) {
    switch format {
    case .ndjson:
      JSONWriter.appendCompact(record, to: &output)
      output.append(0x0A)
    case .json:
      output.append(UInt8(ascii: ","))
      JSONWriter.appendNewline(level: 1, to: &output)
      JSONWriter.appendIndented(record, level: 1, to: &output)
    case .csv, .tsv:
      let separator = format == .csv ? UInt8(ascii: ",") : 0x09
      if RecordFields.isObject(record) {
        for (index, column) in columns.enumerated() {
          if index > 0 { output.append(separator) }
          appendField(RecordFields.value(of: record, column: column), to: &output)
        }
      } else {
        appendField(record, to: &output)
      }
      output.append(0x0A)
    case .table:
      preconditionFailure("a table is not streamed")
    }
  }

  /// Appends the header row of csv or tsv: the column names as fields.
  public func appendHeader(to output: inout [UInt8]) {
    guard format == .csv || format == .tsv else { return }
    for (index, column) in columns.enumerated() {
      if format == .csv {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        CSVField.append(column, to: &output)
      } else {
        if index > 0 { output.append(0x09) }
        TSVField.append(column, to: &output)
      }
    }
    output.append(0x0A)
  }

  private func appendField(_ value: Value, to output: inout [UInt8]) {
    if format == .csv {
      CSVField.append(value, to: &output)
    } else {
      TSVField.append(value, to: &output)
    }
  }
}
