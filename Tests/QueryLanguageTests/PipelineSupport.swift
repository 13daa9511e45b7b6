import Testing

@testable import QueryLanguage

/// Collects each statement's records as compact JSON lines.
final class CollectedOutput: ResultOutput {
  let printsWholeRecords: Bool
  /// Whether worker threads may encode records (as compact JSON lines).
  let encodes: Bool
  var results: [[String]] = []
  var columns: [[String]?] = []

  init(printsWholeRecords: Bool = true, encodes: Bool = false) {
    self.printsWholeRecords = printsWholeRecords
    self.encodes = encodes
  }

  func begin(columns: [String]?) throws {
    results.append([])
    self.columns.append(columns)
  }
  func write(_ record: Value) throws { results[results.count - 1].append(record.compactJSON) }
  func end() throws {}
  func recordEncoder() -> RecordEncoding? {
    guard encodes else { return nil }
    return { record, bytes in bytes += Array((record.compactJSON + "\n").utf8) }
  }
  func write(encoded bytes: [UInt8], records: Int) throws {
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(lines.count == records)
    results[results.count - 1] += lines
  }
}

/// Runs `script` over the records in `json` and returns each printing statement's records.
func run(
  _ script: String, over json: String, parameters: [String: Value] = [:], workers: Int = 1,
  printsWholeRecords: Bool = true, encodes: Bool = false
) throws -> [[String]] {
  try runCollecting(
    script, over: json, parameters: parameters, workers: workers, printsWholeRecords: printsWholeRecords,
    encodes: encodes
  ).results
}

func runCollecting(
  _ script: String, over json: String, parameters: [String: Value] = [:], workers: Int = 1,
  printsWholeRecords: Bool = true, encodes: Bool = false
) throws -> CollectedOutput {
  let buffer = JSONBuffer(bytes: Array(json.utf8))
  let session = QuerySession(
    source: JSONRecordSource(buffer: buffer, workers: workers), parameters: parameters,
    clock: { testNow })
  let output = CollectedOutput(printsWholeRecords: printsWholeRecords, encodes: encodes)
  let parsed = try session.parse(script)
  for statement in parsed.statements { try session.run(statement, output: output) }
  return output
}

/// Five small conversations covering the cases the stage tests need.
let smallConversations = """
  [
    {"id": "c1", "name": "Ana", "finished": true, "n": 3, "dept": {"name": "Comercial"}, "tags": ["a", "b"], "t": "2025-06-20T10:00:00Z"},
    {"id": "c2", "name": "Bruno", "finished": false, "n": 1, "dept": {"name": "Pós-vendas"}, "tags": [], "t": "2025-06-21T10:00:00Z"},
    {"id": "c3", "name": "Carla", "finished": false, "n": null, "dept": {"name": "Comercial"}, "tags": ["c"], "t": "2025-06-19T10:00:00Z"},
    {"id": "c4", "name": "Davi", "finished": true, "n": 2, "tags": "x", "t": "2025-06-22T10:00:00Z"},
    {"id": "c5", "name": "Élida", "finished": true, "n": 3, "dept": {"name": "Pós-vendas"}, "t": "2025-06-18T10:00:00Z"}
  ]
  """
