import GRDB

/// The database's tables, built by a versioned `DatabaseMigrator`.
///
/// - `syncMetadata`: at most one row (`id` 1), the last successful sync and
///   the name of the records file it wrote. Times are Unix milliseconds.
/// - `record`: one row per record in file order: its `id`, `updatedAt`, and
///   where its text sits in the records file. No index on `id`: it would
///   cost a third of a replace's transaction, and nothing looks records up
///   by id (a scan of 100,000 rows in `sqlite3` is instant anyway).
///
/// A shipped migration never changes; a new schema is a new migration and a
/// new `version`.
enum CacheSchema {
  /// The schema version that this code writes, stored in `syncMetadata`.
  static let version = 1

  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE syncMetadata (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            apiURL TEXT NOT NULL,
            finishedAt INTEGER NOT NULL,
            records INTEGER NOT NULL,
            durationMs INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            recordsFile TEXT NOT NULL,
            schemaVersion INTEGER NOT NULL
          );
          CREATE TABLE record (
            position INTEGER PRIMARY KEY,
            id TEXT,
            updatedAt TEXT,
            offset INTEGER NOT NULL,
            length INTEGER NOT NULL
          );
          """)
    }
    return migrator
  }()
}
