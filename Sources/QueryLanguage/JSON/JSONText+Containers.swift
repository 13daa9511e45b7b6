extension JSONText {
  /// The member `key` of an object (the last one if repeated), nil when absent or not an object.
  ///
  /// Keys are compared as UTF-8 bytes; only keys that hold escapes are decoded.
  public func member(_ key: String) -> JSONText? {
    guard kind == .object else { return nil }
    var key = key
    return key.withUTF8 { wanted in
      var found: JSONText?
      forEachMember { keyStart, keyEnd, escaped, value in
        if JSONTextWalker.keyEquals(keyStart, keyEnd, escaped: escaped, wanted) { found = value }
      }
      return found
    }
  }

  /// The members of an object in input order; empty for a non-object.
  public func members() -> [(key: String, value: JSONText)] {
    guard kind == .object else { return [] }
    var result: [(key: String, value: JSONText)] = []
    forEachMember { keyStart, keyEnd, _, value in
      result.append((JSONStringDecoder.decode(keyStart, keyEnd), value))
    }
    return result
  }

  /// The elements of an array; empty for a non-array.
  public func elements() -> [JSONText] {
    var result: [JSONText] = []
    forEachElement { element in
      result.append(element)
      return true
    }
    return result
  }

  /// Element `index` of an array (negative counts from the end), nil when out of range or not an array.
  public func element(at index: Int) -> JSONText? {
    if index < 0 {
      let all = elements()
      return index >= -all.count ? all[all.count + index] : nil
    }
    var remaining = index
    var found: JSONText?
    forEachElement { element in
      if remaining == 0 {
        found = element
        return false
      }
      remaining -= 1
      return true
    }
    return found
  }

  /// Calls `body` with each member: the key's text between its quotes,
  /// whether the key holds escapes, and the value.
  func forEachMember(
    _ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>, Bool, JSONText) -> Void
  ) {
    guard count >= 2, start.pointee == UInt8(ascii: "{") else { return }
    let last = end
    var position = JSONTextWalker.skipWhitespace(start + 1, last)
    while position < last, position.pointee == UInt8(ascii: "\"") {
      guard let keyEnd = JSONTextWalker.stringEnd(position, last) else { return }
      let keyStart = position + 1
      let escaped = UnsafeBufferPointer(start: keyStart, count: keyEnd - 1 - keyStart)
        .contains(UInt8(ascii: "\\"))
      position = JSONTextWalker.skipWhitespace(keyEnd, last)
      guard position < last, position.pointee == UInt8(ascii: ":") else { return }
      position = JSONTextWalker.skipWhitespace(position + 1, last)
      guard let valueEnd = JSONTextWalker.valueEnd(position, last) else { return }
      body(keyStart, keyEnd - 1, escaped, JSONText(start: position, count: valueEnd - position))
      position = JSONTextWalker.skipWhitespace(valueEnd, last)
      guard position < last, position.pointee == UInt8(ascii: ",") else { return }
      position = JSONTextWalker.skipWhitespace(position + 1, last)
    }
  }

  /// Calls `body` with each element while it returns true.
  func forEachElement(_ body: (JSONText) -> Bool) {
    guard count >= 2, start.pointee == UInt8(ascii: "[") else { return }
    let last = end
    var position = JSONTextWalker.skipWhitespace(start + 1, last)
    while position < last, position.pointee != UInt8(ascii: "]") {
      guard let valueEnd = JSONTextWalker.valueEnd(position, last) else { return }
      guard body(JSONText(start: position, count: valueEnd - position)) else { return }
      position = JSONTextWalker.skipWhitespace(valueEnd, last)
      guard position < last, position.pointee == UInt8(ascii: ",") else { return }
      position = JSONTextWalker.skipWhitespace(position + 1, last)
    }
  }
}

/// Bounded walking over JSON text that was validated before: finds where
/// values end without checking them again, and never reads at or past `last`.
enum JSONTextWalker {
  typealias Pointer = UnsafePointer<UInt8>

  static func skipWhitespace(_ position: Pointer, _ last: Pointer) -> Pointer {
    var position = position
    while position < last {
      switch position.pointee {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return position
      }
    }
    return position
  }

  /// Just past the closing quote of the string that opens at `quote`, nil when unterminated.
  static func stringEnd(_ quote: Pointer, _ last: Pointer) -> Pointer? {
    var position = quote + 1
    // 8 bytes at a time while 8 are left inside the text.
    while last - position >= 8 {
      let word = JSONScanner.load8(position)
      let quotes = word ^ 0x2222_2222_2222_2222
      let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
      let ones: UInt64 = 0x0101_0101_0101_0101
      let flags =
        ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & 0x8080_8080_8080_8080
      if flags == 0 {
        position += 8
        continue
      }
      position += flags.trailingZeroBitCount &>> 3
      if position.pointee == UInt8(ascii: "\"") { return position + 1 }
      position += 2
    }
    while position < last {
      switch position.pointee {
      case UInt8(ascii: "\""): return position + 1
      case UInt8(ascii: "\\"): position += 2
      default: position += 1
      }
    }
    return nil
  }

  /// Just past the value that starts at `position`, nil when there is none.
  static func valueEnd(_ position: Pointer, _ last: Pointer) -> Pointer? {
    guard position < last else { return nil }
    switch position.pointee {
    case UInt8(ascii: "\""):
      return stringEnd(position, last)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      var cursor = position
      while cursor < last {
        switch cursor.pointee {
        case UInt8(ascii: "\""):
          guard let after = stringEnd(cursor, last) else { return nil }
          cursor = after
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return cursor + 1 }
        default:
          break
        }
        cursor += 1
      }
      return nil
    default:
      var cursor = position
      while cursor < last {
        switch cursor.pointee {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"),
          UInt8(ascii: ":"):
          return cursor > position ? cursor : nil
        default:
          cursor += 1
        }
      }
      return cursor
    }
  }

  /// Whether the key text `keyStart..<keyEnd` (escaped when `escaped`) decodes to `wanted`.
  static func keyEquals(
    _ keyStart: Pointer, _ keyEnd: Pointer, escaped: Bool, _ wanted: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let length = keyEnd - keyStart
    if !escaped {
      return length == wanted.count
        && (length == 0 || memcmpBytes(keyStart, wanted.baseAddress!, length))
    }
    guard length >= wanted.count else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { scratch in
      let decoded = JSONStringDecoder.decodeEscaped(keyStart, keyEnd, into: scratch)
      return decoded == wanted.count
        && (decoded == 0 || memcmpBytes(UnsafePointer(scratch.baseAddress!), wanted.baseAddress!, decoded))
    }
  }

  @inline(__always)
  static func memcmpBytes(_ left: Pointer, _ right: Pointer, _ count: Int) -> Bool {
    for index in 0..<count where left[index] != right[index] { return false }
    return true
  }
}
