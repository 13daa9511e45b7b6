import QueryLanguage

/// Reads a `.json` value's input text byte by byte to print it.
///
/// The text was validated when its record was read, so this only needs to
/// tell tokens apart, not check them. Working on the bytes (rather than on
/// decoded members) keeps output of large input records to one pass with no
/// allocation per member, and leaves numbers exactly as the input wrote them.
enum RawJSON {
  /// The value's bytes without surrounding whitespace.
  static func bytes(of text: JSONText) -> UnsafeBufferPointer<UInt8> {
    var bytes = text.bytes
    while let first = bytes.first, isWhitespace(first) {
      bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst())
    }
    while let last = bytes.last, isWhitespace(last) {
      bytes = UnsafeBufferPointer(rebasing: bytes.dropLast())
    }
    return bytes
  }

  /// The kind of value the text holds, from its first byte.
  static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> JSONKind {
    switch bytes.first {
    case UInt8(ascii: "\"")?: .string
    case UInt8(ascii: "{")?: .object
    case UInt8(ascii: "[")?: .array
    case UInt8(ascii: "t")?, UInt8(ascii: "f")?: .bool
    case UInt8(ascii: "n")?, nil: .null
    default: .number
    }
  }

  /// Appends the value as JSON: compact, or indented as `JSONWriter` does,
  /// with strings in their canonical escaping and numbers as written.
  static func transcode(_ text: JSONText, indented: Bool, level: Int, to output: inout [UInt8]) {
    let bytes = bytes(of: text)
    let count = bytes.count
    var depth = level
    var index = 0
    while index < count {
      let byte = bytes[index]
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D:
        index += 1
      case UInt8(ascii: "\""):
        index = appendCanonicalString(bytes, at: index, to: &output)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var next = index + 1
        while next < count, isWhitespace(bytes[next]) { next += 1 }
        output.append(byte)
        if next < count, bytes[next] == close {
          output.append(close)
          index = next + 1
        } else {
          depth += 1
          if indented { JSONWriter.appendNewline(level: depth, to: &output) }
          index += 1
        }
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if indented { JSONWriter.appendNewline(level: depth, to: &output) }
        output.append(byte)
        index += 1
      case UInt8(ascii: ","):
        output.append(byte)
        if indented { JSONWriter.appendNewline(level: depth, to: &output) }
        index += 1
      case UInt8(ascii: ":"):
        output.append(byte)
        if indented { output.append(UInt8(ascii: " ")) }
        index += 1
      default:
        // A number or a literal: copied exactly as written.
        let start = index
        while index < count, !isDelimiter(bytes[index]) { index += 1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
      }
    }
  }

  /// Appends the value as plain text for a csv, tsv or table cell: strings
  /// decoded, numbers and booleans as written, null as nothing, arrays and
  /// objects as compact JSON. Returns the value's kind.
  @discardableResult
  static func appendText(_ text: JSONText, to output: inout [UInt8]) -> JSONKind {
    let bytes = bytes(of: text)
    let kind = kind(of: bytes)
    switch kind {
    case .null:
      break
    case .bool, .number:
      output.append(contentsOf: bytes)
    case .string:
      appendDecoded(UnsafeBufferPointer(rebasing: bytes.dropFirst().dropLast()), to: &output)
    case .array, .object:
      transcode(text, indented: false, level: 0, to: &output)
    }
    return kind
  }

  /// Appends the string literal starting with the quote at `start` in its
  /// canonical JSON form; returns the index after its closing quote.
  static func appendCanonicalString(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, to output: inout [UInt8]
  ) -> Int {
    var end = start + 1
    var escaped = false
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
      if bytes[end] == UInt8(ascii: "\\") {
        escaped = true
        end += 1
      }
      end += 1
    }
    // `end` is the closing quote (clamped, should the text be cut short).
    end = max(min(end, bytes.count - 1), start)
    if !escaped {
      // Validated JSON holds no raw control characters: already canonical.
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...end]))
      return end + 1
    }
    let body = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<max(end, start + 1)])
    output.append(UInt8(ascii: "\""))
    forEachPiece(of: body) { piece in
      switch piece {
      case .run(let run): JSONWriter.appendEscaped(run, to: &output)
      case .scalar(let scalar):
        if scalar < 0x20 || scalar == 0x22 || scalar == 0x5C {
          JSONWriter.appendEscape(for: UInt8(scalar), to: &output)
        } else {
          appendUTF8(scalar, to: &output)
        }
      }
    }
    output.append(UInt8(ascii: "\""))
    return end + 1
  }

  /// Appends the decoded text of a string literal's body (without quotes).
  static func appendDecoded(_ body: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    forEachPiece(of: body) { piece in
      switch piece {
      case .run(let run): output.append(contentsOf: run)
      case .scalar(let scalar): appendUTF8(scalar, to: &output)
      }
    }
  }

  /// A string body cut into runs of bytes without escapes and the scalars
  /// that escapes stand for.
  enum Piece {
    case run(UnsafeBufferPointer<UInt8>)
    case scalar(UInt32)
  }

  static func forEachPiece(of body: UnsafeBufferPointer<UInt8>, _ handle: (Piece) -> Void) {
    var runStart = 0
    var index = 0
    while index < body.count {
      guard body[index] == UInt8(ascii: "\\"), index + 1 < body.count else {
        index += 1
        continue
      }
      if runStart < index { handle(.run(UnsafeBufferPointer(rebasing: body[runStart..<index]))) }
      let (scalar, next) = decodeEscape(body, at: index)
      handle(.scalar(scalar))
      index = next
      runStart = next
    }
    if runStart < body.count { handle(.run(UnsafeBufferPointer(rebasing: body[runStart...]))) }
  }

  /// The scalar of the escape at `index` (a backslash) and the index after
  /// it. A `\u` surrogate pair makes one scalar; a lone surrogate U+FFFD.
  static func decodeEscape(_ body: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    switch body[index + 1] {
    case UInt8(ascii: "n"): return (0x0A, index + 2)
    case UInt8(ascii: "t"): return (0x09, index + 2)
    case UInt8(ascii: "r"): return (0x0D, index + 2)
    case UInt8(ascii: "b"): return (0x08, index + 2)
    case UInt8(ascii: "f"): return (0x0C, index + 2)
    case UInt8(ascii: "u"):
      guard let unit = hexUnit(body, at: index + 2) else { return (0xFFFD, index + 2) }
      if (0xD800..<0xDC00).contains(unit), index + 11 < body.count,
        body[index + 6] == UInt8(ascii: "\\"), body[index + 7] == UInt8(ascii: "u"),
        let low = hexUnit(body, at: index + 8), (0xDC00..<0xE000).contains(low)
      {
        return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), index + 12)
      }
      return ((0xD800..<0xE000).contains(unit) ? 0xFFFD : unit, index + 6)
    default:
      // `\"`, `\\`, `\/`: the character itself.
      return (UInt32(body[index + 1]), index + 2)
    }
  }

  private static func hexUnit(_ body: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
    guard index + 4 <= body.count else { return nil }
    var unit: UInt32 = 0
    for offset in 0..<4 {
      let byte = body[index + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      unit = unit << 4 | UInt32(digit)
    }
    return unit
  }

  static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case ..<0x80:
      output.append(UInt8(scalar))
    case ..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case ..<0x10000:
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"),
      UInt8(ascii: ":"):
      true
    default: false
    }
  }
}
