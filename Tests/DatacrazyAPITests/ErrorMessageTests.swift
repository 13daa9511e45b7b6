import Testing

@testable import DatacrazyAPI

@Suite struct ErrorMessageTests {
  @Test func theBodysMessageOnly() {
    let body = Array(#"{"message": "Invalid filter", "code": "BAD_FILTER", "stack": "Error\n at x"}"#.utf8)
    #expect(ErrorMessage.from(body: body, token: secretToken) == "Invalid filter")
  }

  @Test func aStackTraceIsCutToItsFirstLine() {
    let body = Array(
      #"{"statusCode":400,"message":"Error: boom\n    at Object.<anonymous> (/app/src/main.js:10:5)\n    at Module._compile"}"#
        .utf8)
    #expect(ErrorMessage.from(body: body, token: secretToken) == "Error: boom")
  }

  @Test func aNestedErrorGivesItsMessage() {
    let body = Array(#"{"message": {"statusCode": 500, "message": "Internal server error"}}"#.utf8)
    #expect(ErrorMessage.from(body: body, token: secretToken) == "Internal server error")
    let list = Array(#"{"message": ["take must be a number", "skip must not be negative"]}"#.utf8)
    #expect(
      ErrorMessage.from(body: list, token: secretToken) == "take must be a number; skip must not be negative")
  }

  @Test func theTokenNeverAppears() {
    let body = Array(#"{"message": "token dc_SECRET-token-1234567890 is revoked"}"#.utf8)
    let message = ErrorMessage.from(body: body, token: secretToken)
    #expect(message == "token [token] is revoked")
  }

  @Test func aLongMessageIsCut() {
    let long = String(repeating: "é", count: 500)
    let message = ErrorMessage.from(body: Array("{\"message\": \"\(long)\"}".utf8), token: secretToken)
    #expect(message?.count == 200)
    #expect(message?.hasSuffix("…") == true)
  }

  @Test(arguments: [
    "", "<html><body>502 Bad Gateway</body></html>", "{\"code\": 1}", "{\"message\": 42}", "{\"mess",
  ])
  func noMessageWithoutOne(body: String) {
    #expect(ErrorMessage.from(body: Array(body.utf8), token: secretToken) == nil)
  }

  @Test func descriptionsAreOneClearLine() {
    let errors: [(APIError, String)] = [
      (
        .unauthorized(status: 401, message: "invalid token"),
        "the API rejected the token (HTTP 401): invalid token"
      ),
      (.unauthorized(status: 403, message: nil), "the token lacks access to conversations (HTTP 403)"),
      (
        .unavailable("cannot reach api.g1.datacrazy.io: unknown host (6 attempts)"),
        "cannot reach api.g1.datacrazy.io: unknown host (6 attempts)"
      ),
      (
        .badResponse(status: 400, message: "Invalid filter"),
        "the API refused the request (HTTP 400): Invalid filter"
      ),
      (
        .badResponse(status: 200, message: "it has no \"data\" array"),
        "the API's answer is not a page of conversations (HTTP 200): it has no \"data\" array"
      ),
      (.cancelled, "cancelled"),
    ]
    for (error, text) in errors {
      #expect(error.description == text)
    }
    #expect(APIError.unavailable("a\nb").description == "a b")
  }

  @Test func finalErrorsNameTheHostAndTheLastFailure() {
    let host = "127.0.0.1:9"
    #expect(
      RetryableFailure.unreachable("connection refused").error(attempts: 6, host: host).description
        == "cannot reach 127.0.0.1:9: connection refused (6 attempts)")
    #expect(
      RetryableFailure.status(503, message: "down for maintenance").error(attempts: 3, host: host).description
        == "the API at 127.0.0.1:9 keeps failing (3 attempts): HTTP 503: down for maintenance")
    #expect(
      RetryableFailure.status(429, message: nil).error(attempts: 6, host: host).description
        == "the API at 127.0.0.1:9 keeps answering 429 Too Many Requests (6 attempts)")
  }
}
