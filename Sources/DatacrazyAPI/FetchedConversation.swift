/// One conversation as the API sent it.
public struct FetchedConversation: Sendable {
  public let id: String
  public let updatedAt: String?
  /// The record's JSON text exactly as in the response.
  public let json: [UInt8]
  public init(id: String, updatedAt: String?, json: [UInt8]) {
    self.id = id
    self.updatedAt = updatedAt
    self.json = json
  }
}
