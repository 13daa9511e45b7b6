#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plausible places for a chunk of records to start, found without parsing.
/// A guess may be wrong; `SpeculativeSplit` checks every guess it uses.
enum ChunkBoundary {
  typealias Pointer = UnsafePointer<UInt8>

  /// The `{` of the first `}` `,` `{` (whitespace allowed between) at or after `offset`.
  static func element(in buffer: JSONBuffer, from offset: Int) -> Int {
    let base = buffer.base
    var position = offset
    while position < buffer.count {
      guard let brace = findByte(UInt8(ascii: "}"), in: buffer, from: position, limit: buffer.count)
      else { return Int.max }
      // Safe: zero padding stops the whitespace skips.
      var cursor = skipWhitespace(base + brace + 1)
      if cursor.pointee == UInt8(ascii: ",") {
        cursor = skipWhitespace(cursor + 1)
        if cursor.pointee == UInt8(ascii: "{") { return cursor - base }
      }
      position = brace + 1
    }
    return Int.max
  }

  /// The `{` or `[` of the first `}` or `]`, whitespace with a newline, `{`
  /// or `[`, whose newline is at or after `offset` and before `limit`.
  static func sequence(in buffer: JSONBuffer, from offset: Int, limit: Int) -> Int {
    let base = buffer.base
    var position = offset
    while position < limit {
      guard let newline = findByte(0x0A, in: buffer, from: position, limit: limit) else {
        return Int.max
      }
      position = newline + 1
      var before = newline - 1
      while before >= 0, isWhitespace(base[before]) { before -= 1 }
      guard before >= 0, base[before] == UInt8(ascii: "}") || base[before] == UInt8(ascii: "]")
      else { continue }
      let after = skipWhitespace(base + newline + 1)
      if after.pointee == UInt8(ascii: "{") || after.pointee == UInt8(ascii: "[") {
        return after - base
      }
    }
    return Int.max
  }

  private static func findByte(_ byte: UInt8, in buffer: JSONBuffer, from offset: Int, limit: Int)
    -> Int?
  {
    guard offset < limit else { return nil }
    guard let found = memchr(buffer.base + offset, Int32(byte), limit - offset) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.base)
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  private static func skipWhitespace(_ start: Pointer) -> Pointer {
    var position = start
    while isWhitespace(position.pointee) { position += 1 }
    return position
  }
}
