import ConversationGenerator
import Testing

@testable import DatacrazyAPI

@Suite struct PageDecoderTests {
  @Test func recordsKeepTheirExactBytes() throws {
    let records = ConversationGenerator(seed: 7).records(count: 50)
    let page = try PageDecoder.decode(pageJSON(count: 1234, records: records))
    #expect(page.count == 1234)
    #expect(page.conversations.map(\.json) == records)
    #expect(page.conversations.allSatisfy { !$0.id.isEmpty && $0.updatedAt != nil })
  }

  @Test func theGeneratorsPageLayoutToo() throws {
    let generator = ConversationGenerator(seed: 3)
    let page = try PageDecoder.decode(generator.data(count: 20, format: .page))
    #expect(page.count == 20)
    #expect(page.conversations.map(\.json) == generator.records(count: 20))
  }

  @Test func idsAndDatesAreDecoded() throws {
    let body = Array(
      #"{"data": [{"updatedAt": "2025-01-01T00:00:00.000Z", "id": "caf\u00e9"}, {"id": 17}], "count": 2}"#
        .utf8)
    let page = try PageDecoder.decode(body)
    #expect(page.conversations.map(\.id) == ["café", "17"])
    #expect(page.conversations.map(\.updatedAt) == ["2025-01-01T00:00:00.000Z", nil])
    #expect(
      page.conversations[0].json
        == Array(#"{"updatedAt": "2025-01-01T00:00:00.000Z", "id": "caf\u00e9"}"#.utf8))
  }

  @Test func anEmptyPageAndAMissingCount() throws {
    #expect(try PageDecoder.decode(Array(#" {"count": 0, "data": []} "#.utf8)).conversations.isEmpty)
    #expect(try PageDecoder.decode(Array(#"{"data": []}"#.utf8)).count == nil)
  }

  @Test(arguments: [
    #"{"count": 2, "data": [{"id": "a"}, {"id": "b"#, "", "{\"count\": 2, \"da", "<html>",
  ])
  func aCutOrBrokenBodyIsMalformed(body: String) {
    #expect {
      try PageDecoder.decode(Array(body.utf8))
    } throws: { error in
      if case .malformed = error as? PageDecoder.Failure { return true }
      return false
    }
  }

  @Test(arguments: [
    (#"[{"id": "a"}]"#, "the body is not a JSON object"),
    (#"{"message": "ok"}"#, "it has no \"data\" array"),
    (#"{"count": 1, "data": [{"name": "x"}]}"#, "a record has no \"id\""),
    (#"{"count": 1, "data": [3]}"#, "expected a conversation object, found a number at line 1, column 23"),
    (#"{"count": "many", "data": []}"#, "its \"count\" is not a whole number: \"many\""),
    ("{\"count\": 1, \"data\": []}\n{\"id\": \"x\"}", "it holds more than one JSON value"),
  ])
  func jsonThatIsNotAPage(body: String, reason: String) {
    #expect(throws: PageDecoder.Failure.notAPage(reason)) {
      try PageDecoder.decode(Array(body.utf8))
    }
  }
}
