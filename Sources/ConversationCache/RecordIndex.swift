import Foundation
import QueryLanguage

/// One row of the `record` table: where a record sits in the records file,
/// and the fields that identify it, so the cache can be inspected with
/// `sqlite3` without parsing the file.
struct RecordIndex: Sendable, Equatable {
  var id: String?
  var updatedAt: String?
  /// Byte offset and length of the record's text in the records file.
  var offset: Int
  var length: Int

  /// Reads `buffer` (a records file) the way dcq will, validating all of it,
  /// and indexes its records in order.
  static func read(_ buffer: JSONBuffer) throws -> [RecordIndex] {
    var paths = PathTrie()
    let idSlot = paths.slot(for: ["id"])
    let updatedAtSlot = paths.slot(for: ["updatedAt"])
    let base = Int(bitPattern: buffer.base)
    var rows: [RecordIndex] = []
    try RecordReader.read(
      buffer, paths: paths, workers: ProcessInfo.processInfo.activeProcessorCount,
      process: { batch in
        batch.records.indices.map { index in
          let record = batch.records[index]
          return RecordIndex(
            id: text(batch.slot(idSlot, ofRecord: index)),
            updatedAt: text(batch.slot(updatedAtSlot, ofRecord: index)),
            offset: Int(bitPattern: record.start) - base, length: record.count)
        }
      },
      consume: { batch in
        rows += batch
        return true
      })
    return rows
  }

  /// A string's decoded value, another value's JSON text, nil for null or absent.
  private static func text(_ value: JSONText?) -> String? {
    guard let value else { return nil }
    switch value.kind {
    case .null: return nil
    case .string: return value.string
    default: return value.description
    }
  }
}
