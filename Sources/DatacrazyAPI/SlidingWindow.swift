/// The pacer's arithmetic: remembers the last `limit` grants and says when
/// the next may happen so that no interval of length `span` holds more than
/// `limit` of them. A server that counts requests in fixed windows of length
/// `span` or less, whatever their phase, then sees at most `limit` in each.
struct SlidingWindow: Sendable {
  typealias Instant = ContinuousClock.Instant

  let limit: Int
  let span: Duration
  /// The last `limit` grants, oldest at `oldest`, as a ring.
  private var grants: [Instant] = []
  private var oldest = 0

  init(limit: Int, span: Duration) {
    self.limit = max(1, limit)
    self.span = span
    grants.reserveCapacity(self.limit)
  }

  /// The earliest instant at or after `now` when a grant keeps the promise.
  func earliestGrant(notBefore now: Instant) -> Instant {
    guard grants.count == limit else { return now }
    // Strictly after: an interval that includes both its ends still holds `limit`.
    return max(now, grants[oldest] + span + .nanoseconds(1))
  }

  /// Records a grant at `instant`, which must not be before `earliestGrant`.
  mutating func record(_ instant: Instant) {
    if grants.count < limit {
      grants.append(instant)
    } else {
      grants[oldest] = instant
      oldest = (oldest + 1) % limit
    }
  }
}
