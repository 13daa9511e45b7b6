import Foundation
import GRDB
import QueryLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One account's cache: a SQLite database (GRDB) under the cache folder, plus
/// the records file it names, which queries map into memory.
///
/// ```
/// let store = try ConversationStore.open(directory: root, name: "demo")
/// try store.replace(with: records, metadata: metadata)
/// let buffer = try store.records()  // [rec,\nrec,...] mapped, as for --input
/// ```
/// The folder is 0700 and every file in it 0600. Several processes may use
/// one cache at once: readers see either the old or the new records while a
/// third process replaces them.
public final class ConversationStore: Sendable {
  /// The cache's folder: `directory/name`.
  public let folder: URL
  /// The folder's name: an account name, or `demo`.
  public let name: String
  let folderPath: String
  let database: any DatabaseWriter
  /// The database file, or what to call an in-memory one in messages.
  let databasePath: String

  static let databaseFileName = "cache.sqlite"
  static let syncLockName = "sync.lock"
  /// Held while the records file and the tables change (a replace, a clear,
  /// removing orphan files), so no process removes a file that another is
  /// about to commit.
  static let replaceLockName = "replace.lock"

  var syncLockPath: String { folderPath + "/" + Self.syncLockName }
  var replaceLockPath: String { folderPath + "/" + Self.replaceLockName }
  func recordsFilePath(_ name: String) -> String { folderPath + "/" + name }

  init(folder: URL, name: String, folderPath: String, database: any DatabaseWriter, databasePath: String)
    throws(CacheError)
  {
    self.folder = folder
    self.name = name
    self.folderPath = folderPath
    self.database = database
    self.databasePath = databasePath
    do {
      try CacheSchema.migrator.migrate(database)
      if try database.read(CacheSchema.migrator.hasBeenSuperseded) {
        throw CacheError.unusable(
          "\(databasePath) was written by a newer dcq; remove the folder \(folderPath) to start afresh")
      }
    } catch {
      throw .database("prepare the cache database", databasePath, error)
    }
  }

  /// Opens (creating, mode 0700/0600) the cache `name` under `directory`.
  public static func open(directory: URL, name: String) throws(CacheError) -> ConversationStore {
    let (folder, folderPath) = try makeFolder(directory: directory, name: name)
    let path = folderPath + "/" + databaseFileName
    // Created 0600 before SQLite sees it: SQLite gives the database's -wal,
    // -shm and -journal files the database file's mode.
    try FileModes.touch(path)
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw .database("open the cache database", path, error)
    }
    let store = try ConversationStore(
      folder: folder, name: name, folderPath: folderPath, database: pool, databasePath: path)
    try store.removeOrphans()
    try FileModes.enforce(in: folderPath)
    return store
  }

  /// Creates the cache folder `directory/name` (0700, and the root 0700 if
  /// this creates it).
  static func makeFolder(directory: URL, name: String) throws(CacheError) -> (URL, String) {
    guard isValidName(name) else { throw .unusable("\"\(name)\" cannot name a cache folder") }
    var root = directory.path(percentEncoded: false)
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    if root.isEmpty { root = "." }
    try FileModes.makeFolders(root)
    let folderPath = (root == "/" ? "" : root) + "/" + name
    try FileModes.makeFolder(folderPath)
    return (URL(fileURLWithPath: folderPath, isDirectory: true), folderPath)
  }

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
  }

  /// Every connection: WAL (a `DatabasePool`), waits for another process's
  /// write instead of failing, and full syncs, so a commit is on the disk
  /// before the old records file is removed.
  static var configuration: Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(60)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return configuration
  }

  /// The most recently synced cache under `directory` for `apiURL` (for `--offline` with no token).
  ///
  /// Every cache folder is a candidate, `demo` too, but only one whose last
  /// sync was of exactly `apiURL` is chosen. Caches that fail to open are
  /// passed over; their first error is thrown only when no cache is found.
  public static func latest(directory: URL, apiURL: String) throws(CacheError) -> ConversationStore? {
    let root = directory.path(percentEncoded: false)
    var status = stat()
    guard stat(root, &status) == 0 else {
      if errno == ENOENT { return nil }
      throw .system("use the cache folder", root)
    }
    var best: (store: ConversationStore, finishedAt: Date)?
    var firstFailure: CacheError?
    for name in try FileModes.fileNames(in: root) where isValidName(name) {
      var database = stat()
      guard stat(root + "/" + name + "/" + databaseFileName, &database) == 0,
        database.st_mode & S_IFMT == S_IFREG
      else { continue }
      do {
        let store = try open(directory: directory, name: name)
        guard let metadata = try store.metadata(), metadata.apiURL == apiURL else { continue }
        if best == nil || metadata.finishedAt > best!.finishedAt { best = (store, metadata.finishedAt) }
      } catch {
        firstFailure = firstFailure ?? error
      }
    }
    if best == nil, let firstFailure { throw firstFailure }
    return best?.store
  }

  /// The last successful sync, nil when the cache is empty.
  public func metadata() throws(CacheError) -> SyncMetadata? {
    try read("read") { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT apiURL, finishedAt, records, durationMs, requests FROM syncMetadata WHERE id = 1")
      else { return nil }
      return SyncMetadata(
        apiURL: row["apiURL"], finishedAtMilliseconds: row["finishedAt"], records: row["records"],
        durationMilliseconds: row["durationMs"], requests: row["requests"])
    }
  }

  /// The cached records, mapped into memory, nil when the cache is empty.
  ///
  /// The buffer is the records file, `[rec,\nrec,...]`, which dcq reads like
  /// an `--input` file. A replace that removes the file meanwhile leaves an
  /// existing mapping intact; one that removes it between reading its name
  /// and opening it makes this read the new name.
  public func records() throws(CacheError) -> JSONBuffer? {
    var failedName: String?
    while true {
      guard let name = try recordsFileName() else { return nil }
      let path = recordsFilePath(name)
      do {
        return try RecordsFile.map(path)
      } catch {
        // ENOENT twice for one name: the file is gone, not replaced.
        guard error.code == ENOENT, name != failedName else {
          if error.code == EINVAL { throw .unusable("cannot map \(path): not a records file") }
          throw .system("map", path, code: error.code)
        }
        failedName = name
      }
    }
  }

  /// The name of the records file that the database names, nil when empty.
  func recordsFileName() throws(CacheError) -> String? {
    let name = try read("read") { db in
      try String.fetchOne(db, sql: "SELECT recordsFile FROM syncMetadata WHERE id = 1")
    }
    if let name, !RecordsFile.isRecordsFile(name) {
      throw .unusable("\(databasePath) names \"\(name)\", which is not a records file")
    }
    return name
  }

  /// Removes every record and the metadata.
  public func clear() throws(CacheError) {
    let lock = try FileLock.wait(replaceLockPath)
    defer { lock.release() }
    try write("clear") { db in
      try db.execute(sql: "DELETE FROM record")
      try db.execute(sql: "DELETE FROM syncMetadata")
    }
    try removeRecordsFiles(keeping: nil)
    try FileModes.enforce(in: folderPath)
  }

  /// Runs `body` holding this cache's sync lock; returns nil at once, without
  /// running it, when another process holds the lock.
  ///
  /// The lock is an `flock` on `sync.lock` in the cache folder: another
  /// `ConversationStore` of the same cache in this process also finds it held.
  public func withSyncLock<T>(_ body: () async throws -> T) async throws -> T? {
    guard let lock = try FileLock.attempt(syncLockPath) else { return nil }
    defer { lock.release() }
    return try await body()
  }

  /// The cache's files (database, its WAL and journal, record files), for mode checks.
  ///
  /// Every file in the cache folder, lock files included, sorted by name.
  public var files: [URL] {
    let names = (try? FileModes.fileNames(in: folderPath)) ?? []
    return names.map { folder.appendingPathComponent($0, isDirectory: false) }
  }

  /// Removes the records files from interrupted replaces. Skipped when
  /// another process is replacing: its new file is not an orphan.
  func removeOrphans() throws(CacheError) {
    guard let lock = try FileLock.attempt(replaceLockPath) else { return }
    defer { lock.release() }
    try removeRecordsFiles(keeping: recordsFileName())
  }

  /// Removes every records file but `kept`; the caller holds the replace lock.
  func removeRecordsFiles(keeping kept: String?) throws(CacheError) {
    for name in try FileModes.fileNames(in: folderPath) where RecordsFile.isRecordsFile(name) && name != kept
    {
      let path = recordsFilePath(name)
      guard unlink(path) == 0 || errno == ENOENT else { throw .system("remove", path) }
    }
  }

  func read<T>(_ action: String, _ body: (Database) throws -> T) throws(CacheError) -> T {
    do {
      return try database.read(body)
    } catch {
      throw .database(action, databasePath, error)
    }
  }

  func write<T>(_ action: String, _ body: (Database) throws -> T) throws(CacheError) -> T {
    do {
      return try database.write(body)
    } catch {
      throw .database(action, databasePath, error)
    }
  }
}
