import ConversationGenerator
import DatacrazyMock
import Foundation
import Testing

@testable import DatacrazyAPI

#if canImport(Glibc)
  import Glibc
#endif

/// Whether a generated record says `"finished":true` (the generator writes
/// compact JSON, and only the top level has a `finished` key).
func isFinishedRecord(_ record: [UInt8]) -> Bool {
  let mark = Array(#""finished":true"#.utf8)
  guard record.count >= mark.count else { return false }
  var start = 0
  while start <= record.count - mark.count {
    var matched = 0
    while matched < mark.count && record[start + matched] == mark[matched] { matched += 1 }
    if matched == mark.count { return true }
    start += 1
  }
  return false
}

/// The client against the mock server: real HTTP on 127.0.0.1.
@Suite struct MockServerTests {
  static let token = "dc_mock-token-0123456789"

  /// Generated records, and the order `fetchAll` must give them in: the
  /// open ones, then the finished ones, each newest first.
  static func records(_ count: Int, seed: UInt64 = 11) -> (all: [[UInt8]], expected: [[UInt8]]) {
    let all = ConversationGenerator(seed: seed).records(count: count)
    let isFinished = all.map(isFinishedRecord)
    let open = zip(all, isFinished).filter { !$1 }.map(\.0)
    let finished = zip(all, isFinished).filter { $1 }.map(\.0)
    return (all, open + finished)
  }

  func withMock(
    _ configuration: DatacrazyMockServer.Configuration,
    _ body: (DatacrazyMockServer, URL) async throws -> Void
  ) async throws {
    let server = DatacrazyMockServer(configuration: configuration)
    _ = try await server.start()
    let url = await server.baseURL
    do {
      try await body(server, url)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  @Test func aFullFetchGivesEveryRecordByteForByte() async throws {
    let (all, expected) = Self.records(1000)
    try await withMock(.init(records: all, token: Self.token)) { server, url in
      let client = DatacrazyClient(configuration: testConfiguration(url, token: Self.token))
      let result = try await client.fetchAll()
      #expect(result.conversations.count == 1000)
      #expect(result.conversations.map(\.json) == expected)
      #expect(result.warnings.isEmpty)
      let statistics = await server.statistics
      #expect(statistics.requests == result.requests)
      #expect(statistics.answered200 == result.requests)
      #expect(statistics.answered429 + statistics.answered5xx == 0)
    }
  }

  @Test func faultsAreRetriedAndEveryRecordStillComes() async throws {
    let (all, expected) = Self.records(800, seed: 12)
    var configuration = DatacrazyMockServer.Configuration(records: all, token: Self.token)
    configuration.faults.serverErrors = 0.1
    configuration.faults.tooManyRequests = 0.1
    configuration.faults.retryAfterSeconds = 1
    configuration.seed = 5
    try await withMock(configuration) { server, url in
      var settings = testConfiguration(url, token: Self.token)
      settings.maximumAttempts = 8
      let log = Recorder<String>()
      let client = DatacrazyClient(configuration: settings) { log.append($0) }
      let result = try await client.fetchAll()
      #expect(result.conversations.map(\.json) == expected)
      let statistics = await server.statistics
      #expect(statistics.answered5xx > 0)
      #expect(statistics.answered429 > 0)
      #expect(statistics.requests == result.requests)
      #expect(log.all.count == result.requests)
      #expect(log.all.allSatisfy { !$0.contains(Self.token) })
    }
  }

  @Test func droppedConnectionsAndCutBodiesAreRetried() async throws {
    let (all, expected) = Self.records(600, seed: 13)
    var configuration = DatacrazyMockServer.Configuration(records: all, token: Self.token)
    configuration.faults.droppedConnections = 0.1
    configuration.faults.truncatedBodies = 0.1
    configuration.seed = 6
    try await withMock(configuration) { server, url in
      var settings = testConfiguration(url, token: Self.token)
      settings.maximumAttempts = 8
      let result = try await DatacrazyClient(configuration: settings).fetchAll()
      #expect(result.conversations.map(\.json) == expected)
      let statistics = await server.statistics
      // Some answers were dropped or cut short, and were asked for again. (The
      // server may count a request more than the client: libcurl silently resends
      // a request whose reused connection closed before answering.)
      #expect(statistics.answered200 < statistics.requests)
      #expect(statistics.answered200 < result.requests)
    }
  }

  @Test func aServerMaximumBelowThePageSize() async throws {
    let (all, expected) = Self.records(500, seed: 14)
    var configuration = DatacrazyMockServer.Configuration(records: all, token: Self.token)
    configuration.maximumTake = 30
    try await withMock(configuration) { server, url in
      let result = try await DatacrazyClient(configuration: testConfiguration(url, token: Self.token))
        .fetchAll()
      #expect(result.conversations.map(\.json) == expected)
      let open = expected.count - all.count(where: isFinishedRecord)
      let pages = (open + 29) / 30 + (all.count - open + 29) / 30
      #expect(result.requests == pages)
      #expect(await server.statistics.requests == pages)
    }
  }

  @Test func aTightLimitIsNeverExceededWhateverThePhase() async throws {
    let (all, expected) = Self.records(60, seed: 15)
    var configuration = DatacrazyMockServer.Configuration(records: all, token: Self.token)
    // A 3 s window: its 5% margin (150 ms) outlasts the scheduling delays of
    // a loaded test machine, which a 1 s window's 50 ms did not always.
    configuration.rateLimit = (15, .seconds(3))
    try await withMock(configuration) { server, url in
      var settings = testConfiguration(url, token: Self.token)
      settings.rateLimit = (15, .seconds(3))
      settings.pageSize = 5
      let client = DatacrazyClient(configuration: settings)
      let reports = Recorder<FetchProgress>()
      var requests = 0
      // Three syncs in a row, started at different points of the server's window.
      for pause in [0, 1000, 2000] {
        try await Task.sleep(for: .milliseconds(pause))
        let result = try await client.fetchAll { reports.append($0) }
        #expect(result.conversations.map(\.json) == expected)
        requests += result.requests
      }
      let statistics = await server.statistics
      #expect(statistics.requests == requests)
      #expect(statistics.answered429 == 0)
      #expect(statistics.maximumInAnyWindow <= 15)
      #expect(statistics.maximumInAnyWindow >= 14)
      #expect(reports.all.contains { $0.waitingForRateLimit })
      #expect(reports.all.last?.waitingForRateLimit == false)
    }
  }

  @Test func aWrongTokenIsUnauthorizedAtOnce() async throws {
    let (all, _) = Self.records(100)
    try await withMock(.init(records: all, token: Self.token)) { server, url in
      // A retry would wait 30 s or more: the time shows there was none.
      var settings = testConfiguration(url, token: "dc_wrong-token")
      settings.retryBaseDelay = .seconds(60)
      settings.maximumRetryDelay = .seconds(60)
      let client = DatacrazyClient(configuration: settings)
      let start = ContinuousClock.now
      await #expect {
        try await client.fetchAll()
      } throws: { error in
        guard case .unauthorized(401, _) = error as? APIError else { return false }
        return !"\(error)".contains("dc_wrong-token")
      }
      #expect(ContinuousClock.now - start < .seconds(20))
      #expect(await server.statistics.requests <= 2)
    }
  }

  @Test func aServerThatAlwaysFailsIsUnavailableAfterTheAttempts() async throws {
    let (all, _) = Self.records(100)
    var configuration = DatacrazyMockServer.Configuration(records: all, token: Self.token)
    configuration.faults.serverErrors = 1
    try await withMock(configuration) { server, url in
      var settings = testConfiguration(url, token: Self.token)
      settings.maximumAttempts = 3
      settings.concurrentRequests = 1
      let client = DatacrazyClient(configuration: settings)
      await #expect {
        try await client.fetchAll()
      } throws: { error in
        (error as? APIError)?.description.hasPrefix("the API at 127.0.0.1:") == true
          && "\(error)".contains("keeps failing (3 attempts): HTTP 500")
      }
      // One page at a time: the first one's three attempts, and no more.
      #expect(await server.statistics.requests == 3)
    }
  }

  @Test func aClosedPortIsUnavailable() async throws {
    // A port bound but not listening refuses connections, and nothing else
    // can take it meanwhile (a stopped server's port could go to another test).
    let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(holder) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0
      }
    }
    try #require(bound)
    let port = Int(UInt16(bigEndian: address.sin_port))
    var settings = testConfiguration(URL(string: "http://127.0.0.1:\(port)")!)
    settings.maximumAttempts = 2
    await #expect {
      try await DatacrazyClient(configuration: settings).fetchAll()
    } throws: { error in
      (error as? APIError)?.description == "cannot reach 127.0.0.1:\(port): connection refused (2 attempts)"
    }
  }

  @Test func cancellingGivesCancelledPromptly() async throws {
    let (all, _) = Self.records(1000)
    var configuration = DatacrazyMockServer.Configuration(records: all, token: Self.token)
    configuration.faults.latency = .seconds(60)
    try await withMock(configuration) { _, url in
      let client = DatacrazyClient(configuration: testConfiguration(url, token: Self.token))
      let task = Task { try await client.fetchAll() }
      try await Task.sleep(for: .milliseconds(200))
      let start = ContinuousClock.now
      task.cancel()
      let result = await task.result
      #expect(ContinuousClock.now - start < .seconds(20))
      guard case .failure(let error) = result else {
        Issue.record("the fetch was not cancelled")
        return
      }
      #expect((error as? APIError).map(isCancelled) == true)
    }
  }

  @Test func cancellingWhileThePacerHoldsBack() async throws {
    let (all, _) = Self.records(1000)
    try await withMock(.init(records: all, token: Self.token)) { _, url in
      var settings = testConfiguration(url, token: Self.token)
      settings.rateLimit = (2, .seconds(60))
      settings.pageSize = 10
      let client = DatacrazyClient(configuration: settings)
      let task = Task { try await client.fetchAll() }
      try await Task.sleep(for: .milliseconds(300))
      let start = ContinuousClock.now
      task.cancel()
      let result = await task.result
      #expect(ContinuousClock.now - start < .seconds(20))
      guard case .failure(let error) = result else {
        Issue.record("the fetch was not cancelled")
        return
      }
      #expect((error as? APIError).map(isCancelled) == true)
    }
  }

  /// `DCQ_API_BENCH=100000 swift test --filter fetchSpeed` (release is fairer: `-c release`).
  @Test(.enabled(if: ProcessInfo.processInfo.environment["DCQ_API_BENCH"] != nil))
  func fetchSpeed() async throws {
    let count = Int(ProcessInfo.processInfo.environment["DCQ_API_BENCH"] ?? "") ?? 100_000
    let generated = ContinuousClock.now
    let (all, expected) = Self.records(count)
    print("generated and sorted \(count) records in \(ContinuousClock.now - generated)")
    try await withMock(.init(records: all, token: Self.token)) { server, url in
      var settings = testConfiguration(url, token: Self.token)
      if let size = ProcessInfo.processInfo.environment["DCQ_API_BENCH_PAGE"].flatMap(Int.init) {
        settings.pageSize = size
      }
      if let concurrency = ProcessInfo.processInfo.environment["DCQ_API_BENCH_CONCURRENCY"].flatMap(Int.init)
      {
        settings.concurrentRequests = concurrency
      }
      let start = ContinuousClock.now
      let result = try await DatacrazyClient(configuration: settings).fetchAll()
      let elapsed = ContinuousClock.now - start
      print(
        "fetched \(result.conversations.count) records in \(result.requests) requests in \(elapsed) "
          + "(page \(settings.pageSize), \(settings.concurrentRequests) at once)")
      #expect(result.conversations.map(\.json) == expected)
      _ = await server.statistics
    }
  }
}
