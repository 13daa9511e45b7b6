/// How often and how long to wait before trying a request again.
struct RetryPolicy: Sendable {
  var maximumAttempts: Int
  /// The backoff after the first failure, before jitter.
  var baseDelay: Duration
  /// The longest backoff.
  var maximumDelay: Duration
  /// The longest `Retry-After` honoured as it is.
  var maximumRetryAfter: Duration = .seconds(300)

  init(maximumAttempts: Int, baseDelay: Duration, maximumDelay: Duration) {
    self.maximumAttempts = max(1, maximumAttempts)
    self.baseDelay = baseDelay
    self.maximumDelay = maximumDelay
  }

  init(_ configuration: APIConfiguration) {
    self.init(
      maximumAttempts: configuration.maximumAttempts, baseDelay: configuration.retryBaseDelay,
      maximumDelay: configuration.maximumRetryDelay)
  }

  /// Attempts worth making after `failure`: a refused connection or an unknown
  /// host rarely mends within seconds, so it gets 3 (about a second of
  /// backoff) and the caller can fall back to its cache quickly; anything else
  /// gets `maximumAttempts`.
  func attempts(for failure: RetryableFailure) -> Int {
    if case .unreachable = failure { return min(maximumAttempts, 3) }
    return maximumAttempts
  }

  /// The wait after `failures` failed attempts (1 for the first):
  /// `baseDelay × 2^(failures−1)`, times a random factor in 0.5...1.5, at most `maximumDelay`.
  func backoff(afterFailures failures: Int, using random: inout some RandomNumberGenerator) -> Duration {
    let nominal = baseDelay.secondsValue * Double(1 << min(max(failures - 1, 0), 30))
    let jittered = nominal * Double.random(in: 0.5...1.5, using: &random)
    return min(maximumDelay, .seconds(jittered))
  }

  func backoff(afterFailures failures: Int) -> Duration {
    var random = SystemRandomNumberGenerator()
    return backoff(afterFailures: failures, using: &random)
  }

  /// The wait a `Retry-After` header asks for: delay-seconds (a fraction is
  /// accepted too), at most `maximumRetryAfter`; nil when absent or not a
  /// number (an HTTP date, say), so the backoff applies.
  func retryAfter(_ header: String?) -> Duration? {
    guard let header, let seconds = Double(header.filter { $0 != " " && $0 != "\t" }),
      seconds.isFinite, seconds >= 0
    else {
      return nil
    }
    return min(maximumRetryAfter, .seconds(seconds))
  }
}

extension Duration {
  /// The duration in seconds, as a Double.
  var secondsValue: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
