import Foundation
import QueryLanguage

/// One answer of the mock before it meets the transport: a status, extra
/// headers and the body's bytes.
struct MockAnswer: Sendable {
  var status: Int
  /// Headers besides `Content-Type` and `Content-Length`.
  var headers: [(name: String, value: String)] = []
  var body: Data
  /// Records in the body, for the statistics.
  var records = 0

  /// An error answer with the API's body shape, `{"message": ..., "code": ...}`.
  static func error(_ status: Int, _ message: String, code: String, extra: [(String, String)] = [])
    -> MockAnswer
  {
    var text = "{\"message\":\(jsonString(message)),\"code\":\(jsonString(code))"
    for (key, value) in extra { text += ",\(jsonString(key)):\(jsonString(value))" }
    text += "}"
    return MockAnswer(status: status, body: Data(text.utf8))
  }

  static let unauthorized = error(401, "Unauthorized", code: "UNAUTHORIZED")

  /// A 500 with the stack trace some servers leak: a client must not show it.
  static let internalError = error(
    500, "Internal server error", code: "INTERNAL",
    extra: [
      (
        "stack",
        "Error: Internal server error\n    at ConversationsService.findAll "
          + "(/app/dist/conversations/conversations.service.js:118:23)\n    at async "
          + "ConversationsController.list (/app/dist/conversations/conversations.controller.js:41:16)"
      )
    ])

  /// A 429 that asks the client to wait `seconds`.
  static func tooManyRequests(retryAfter seconds: Int) -> MockAnswer {
    var answer = error(429, "Too many requests, try again later", code: "TOO_MANY_REQUESTS")
    answer.headers = [("Retry-After", String(seconds))]
    return answer
  }

  /// A JSON string literal for `text`.
  static func jsonString(_ text: String) -> String {
    var literal = ""
    appendJSONString(text, to: &literal)
    return literal
  }
}
