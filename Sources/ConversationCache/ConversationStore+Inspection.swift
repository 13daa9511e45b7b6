import Foundation
import GRDB

/// What tests (and `sqlite3` users) see of the tables.
extension ConversationStore {
  /// A store whose database lives in memory (its records file and locks in
  /// `directory/name` on disk): lets tests run one body against both kinds.
  static func openInMemory(directory: URL, name: String) throws(CacheError) -> ConversationStore {
    let (folder, folderPath) = try makeFolder(directory: directory, name: name)
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue()
    } catch {
      throw .database("open", "an in-memory database", error)
    }
    return try ConversationStore(
      folder: folder, name: name, folderPath: folderPath, database: queue,
      databasePath: "the in-memory database")
  }

  /// The `record` rows in file order.
  func recordRows() throws(CacheError) -> [RecordIndex] {
    let sql = "SELECT id, updatedAt, offset, length FROM record ORDER BY position"
    return try read("read") { db in
      try Row.fetchAll(db, sql: sql).map { row in
        RecordIndex(id: row["id"], updatedAt: row["updatedAt"], offset: row["offset"], length: row["length"])
      }
    }
  }

  /// The schema version the metadata row names, nil when empty.
  func storedSchemaVersion() throws(CacheError) -> Int? {
    let sql = "SELECT schemaVersion FROM syncMetadata WHERE id = 1"
    return try read("read") { db in try Int.fetchOne(db, sql: sql) }
  }

  /// Runs `sql` in a write transaction (tests break the database with it).
  func execute(sql: String) throws(CacheError) {
    try write("write") { db in try db.execute(sql: sql) }
  }
}
