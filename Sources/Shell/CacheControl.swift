import QueryLanguage

/// What the REPL's cache dot-commands reach; dcq provides it when its
/// records come from the API cache (not from `--input`).
public protocol CacheControl: AnyObject {
  /// `.offline on|off`: whether `.refresh` may call the API.
  var offline: Bool { get set }
  /// `.refresh`: syncs now (unless offline) and returns the records.
  func refresh() throws -> JSONBuffer
  /// `.cache`: where the cache is, how many records, how old.
  func describe() throws -> String
  /// `.cache clear`: removes every cached record.
  func clear() throws
  /// The end of a sync that runs in the background (the REPL opened on an
  /// old cache at once): nil while it runs or when there is none; once it
  /// has ended, what to tell the user and, when it brought them, the new records.
  func finishedBackgroundSync() -> (message: String, records: JSONBuffer?)?
  /// True while the session has no records yet: its first sync runs in the background.
  var awaitsRecords: Bool { get }
  /// Waits for that sync, showing its progress, until it ends (true) or
  /// `stop()` says so (false).
  func waitForRecords(stop: () -> Bool) -> Bool
}

extension CacheControl {
  public func finishedBackgroundSync() -> (message: String, records: JSONBuffer?)? { nil }
  public var awaitsRecords: Bool { false }
  public func waitForRecords(stop: () -> Bool) -> Bool { true }
}
