/// A `PathTrie` laid out flat for the scanner: node and key tables in
/// memory that never moves, so the inner loop reads them through plain
/// pointers (no reference counting, no bounds checks).
///
/// `@unchecked Sendable` is safe: the tables are written once, in `init`,
/// and only read afterwards; `deinit` frees them when no scan holds them.
final class CompiledTrie: @unchecked Sendable {
  let view: TrieView
  private let nodes: UnsafeMutableBufferPointer<TrieView.Node>
  private let entries: UnsafeMutableBufferPointer<TrieView.Entry>
  private let pool: UnsafeMutableBufferPointer<UInt8>
  private let clearList: UnsafeMutableBufferPointer<Int32>

  init(_ trie: PathTrie) {
    let source = trie.nodes
    nodes = .allocate(capacity: source.count)
    let entryCount = source.reduce(0) { $0 + $1.keys.count }
    entries = .allocate(capacity: max(entryCount, 1))
    // Each key is followed by 8 zero bytes, so a key can be loaded 8 bytes at a time.
    let poolSize = source.reduce(0) { $0 + $1.keys.reduce(0) { $0 + $1.count + 8 } }
    pool = .allocate(capacity: max(poolSize, 1))
    pool.initialize(repeating: 0)

    // The slots below each node, cleared when its key repeats in a record.
    var below = [[Int32]](repeating: [], count: source.count)
    for index in source.indices.reversed() {
      for child in source[index].children {
        if source[child].slot >= 0 { below[index].append(Int32(source[child].slot)) }
        below[index] += below[child]
      }
    }
    clearList = .allocate(capacity: max(below.reduce(0) { $0 + $1.count }, 1))

    var entryIndex = 0
    var poolIndex = 0
    var clearIndex = 0
    for (index, node) in source.enumerated() {
      nodes[index] = TrieView.Node(
        firstEntry: Int32(entryIndex), entryCount: Int32(node.keys.count), slot: Int32(node.slot),
        firstCleared: Int32(clearIndex), clearedCount: Int32(below[index].count))
      for slot in below[index] {
        clearList[clearIndex] = slot
        clearIndex += 1
      }
      for (key, child) in zip(node.keys, node.children) {
        var prefix: UInt64 = 0
        for (shift, byte) in key.prefix(8).enumerated() { prefix |= UInt64(byte) << (8 * shift) }
        let mask: UInt64 = key.count >= 8 ? ~0 : (1 << (8 * UInt64(key.count))) - 1
        for (offset, byte) in key.enumerated() { pool[poolIndex + offset] = byte }
        entries[entryIndex] = TrieView.Entry(
          prefix: prefix, mask: mask, length: key.count, keyOffset: poolIndex, node: Int32(child))
        poolIndex += key.count + 8
        entryIndex += 1
      }
    }
    view = TrieView(
      nodes: UnsafePointer(nodes.baseAddress!), entries: UnsafePointer(entries.baseAddress!),
      pool: UnsafePointer(pool.baseAddress!), clearList: UnsafePointer(clearList.baseAddress!),
      slotCount: trie.slotCount)
  }

  deinit {
    nodes.deallocate()
    entries.deallocate()
    pool.deallocate()
    clearList.deallocate()
  }
}

/// Pointers into a `CompiledTrie`, valid while it lives.
struct TrieView {
  struct Node {
    var firstEntry: Int32
    var entryCount: Int32
    var slot: Int32
    var firstCleared: Int32
    var clearedCount: Int32
  }

  struct Entry {
    /// The key's first (up to) 8 bytes, little-endian, and the mask of those bytes.
    var prefix: UInt64
    var mask: UInt64
    var length: Int
    var keyOffset: Int
    var node: Int32
  }

  let nodes: UnsafePointer<Node>
  let entries: UnsafePointer<Entry>
  let pool: UnsafePointer<UInt8>
  let clearList: UnsafePointer<Int32>
  let slotCount: Int

  @inline(__always)
  func hasChildren(_ node: Int) -> Bool { nodes[node].entryCount != 0 }

  @inline(__always)
  func slot(_ node: Int) -> Int { Int(nodes[node].slot) }

  /// The child of `node` whose key is `length` bytes at `key`, or -1.
  /// Reads 8 bytes at `key` whatever `length` is: the caller guarantees
  /// they are readable (zero padding follows every buffer and key copy).
  @inline(__always)
  func child(of node: Int, key: UnsafePointer<UInt8>, length: Int) -> Int {
    let info = nodes[node]
    let first = UInt64(littleEndian: UnsafeRawPointer(key).loadUnaligned(as: UInt64.self))
    var index = Int(info.firstEntry)
    let last = index + Int(info.entryCount)
    while index < last {
      let entry = entries[index]
      if entry.length == length && first & entry.mask == entry.prefix
        && (length <= 8 || equalBytes(key + 8, pool + entry.keyOffset + 8, length - 8))
      {
        return Int(entry.node)
      }
      index += 1
    }
    return -1
  }

  @inline(__always)
  private func equalBytes(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int)
    -> Bool
  {
    var index = 0
    while index + 8 <= count {
      if UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
        != UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
      {
        return false
      }
      index += 8
    }
    while index < count {
      if left[index] != right[index] { return false }
      index += 1
    }
    return true
  }

  /// Sets every slot below `node` to absent: a repeated key's last value wins whole.
  @inline(__always)
  func clearBelow(_ node: Int, in slots: UnsafeMutablePointer<JSONText?>) {
    let info = nodes[node]
    var index = Int(info.firstCleared)
    let last = index + Int(info.clearedCount)
    while index < last {
      slots[Int(clearList[index])] = nil
      index += 1
    }
  }
}
