import Foundation

/// How to reach the API and how politely.
///
/// ```swift
/// var configuration = APIConfiguration(baseURL: URL(string: "https://api.g1.datacrazy.io")!, token: token)
/// configuration.rateLimit = nil  // a local mock needs no pacing
/// ```
public struct APIConfiguration: Sendable {
  public var baseURL: URL
  public var token: String
  /// `take` for each page.
  public var pageSize = 100
  /// The request budget: at most `count` requests in any `window` (plus a
  /// 5% margin); nil turns pacing off.
  public var rateLimit: (count: Int, window: Duration)? = (60, .seconds(60))
  /// Pages requested at once.
  public var concurrentRequests = 4
  /// Attempts per request before giving up (5xx, 429, timeouts, dropped connections).
  public var maximumAttempts = 6
  public var requestTimeout: Duration = .seconds(30)
  public var userAgent = "dcq"
  /// The wait after a request's first failure; it doubles with each further
  /// failure, varies by ±50% (jitter) and stops growing at `maximumRetryDelay`.
  /// A 429's `Retry-After` replaces it.
  public var retryBaseDelay: Duration = .milliseconds(250)
  /// The longest backoff between two attempts.
  public var maximumRetryDelay: Duration = .seconds(8)

  public init(baseURL: URL, token: String) {
    self.baseURL = baseURL
    self.token = token
  }
}
