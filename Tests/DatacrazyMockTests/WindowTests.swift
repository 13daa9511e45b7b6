import Testing

@testable import DatacrazyMock

@Suite struct WindowTests {
  let start = ContinuousClock.now

  func at(_ milliseconds: Int) -> ContinuousClock.Instant {
    start + .milliseconds(milliseconds)
  }

  @Test func theFixedWindowOpensWithTheFirstRequestAndCountsUpToTheLimit() {
    var window = RateWindow(limit: 3, length: .seconds(60))
    #expect(window.admit("t", at: at(0)) == nil)
    #expect(window.admit("t", at: at(1000)) == nil)
    #expect(window.admit("t", at: at(2000)) == nil)
    // 57.5 s left: rounded up.
    #expect(window.admit("t", at: at(2500)) == 58)
    #expect(window.admit("t", at: at(59_999)) == 1)
    // The next window opens with the next request after this one closed.
    #expect(window.admit("t", at: at(60_000)) == nil)
    #expect(window.admit("t", at: at(60_001)) == nil)
    #expect(window.admit("t", at: at(60_002)) == nil)
    #expect(window.admit("t", at: at(119_999)) == 1)
    #expect(window.admit("t", at: at(120_000)) == nil)
  }

  @Test func eachTokenHasItsOwnWindow() {
    var window = RateWindow(limit: 1, length: .seconds(10))
    #expect(window.admit("a", at: at(0)) == nil)
    #expect(window.admit("b", at: at(5000)) == nil)
    #expect(window.admit("a", at: at(6000)) == 4)
    #expect(window.admit("b", at: at(6000)) == 9)
  }

  @Test func theSlidingCountFindsTheBusiestIntervalWhateverItsPhase() {
    // 4 per second, but two bursts straddle a boundary of fixed windows:
    // 6 arrivals within 1 s, which a pacer must never allow.
    var arrivals = ArrivalWindow(length: .seconds(1))
    for milliseconds in [0, 100, 800, 900, 950, 1050, 1100, 1600, 2500] {
      arrivals.record(at(milliseconds))
    }
    #expect(arrivals.maximum == 6)
  }

  @Test func arrivalsExactlyOneWindowApartAreInDifferentIntervals() {
    var arrivals = ArrivalWindow(length: .seconds(1))
    for milliseconds in [0, 1000, 2000, 3000] { arrivals.record(at(milliseconds)) }
    #expect(arrivals.maximum == 1)
  }

  @Test func theArrivalWindowForgetsOldArrivals() {
    var arrivals = ArrivalWindow(length: .milliseconds(10))
    for step in 0..<5000 { arrivals.record(at(step * 5)) }
    #expect(arrivals.maximum == 2)
  }
}
