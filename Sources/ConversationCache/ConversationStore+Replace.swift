import GRDB
import QueryLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension ConversationStore {
  /// Replaces every record and the metadata at once: either all of it lands or
  /// the previous cache stays whole.
  ///
  /// The records go to a new file (written, flushed, 0600), which is read
  /// back the way dcq reads it (so a record that is not a JSON object fails
  /// here, not in a later query); then one transaction replaces the
  /// `record` rows and points the metadata at the new file; only after the
  /// commit is the old file removed. A crash at any point leaves the
  /// previous cache whole; a new file left behind is removed later.
  public func replace(with conversations: [[UInt8]], metadata: SyncMetadata) throws(CacheError) {
    try replace(with: conversations, metadata: metadata) { _ in }
  }

  /// The points of a replace where tests make it fail.
  enum ReplaceStep {
    /// The new records file is written and indexed; no transaction yet.
    case fileWritten
    /// Inside the transaction: rows and metadata written, not committed.
    case rowsWritten
  }

  /// `replace`, calling `failpoint` at each `ReplaceStep`; an error it throws
  /// aborts the replace as a crash there would.
  func replace(
    with conversations: [[UInt8]], metadata: SyncMetadata, failpoint: (ReplaceStep) throws -> Void
  ) throws(CacheError) {
    let lock = try FileLock.wait(replaceLockPath)
    defer { lock.release() }
    let newName = RecordsFile.newName()
    let newPath = recordsFilePath(newName)
    var committed = false
    defer { if !committed { unlink(newPath) } }

    try RecordsFile.write(conversations, to: newPath)
    try FileModes.syncFolder(folderPath)
    let rows = try index(newPath, expecting: conversations.count)
    do {
      try failpoint(.fileWritten)
    } catch {
      throw .database("replace the records in", databasePath, error)
    }

    try write("replace the records in") { db in
      try db.execute(sql: "DELETE FROM record")
      let insert = try db.makeStatement(
        sql: "INSERT INTO record (position, id, updatedAt, offset, length) VALUES (?, ?, ?, ?, ?)")
      for (position, row) in rows.enumerated() {
        insert.setUncheckedArguments([position, row.id, row.updatedAt, row.offset, row.length])
        try insert.execute()
      }
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO syncMetadata
            (id, apiURL, finishedAt, records, durationMs, requests, recordsFile, schemaVersion)
          VALUES (1, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          metadata.apiURL, metadata.finishedAtMilliseconds, metadata.records, metadata.durationMilliseconds,
          metadata.requests, newName, CacheSchema.version,
        ])
      try failpoint(.rowsWritten)
    }
    committed = true

    // The new cache stands. Every other records file is now unnamed: the old
    // one, and any a crashed replace left (the replace lock keeps out
    // writers whose new file is not committed yet). A reader that read the
    // old name but has not opened the file yet reads the name again.
    try removeRecordsFiles(keeping: newName)
    try FileModes.enforce(in: folderPath)
  }

  /// Maps the new records file and indexes it, checking that it reads back
  /// as exactly `count` records.
  private func index(_ path: String, expecting count: Int) throws(CacheError) -> [RecordIndex] {
    let buffer: JSONBuffer
    do {
      buffer = try RecordsFile.map(path)
    } catch {
      throw .system("map", path, code: error.code)
    }
    let rows: [RecordIndex]
    do {
      rows = try RecordIndex.read(buffer)
    } catch {
      throw .unusable("the records to cache are not JSON objects: \(error) of \(path)")
    }
    guard rows.count == count else {
      throw .unusable("the \(count) records to cache read back as \(rows.count) records from \(path)")
    }
    return rows
  }
}
