import QueryLanguage

/// Writes values as JSON text: compact (`ndjson`, and arrays or objects in
/// csv, tsv and table cells) or indented by two spaces (`json`), laid out as
/// `jq .` and Python's `json.dumps(indent=2)` do.
///
/// Keys keep their order, non-ASCII stays UTF-8, `/` is not escaped.
/// Timestamps become ISO 8601 strings, durations seconds, non-finite numbers
/// `null`. A `.json` value is copied from its input text: numbers exactly as
/// written (`1.50` stays `1.50`), strings decoded and escaped again the same
/// way as any other string. Pure functions of their arguments: safe on any
/// thread.
///
/// ```
/// var bytes: [UInt8] = []
/// JSONWriter.appendCompact(.array([.number(3), .string("a\"b")]), to: &bytes)
/// // [3,"a\"b"]
/// ```
public enum JSONWriter {
  /// Appends `value` as compact JSON, with no whitespace.
  public static func appendCompact(_ value: Value, to output: inout [UInt8]) {
    append(value, indented: false, level: 0, to: &output)
  }

  /// Appends `value` as JSON indented by two spaces per level.
  ///
  /// `level` is the nesting level the value sits at: its first line is not
  /// indented (it follows whatever is already written), its inner lines are
  /// indented `level + 1` steps and its closing bracket `level` steps.
  public static func appendIndented(_ value: Value, level: Int = 0, to output: inout [UInt8]) {
    append(value, indented: true, level: level, to: &output)
  }

  /// `value` as compact JSON text.
  public static func compact(_ value: Value) -> String {
    var bytes: [UInt8] = []
    appendCompact(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `value` as JSON text indented by two spaces.
  public static func indented(_ value: Value) -> String {
    var bytes: [UInt8] = []
    appendIndented(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `string` as a JSON string literal, quotes included.
  public static func appendString(_ string: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { appendEscaped($0, to: &output) }
    output.append(UInt8(ascii: "\""))
  }

  /// Appends UTF-8 text escaped for the inside of a JSON string: `"`, `\`
  /// and control characters (`\n` `\t` `\r` `\b` `\f`, others `\u00XX`).
  public static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var runStart = 0
    for index in 0..<text.count {
      let byte = text[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      if runStart < index {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
      }
      appendEscape(for: byte, to: &output)
      runStart = index + 1
    }
    if runStart < text.count {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }
  }

  static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
    case 0x0A: output.append(UInt8(ascii: "n"))
    case 0x09: output.append(UInt8(ascii: "t"))
    case 0x0D: output.append(UInt8(ascii: "r"))
    case 0x08: output.append(UInt8(ascii: "b"))
    case 0x0C: output.append(UInt8(ascii: "f"))
    default:
      output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
      output.append(hex[Int(byte >> 4)])
      output.append(hex[Int(byte & 0xF)])
    }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  static func appendNewline(level: Int, to output: inout [UInt8]) {
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }

  private static func append(_ value: Value, indented: Bool, level: Int, to output: inout [UInt8]) {
    switch value {
    case .null:
      appendNull(to: &output)
    case .bool(let flag):
      output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
    case .number(let number):
      if !NumberText.append(number, to: &output) { appendNull(to: &output) }
    case .string(let string):
      appendString(string, to: &output)
    case .timestamp(let milliseconds):
      output.append(UInt8(ascii: "\""))
      if TimestampText.append(milliseconds, to: &output) {
        output.append(UInt8(ascii: "\""))
      } else {
        output.removeLast()
        appendNull(to: &output)
      }
    case .duration(let milliseconds):
      if !DurationText.appendSeconds(milliseconds, to: &output) { appendNull(to: &output) }
    case .array(let elements):
      guard !elements.isEmpty else { return output.append(contentsOf: "[]".utf8) }
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        if indented { appendNewline(level: level + 1, to: &output) }
        append(element, indented: indented, level: level + 1, to: &output)
      }
      if indented { appendNewline(level: level, to: &output) }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      guard !object.isEmpty else { return output.append(contentsOf: "{}".utf8) }
      output.append(UInt8(ascii: "{"))
      for (index, (key, member)) in object.members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        if indented { appendNewline(level: level + 1, to: &output) }
        appendString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        if indented { output.append(UInt8(ascii: " ")) }
        append(member, indented: indented, level: level + 1, to: &output)
      }
      if indented { appendNewline(level: level, to: &output) }
      output.append(UInt8(ascii: "}"))
    case .json(let text):
      RawJSON.transcode(text, indented: indented, level: level, to: &output)
    }
  }

  private static func appendNull(to output: inout [UInt8]) {
    output.append(contentsOf: "null".utf8)
  }
}
