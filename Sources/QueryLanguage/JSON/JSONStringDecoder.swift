/// Decodes the inside of a JSON string (the bytes between its quotes).
enum JSONStringDecoder {
  typealias Pointer = UnsafePointer<UInt8>

  /// Decodes `first..<last`. Never reads outside that range, whatever it holds.
  static func decode(_ first: Pointer, _ last: Pointer) -> String {
    let length = last - first
    guard length > 0 else { return "" }
    let raw = UnsafeBufferPointer(start: first, count: length)
    guard raw.contains(UInt8(ascii: "\\")) else {
      // Invalid UTF-8 is repaired with U+FFFD.
      return String(decoding: raw, as: UTF8.self)
    }
    // A decoded string is never longer than its escaped text: each escape
    // (2, 6 or 12 bytes) decodes to at most 1, 3 or 4 bytes.
    return String(unsafeUninitializedCapacity: length) { output in
      decodeEscaped(first, last, into: output)
    }
  }

  /// Decodes `first..<last` into `output`, which holds at least `last - first`
  /// bytes, and returns how many bytes it wrote.
  static func decodeEscaped(
    _ first: Pointer, _ last: Pointer, into output: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    var input = first
    var written = 0
    while input < last {
      let byte = input.pointee
      guard byte == UInt8(ascii: "\\") else {
        output[written] = byte
        written += 1
        input += 1
        continue
      }
      guard last - input >= 2 else { break }
      let escaped = input[1]
      input += 2
      switch escaped {
      case UInt8(ascii: "b"): output[written] = 0x08
      case UInt8(ascii: "f"): output[written] = 0x0C
      case UInt8(ascii: "n"): output[written] = 0x0A
      case UInt8(ascii: "r"): output[written] = 0x0D
      case UInt8(ascii: "t"): output[written] = 0x09
      case UInt8(ascii: "u"):
        guard let unit = hexQuad(input, last) else {
          // Not valid JSON; keep the letter so the output stays shorter than the input.
          output[written] = escaped
          written += 1
          continue
        }
        input += 4
        var scalar = UInt32(0xFFFD)
        if unit & 0xFC00 == 0xD800 {
          if last - input >= 6, input[0] == UInt8(ascii: "\\"), input[1] == UInt8(ascii: "u"),
            let low = hexQuad(input + 2, last), low & 0xFC00 == 0xDC00
          {
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            input += 6
          }
        } else if unit & 0xFC00 != 0xDC00 {
          scalar = unit
        }
        written += encodeUTF8(scalar, into: output.baseAddress! + written)
        continue
      default:
        // `"`, `\`, `/`, and (in text that was not validated) anything else.
        output[written] = escaped
      }
      written += 1
    }
    return written
  }

  /// The value of four hex digits at `position`, nil if there are not four.
  static func hexQuad(_ position: Pointer, _ last: Pointer) -> UInt32? {
    guard last - position >= 4 else { return nil }
    var value: UInt32 = 0
    for index in 0..<4 {
      guard let digit = hexDigit(position[index]) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  @inline(__always)
  static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// Writes `scalar` (not a surrogate, below 0x110000) as UTF-8; returns its length.
  static func encodeUTF8(_ scalar: UInt32, into output: UnsafeMutablePointer<UInt8>) -> Int {
    switch scalar {
    case ..<0x80:
      output[0] = UInt8(scalar)
      return 1
    case ..<0x800:
      output[0] = UInt8(0xC0 | scalar >> 6)
      output[1] = UInt8(0x80 | scalar & 0x3F)
      return 2
    case ..<0x10000:
      output[0] = UInt8(0xE0 | scalar >> 12)
      output[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
      output[2] = UInt8(0x80 | scalar & 0x3F)
      return 3
    default:
      output[0] = UInt8(0xF0 | scalar >> 18)
      output[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
      output[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
      output[3] = UInt8(0x80 | scalar & 0x3F)
      return 4
    }
  }
}
