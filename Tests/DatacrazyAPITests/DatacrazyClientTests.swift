import Foundation
import Testing

@testable import DatacrazyAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The client against a fake transport: no sockets, exact control of each answer.
@Suite struct DatacrazyClientTests {
  let base = URL(string: "https://api.example.test")!

  func client(_ transport: FakeTransport, log: Recorder<String>? = nil, attempts: Int = 4)
    -> DatacrazyClient
  {
    var configuration = testConfiguration(base)
    configuration.maximumAttempts = attempts
    var write: (@Sendable (String) -> Void)?
    if let log { write = { log.append($0) } }
    return DatacrazyClient(configuration: configuration, transport: transport, log: write)
  }

  @Test func requestsCarryTheTokenTheAgentAndBothPasses() async throws {
    let transport = FakeTransport(listingServer(open: [], finished: []))
    _ = try await client(transport).fetchAll()
    let requests = transport.requests
    #expect(requests.count == 2)
    let urls = Set(requests.map { $0.url!.absoluteString })
    #expect(
      urls == [
        "https://api.example.test/api/v1/conversations?skip=0&take=100",
        "https://api.example.test/api/v1/conversations?skip=0&take=100&filter%5Bopened%5D=false",
      ])
    for request in requests {
      #expect(request.httpMethod == "GET")
      #expect(request.value(forHTTPHeaderField: "Authorization") == "Bearer \(secretToken)")
      #expect(request.value(forHTTPHeaderField: "User-Agent") == "dcq/test")
      #expect(request.value(forHTTPHeaderField: "Accept") == "application/json")
    }
  }

  @Test func aBasePathIsKept() {
    var configuration = testConfiguration(URL(string: "https://api.datacrazy.io/v1/api/")!)
    configuration.pageSize = 50
    let endpoint = ConversationsEndpoint(configuration)
    #expect(
      endpoint.url(skip: 100, take: 50, pass: .finished).absoluteString
        == "https://api.datacrazy.io/v1/api/api/v1/conversations?skip=100&take=50&filter%5Bopened%5D=false")
    #expect(
      endpoint.pathAndQuery(skip: 0, take: 50, pass: .open) == "/v1/api/api/v1/conversations?skip=0&take=50")
  }

  @Test func openThenFinishedMergedWithAWarning() async throws {
    let open = (0..<250).map { recordJSON(id: "o\($0)") }
    // A conversation that finished during the sync shows in both passes, newer in the second.
    var finished = (0..<120).map { recordJSON(id: "f\($0)") }
    finished[7] = recordJSON(id: "o3", updatedAt: "2025-06-25T00:00:00.000Z")
    let transport = FakeTransport(listingServer(open: open, finished: finished, maximumTake: 40))
    let reports = Recorder<FetchProgress>()
    let result = try await client(transport).fetchAll { reports.append($0) }
    #expect(result.conversations.count == 369)
    #expect(
      result.conversations.map(\.json) == open.enumerated().map { $0 == 3 ? finished[7] : $1 }
        + finished.enumerated().filter { $0.offset != 7 }.map(\.element))
    #expect(
      result.warnings == [
        "the API counted 370 conversations (250 open + 120 finished) but sent 369 distinct ones (1 sent twice): "
          + "the list changed while it was read; the next sync will catch up"
      ])
    #expect(result.requests == transport.requests.count)
    #expect(result.requests == 7 + 3)
    let last = reports.all.last!
    #expect(last.records == 370)
    #expect(last.expected == 370)
    #expect(last.requests == 10)
  }

  @Test func transientFailuresAreRetried() async throws {
    let records = (0..<30).map { recordJSON(id: "r\($0)") }
    let good = listingServer(open: records, finished: [])
    let openRequests = Counter()
    let transport = FakeTransport { request, number in
      if request.isFinishedPass { return try await good(request, number) }
      switch openRequests.next() {
      case 1: return FakeAnswer(status: 500, body: Array(#"{"message": "oops"}"#.utf8))
      case 2: return FakeAnswer(status: 429, headers: ["Retry-After": "0"])
      case 3: throw URLError(.networkConnectionLost)
      case 4: throw URLError(.timedOut)
      case 5:
        var answer = try await good(request, number)
        answer.body.removeLast(10)
        return answer
      default: return try await good(request, number)
      }
    }
    let log = Recorder<String>()
    let result = try await client(transport, log: log, attempts: 6).fetchAll()
    #expect(result.conversations.map(\.json) == records)
    #expect(result.requests == 7)
    let lines = log.all
    #expect(lines.count == 7)
    #expect(
      lines.contains { $0.contains("filter%5Bopened%5D=false → 200, ") && $0.hasSuffix(" ms, attempt 1/6") })
    #expect(lines.contains { $0.contains("→ 500, ") && $0.contains("attempt 1/6; retrying in ") })
    #expect(lines.contains { $0.contains("→ the connection was dropped") })
    #expect(
      lines.contains { $0.contains("→ 200 with a broken body (unterminated string at line 30, column 25)") })
    #expect(lines.contains { $0.contains("skip=0&take=100 → 200, ") && $0.hasSuffix(" ms, attempt 6/6") })
    #expect(lines.allSatisfy { $0.hasPrefix("GET /api/v1/conversations?skip=0&take=100") })
    #expect(lines.allSatisfy { !$0.contains(secretToken) && !$0.contains("Bearer") })
  }

  @Test(arguments: [401, 403])
  func aRefusedTokenFailsAtOnce(status: Int) async {
    let transport = FakeTransport { _, _ in
      FakeAnswer(status: status, body: Array("{\"message\": \"Token \(secretToken) inválido\"}".utf8))
    }
    await #expect {
      try await client(transport).fetchAll()
    } throws: { error in
      guard case .unauthorized(status, let message) = error as? APIError else { return false }
      return message == "Token [token] inválido" && !"\(error)".contains(secretToken)
    }
    #expect(transport.requests.count <= 2)  // the two first pages, at once; no retry
  }

  @Test func anotherClientErrorIsABadResponseAtOnce() async {
    let transport = FakeTransport { _, _ in
      FakeAnswer(
        status: 400,
        body: Array(
          #"{"message": "Bad filter\n    at Validator.check (/srv/app.js:1:1)", "stack": "..."}"#.utf8))
    }
    await #expect {
      try await client(transport).fetchAll()
    } throws: { error in
      (error as? APIError)?.description == "the API refused the request (HTTP 400): Bad filter"
    }
    #expect(transport.requests.count <= 2)
  }

  @Test func aServerThatKeepsFailingIsUnavailableAfterTheAttempts() async {
    let transport = FakeTransport { request, _ in
      if request.isFinishedPass { try await Task.sleep(for: .seconds(60)) }
      return FakeAnswer(status: 503, body: Array(#"{"message": "maintenance"}"#.utf8))
    }
    let start = ContinuousClock.now
    await #expect {
      try await client(transport, attempts: 3).fetchAll()
    } throws: { error in
      (error as? APIError)?.description
        == "the API at api.example.test keeps failing (3 attempts): HTTP 503: maintenance"
    }
    #expect(ContinuousClock.now - start < .seconds(20))
    #expect(transport.requests.filter { !$0.isFinishedPass }.count == 3)
  }

  @Test func anUnreachableHostIsUnavailable() async {
    let transport = FakeTransport { _, _ in throw URLError(.cannotConnectToHost) }
    await #expect {
      try await client(transport, attempts: 2).fetchAll()
    } throws: { error in
      (error as? APIError)?.description == "cannot reach api.example.test: connection refused (2 attempts)"
    }
  }

  @Test func aPageThatIsNotAPageIsABadResponse() async {
    let transport = FakeTransport { _, _ in FakeAnswer(body: Array(#"{"items": []}"#.utf8)) }
    await #expect {
      try await client(transport).fetchAll()
    } throws: { error in
      guard case .badResponse(200, let message) = error as? APIError else { return false }
      return message == "it has no \"data\" array"
    }
    #expect(transport.requests.count == 2)
  }

  @Test func cancellingStopsPromptly() async throws {
    let transport = FakeTransport { request, _ in
      if request.query("skip") != "0" { try await Task.sleep(for: .seconds(60)) }
      return try await listingServer(open: (0..<1000).map { recordJSON(id: "r\($0)") }, finished: [])(
        request, 0)
    }
    let client = client(transport)
    let task = Task { try await client.fetchAll() }
    try await Task.sleep(for: .milliseconds(100))
    let start = ContinuousClock.now
    task.cancel()
    let result = await task.result
    #expect(ContinuousClock.now - start < .seconds(20))
    guard case .failure(let error) = result else {
      Issue.record("not cancelled")
      return
    }
    #expect((error as? APIError).map(isCancelled) == true)
  }
}
