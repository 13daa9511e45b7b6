import Foundation

extension ConversationStore {
  /// The cache folder's name for an account: a SHA-256 of the API URL and token, never the token.
  ///
  /// The lowercase hex SHA-256 of `apiURL + "\n" + token`: 64 characters.
  public static func accountName(apiURL: String, token: String) -> String {
    SHA256.hex(of: Array((apiURL + "\n" + token).utf8))
  }

  /// The name of the `--demo` account's cache.
  public static let demoName = "demo"

  /// The cache root of CLI.md: `DCQ_CACHE_DIR`, else `$XDG_CACHE_HOME/dcq`,
  /// else `~/.cache/dcq`; nil when none can be found (no `HOME`). Empty
  /// variables count as unset, and so does a relative `XDG_CACHE_HOME`
  /// (the XDG spec says to ignore it).
  public static func defaultDirectory(environment: [String: String]) -> URL? {
    if let folder = environment["DCQ_CACHE_DIR"], !folder.isEmpty {
      return URL(fileURLWithPath: folder, isDirectory: true)
    }
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return URL(fileURLWithPath: cache, isDirectory: true).appendingPathComponent("dcq", isDirectory: true)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true)
        .appendingPathComponent(".cache/dcq", isDirectory: true)
    }
    return nil
  }
}
