import Testing

@testable import DatacrazyAPI

typealias Instant = ContinuousClock.Instant

/// The most grants in any half-open interval `[t, t + span)`.
func mostGrants(in span: Duration, among grants: [Instant]) -> Int {
  let sorted = grants.sorted()
  var most = 0
  var first = 0
  for last in sorted.indices {
    while sorted[last] - sorted[first] >= span { first += 1 }
    most = max(most, last - first + 1)
  }
  return most
}

/// The most grants in any closed interval `[t, t + span]`.
func mostGrantsClosed(in span: Duration, among grants: [Instant]) -> Int {
  let sorted = grants.sorted()
  var most = 0
  var first = 0
  for last in sorted.indices {
    while sorted[last] - sorted[first] > span { first += 1 }
    most = max(most, last - first + 1)
  }
  return most
}

@Suite struct SlidingWindowTests {
  @Test(arguments: [(1, 10), (5, 100), (60, 60_000), (10, 1000)])
  func noIntervalOfTheSpanHoldsMoreThanTheLimit(limit: Int, spanMilliseconds: Int) {
    let span = Duration.milliseconds(spanMilliseconds)
    var window = SlidingWindow(limit: limit, span: span)
    let start = ContinuousClock.now
    var now = start
    var grants: [Instant] = []
    var random = SplitMix(seed: UInt64(limit))
    // Requests arrive in bursts and pauses; each is granted as early as allowed.
    for _ in 0..<(limit * 7) {
      now += .milliseconds(Int(random.next() % UInt64(spanMilliseconds / limit + 1)))
      let grant = window.earliestGrant(notBefore: now)
      #expect(grant >= now)
      window.record(grant)
      grants.append(grant)
      now = grant
    }
    #expect(mostGrantsClosed(in: span, among: grants) == limit)
  }

  @Test func grantsAtOnceUntilTheBudgetIsSpent() {
    var window = SlidingWindow(limit: 3, span: .seconds(1))
    let now = ContinuousClock.now
    for _ in 0..<3 {
      #expect(window.earliestGrant(notBefore: now) == now)
      window.record(now)
    }
    let fourth = window.earliestGrant(notBefore: now)
    #expect(fourth > now + .seconds(1))
    #expect(fourth < now + .milliseconds(1001))
  }

  @Test func aFixedWindowServerOfAnyPhaseSeesAtMostTheBudget() {
    // The pacer's grants against fixed windows of the budget's length, at many phases.
    let limit = 60
    let window = Duration.seconds(60)
    var pacer = SlidingWindow(limit: limit, span: window * 1.05)
    let start = ContinuousClock.now
    var grants: [Instant] = []
    for _ in 0..<600 {
      let grant = pacer.earliestGrant(notBefore: grants.last ?? start)
      pacer.record(grant)
      grants.append(grant)
    }
    for phase in stride(from: 0, to: 60_000, by: 1_250) {
      var perWindow: [Int: Int] = [:]
      for grant in grants {
        let offset = (grant - start + .milliseconds(phase)).components
        perWindow[Int(offset.seconds) / 60, default: 0] += 1
      }
      #expect(perWindow.values.max()! <= limit, "phase \(phase) ms")
    }
  }
}

/// A small seeded generator, so tests repeat.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
