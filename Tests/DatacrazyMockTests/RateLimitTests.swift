import DatacrazyMock
import Foundation
import Testing

@Suite struct RateLimitTests {
  static let records = (1...30).map { Array(#"{"id":"\#($0)"}"#.utf8) }

  @Test func theRequestAfterTheBudgetGets429WithRetryAfter() async throws {
    var configuration = DatacrazyMockServer.Configuration(records: Self.records, token: "t")
    // A window far longer than 8 requests take, even on a loaded machine.
    configuration.rateLimit = (count: 5, window: .seconds(60))
    try await withServer(configuration) { server, client in
      var statuses: [Int] = []
      var retryAfter: [Int] = []
      for _ in 0..<8 {
        let answer = try await client.get()
        statuses.append(answer.status)
        if answer.status == 429 {
          retryAfter.append(Int(answer.headers["retry-after"] ?? "") ?? -1)
          #expect((answer.json["message"] as? String)?.isEmpty == false)
        }
      }
      #expect(statuses == [200, 200, 200, 200, 200, 429, 429, 429])
      #expect(retryAfter.allSatisfy { (1...60).contains($0) })
      let statistics = await server.statistics
      #expect(statistics.requests == 8)
      #expect(statistics.answered200 == 5)
      #expect(statistics.answered429 == 3)
      #expect(statistics.maximumInAnyWindow == 8)
    }
  }

  @Test func aNewWindowOpensWhenTheFirstEnds() async throws {
    var configuration = DatacrazyMockServer.Configuration(records: Self.records, token: "t")
    configuration.rateLimit = (count: 1, window: .seconds(3))
    try await withServer(configuration) { server, client in
      #expect(try await client.get().status == 200)
      // On a loaded machine a request can arrive seconds late, in a window of
      // its own; ask until one is refused, then wait as it says.
      var refused: MockClient.Answer?
      for _ in 0..<5 where refused == nil {
        let answer = try await client.get()
        if answer.status == 429 { refused = answer }
      }
      let answer = try #require(refused)
      let wait = try #require(Int(answer.headers["retry-after"] ?? ""))
      #expect((1...3).contains(wait))
      try await Task.sleep(for: .seconds(wait) + .milliseconds(100))
      #expect(try await client.get().status == 200)
    }
  }

  @Test func eachTokenHasItsOwnWindow() async throws {
    var configuration = DatacrazyMockServer.Configuration(records: Self.records)
    configuration.rateLimit = (count: 2, window: .seconds(30))
    try await withServer(configuration) { _, client in
      var first = client
      first.token = "a"
      var second = client
      second.token = "b"
      var statuses: [Int] = []
      for current in [first, first, second, first, second, second] {
        statuses.append(try await current.get().status)
      }
      #expect(statuses == [200, 200, 200, 429, 200, 429])
    }
  }

  @Test func theBusiestIntervalIsMeasuredWithoutALimitToo() async throws {
    try await withServer(.init(records: Self.records)) { server, client in
      for _ in 0..<12 { _ = try await client.get() }
      let statistics = await server.statistics
      #expect(statistics.maximumInAnyWindow == 12)
      #expect(statistics.answered200 == 12)
      #expect(statistics.recordsServed == 12 * 10)
    }
  }

  @Test func aPacedClientStaysWithinTheBudget() async throws {
    // At most 4 requests per 400 ms: each request waits until 440 ms after
    // the one 4 before it was answered, so no interval of 400 ms holds more
    // than 4 arrivals, and the fixed window never refuses one.
    var configuration = DatacrazyMockServer.Configuration(records: Self.records, token: "t")
    configuration.rateLimit = (count: 4, window: .milliseconds(400))
    try await withServer(configuration) { server, client in
      var answered: [ContinuousClock.Instant] = []
      for index in 0..<12 {
        if index >= 4 {
          try await Task.sleep(until: answered[index - 4] + .milliseconds(440), clock: .continuous)
        }
        let answer = try await client.get()
        #expect(answer.status == 200)
        answered.append(.now)
      }
      let statistics = await server.statistics
      #expect(statistics.answered429 == 0)
      #expect(statistics.maximumInAnyWindow == 4)
    }
  }

  @Test func anUnpacedBurstShowsInTheBusiestInterval() async throws {
    // Two bursts of 4, 250 ms apart: the fixed window of 60 s that opened
    // with the first refuses the second, and the sliding count sees all 8.
    var configuration = DatacrazyMockServer.Configuration(records: Self.records, token: "t")
    configuration.rateLimit = (count: 4, window: .seconds(60))
    try await withServer(configuration) { server, client in
      var statuses: [Int] = []
      for burst in 0..<2 {
        if burst == 1 { try await Task.sleep(for: .milliseconds(250)) }
        for _ in 0..<4 { statuses.append(try await client.get().status) }
      }
      let statistics = await server.statistics
      #expect(statuses == [200, 200, 200, 200, 429, 429, 429, 429])
      #expect(statistics.answered429 == 4)
      #expect(statistics.maximumInAnyWindow == 8)
    }
  }
}
