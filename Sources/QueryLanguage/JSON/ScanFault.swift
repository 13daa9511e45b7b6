/// Why a scan stopped on bad input, and where (a byte offset into the buffer).
/// Turned into a `JSONInputError` with a line and column once, at the end.
struct ScanFault: Error, Equatable {
  enum Reason: Equatable {
    case unexpectedCharacter
    case unexpectedEnd
    case unterminatedString
    case invalidEscape
    case controlCharacter
    case invalidNumber
    case invalidLiteral
    case trailingComma
    case tooDeep
    /// A record position held something else than an object.
    case notAnObject(JSONKind)
  }

  let offset: Int
  let reason: Reason

  /// The deepest nesting accepted, counting from the top-level value (1).
  static let maximumDepth = 512

  func inputError(in buffer: JSONBuffer) -> JSONInputError {
    let (line, column) = buffer.location(ofOffset: offset)
    return JSONInputError(message: message(in: buffer), line: line, column: column)
  }

  func message(in buffer: JSONBuffer) -> String {
    switch reason {
    case .unexpectedCharacter:
      return "unexpected character \(Self.describeCharacter(in: buffer, at: offset))"
    case .unexpectedEnd: return "unexpected end of input"
    case .unterminatedString: return "unterminated string"
    case .invalidEscape: return "invalid escape"
    case .controlCharacter:
      return "control character \(Self.describeCharacter(in: buffer, at: offset)) in string"
    case .invalidNumber: return "invalid number"
    case .invalidLiteral: return "invalid literal"
    case .trailingComma: return "trailing comma"
    case .tooDeep: return "nesting deeper than \(Self.maximumDepth)"
    case .notAnObject(let kind):
      let found: String
      switch kind {
      case .null: found = "null"
      case .bool: found = "a boolean"
      case .number: found = "a number"
      case .string: found = "a string"
      case .array: found = "an array"
      case .object: found = "an object"
      }
      return "expected a conversation object, found \(found)"
    }
  }

  /// `'}'` for printable ASCII, `'é'` for a whole UTF-8 character, else `U+000A` or `byte 0xFF`.
  static func describeCharacter(in buffer: JSONBuffer, at offset: Int) -> String {
    guard offset < buffer.count else { return "end of input" }
    let byte = buffer.base[offset]
    if byte > 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte < 0x80 { return "U+" + hex(UInt32(byte)) }
    let available = min(4, buffer.count - offset)
    var decoder = UTF8()
    var iterator = UnsafeBufferPointer(start: buffer.base + offset, count: available).makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) {
      return "'\(Character(scalar))'"
    }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
