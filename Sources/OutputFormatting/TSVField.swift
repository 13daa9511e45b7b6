import QueryLanguage

/// Writes tsv fields: tab, newline, carriage return and backslash in a value
/// are written `\t` `\n` `\r` `\\`, so every record stays one line and every
/// tab separates fields.
public enum TSVField {
  /// Appends `value` as one tsv field (its cell text, escaped).
  public static func append(_ value: Value, to output: inout [UInt8]) {
    let start = output.count
    CellText.append(value, to: &output)
    escape(from: start, in: &output)
  }

  /// Appends `text` as one tsv field.
  public static func append(_ text: String, to output: inout [UInt8]) {
    let start = output.count
    output.append(contentsOf: text.utf8)
    escape(from: start, in: &output)
  }

  /// Escapes the field written from `start` to the end of `output`.
  static func escape(from start: Int, in output: inout [UInt8]) {
    guard let first = output[start...].firstIndex(where: needsEscape) else { return }
    let rest = Array(output[first...])
    output.removeSubrange(first...)
    for byte in rest {
      switch byte {
      case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      default: output.append(byte)
      }
    }
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\\")
  }
}
