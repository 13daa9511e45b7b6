extension RecordStream {
  /// The member names that tell an API page from a conversation.
  private enum PageKey { case data, count, id, other }

  /// Reads a top-level object: an API page (`"data"` an array, and a
  /// `"count"` member or no `"id"` member) gives the elements of `data` as
  /// records; any other object is one record. Returns the position after it.
  ///
  /// When `"count"` comes before `"data"`, as the API writes it, the page's
  /// records stream out as `data` is read. Otherwise the object is read once
  /// as a possible record and, if it turns out to be a page, `data` is read
  /// again for its records.
  func readTopLevelObject(_ open: Pointer) throws -> Pointer {
    let depth = 1
    for slot in 0..<slotCount { scanner.slots[slot] = nil }
    var sawCount = false
    var sawID = false
    var dataArray: Pointer?
    var streamed = false
    var position = scanner.skipWhitespace(open + 1)
    if position.pointee != UInt8(ascii: "}") {
      while true {
        guard position.pointee == UInt8(ascii: "\"") else { throw scanner.unexpected(position) }
        var escaped = false
        let keyEnd = try scanner.scanString(position, escaped: &escaped)
        let key = pageKey(position + 1, keyEnd - 1, escaped: escaped)
        let child = scanner.childForKey(0, position + 1, keyEnd - 1, escaped: escaped)
        position = scanner.skipWhitespace(keyEnd)
        guard position.pointee == UInt8(ascii: ":") else { throw scanner.unexpected(position) }
        let value = scanner.skipWhitespace(position + 1)
        if key == .data && value.pointee == UInt8(ascii: "[") && sawCount && !streamed {
          streamed = true
          position = try readArray(open: value, depth: depth + 1)
        } else {
          if child >= 0 {
            position = try scanner.scanTrackedValue(value, node: child, depth: depth)
          } else {
            position = try scanner.skipValue(value, depth: depth)
          }
          if key == .data { dataArray = value.pointee == UInt8(ascii: "[") ? value : nil }
        }
        if key == .count { sawCount = true }
        if key == .id { sawID = true }
        position = scanner.skipWhitespace(position)
        if position.pointee == UInt8(ascii: ",") {
          let comma = position
          position = scanner.skipWhitespace(position + 1)
          if position.pointee == UInt8(ascii: "}") { throw scanner.fault(comma, .trailingComma) }
          continue
        }
        guard position.pointee == UInt8(ascii: "}") else { throw scanner.unexpected(position) }
        break
      }
    }
    let after = position + 1
    if streamed { return after }
    if let dataArray, sawCount || !sawID {
      _ = try readArray(open: dataArray, depth: depth + 1)
      return after
    }
    let rootSlot = scanner.trie.slot(0)
    if rootSlot >= 0 { scanner.slots[rootSlot] = JSONText(start: open, count: after - open) }
    try appendRecord(open, after)
    return after
  }

  private func pageKey(_ keyStart: Pointer, _ keyEnd: Pointer, escaped: Bool) -> PageKey {
    let length = keyEnd - keyStart
    guard !escaped else {
      let decoded = JSONStringDecoder.decode(keyStart, keyEnd)
      return decoded == "data" ? .data : decoded == "count" ? .count : decoded == "id" ? .id : .other
    }
    func matches(_ name: StaticString) -> Bool {
      length == name.utf8CodeUnitCount
        && JSONTextWalker.memcmpBytes(keyStart, name.utf8Start, length)
    }
    if matches("data") { return .data }
    if matches("count") { return .count }
    if matches("id") { return .id }
    return .other
  }
}
