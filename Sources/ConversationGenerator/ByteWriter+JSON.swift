/// JSON pieces. Keys are written without escaping (they are ASCII literals
/// of this package); string values arrive already escaped by `jsonEscaped`.
extension ByteWriter {
  /// `"name":`, the first member of an object, right after `{`.
  @inline(__always)
  mutating func firstKey(_ name: StaticString) {
    byte(UInt8(ascii: "\""))
    raw(name)
    raw("\":")
  }

  /// `,"name":`, any later member.
  @inline(__always)
  mutating func key(_ name: StaticString) {
    raw(",\"")
    raw(name)
    raw("\":")
  }

  /// A string value whose bytes are already JSON-escaped.
  @inline(__always)
  mutating func string(_ escaped: [UInt8]) {
    byte(UInt8(ascii: "\""))
    raw(escaped)
    byte(UInt8(ascii: "\""))
  }

  /// A string value that needs no escaping (ASCII letters, digits, `_`).
  @inline(__always)
  mutating func string(_ plain: StaticString) {
    byte(UInt8(ascii: "\""))
    raw(plain)
    byte(UInt8(ascii: "\""))
  }

  mutating func bool(_ value: Bool) {
    if value { raw("true") } else { raw("false") }
  }

  mutating func null() {
    raw("null")
  }

  /// `"2025-06-23T21:18:59.068Z"`: milliseconds since 1970 in ISO 8601 UTC.
  mutating func timestamp(_ milliseconds: Int64) {
    let days = floorDivide(milliseconds, by: 86_400_000)
    let inDay = milliseconds - days * 86_400_000
    let date = CivilDate(daysSinceEpoch: days)
    byte(UInt8(ascii: "\""))
    digits(date.year, width: 4)
    byte(UInt8(ascii: "-"))
    digits(date.month, width: 2)
    byte(UInt8(ascii: "-"))
    digits(date.day, width: 2)
    byte(UInt8(ascii: "T"))
    digits(inDay / 3_600_000, width: 2)
    byte(UInt8(ascii: ":"))
    digits(inDay / 60_000 % 60, width: 2)
    byte(UInt8(ascii: ":"))
    digits(inDay / 1000 % 60, width: 2)
    byte(UInt8(ascii: "."))
    digits(inDay % 1000, width: 3)
    raw("Z\"")
  }

  /// A timestamp, or `null` when there is none.
  mutating func timestamp(_ milliseconds: Int64?) {
    if let milliseconds { timestamp(milliseconds) } else { null() }
  }

  /// `"6808cd89c9968a7b8a41b9f7"`.
  mutating func objectID(_ id: ObjectID) {
    byte(UInt8(ascii: "\""))
    hex(UInt64(id.seconds), nibbles: 8)
    hex(id.tail, nibbles: 16)
    byte(UInt8(ascii: "\""))
  }

  /// `"1c3627f8-d6b9-42a9-b355-6977c04c969e"`, quoted unless `quoted` is false.
  mutating func uuid(_ id: UUIDValue, quoted: Bool = true) {
    if quoted { byte(UInt8(ascii: "\"")) }
    hex(id.high >> 32, nibbles: 8)
    byte(UInt8(ascii: "-"))
    hex(id.high >> 16, nibbles: 4)
    byte(UInt8(ascii: "-"))
    hex(id.high, nibbles: 4)
    byte(UInt8(ascii: "-"))
    hex(id.low >> 48, nibbles: 4)
    byte(UInt8(ascii: "-"))
    hex(id.low, nibbles: 12)
    if quoted { byte(UInt8(ascii: "\"")) }
  }
}

func floorDivide(_ value: Int64, by divisor: Int64) -> Int64 {
  value >= 0 ? value / divisor : (value - divisor + 1) / divisor
}

extension String {
  /// The UTF-8 bytes of the string as the inside of a JSON string literal,
  /// escaped the way JavaScript's `JSON.stringify` does (the API's server
  /// is Node): `"` `\` and control characters escaped, `\n` `\t` `\r` `\b`
  /// `\f` by name, all other text (accents, emoji) left as UTF-8.
  var jsonEscaped: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    for unit in utf8 {
      switch unit {
      case UInt8(ascii: "\""): out += [92, 34]
      case UInt8(ascii: "\\"): out += [92, 92]
      case 0x0A: out += [92, UInt8(ascii: "n")]
      case 0x0D: out += [92, UInt8(ascii: "r")]
      case 0x09: out += [92, UInt8(ascii: "t")]
      case 0x08: out += [92, UInt8(ascii: "b")]
      case 0x0C: out += [92, UInt8(ascii: "f")]
      case 0..<0x20:
        let hexDigits = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8) + [hexDigits[Int(unit >> 4)], hexDigits[Int(unit & 0xF)]]
      default: out.append(unit)
      }
    }
    return out
  }
}
