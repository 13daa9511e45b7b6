/// One page of `GET /api/v1/conversations`.
struct Page: Sendable {
  /// The API's `count`: all the conversations the query matches; nil when absent.
  var count: Int?
  var conversations: [FetchedConversation]
}
