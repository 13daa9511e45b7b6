@testable import QueryLanguage

/// What a read gave, copied out of the buffer as text.
struct JSONReadResult: Equatable {
  var records: [String] = []
  /// Per record, the text of each slot (nil when absent).
  var slots: [[String?]] = []
  /// Records per batch, in order.
  var batchSizes: [Int] = []
}

/// Reads `text` with `paths` registered in order (slot i is paths[i]).
func readJSON(
  _ text: String, paths: [[String]] = [], workers: Int = 1, chunkSize: Int = RecordReader.chunkSize
) throws -> JSONReadResult {
  try readJSON(JSONBuffer(text), paths: paths, workers: workers, chunkSize: chunkSize)
}

func readJSON(
  _ buffer: JSONBuffer, paths: [[String]] = [], workers: Int = 1,
  chunkSize: Int = RecordReader.chunkSize, statistics: ((SplitStatistics) -> Void)? = nil
) throws -> JSONReadResult {
  var trie = PathTrie()
  for path in paths { _ = trie.slot(for: path) }
  var result = JSONReadResult()
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
      result.batchSizes.append(records.count)
      return true
    }, statistics: statistics)
  return result
}

/// The error reading `text` gives, as "message at line L, column C", or nil.
func readError(_ text: String, paths: [[String]] = []) -> String? {
  do {
    _ = try readJSON(text, paths: paths)
    return nil
  } catch {
    return "\(error)"
  }
}

/// `body` applied to the JSON value `text`, its buffer alive meanwhile.
func withJSON<Result>(_ text: String, _ body: (JSONText) throws -> Result) rethrows -> Result {
  let buffer = JSONBuffer(text)
  return try withExtendedLifetime(buffer) {
    try body(JSONText(start: buffer.base, count: buffer.count))
  }
}
