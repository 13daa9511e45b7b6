import Foundation
import QueryLanguage

extension DatacrazyMockServer {
  /// The records of a JSON text, each as its exact bytes, for
  /// `Configuration.records`: a JSON array of conversations, an API page
  /// `{"count": N, "data": [...]}`, or one conversation per line (NDJSON).
  ///
  /// Throws `JSONInputError` (with line and column) when the text is not
  /// JSON of these shapes.
  public static func records(fromJSON bytes: [UInt8]) throws -> [[UInt8]] {
    let buffer = JSONBuffer(bytes: bytes)
    var records: [[UInt8]] = []
    try RecordReader.read(
      buffer, paths: PathTrie(), workers: ProcessInfo.processInfo.activeProcessorCount,
      process: { batch in batch.records.map { Array($0.bytes) } },
      consume: { batch in
        records.append(contentsOf: batch)
        return true
      })
    return records
  }
}
