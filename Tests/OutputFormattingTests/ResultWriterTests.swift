import QueryLanguage
import Testing

@testable import OutputFormatting

@Suite struct ResultWriterTests {
  /// One record holding every value type.
  static let everyType = object([
    "s": .string("Pós"), "n": .number(3), "b": .bool(true), "z": .null,
    "t": .timestamp(1_750_713_539_068), "d": .duration(90000), "a": .array([.number(1)]),
    "j": json("1.50"),
  ])

  @Test(arguments: [
    (
      OutputFormat.json,
      """
      [
        {
          "s": "Pós",
          "n": 3,
          "b": true,
          "z": null,
          "t": "2025-06-23T21:18:59.068Z",
          "d": 90,
          "a": [
            1
          ],
          "j": 1.50
        }
      ]

      """
    ),
    (
      .ndjson,
      #"{"s":"Pós","n":3,"b":true,"z":null,"t":"2025-06-23T21:18:59.068Z","d":90,"a":[1],"j":1.50}"#
        + "\n"
    ),
    (.csv, "s,n,b,z,t,d,a,j\nPós,3,true,,2025-06-23T21:18:59.068Z,90,[1],1.50\n"),
    (.tsv, "s\tn\tb\tz\tt\td\ta\tj\nPós\t3\ttrue\t\t2025-06-23T21:18:59.068Z\t90\t[1]\t1.50\n"),
    (
      .table,
      """
      s    n  b     z  t                             d  a       j
      ───  ─  ────  ─  ────────────────────────  ─────  ───  ────
      Pós  3  true     2025-06-23T21:18:59.068Z  1m30s  [1]  1.50
      1 row

      """
    ),
  ])
  func everyFormatEveryType(format: OutputFormat, expected: String) {
    #expect(output(OutputOptions(format: format), statements: [[Self.everyType]]) == expected)
  }

  static let first = [object(["a": .number(1), "b": .string("x, y")])]
  static let second = [
    object(["a": .number(2), "b": .string("z")]), object(["a": .null, "b": .string("w")]),
  ]

  @Test(arguments: [
    (
      OutputFormat.json,
      "[\n  {\n    \"a\": 1,\n    \"b\": \"x, y\"\n  }\n]\n[]\n[\n  {\n    \"a\": 2,\n    \"b\": \"z\"\n  },\n  {\n    \"a\": null,\n    \"b\": \"w\"\n  }\n]\n"
    ),
    (.ndjson, "{\"a\":1,\"b\":\"x, y\"}\n{\"a\":2,\"b\":\"z\"}\n{\"a\":null,\"b\":\"w\"}\n"),
    (.csv, "a,b\n1,\"x, y\"\n\na,b\n2,z\n,w\n"),
    (.tsv, "a\tb\n1\tx, y\n\na\tb\n2\tz\n\tw\n"),
    (.table, "a  b\n─  ────\n1  x, y\n1 row\n\n0 rows\n\na  b\n─  ─\n2  z\n   w\n2 rows\n"),
  ])
  func severalStatements(format: OutputFormat, expected: String) {
    // The middle statement is empty: csv and tsv print nothing for it (no
    // columns are known), json an empty array, a table its `0 rows`.
    #expect(
      output(OutputOptions(format: format), statements: [Self.first, [], Self.second]) == expected)
  }

  @Test(arguments: [
    (OutputFormat.csv, "1,\"x, y\"\n\n2,z\n,w\n"),
    (.tsv, "1\tx, y\n\n2\tz\n\tw\n"),
    (.table, "1  x, y\n1 row\n\n2  z\n   w\n2 rows\n"),
  ])
  func headerOff(format: OutputFormat, expected: String) {
    let options = OutputOptions(format: format, header: false)
    #expect(output(options, statements: [Self.first, Self.second]) == expected)
  }

  @Test func givenColumnsAreTheColumnSet() throws {
    let record = object([
      "id": .string("c1"), "contact": object(["name": .string("Ana, B")]), "finished": .bool(false),
    ])
    let csv = try output(OutputOptions(format: .csv)) { writer in
      try writer.begin(columns: ["id", "contact.name", "missing"])
      try writer.write(record)
      try writer.end()
      try writer.begin(columns: ["id"])
      try writer.end()
    }
    #expect(csv == "id,contact.name,missing\nc1,\"Ana, B\",\n\nid\n")
    // json and ndjson print whole records whatever the columns.
    let ndjson = try output(OutputOptions(format: .ndjson)) { writer in
      try writer.begin(columns: ["id"])
      try writer.write(record)
      try writer.end()
    }
    #expect(ndjson == #"{"id":"c1","contact":{"name":"Ana, B"},"finished":false}"# + "\n")
  }

  @Test func csvTakesTheFirstRecordsKeys() {
    let records = [object(["a": .number(1)]), object(["b": .number(2), "a": .number(3)])]
    #expect(output(OutputOptions(format: .csv), statements: [records]) == "a\n1\n3\n")
    #expect(
      output(OutputOptions(format: .table), statements: [records])
        == "a  b\n─  ─\n1\n3  2\n2 rows\n")
  }

  @Test func nonObjectRecordsPrintAsOneValue() {
    let records: [Value] = [.string("a,b"), .number(2)]
    #expect(output(OutputOptions(format: .csv), statements: [records]) == "value\n\"a,b\"\n2\n")
    #expect(output(OutputOptions(format: .ndjson), statements: [records]) == "\"a,b\"\n2\n")
    #expect(
      output(OutputOptions(format: .json), statements: [records]) == "[\n  \"a,b\",\n  2\n]\n")
  }

  @Test(arguments: [OutputFormat.json, .ndjson, .csv, .tsv])
  func encodedRecordsMatchWrittenOnes(format: OutputFormat) throws {
    let records = (0..<50).map { index in
      object(["i": .number(Double(index)), "s": .string("r\(index)\t,\"")])
    }
    let direct = output(OutputOptions(format: format), statements: [records, records])
    let encoded = try output(OutputOptions(format: format)) { writer in
      for _ in 0..<2 {
        try writer.begin(columns: nil)
        try writer.write(records[0])
        let encoder = try #require(writer.makeEncoder())
        // Batches as worker threads would make them.
        for batch in stride(from: 1, to: records.count, by: 7) {
          var bytes: [UInt8] = []
          let end = min(batch + 7, records.count)
          for record in records[batch..<end] { encoder.append(record, to: &bytes) }
          try writer.write(encoded: bytes, records: end - batch)
        }
        try writer.end()
      }
    }
    #expect(encoded == direct)
  }

  @Test func encoderIsReadyBeforeTheFirstRecordWhenColumnsAreKnown() throws {
    var writer = ResultWriter(options: OutputOptions(format: .tsv)) { _ in }
    try writer.begin(columns: nil)
    #expect(writer.makeEncoder() == nil)
    try writer.begin(columns: ["a"])
    #expect(writer.makeEncoder()?.columns == ["a"])
    var table = ResultWriter(options: OutputOptions(format: .table)) { _ in }
    try table.begin(columns: ["a"])
    #expect(table.makeEncoder() == nil)
  }

  @Test func largeResultsReachTheSinkInChunks() throws {
    let collector = ByteCollector()
    var calls = 0
    var writer = ResultWriter(options: OutputOptions(format: .ndjson)) { bytes in
      calls += 1
      collector.bytes.append(contentsOf: bytes)
    }
    try writer.begin(columns: nil)
    for index in 0..<20_000 { try writer.write(object(["i": .number(Double(index))])) }
    #expect(calls > 1)
    try writer.end()
    let lines = String(decoding: collector.bytes, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 20_000)
    #expect(lines.last == #"{"i":19999}"#)
  }

  struct Closed: Error {}

  @Test func sinkErrorsComeOut() throws {
    var writer = ResultWriter(options: OutputOptions(format: .csv)) { _ in throw Closed() }
    try writer.begin(columns: ["a"])
    try writer.write(object(["a": .number(1)]))
    #expect(throws: Closed.self) { try writer.end() }
  }

  @Test func tableIsCutToTheTerminalWidthAndColoured() {
    let options = OutputOptions(format: .table, color: true, terminalWidth: 40)
    let text = output(options, statements: [TableFormatterTests.conversations])
    #expect(text.contains("\u{1B}[1mid\u{1B}[0m"))
    #expect(
      TableFormatterTests.plain(text).split(separator: "\n").allSatisfy {
        TerminalWidth.of(String($0)) <= 40
      }
    )
    #expect(TableFormatterTests.plain(text).contains("6853c1a2e4…  Pedido 1234"))
  }
}
