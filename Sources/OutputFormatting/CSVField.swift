import QueryLanguage

/// Writes csv fields by RFC 4180: a field holding a comma, a quote, CR or LF
/// is quoted, with its quotes doubled; any other field is written as it is.
public enum CSVField {
  /// Appends `value` as one csv field (its cell text, quoted when needed).
  public static func append(_ value: Value, to output: inout [UInt8]) {
    let start = output.count
    CellText.append(value, to: &output)
    quoteIfNeeded(from: start, in: &output)
  }

  /// Appends `text` as one csv field.
  public static func append(_ text: String, to output: inout [UInt8]) {
    let start = output.count
    output.append(contentsOf: text.utf8)
    quoteIfNeeded(from: start, in: &output)
  }

  /// Quotes the field written from `start` to the end of `output`, if it
  /// needs quotes. Writing first and rewriting the rare field that needs it
  /// keeps the common case to one pass.
  static func quoteIfNeeded(from start: Int, in output: inout [UInt8]) {
    guard output[start...].contains(where: needsQuotes) else { return }
    let field = Array(output[start...])
    output.removeSubrange(start...)
    output.append(UInt8(ascii: "\""))
    for byte in field {
      if byte == UInt8(ascii: "\"") { output.append(byte) }
      output.append(byte)
    }
    output.append(UInt8(ascii: "\""))
  }

  private static func needsQuotes(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
  }
}
