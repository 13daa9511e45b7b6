import Synchronization
import Testing

@testable import QueryLanguage

@Suite struct PipelineTests {
  func lines(_ script: String, parameters: [String: Value] = [:]) throws -> [String] {
    try run(script, over: smallConversations, parameters: parameters).flatMap { $0 }
  }

  @Test func whereAndSelect() throws {
    #expect(
      try lines("where not finished | select id, who = name") == [
        #"{"id":"c2","who":"Bruno"}"#, #"{"id":"c3","who":"Carla"}"#,
      ])
  }

  @Test func selectNamesUnnamedItemsByTheirText() throws {
    #expect(
      try lines("take 1 | select dept.name, tags[0], n + 1, `id`") == [
        #"{"dept.name":"Comercial","tags[0]":"a","n + 1":4,"id":"c1"}"#
      ])
  }

  @Test func selectStarAndRepeatedNames() throws {
    #expect(
      try lines("take 1 | select id, x = 1, x = 2 | select *, id = \"new\"") == [
        #"{"id":"new","x":2}"#
      ])
  }

  @Test func flatKeysAfterSelectAreReadFirst() throws {
    #expect(try lines("select dept.name | sort by dept.name | take 1") == [#"{"dept.name":"Comercial"}"#])
  }

  @Test func extendAddsAtTheEndAndReplacesInPlace() throws {
    #expect(
      try lines("take 1 | select id, name | extend name = upper(name), z = 1") == [
        #"{"id":"c1","name":"ANA","z":1}"#
      ])
  }

  @Test func sortIsStableWithNullsLastBothWays() throws {
    #expect(try lines("sort by n | select id") == ["c2", "c4", "c1", "c5", "c3"].map { #"{"id":"\#($0)"}"# })
    #expect(
      try lines("sort by n desc | select id") == ["c1", "c5", "c4", "c2", "c3"].map { #"{"id":"\#($0)"}"# })
  }

  @Test func sortAcrossTypes() throws {
    let json = #"[{"v": "s"}, {"v": [1]}, {"v": 2}, {"v": true}, {"v": null}, {"v": {"a": 1}}, {"v": [0]}]"#
    #expect(
      try run("sort by v | select v", over: json).flatMap { $0 } == [
        #"{"v":true}"#, #"{"v":2}"#, #"{"v":"s"}"#, #"{"v":[1]}"#, #"{"v":[0]}"#, #"{"v":{"a":1}}"#,
        #"{"v":null}"#,
      ])
  }

  @Test func takeSkipTop() throws {
    #expect(try lines("skip 1 | take 2 | select id") == [#"{"id":"c2"}"#, #"{"id":"c3"}"#])
    #expect(try lines("top 2 by n | select id") == [#"{"id":"c1"}"#, #"{"id":"c5"}"#])
    #expect(try lines("top 1 by n asc | select id") == [#"{"id":"c2"}"#])
    #expect(try lines("limit $k | select id", parameters: ["k": .string("1")]) == [#"{"id":"c1"}"#])
    #expect(try lines("take 0 | count") == [#"{"count":0}"#])
  }

  @Test func distinctKeepsFirstSeenOrder() throws {
    #expect(
      try lines("distinct dept.name") == [
        #"{"dept.name":"Comercial"}"#, #"{"dept.name":"Pós-vendas"}"#, #"{"dept.name":null}"#,
      ])
  }

  @Test func countStage() throws {
    #expect(try lines("where finished | count") == [#"{"count":3}"#])
    #expect(try lines("where false | count") == [#"{"count":0}"#])
  }

  @Test func expandBothForms() throws {
    #expect(
      try lines("expand tags | select id, tags") == [
        #"{"id":"c1","tags":"a"}"#, #"{"id":"c1","tags":"b"}"#, #"{"id":"c3","tags":"c"}"#,
      ])
    #expect(
      try lines("where id == \"c1\" | expand t2 = tags | select id, t2") == [
        #"{"id":"c1","t2":"a"}"#, #"{"id":"c1","t2":"b"}"#,
      ])
  }

  @Test func summarizeByKeepsFirstSeenGroupOrder() throws {
    #expect(
      try lines("summarize n = count(), s = sum(n) by d = dept.name") == [
        #"{"d":"Comercial","n":2,"s":3}"#, #"{"d":"Pós-vendas","n":2,"s":4}"#, #"{"d":null,"n":1,"s":2}"#,
      ])
  }

  @Test func summarizeWithoutByOverNoInputGivesOneRecord() throws {
    #expect(
      try lines(
        "where false | summarize count(), count(n), countif(finished), dcount(n), sum(n), avg(n), min(n), max(n), percentile(n, 50), list(n)"
      ) == [
        #"{"count()":0,"count(n)":0,"countif(finished)":0,"dcount(n)":0,"sum(n)":0,"avg(n)":null,"min(n)":null,"max(n)":null,"percentile(n, 50)":null,"list(n)":[]}"#
      ])
    #expect(try lines("where false | summarize count() by name") == [])
  }

  @Test func aggregates() throws {
    #expect(
      try lines(
        "summarize count(n), countif(finished), dcount(n), avg(n), min(name), max(t), list(n)"
      ) == [
        #"{"count(n)":4,"countif(finished)":3,"dcount(n)":3,"avg(n)":2.25,"min(name)":"Ana","max(t)":"2025-06-22T10:00:00Z","list(n)":[3,1,null,2,3]}"#
      ])
  }

  @Test(arguments: [(0, "1"), (25, "1"), (50, "2"), (75, "3"), (100, "3"), (101, "null"), (-1, "null")])
  func percentileIsNearestRank(_ p: Int, _ expected: String) throws {
    #expect(try lines("summarize p = percentile(n, \(p))") == [#"{"p":\#(expected)}"#])
  }

  @Test func percentileRankIgnoresFloatingPointNoise() throws {
    // r = 0.07 * 100 / 100 * ... : P·n/100 must round to 9 decimals before ceil.
    let json = "[" + (1...100).map { #"{"v": \#($0)}"# }.joined(separator: ",") + "]"
    #expect(try run("summarize p = percentile(v, 7)", over: json).flatMap { $0 } == [#"{"p":7}"#])
    #expect(try run("summarize p = percentile(v, 14)", over: json).flatMap { $0 } == [#"{"p":14}"#])
  }

  @Test func durationAggregatesGiveDurations() throws {
    #expect(
      try lines("summarize a = avg(date(t) - date(\"2025-06-18T10:00:00Z\")) | select h = hours(a)") == [
        #"{"h":48}"#
      ])
    #expect(try lines("summarize s = sum(1m) | select s = seconds(s)") == [#"{"s":300}"#])
  }

  @Test func letBindsAResultForLaterStatements() throws {
    let results = try run(
      "let open = where not finished\nopen | count; open | select id", over: smallConversations)
    #expect(results == [[#"{"count":2}"#], [#"{"id":"c2"}"#, #"{"id":"c3"}"#]])
  }

  @Test func continuationLinesAndComments() throws {
    let script = """
      # backlog
      where not finished   # open ones
      | select id
      where finished |
        count
      """
    #expect(
      try run(script, over: smallConversations) == [[#"{"id":"c2"}"#, #"{"id":"c3"}"#], [#"{"count":3}"#]])
  }

  @Test func conversationsIsAnExplicitSource() throws {
    #expect(try lines("conversations | count") == [#"{"count":5}"#])
  }

  @Test func stageNamesAreCaseInsensitive() throws {
    #expect(try lines("WHERE finished | Count") == [#"{"count":3}"#])
  }

  @Test func wholeConversationsGetTheDefaultColumnsInTables() throws {
    let output = try runCollecting(
      "take 1 | extend extra = 1", over: smallConversations, printsWholeRecords: false)
    #expect(
      output.columns == [
        [
          "id", "name", "contact.name", "contact.platform", "currentDepartment.name", "lastMessageDate",
          "finished", "extra",
        ]
      ])
    #expect(
      output.results == [
        [
          #"{"id":"c1","name":"Ana","contact.name":null,"contact.platform":null,"currentDepartment.name":null,"lastMessageDate":null,"finished":true,"extra":1}"#
        ]
      ])
  }

  @Test func wholeRecordsKeepTheirKeyOrderInJSON() throws {
    #expect(
      try run("take 1", over: #"[{"b": 1, "a": {"y": 1.50, "x": 1e3}}]"#) == [
        [#"{"b":1,"a":{"y":1.50,"x":1e3}}"#]
      ])
  }

  static let manyRecords =
    "["
    + (0..<20_000).map { #"{"id": "r\#($0)", "v": \#($0 % 7), "s": "},{ \#($0)"}"# }.joined(separator: ",\n")
    + "]"

  @Test(arguments: [
    "where v > 2 | summarize n = count(), s = sum(v), l = list(id), m = min(id), d = dcount(s), p = percentile(v, 40) by v",
    "summarize n = count(), a = avg(v)",
    "where v == 6 | select id, w = v * 2",
    "where v == 6 | count",
    "where v == 6 and s contains \"1\" | count | extend d = count * 2",
    "count",
    "extend w = v | where w > 5 | take 3",
  ])
  func workerThreadsGiveTheSameAnswersInTheSameOrder(_ query: String) throws {
    let sequential = try run(query, over: Self.manyRecords, workers: 1)
    #expect(sequential.flatMap { $0 }.count > 0)
    #expect(try run(query, over: Self.manyRecords, workers: 2) == sequential)
    #expect(try run(query, over: Self.manyRecords, workers: 2, encodes: true) == sequential)
  }

  @Test func workerSummariesMergeInInputOrder() throws {
    let result = try run(
      "summarize n = count(), first = min(id) by v | take 2", over: Self.manyRecords, workers: 2)
    #expect(result == [[#"{"v":0,"n":2858,"first":"r0"}"#, #"{"v":1,"n":2857,"first":"r1"}"#]])
  }

  @Test func knownColumnsFollowTheStages() throws {
    let output = try runCollecting(
      "where false | select a = 1, b = 2, a = 3 | extend c = 4\nsummarize n = count() by d = 1\ncount\nselect *",
      over: smallConversations)
    #expect(output.columns == [["a", "b", "c"], ["d", "n"], ["count"], nil])
  }
}

@Suite struct CachingRecordSourceTests {
  @Test func answersLikeTheFileWhateverPathsLaterStatementsRead() throws {
    let buffer = JSONBuffer(bytes: Array(PipelineTests.manyRecords.utf8))
    let file = JSONRecordSource(buffer: buffer, workers: 2)
    let cached = CachingRecordSource(file)
    let queries = [
      "count", "where v > 3 | count", "where v > 3 | count", "summarize n = count() by v",
      "where s contains \"9\" | take 3",
      "select id, v | sort by v desc, id | take 4",
      "where v == 6 | summarize l = list(id) | select n = len(l)",
    ]
    for query in queries {
      let (expected, actual) = try answers(query, file, cached)
      #expect(actual == expected, "\(query)")
      #expect(!actual[0].isEmpty)
    }
  }

  @Test func compactedColumnsKeepEveryValueWhole() throws {
    // Values that a reader would run together if the compact copy did not
    // end each one: numbers beside numbers, literals, escapes, containers.
    let values = [
      "12", "345", "-6.5e1", "true", "null", #""a\"b""#, #"{"x": [1, 2]}"#, "[]", "0", #""é""#,
    ]
    let json =
      "[" + values.enumerated().map { #"{"i": \#($0), "n": \#($1), "m": \#($1)}"# }.joined(separator: ",")
      + "]"
    let file = JSONRecordSource(buffer: JSONBuffer(json), workers: 1)
    let cached = CachingRecordSource(file)
    for query in [
      "select i, n", "select i, n, m, s = string(n), l = len(n), x = n.x[1]", "where n > 100 | count",
    ] {
      let (expected, actual) = try answers(query, file, cached)
      #expect(actual == expected, "\(query)")
    }
    let typed = CollectedOutput()
    try QuerySession(source: cached, clock: { testNow })
      .run(try Parser.parse("select n").statements[0], output: typed)
    #expect(typed.results[0].count == values.count)
    #expect(typed.results[0][1] == #"{"n":345}"#)
    #expect(typed.results[0][6] == #"{"n":{"x":[1,2]}}"#)
  }

  /// What `query` gives over the file and over the caching source.
  private func answers(_ query: String, _ file: RecordSource, _ cached: RecordSource) throws
    -> (file: [[String]], cached: [[String]])
  {
    let statement = try Parser.parse(query).statements[0]
    let expected = CollectedOutput()
    try QuerySession(source: file, clock: { testNow }).run(statement, output: expected)
    let actual = CollectedOutput()
    try QuerySession(source: cached, clock: { testNow }).run(statement, output: actual)
    return (expected.results, actual.results)
  }

  @Test func aJSONFaultStillSurfaces() {
    let cached = CachingRecordSource(
      JSONRecordSource(buffer: JSONBuffer(bytes: Array("[{\"a\": 1}, {".utf8)), workers: 1))
    let statement = try! Parser.parse("count").statements[0]
    #expect(throws: JSONInputError.self) {
      try QuerySession(source: cached, clock: { testNow }).run(statement, output: CollectedOutput())
    }
  }
}

@Suite struct InterruptionTests {
  /// Counts the records that worker threads encode.
  final class CountingOutput: ResultOutput {
    let encoded = Counter()
    var printsWholeRecords: Bool { true }
    func begin(columns: [String]?) throws {}
    func write(_ record: Value) throws {}
    func end() throws {}
    func recordEncoder() -> RecordEncoding? {
      let encoded = self.encoded
      return { _, _ in encoded.add() }
    }
    func write(encoded bytes: [UInt8], records: Int) throws {}
  }

  final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.wrappingAdd(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
  }

  @Test(arguments: [1, 2])
  func ctrlCStopsWithinABatch(workers: Int) throws {
    // 20,000 records: three batches, the first of 8,192.
    let buffer = JSONBuffer(bytes: Array(PipelineTests.manyRecords.utf8))
    for source in [
      JSONRecordSource(buffer: buffer, workers: workers) as RecordSource,
      CachingRecordSource(JSONRecordSource(buffer: buffer, workers: workers)),
    ] {
      let session = QuerySession(source: source, clock: { testNow })
      session.interruption = { true }
      let output = CountingOutput()
      #expect(throws: QueryInterrupted.self) {
        try session.run(try Parser.parse("where v >= 0").statements[0], output: output)
      }
      // Each worker stops at its next check, every 256 records.
      #expect(output.encoded.value <= 2 * 256 * max(workers, 2))

      session.interruption = nil
      let whole = CountingOutput()
      try session.run(try Parser.parse("where v >= 0").statements[0], output: whole)
      #expect(whole.encoded.value == 20_000)
    }
  }

  @Test func ctrlCStopsAStageThatMakesManyRowsOfOneRecord() throws {
    let json = #"[{"s": "\#(String(repeating: "x", count: 50_000))"}]"#
    let session = QuerySession(
      source: JSONRecordSource(buffer: JSONBuffer(json), workers: 1), clock: { testNow })
    // Not yet at the record's start; from then on, Ctrl-C.
    let asked = Counter()
    session.interruption = {
      asked.add()
      return asked.value > 1
    }
    let output = CountingOutput()
    #expect(throws: QueryInterrupted.self) {
      try session.run(try Parser.parse(#"expand c = split(s, "")"#).statements[0], output: output)
    }
    #expect(output.encoded.value < 50_000)
    #expect(output.encoded.value <= 4096)
  }
}
