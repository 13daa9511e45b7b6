// API STUB written by the lead; the API-client helper replaces the bodies (and
// may split the file). The public signatures are the contract others compile against.
import Foundation

/// How to reach the API and how politely.
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
  public init(baseURL: URL, token: String) {
    self.baseURL = baseURL
    self.token = token
  }
}

/// One conversation as the API sent it.
public struct FetchedConversation: Sendable {
  public let id: String
  public let updatedAt: String?
  /// The record's JSON text exactly as in the response.
  public let json: [UInt8]
  public init(id: String, updatedAt: String?, json: [UInt8]) {
    self.id = id
    self.updatedAt = updatedAt
    self.json = json
  }
}

/// Where a sync is, for a progress bar.
public struct FetchProgress: Sendable {
  public var records = 0
  /// What the API's `count` promised for both passes, once known.
  public var expected: Int?
  public var requests = 0
  /// Set while the pacer holds requests back for the rate limit.
  public var waitingForRateLimit = false
  public init() {}
}

public struct FetchResult: Sendable {
  /// Open conversations first, then finished ones, each distinct id once (first
  /// position, the copy with the later `updatedAt`).
  public var conversations: [FetchedConversation]
  /// Messages for the user, such as a distinct total that differs from `count`.
  public var warnings: [String]
  public var requests: Int
  public init(conversations: [FetchedConversation], warnings: [String], requests: Int) {
    self.conversations = conversations
    self.warnings = warnings
    self.requests = requests
  }
}

public enum APIError: Error, Sendable, CustomStringConvertible {
  /// 401 or 403: the token is wrong or lacks rights.
  case unauthorized(status: Int, message: String?)
  /// Unreachable, or still failing (5xx, 429, timeouts) after the retries.
  case unavailable(String)
  /// A 2xx answer that is not a page of conversations, or another 4xx.
  case badResponse(status: Int, message: String?)
  case cancelled

  public var description: String { fatalError("stub") }
}

/// `GET /api/v1/conversations`, paged, paced and retried.
public final class DatacrazyClient: Sendable {
  /// `log` receives one line per request (never the token) when verbose.
  public init(configuration: APIConfiguration, log: (@Sendable (String) -> Void)? = nil) {
    fatalError("stub")
  }

  /// Every conversation: the open ones, then `filter[opened]=false`, merged by id.
  /// Cancelling the task stops it promptly with `.cancelled`.
  public func fetchAll(progress: @escaping @Sendable (FetchProgress) -> Void = { _ in }) async throws(APIError)
    -> FetchResult
  { fatalError("stub") }
}
