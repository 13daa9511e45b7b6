/// The kind of a JSON value, read from its first byte.
public enum JSONKind: Sendable { case null, bool, number, string, array, object }

/// One whole JSON value inside a `JSONBuffer`, validated when its record was
/// read. It holds no reference to the buffer: whoever reads records keeps the
/// buffer alive for as long as their values are in use.
///
/// The accessors trust the validation for speed but never read outside
/// `bytes`, so even text that was not validated cannot crash them.
///
/// `@unchecked Sendable` is safe: the text it points to is immutable, and the
/// owner of the buffer keeps it alive (see above).
public struct JSONText: @unchecked Sendable {
  public let start: UnsafePointer<UInt8>
  public let count: Int
  public init(start: UnsafePointer<UInt8>, count: Int) {
    self.start = start
    self.count = count
  }

  public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

  var end: UnsafePointer<UInt8> { start + count }

  public var kind: JSONKind {
    guard count > 0 else { return .null }
    switch start.pointee {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    default: return .number
    }
  }

  /// The boolean, nil for a non-boolean.
  public var bool: Bool? {
    guard count > 0 else { return nil }
    switch start.pointee {
    case UInt8(ascii: "t"): return true
    case UInt8(ascii: "f"): return false
    default: return nil
    }
  }

  /// The decoded string, nil for a non-string.
  ///
  /// Escapes are decoded (`\u00e9`, surrogate pairs); a lone surrogate
  /// becomes U+FFFD, and so do bytes that are not UTF-8.
  public var string: String? {
    guard count >= 2, start.pointee == UInt8(ascii: "\"") else { return nil }
    return JSONStringDecoder.decode(start + 1, end - 1)
  }

  /// A string whose JSON text holds only ASCII and no escapes, as raw bytes
  /// without quotes: lets `==` against an ASCII literal compare bytes.
  public var plainASCIIString: UnsafeBufferPointer<UInt8>? {
    guard count >= 2, start.pointee == UInt8(ascii: "\""), start[count - 1] == UInt8(ascii: "\"")
    else { return nil }
    let content = UnsafeBufferPointer(start: start + 1, count: count - 2)
    for byte in content where byte >= 0x80 || byte == UInt8(ascii: "\\") {
      return nil
    }
    return content
  }

  /// The number, nil for a non-number. Parses exactly as `Double(String)`
  /// does: out-of-range values become infinity or zero, `-0` stays negative.
  public var number: Double? {
    guard kind == .number else { return nil }
    return JSONNumberParser.parse(start, end)
  }
}

extension JSONText: CustomStringConvertible {
  /// The JSON text itself.
  public var description: String { String(decoding: bytes, as: UTF8.self) }
}
