/// Where a sync is, for a progress bar.
public struct FetchProgress: Sendable {
  /// Records received so far, both passes, before deduplication.
  public var records = 0
  /// What the API's `count` promised for both passes, once known.
  public var expected: Int?
  /// HTTP requests sent so far, retries included.
  public var requests = 0
  /// Set while the pacer holds requests back for the rate limit.
  public var waitingForRateLimit = false
  public init() {}
}
