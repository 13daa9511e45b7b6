import Testing

@testable import DatacrazyMock

@Suite struct RequestHeadTests {
  @Test func aHeadGivesMethodPathQueryAndHeaders() throws {
    let head = try #require(
      RequestHead(
        Array(
          "GET /api/v1/conversations?skip=0&take=100 HTTP/1.1\r\nHost: x\r\nAuthorization:  Bearer t \r\nX-A: 1\r\nx-a: 2"
            .utf8)))
    #expect(head.method == "GET")
    #expect(head.path == "/api/v1/conversations")
    #expect(head.query == "skip=0&take=100")
    #expect(head.header("authorization") == "Bearer t")
    #expect(head.header("x-a") == "2")
    #expect(head.keepAlive)
    #expect(head.bodyLength == 0)
  }

  @Test(arguments: [
    ("GET / HTTP/1.1", true),
    ("GET / HTTP/1.1\r\nConnection: close", false),
    ("GET / HTTP/1.0", false),
    ("GET / HTTP/1.0\r\nConnection: Keep-Alive", true),
  ])
  func keepAliveFollowsTheVersionAndConnectionHeader(text: String, keepAlive: Bool) throws {
    #expect(try #require(RequestHead(Array(text.utf8))).keepAlive == keepAlive)
  }

  @Test func aBodyLengthIsRead() throws {
    #expect(try #require(RequestHead(Array("POST /x HTTP/1.1\r\nContent-Length: 12".utf8))).bodyLength == 12)
  }

  @Test(arguments: [
    "GET /", "GET / SPDY/3", "GET / HTTP/1.1\r\nno colon", "POST / HTTP/1.1\r\nContent-Length: -1",
    "POST / HTTP/1.1\r\nTransfer-Encoding: chunked",
  ])
  func malformedHeadsAreRefused(text: String) {
    #expect(RequestHead(Array(text.utf8)) == nil)
  }

  @Test func theBearerTokenIsTakenFromItsHeader() {
    #expect(MockRequestHandler.bearerToken("Bearer dc_abc") == "dc_abc")
    #expect(MockRequestHandler.bearerToken("bearer   dc_abc ") == "dc_abc")
    #expect(MockRequestHandler.bearerToken("Basic dc_abc") == nil)
    #expect(MockRequestHandler.bearerToken("dc_abc") == nil)
    #expect(MockRequestHandler.bearerToken(nil) == nil)
  }
}
