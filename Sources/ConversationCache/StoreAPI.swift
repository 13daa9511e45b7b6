// API STUB written by the lead; the cache helper replaces the bodies (and may
// split the file). The public signatures are the contract others compile against.
import Foundation
import QueryLanguage

/// What the last successful sync did.
public struct SyncMetadata: Sendable, Equatable {
  public var apiURL: String
  public var finishedAt: Date
  public var records: Int
  public var duration: Duration
  public var requests: Int
  public init(apiURL: String, finishedAt: Date, records: Int, duration: Duration, requests: Int) {
    self.apiURL = apiURL
    self.finishedAt = finishedAt
    self.records = records
    self.duration = duration
    self.requests = requests
  }
}

public enum CacheError: Error, Sendable, CustomStringConvertible {
  /// The folder or database cannot be created, read or written.
  case unusable(String)
  public var description: String { fatalError("stub") }
}

/// One account's cache: a SQLite database (GRDB) under the cache folder, plus
/// the records file it names, which queries map into memory.
public final class ConversationStore: Sendable {
  /// The cache folder's name for an account: a SHA-256 of the API URL and token, never the token.
  public static func accountName(apiURL: String, token: String) -> String { fatalError("stub") }

  /// Opens (creating, mode 0700/0600) the cache `name` under `directory`.
  public static func open(directory: URL, name: String) throws(CacheError) -> ConversationStore {
    fatalError("stub")
  }

  /// The most recently synced cache under `directory` for `apiURL` (for `--offline` with no token).
  public static func latest(directory: URL, apiURL: String) throws(CacheError) -> ConversationStore? {
    fatalError("stub")
  }

  /// The last successful sync, nil when the cache is empty.
  public func metadata() throws(CacheError) -> SyncMetadata? { fatalError("stub") }

  /// The cached records, mapped into memory, nil when the cache is empty.
  public func records() throws(CacheError) -> JSONBuffer? { fatalError("stub") }

  /// Replaces every record and the metadata at once: either all of it lands or
  /// the previous cache stays whole.
  public func replace(with conversations: [[UInt8]], metadata: SyncMetadata) throws(CacheError) {
    fatalError("stub")
  }

  /// Runs `body` holding this cache's sync lock; returns nil at once, without
  /// running it, when another process holds the lock.
  public func withSyncLock<T>(_ body: () async throws -> T) async throws -> T? { fatalError("stub") }

  /// Removes every record and the metadata.
  public func clear() throws(CacheError) { fatalError("stub") }

  /// The cache's files (database, its WAL and journal, record files), for mode checks.
  public var files: [URL] { fatalError("stub") }
}
