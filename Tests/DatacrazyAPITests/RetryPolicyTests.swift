import Testing

@testable import DatacrazyAPI

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(maximumAttempts: 6, baseDelay: .milliseconds(250), maximumDelay: .seconds(8))

  @Test(arguments: 1...8)
  func backoffDoublesWithJitterAndACap(failures: Int) {
    var random = SplitMix(seed: UInt64(failures))
    let nominal = 0.25 * Double(1 << (failures - 1))
    var seen: [Double] = []
    for _ in 0..<500 {
      let delay = policy.backoff(afterFailures: failures, using: &random).secondsValue
      seen.append(delay)
      #expect(delay >= min(8, nominal * 0.5) - 1e-9)
      #expect(delay <= min(8, nominal * 1.5) + 1e-9)
    }
    // Jitter: the delays differ unless the cap holds them all.
    if nominal * 0.5 < 8 { #expect(Set(seen).count > 100) }
  }

  @Test func retryAfterIsReadAsSeconds() {
    #expect(policy.retryAfter("1") == .seconds(1))
    #expect(policy.retryAfter(" 57 ") == .seconds(57))
    #expect(policy.retryAfter("0.5") == .milliseconds(500))
    #expect(policy.retryAfter("100000") == .seconds(300))
    #expect(policy.retryAfter(nil) == nil)
    #expect(policy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
    #expect(policy.retryAfter("-3") == nil)
  }

  @Test func anUnreachableHostGetsFewerAttempts() {
    let policy = RetryPolicy(maximumAttempts: 6, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(50))
    #expect(policy.attempts(for: .unreachable("connection refused")) == 3)
    #expect(policy.attempts(for: .network("connection reset")) == 6)
    let few = RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(50))
    #expect(few.attempts(for: .unreachable("connection refused")) == 2)
  }

  @Test func atLeastOneAttempt() {
    #expect(RetryPolicy(maximumAttempts: 0, baseDelay: .zero, maximumDelay: .zero).maximumAttempts == 1)
  }
}
