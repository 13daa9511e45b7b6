import ConversationGenerator
import DatacrazyMock
import Foundation
import Testing

/// How fast the mock serves a full sync's pages: run with
/// `DCQ_MOCK_BENCHMARK=100000 swift test -c release -Xswiftc -enable-testing --filter BenchmarkTests`
/// (the other suites use `@testable import`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DCQ_MOCK_BENCHMARK"] != nil))
struct BenchmarkTests {
  @Test func pagesOfAHundredOverAFullSync() async throws {
    let count = Int(ProcessInfo.processInfo.environment["DCQ_MOCK_BENCHMARK"] ?? "") ?? 100_000
    let clock = ContinuousClock()
    var records: [[UInt8]] = []
    let generation = clock.measure { records = ConversationGenerator(seed: 1).records(count: count) }
    var server: DatacrazyMockServer?
    let indexing = clock.measure { server = DatacrazyMockServer(configuration: .init(records: records)) }
    let bytes = records.reduce(0) { $0 + $1.count }
    records = []
    let mock = try #require(server)
    _ = try await mock.start()
    let client = await MockClient(base: mock.baseURL)
    var fetched = 0
    let started = clock.now
    for filter in ["filter[opened]=true", "filter[opened]=false"] {
      let total = try #require(try await client.get("take=0&" + filter).count)
      // Four pages in flight, as a sync does.
      try await withThrowingTaskGroup(of: Int.self) { group in
        var skip = 0
        func add() {
          guard skip < total else { return }
          let query = "skip=\(skip)&take=100&" + filter
          group.addTask { try await client.get(query).body.count }
          skip += 100
        }
        for _ in 0..<4 { add() }
        while let size = try await group.next() {
          fetched += size
          add()
        }
      }
    }
    let elapsed = clock.now - started
    let statistics = await mock.statistics
    await mock.stop()
    print(
      """
      mock benchmark: \(count) records, \(bytes / 1_000_000) MB; generated in \(generation), \
      indexed in \(indexing); \(statistics.requests) requests, \(fetched / 1_000_000) MB \
      in \(elapsed) (\(Int(Double(statistics.requests) / (elapsed / .seconds(1)))) requests/s)
      """)
    #expect(statistics.recordsServed == count)
  }
}
