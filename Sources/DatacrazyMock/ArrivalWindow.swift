/// The most requests that arrived within any interval of a given length: a
/// sliding check over the arrival times, which proves that a client's pacer
/// kept every interval within its budget, whatever the server's phase.
struct ArrivalWindow {
  let length: Duration
  /// Arrivals less than `length` before the latest one, oldest first from `head`.
  private var arrivals: [ContinuousClock.Instant] = []
  private var head = 0
  private(set) var maximum = 0

  init(length: Duration) {
    self.length = length
  }

  /// Records an arrival at `now` (arrivals come in order).
  mutating func record(_ now: ContinuousClock.Instant) {
    while head < arrivals.count, now - arrivals[head] >= length { head += 1 }
    if head > 1024, head * 2 > arrivals.count {
      arrivals.removeFirst(head)
      head = 0
    }
    arrivals.append(now)
    maximum = max(maximum, arrivals.count - head)
  }
}
