import QueryLanguage

/// Deduplicates records by `id`: a record seen twice keeps its first
/// position and the copy with the later `updatedAt` (the first copy on a tie).
struct ConversationMerger {
  private(set) var conversations: [FetchedConversation] = []
  private var positions: [String: Int] = [:]
  /// Records that repeated an id already seen.
  private(set) var duplicates = 0

  init(expectedCount: Int = 0) {
    conversations.reserveCapacity(expectedCount)
    positions.reserveCapacity(expectedCount)
  }

  mutating func add(_ conversation: FetchedConversation) {
    if let position = positions[conversation.id] {
      duplicates += 1
      if Self.isLater(conversation.updatedAt, than: conversations[position].updatedAt) {
        conversations[position] = conversation
      }
    } else {
      positions[conversation.id] = conversations.count
      conversations.append(conversation)
    }
  }

  mutating func add(contentsOf conversations: some Sequence<FetchedConversation>) {
    for conversation in conversations { add(conversation) }
  }

  /// Whether timestamp `candidate` is after `current`; a missing one is earliest.
  ///
  /// Two timestamps in the API's fixed form (`2025-06-24T16:28:23.722Z`)
  /// compare as text; other forms (no milliseconds, an offset) are parsed.
  static func isLater(_ candidate: String?, than current: String?) -> Bool {
    guard let candidate else { return false }
    guard let current else { return true }
    if isFixedForm(candidate) && isFixedForm(current) {
      return current.utf8.lexicographicallyPrecedes(candidate.utf8)
    }
    switch (parseDate(candidate), parseDate(current)) {
    case (let candidateTime?, let currentTime?): return candidateTime > currentTime
    case (.some, nil): return true
    case (nil, .some): return false
    case (nil, nil): return candidate > current
    }
  }

  /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  private static func isFixedForm(_ text: String) -> Bool {
    let bytes = text.utf8
    guard bytes.count == 24 else { return false }
    for (index, byte) in bytes.enumerated() {
      let expected: UInt8? =
        switch index {
        case 4, 7: UInt8(ascii: "-")
        case 10: UInt8(ascii: "T")
        case 13, 16: UInt8(ascii: ":")
        case 19: UInt8(ascii: ".")
        case 23: UInt8(ascii: "Z")
        default: nil
        }
      if let expected {
        guard byte == expected else { return false }
      } else {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
      }
    }
    return true
  }
}
