import Testing

@testable import DatacrazyAPI

@Suite struct RateLimiterTests {
  @Test func pacesConcurrentRequestsToTheBudgetWithAMargin() async throws {
    let waits = Recorder<Bool>()
    let limiter = RateLimiter(budget: (5, .milliseconds(500)))
    let grants = Recorder<Instant>()
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<4 {
        group.addTask {
          for _ in 0..<4 {
            try await limiter.acquire { waits.append($0) }
            grants.append(.now)
          }
        }
      }
      try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - start
    #expect(grants.all.count == 16)
    // 16 grants at 5 per 525 ms: the 16th no sooner than 3 × 525 ms.
    #expect(elapsed >= .milliseconds(1575))
    // Loose: a loaded test machine may wake the tasks late; the margin check is below.
    #expect(elapsed < .seconds(60))
    #expect(mostGrants(in: .milliseconds(525), among: grants.all) <= 5)
    // Each wait is announced and ended.
    #expect(waits.all.filter { $0 }.count == waits.all.filter { !$0 }.count)
    #expect(waits.all.count >= 2 * 4)
  }

  @Test func withoutABudgetGrantsAtOnce() async throws {
    let limiter = RateLimiter(budget: nil)
    let start = ContinuousClock.now
    for _ in 0..<1000 { try await limiter.acquire() }
    #expect(ContinuousClock.now - start < .seconds(15))
  }

  @Test func aPauseHoldsEveryRequestBack() async throws {
    let limiter = RateLimiter(budget: nil)
    let start = ContinuousClock.now
    await limiter.pause(until: start + .milliseconds(200))
    try await limiter.acquire()
    #expect(ContinuousClock.now - start >= .milliseconds(200))
  }

  @Test func cancellingAWaitingRequestThrowsCancelledAtOnce() async throws {
    let limiter = RateLimiter(budget: (1, .seconds(60)))
    try await limiter.acquire()
    let waiting = Task { try await limiter.acquire() }
    try await Task.sleep(for: .milliseconds(50))
    let start = ContinuousClock.now
    waiting.cancel()
    let result = await waiting.result
    #expect(ContinuousClock.now - start < .seconds(20))
    guard case .failure(let error) = result else {
      Issue.record("the wait was not cancelled")
      return
    }
    #expect((error as? APIError).map(isCancelled) == true)
  }
}
