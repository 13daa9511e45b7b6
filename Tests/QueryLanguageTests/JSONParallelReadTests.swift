import Testing

@testable import QueryLanguage

/// Reading on several threads splits the input at guessed record
/// boundaries; these inputs make many guesses wrong (`},{` and `}, {` inside
/// strings, nested arrays of objects) and check that the records come out
/// exactly as a sequential read gives them.
@Suite struct JSONParallelReadTests {
  static let paths = [["contact", "platform"], ["finished"], ["id"], ["contact", "name"], ["attendants"]]

  /// Deterministic pseudo-random numbers (a 64-bit LCG).
  struct Sequence {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  static let tricky = [
    #"plain"#, #"a},{b"#, #"x}, {\"id\": \"fake\", \"finished\": true}"#, #"}\n{\"id\": 1}"#,
    #"line\nbreak \"quoted\" \\"#, #"São Paulo — Pós-vendas 😀"#, #"\u00e9\ud83d\ude00"#,
    #"}]},{"#, #"}\r\n,\t{"#, "",
  ]

  /// A record; the one numbered `broken` has a bare word for its id.
  static func record(_ index: Int, _ random: inout Sequence, pretty: Bool, broken: Int?) -> String {
    let separator = pretty ? ",\n    " : ", "
    var members = [
      index == broken ? #""id": r\#(index)"# : #""id": "r\#(index)""#,
      #""name": "\#(tricky[random.next(tricky.count)])""#,
      #""contact": {"name": "\#(tricky[random.next(tricky.count)])", "platform": "\#(["WHATSAPP", "INSTAGRAM", "SMS"][random.next(3)])"}"#,
      #""attendants": [\#((0..<(random.next(10) == 0 ? 8 : random.next(4))).map { #"{"id": "a\#($0)", "note": "\#(tricky[random.next(tricky.count)])"}"# }.joined(separator: pretty ? ",\n      " : ", "))]"#,
      #""finished": \#(random.next(2) == 0 ? "true" : "false")"#,
      #""total": \#(random.next(1000)), "data": [{"x": 1}, {"y": [2.5e-3, -0, null]}]"#,
    ]
    if random.next(3) == 0 { members.swapAt(0, random.next(members.count)) }
    let padding = String(repeating: "z", count: random.next(2000))
    members.append(#""padding": "\#(padding)""#)
    return pretty
      ? "{\n    " + members.joined(separator: separator) + "\n  }"
      : "{" + members.joined(separator: separator) + "}"
  }

  enum Shape: String, CaseIterable {
    case compactArray, prettyArray, pageCountFirst, pageDataFirst, ndjsonRecords, ndjsonPages, mixed
  }

  static func input(_ shape: Shape, count: Int, broken: Int? = nil) -> String {
    func records(_ count: Int, seed: UInt64, pretty: Bool = false) -> [String] {
      var random = Sequence(state: seed)
      return (0..<count).map { record($0, &random, pretty: pretty, broken: broken) }
    }
    switch shape {
    case .compactArray:
      return "[" + records(count, seed: 1).joined(separator: ",") + "]"
    case .prettyArray:
      return "[\n  " + records(count, seed: 2, pretty: true).joined(separator: ",\n  ") + "\n]\n"
    case .pageCountFirst:
      return #"{"count": \#(count), "data": ["# + records(count, seed: 3).joined(separator: ", ")
        + #"], "more": {"a": [1]}}"#
    case .pageDataFirst:
      return #"{"data": ["# + records(count, seed: 4).joined(separator: ", ") + #"], "count": \#(count)}"#
    case .ndjsonRecords:
      return records(count, seed: 5).joined(separator: "\n") + "\n"
    case .ndjsonPages:
      let all = records(count, seed: 6)
      return stride(from: 0, to: all.count, by: 37).map { start in
        let page = all[start..<min(start + 37, all.count)]
        return #"{"count": \#(page.count), "data": ["# + page.joined(separator: ",") + "]}"
      }.joined(separator: "\r\n")
    case .mixed:
      let all = records(count, seed: 7)
      var parts: [String] = []
      var index = 0
      var random = Sequence(state: 99)
      while index < all.count {
        let size = min(1 + random.next(300), all.count - index)
        let slice = all[index..<index + size]
        switch random.next(3) {
        case 0: parts.append(slice.joined(separator: "\n"))
        case 1: parts.append("[" + slice.joined(separator: ",\n") + "]")
        default: parts.append(#"{"count": 1, "data": ["# + slice.joined(separator: ", ") + "]}")
        }
        index += size
      }
      return parts.joined(separator: "\n")
    }
  }

  @Test(arguments: Shape.allCases)
  func parallelReadsEqualSequentialReads(_ shape: Shape) throws {
    let text = Self.input(shape, count: 3000)
    let buffer = JSONBuffer(text)
    let sequential = try readJSON(buffer, paths: Self.paths, workers: 1)
    #expect(sequential.records.count == 3000)
    #expect(Set(sequential.slots.map { $0[2] }).count == 3000)
    var statistics = SplitStatistics()
    for (workers, chunkSize) in [(2, 4096), (2, 65536), (3, 16384), (4, 1024)] {
      let parallel = try readJSON(
        buffer, paths: Self.paths, workers: workers, chunkSize: chunkSize,
        statistics: { statistics = statistics + $0 })
      #expect(parallel.records == sequential.records, "\(shape) \(workers) workers, \(chunkSize)")
      #expect(parallel.slots == sequential.slots, "\(shape) \(workers) workers, \(chunkSize)")
    }
    // Chunks were split off and used; in arrays, guesses also went wrong
    // (nested arrays of objects, `},{` in strings) and were recovered.
    #expect(statistics.chunksTaken > 0)
    if shape != .ndjsonRecords && shape != .ndjsonPages {
      #expect(statistics.retries > 0)
    }
  }

  @Test func severalMegabytesWithTheDefaultChunkSize() throws {
    let text = Self.input(.compactArray, count: 6000)
    #expect(text.utf8.count > 5_000_000)
    let buffer = JSONBuffer(text)
    let sequential = try readJSON(buffer, paths: Self.paths, workers: 1)
    let parallel = try readJSON(buffer, paths: Self.paths, workers: 2)
    #expect(
      parallel
        == JSONReadResult(
          records: sequential.records, slots: sequential.slots, batchSizes: parallel.batchSizes))
    #expect(parallel.records.count == 6000)
  }

  @Test(arguments: [Shape.compactArray, .ndjsonRecords, .pageCountFirst])
  func faultsAreFoundAfterTheSameRecords(_ shape: Shape) throws {
    let buffer = JSONBuffer(Self.input(shape, count: 2000, broken: 1500))
    var results: [(Int, String)] = []
    for workers in [1, 2, 3] {
      var seen = 0
      do {
        try RecordReader.read(
          buffer, paths: PathTrie(), workers: workers, chunkSize: 8192, process: { $0.records.count },
          consume: { count in
            seen += count
            return true
          })
        Issue.record("no error with \(workers) workers")
      } catch {
        results.append((seen, "\(error)"))
      }
    }
    #expect(results.count == 3)
    #expect(results.allSatisfy { $0.0 == 1500 && $0.1 == results[0].1 })
    #expect(results.first?.1.hasPrefix("unexpected character 'r'") == true)
  }

  @Test func stoppingEarlyInAParallelRead() throws {
    let buffer = JSONBuffer(Self.input(.compactArray, count: 3000))
    var trie = PathTrie()
    _ = trie.slot(for: ["id"])
    var ids: [String] = []
    try RecordReader.read(
      buffer, paths: trie, workers: 2, chunkSize: 4096,
      process: { batch in (0..<batch.records.count).map { batch.slot(0, ofRecord: $0)!.string! } },
      consume: { batchIDs in
        ids += batchIDs
        return ids.count < 100
      })
    #expect(ids.count >= 100 && ids.count < 3000)
    #expect(ids == (0..<ids.count).map { "r\($0)" })
  }
}

extension JSONParallelReadTests {
  /// What a read gave: its records and slots, or the records before its error and the error.
  static func outcome(_ buffer: JSONBuffer, workers: Int, chunkSize: Int) -> (JSONReadResult, String?) {
    var trie = PathTrie()
    for path in paths { _ = trie.slot(for: path) }
    var result = JSONReadResult()
    do {
      try RecordReader.read(
        buffer, paths: trie, workers: workers, chunkSize: chunkSize,
        process: { batch in
          (
            batch.records.map(\.description),
            (0..<batch.records.count).map { index in
              (0..<batch.slotCount).map { batch.slot($0, ofRecord: index)?.description }
            }
          )
        },
        consume: { (records: [String], slots: [[String?]]) in
          result.records += records
          result.slots += slots
          return true
        })
      return (result, nil)
    } catch {
      return (result, "\(error)")
    }
  }

  /// Corrupted inputs: never a crash or a hang, and a parallel read gives the
  /// same records and the same error as a sequential one.
  @Test(arguments: [Shape.compactArray, .prettyArray, .ndjsonRecords, .mixed])
  func corruptedInputsReadTheSameInParallel(_ shape: Shape) {
    let original = Array(Self.input(shape, count: 60).utf8)
    var random = Sequence(state: 2024)
    let replacements = Array(#"{}[],:"\ 0e-tn"#.utf8) + [0x0A, 0x00, 0xC3]
    for round in 0..<150 {
      var bytes = original
      for _ in 0..<(1 + random.next(3)) {
        let index = random.next(bytes.count)
        switch random.next(3) {
        case 0: bytes.remove(at: index)
        case 1: bytes.insert(replacements[random.next(replacements.count)], at: index)
        default: bytes[index] = replacements[random.next(replacements.count)]
        }
      }
      let buffer = JSONBuffer(bytes: bytes)
      let sequential = Self.outcome(buffer, workers: 1, chunkSize: 512)
      let parallel = Self.outcome(buffer, workers: 2, chunkSize: 512)
      #expect(parallel.0.records == sequential.0.records, "\(shape) round \(round)")
      #expect(parallel.0.slots == sequential.0.slots, "\(shape) round \(round)")
      #expect(parallel.1 == sequential.1, "\(shape) round \(round)")
    }
  }
}
