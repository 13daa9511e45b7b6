/// A fixed-window rate limit, one window per token, as the real API was
/// measured to keep: a window opens with the first request after the last
/// one closed, and within it the first `limit` requests pass.
struct RateWindow {
  let limit: Int
  let length: Duration
  private var windows: [String: (start: ContinuousClock.Instant, requests: Int)] = [:]

  init(limit: Int, length: Duration) {
    self.limit = limit
    self.length = length
  }

  /// Counts a request by `key` at `now`: nil when it passes, else the
  /// seconds until its window closes, rounded up (at least 1).
  mutating func admit(_ key: String, at now: ContinuousClock.Instant) -> Int? {
    var window = windows[key] ?? (start: now, requests: 0)
    if now - window.start >= length { window = (start: now, requests: 0) }
    window.requests += 1
    windows[key] = window
    guard window.requests > limit else { return nil }
    let remaining = (window.start + length) - now
    return max(1, Int(remaining.seconds.rounded(.up)))
  }
}
