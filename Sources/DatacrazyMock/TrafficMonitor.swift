/// The server's mutable side: arrivals, rate windows, fault dice and the
/// statistics, behind one lock so concurrent connections see one history.
final class TrafficMonitor: Sendable {
  /// What to do with a request that has arrived.
  enum Admission: Equatable {
    /// Answer it properly.
    case answer
    /// 401: the token is missing or wrong.
    case unauthorized
    /// 429 from the rate limit, with Retry-After seconds.
    case rateLimited(retryAfter: Int)
    /// A fault the dice chose.
    case fault(FaultDice.Fault)
  }

  fileprivate struct State {
    var statistics = DatacrazyMockServer.Statistics()
    var arrivals: ArrivalWindow
    var rateWindow: RateWindow?
    var dice: FaultDice
  }

  private let state: Locked<State>

  init(configuration: DatacrazyMockServer.Configuration) {
    let limit = configuration.rateLimit
    state = Locked(
      State(
        arrivals: ArrivalWindow(length: limit?.window ?? DatacrazyMockServer.defaultStatisticsWindow),
        rateWindow: limit.map { RateWindow(limit: $0.count, length: $0.window) },
        dice: FaultDice(faults: configuration.faults, seed: configuration.seed)))
  }

  var snapshot: DatacrazyMockServer.Statistics {
    state.withLock { state in
      var snapshot = state.statistics
      snapshot.maximumInAnyWindow = state.arrivals.maximum
      return snapshot
    }
  }

  /// Records a request by `token` arriving now and decides its fate: the
  /// token is checked first (a refused token spends no budget), then the
  /// rate limit, then the dice. Every fate but `.answer` is counted here.
  func admit(token: String, authorized: Bool) -> Admission {
    state.withLock { $0.admit(token: token, authorized: authorized, at: .now) }
  }

  /// Counts a proper answer.
  func answered(_ answer: MockAnswer) {
    state.withLock { $0.answered(answer) }
  }
}

extension TrafficMonitor.State {
  mutating func admit(token: String, authorized: Bool, at now: ContinuousClock.Instant)
    -> TrafficMonitor.Admission
  {
    statistics.requests += 1
    arrivals.record(now)
    guard authorized else {
      statistics.answered4xx += 1
      return .unauthorized
    }
    if let retryAfter = rateWindow?.admit(token, at: now) {
      statistics.answered429 += 1
      return .rateLimited(retryAfter: retryAfter)
    }
    guard let fault = dice.roll() else { return .answer }
    switch fault {
    case .serverError: statistics.answered5xx += 1
    case .tooManyRequests: statistics.answered429 += 1
    case .droppedConnection: statistics.droppedConnections += 1
    case .truncatedBody: statistics.truncatedBodies += 1
    }
    return .fault(fault)
  }

  mutating func answered(_ answer: MockAnswer) {
    switch answer.status {
    case 200:
      statistics.answered200 += 1
      statistics.recordsServed += answer.records
    case 429: statistics.answered429 += 1
    case 400..<500: statistics.answered4xx += 1
    case 500...: statistics.answered5xx += 1
    default: break
    }
  }
}
