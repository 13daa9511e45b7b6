extension JSONScanner {
  /// Scans the record object at `open` (`{`), which is `depth` containers
  /// deep counting itself, filling `slots` with the values of the trie's paths.
  /// Returns the position after the closing `}`.
  @inline(__always)
  func scanRecord(_ open: Pointer, depth: Int) throws(ScanFault) -> Pointer {
    for slot in 0..<trie.slotCount { slots[slot] = nil }
    let after: Pointer
    if trie.hasChildren(0) {
      after = try scanTrackedObject(open, node: 0, depth: depth)
    } else {
      after = try skipValue(open, depth: depth - 1)
    }
    let rootSlot = trie.slot(0)
    if rootSlot >= 0 { slots[rootSlot] = JSONText(start: open, count: after - open) }
    return after
  }

  /// Scans the object at `open` whose keys are looked up under trie `node`.
  /// Recursion here follows the trie, which is as deep as the longest path
  /// a query names (and never deeper than the nesting limit).
  func scanTrackedObject(_ open: Pointer, node: Int, depth: Int) throws(ScanFault) -> Pointer {
    if depth > ScanFault.maximumDepth { throw fault(open, .tooDeep) }
    var position = skipWhitespace(open + 1)
    if position.pointee == UInt8(ascii: "}") { return position + 1 }
    while true {
      guard position.pointee == UInt8(ascii: "\"") else { throw unexpected(position) }
      var escaped = false
      let keyEnd = try scanString(position, escaped: &escaped)
      let child = childForKey(node, position + 1, keyEnd - 1, escaped: escaped)
      position = skipWhitespace(keyEnd)
      guard position.pointee == UInt8(ascii: ":") else { throw unexpected(position) }
      position = skipWhitespace(position + 1)
      if child >= 0 {
        position = try scanTrackedValue(position, node: child, depth: depth)
      } else {
        position = try skipValue(position, depth: depth)
      }
      position = skipWhitespace(position)
      if position.pointee == UInt8(ascii: ",") {
        let comma = position
        position = skipWhitespace(position + 1)
        if position.pointee == UInt8(ascii: "}") { throw fault(comma, .trailingComma) }
        continue
      }
      if position.pointee == UInt8(ascii: "}") { return position + 1 }
      throw unexpected(position)
    }
  }

  /// Scans a member value whose key is trie `node`, enclosed by `depth`
  /// containers, and stores it in the node's slot.
  @inline(__always)
  func scanTrackedValue(_ start: Pointer, node: Int, depth: Int) throws(ScanFault) -> Pointer {
    trie.clearBelow(node, in: slots)
    let after: Pointer
    if trie.hasChildren(node) && start.pointee == UInt8(ascii: "{") {
      after = try scanTrackedObject(start, node: node, depth: depth + 1)
    } else {
      after = try skipValue(start, depth: depth)
    }
    let slot = trie.slot(node)
    if slot >= 0 { slots[slot] = JSONText(start: start, count: after - start) }
    return after
  }

  /// The trie child of `node` for the key text `keyStart..<keyEnd`, or -1.
  @inline(__always)
  func childForKey(_ node: Int, _ keyStart: Pointer, _ keyEnd: Pointer, escaped: Bool) -> Int {
    guard trie.hasChildren(node) else { return -1 }
    if !escaped { return trie.child(of: node, key: keyStart, length: keyEnd - keyStart) }
    return childForEscapedKey(node, keyStart, keyEnd)
  }

  @inline(never)
  func childForEscapedKey(_ node: Int, _ keyStart: Pointer, _ keyEnd: Pointer) -> Int {
    let length = keyEnd - keyStart
    // 8 spare zero bytes: `child(of:)` loads 8 bytes at a time.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + 8) { scratch in
      scratch.initialize(repeating: 0)
      let decoded = JSONStringDecoder.decodeEscaped(keyStart, keyEnd, into: scratch)
      return trie.child(of: node, key: UnsafePointer(scratch.baseAddress!), length: decoded)
    }
  }
}
