import ConversationCache
import Foundation
import QueryLanguage

/// The environment of CLI.md "Configuration": which account, which cache, how politely.
struct AccountSettings {
  static let defaultAPIURL = "https://api.g1.datacrazy.io"

  let token: String?
  let apiURL: String
  let cacheRoot: URL
  /// `DCQ_RATE_LIMIT` (`N/DURATION` or `off`); nil for off.
  let rateLimit: (count: Int, window: Duration)?
  let pageSize: Int

  init(environment: [String: String]) throws {
    token = environment["DATACRAZY_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    var url = environment["DATACRAZY_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultAPIURL
    while url.hasSuffix("/") { url.removeLast() }
    guard URL(string: url)?.host != nil else {
      throw Failure.usage("DATACRAZY_API_URL is not a URL: '\(url)'")
    }
    apiURL = url
    cacheRoot = Self.cacheRoot(environment)
    rateLimit = try Self.rateLimit(environment["DCQ_RATE_LIMIT"])
    if let text = environment["DCQ_PAGE_SIZE"], !text.isEmpty {
      guard let size = Int(text), size > 0, size <= 10_000 else {
        throw Failure.usage("DCQ_PAGE_SIZE must be a whole number from 1 to 10000, not '\(text)'")
      }
      pageSize = size
    } else {
      pageSize = 100
    }
  }

  /// The cache folder of CLI.md, as the store defines it (home from the system when `HOME` is unset).
  private static func cacheRoot(_ environment: [String: String]) -> URL {
    ConversationStore.defaultDirectory(environment: environment)
      ?? URL(fileURLWithPath: NSHomeDirectory(), isDirectory: true).appendingPathComponent(".cache/dcq")
  }

  /// `60/60s`, `100/1m`, or `off`.
  static func rateLimit(_ text: String?) throws -> (count: Int, window: Duration)? {
    guard let text, !text.isEmpty else { return (60, .seconds(60)) }
    if text.lowercased() == "off" { return nil }
    let parts = text.split(separator: "/", maxSplits: 1)
    guard parts.count == 2, let count = Int(parts[0]), count > 0,
      let window = DurationText.parse(String(parts[1])), window > .zero
    else {
      throw Failure.usage("DCQ_RATE_LIMIT must look like 60/60s, or be off; not '\(text)'")
    }
    return (count, window)
  }
}

enum DurationText {
  /// A duration literal of the language (`15m`, `90s`, `1.5h`) as a `Duration`.
  static func parse(_ text: String) -> Duration? {
    guard case .duration(let milliseconds) = QueryLanguage.Value.literal(text) else { return nil }
    return .milliseconds(Int64(milliseconds))
  }
}
