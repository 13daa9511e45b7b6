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
}
