import ConversationGenerator
import Foundation
import QueryLanguage
import Testing

@testable import ConversationCache

/// 100,000 generated conversations (about 240 MB): a replace takes a couple
/// of seconds at most, and mapping the records a few milliseconds. Slow to
/// set up, so it runs only with `DCQ_CACHE_BENCHMARK=1`; the times are
/// printed. Release build (measured): replace 0.5–0.8 s, records() < 1 ms.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DCQ_CACHE_BENCHMARK"] != nil))
struct CachePerformanceTests {
  let root = TemporaryFolder("benchmark")

  #if DEBUG
    /// The JSON reader that checks the new file is much slower unoptimised.
    static let replaceLimit: Duration = .seconds(15)
  #else
    static let replaceLimit: Duration = .seconds(3)
  #endif

  @Test func replacingAndMappingAHundredThousandRecords() throws {
    defer { root.remove() }
    let records = ConversationGenerator(seed: 7).records(count: 100_000)
    let store = try ConversationStore.open(directory: root.url, name: "benchmark")
    let metadata = sampleMetadata(records: records.count)
    let clock = ContinuousClock()
    for round in 1...2 {
      let replace = try clock.measure { try store.replace(with: records, metadata: metadata) }
      var buffer: JSONBuffer?
      let map = try clock.measure { buffer = try store.records() }
      print("replace \(round): \(replace), records(): \(map), \(buffer?.count ?? 0) bytes")
      #expect(replace < Self.replaceLimit)
      #expect(map < .milliseconds(50))
      #expect(buffer?.count == records.reduce(0) { $0 + $1.count + 2 } + 1)
    }
  }
}
