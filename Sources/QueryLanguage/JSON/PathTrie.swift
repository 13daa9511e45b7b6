/// The key paths a query reads from records, shared by every record: the
/// reader finds all of them in one pass over each record.
///
/// ```
/// var paths = PathTrie()
/// let platform = paths.slot(for: ["contact", "platform"])  // 0
/// let contact = paths.slot(for: ["contact"])               // 1: a prefix gets its own slot
/// ```
/// Keys are compared as UTF-8 bytes with the record's keys (decoded when
/// they hold escapes).
public struct PathTrie: Sendable {
  struct Node: Sendable {
    var keys: [[UInt8]] = []
    var children: [Int] = []
    var slot = -1
  }

  /// Node 0 is the root: the record itself.
  private(set) var nodes: [Node] = [Node()]
  private var slotsAssigned = 0
  /// The registered paths, in slot order.
  public private(set) var paths: [[String]] = []

  public init() {}

  /// Registers `keys` (from the record's root, e.g. ["contact", "name"]) and returns its slot.
  /// Registering a path again returns the slot it already has; `[]` is the whole record.
  public mutating func slot(for keys: [String]) -> Int {
    var node = 0
    for key in keys {
      let bytes = Array(key.utf8)
      if let index = nodes[node].keys.firstIndex(of: bytes) {
        node = nodes[node].children[index]
      } else {
        nodes.append(Node())
        nodes[node].keys.append(bytes)
        nodes[node].children.append(nodes.count - 1)
        node = nodes.count - 1
      }
    }
    if nodes[node].slot < 0 {
      nodes[node].slot = slotsAssigned
      slotsAssigned += 1
      paths.append(keys)
    }
    return nodes[node].slot
  }

  public var slotCount: Int { slotsAssigned }
}
