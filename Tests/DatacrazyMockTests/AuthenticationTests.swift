import DatacrazyMock
import Testing

@Suite struct AuthenticationTests {
  static let records = [Array(#"{"id":"1"}"#.utf8)]

  @Test(arguments: [nil, "wrong", "Right", "right2"] as [String?])
  func aMissingOrWrongTokenIsRefused(token: String?) async throws {
    try await withServer(.init(records: Self.records, token: "right")) { server, client in
      var client = client
      client.token = token
      let answer = try await client.get()
      #expect(answer.status == 401)
      #expect(answer.text == #"{"message":"Unauthorized","code":"UNAUTHORIZED"}"#)
      let statistics = await server.statistics
      #expect(statistics.requests == 1)
      #expect(statistics.answered4xx == 1)
      #expect(statistics.answered200 == 0)
    }
  }

  @Test func theRightTokenIsAccepted() async throws {
    try await withServer(.init(records: Self.records, token: "dc_secret")) { _, client in
      let answer = try await client.get()
      #expect(answer.status == 200)
      #expect(answer.ids == ["1"])
    }
  }

  @Test func withoutAConfiguredTokenEveryRequestIsAccepted() async throws {
    try await withServer(.init(records: Self.records)) { _, client in
      var client = client
      for token in [nil, "anything"] as [String?] {
        client.token = token
        let answer = try await client.get()
        #expect(answer.status == 200)
      }
    }
  }
}
