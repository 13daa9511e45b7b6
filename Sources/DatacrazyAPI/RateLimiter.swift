/// The pacer: every request, retries included, asks it for a grant first.
///
/// With a budget of `count` per `window`, no interval of `window × 1.05`
/// holds more than `count` grants (a sliding window with a 5% margin), so a
/// server with a fixed window of that budget never answers 429, whatever its
/// phase. A 429's `Retry-After` also holds every request back (`pause`).
/// Without a budget, grants come at once except during such a pause.
///
/// One client keeps one pacer for all its fetches, so a second sync soon
/// after the first still keeps to the budget.
actor RateLimiter {
  typealias Instant = ContinuousClock.Instant

  /// The share of the window added to it as a safety margin.
  static let margin = 0.05

  private var window: SlidingWindow?
  private var pausedUntil: Instant?

  init(budget: (count: Int, window: Duration)?) {
    if let budget {
      window = SlidingWindow(limit: budget.count, span: budget.window * (1 + Self.margin))
    }
  }

  /// Returns when a request may be sent, and counts it as sent. `heldBack`
  /// is told true before the request waits and false once it stops waiting.
  /// Throws `.cancelled` at once when the task is cancelled while waiting.
  func acquire(heldBack: @Sendable (Bool) -> Void = { _ in }) async throws(APIError) {
    while true {
      if Task.isCancelled { throw .cancelled }
      let now = ContinuousClock.now
      var earliest = window?.earliestGrant(notBefore: now) ?? now
      if let pausedUntil, pausedUntil > earliest { earliest = pausedUntil }
      if earliest <= now {
        window?.record(now)
        return
      }
      heldBack(true)
      let slept: Bool
      do {
        try await Task.sleep(until: earliest, clock: .continuous)
        slept = true
      } catch {
        slept = false
      }
      heldBack(false)
      if !slept { throw .cancelled }
    }
  }

  /// Holds every request back until `instant` (a server's `Retry-After`).
  func pause(until instant: Instant) {
    if let pausedUntil, pausedUntil >= instant { return }
    pausedUntil = instant
  }
}
