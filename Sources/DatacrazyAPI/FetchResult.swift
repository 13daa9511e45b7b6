/// Everything one `fetchAll` read.
public struct FetchResult: Sendable {
  /// Open conversations first, then finished ones, each distinct id once (first
  /// position, the copy with the later `updatedAt`).
  public var conversations: [FetchedConversation]
  /// Messages for the user, such as a distinct total that differs from `count`.
  public var warnings: [String]
  /// HTTP requests sent, retries included.
  public var requests: Int
  public init(conversations: [FetchedConversation], warnings: [String], requests: Int) {
    self.conversations = conversations
    self.warnings = warnings
    self.requests = requests
  }
}
