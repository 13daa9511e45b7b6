/// The members of one JSON object in text order, each value as its raw
/// text: `JSONSerialization` forgets key order, which the tests check.
/// Only as much JSON as the generator writes (valid, compact) is handled.
struct OrderedJSONObject {
  private(set) var keys: [String] = []
  private var values: [String: ArraySlice<UInt8>] = [:]

  init?(_ text: ArraySlice<UInt8>) {
    var position = text.startIndex
    func skipSpace() {
      while position < text.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(text[position]) { position += 1 }
    }
    skipSpace()
    guard position < text.endIndex, text[position] == UInt8(ascii: "{") else { return nil }
    position += 1
    skipSpace()
    if position < text.endIndex, text[position] == UInt8(ascii: "}") { return }
    while position < text.endIndex {
      skipSpace()
      let keyStart = position
      position = Self.end(ofValueAt: position, in: text)
      guard position - keyStart >= 2 else { return nil }
      let key = String(decoding: text[keyStart + 1..<position - 1], as: UTF8.self)
      skipSpace()
      guard position < text.endIndex, text[position] == UInt8(ascii: ":") else { return nil }
      position += 1
      skipSpace()
      let valueStart = position
      position = Self.end(ofValueAt: position, in: text)
      keys.append(key)
      values[key] = text[valueStart..<position]
      skipSpace()
      guard position < text.endIndex else { return nil }
      if text[position] == UInt8(ascii: "}") { return }
      guard text[position] == UInt8(ascii: ",") else { return nil }
      position += 1
    }
    return nil
  }

  /// The text of member `key`, nil when absent.
  func text(_ key: String) -> ArraySlice<UInt8>? {
    values[key]
  }

  /// The member `key` as an object, nil when absent or not an object.
  func object(_ key: String) -> OrderedJSONObject? {
    values[key].flatMap(OrderedJSONObject.init)
  }

  /// The index just after the value that starts at `start`.
  private static func end(ofValueAt start: Int, in text: ArraySlice<UInt8>) -> Int {
    var position = start
    var depth = 0
    var inString = false
    while position < text.endIndex {
      let byte = text[position]
      position += 1
      if inString {
        if byte == UInt8(ascii: "\\") {
          position += 1
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if depth == 0 { return position }
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if depth == 0 { return position - 1 }
        depth -= 1
        if depth == 0 { return position }
      case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
        if depth == 0 { return position - 1 }
      default: break
      }
    }
    return position
  }
}
