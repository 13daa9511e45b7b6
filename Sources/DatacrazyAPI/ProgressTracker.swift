import Foundation

/// Counts what a fetch did and hands each change to the progress callback.
///
/// `@unchecked Sendable`: `lock` guards the counts, and the callback runs
/// inside it, so reports arrive one at a time and in order (it must be quick).
final class ProgressTracker: @unchecked Sendable {
  private let lock = NSLock()
  private var progress = FetchProgress()
  private var heldBackRequests = 0
  private let report: @Sendable (FetchProgress) -> Void

  init(report: @escaping @Sendable (FetchProgress) -> Void) {
    self.report = report
  }

  var requests: Int { lock.withLock { progress.requests } }

  func requestSent() { update { $0.requests += 1 } }
  func received(records: Int) { update { $0.records += records } }
  func expect(_ total: Int) { update { $0.expected = total } }
  /// A request starts (true) or stops (false) waiting for the pacer.
  func heldBack(_ waiting: Bool) {
    updateIfChanged { progress in
      heldBackRequests += waiting ? 1 : -1
      guard progress.waitingForRateLimit != (heldBackRequests > 0) else { return false }
      progress.waitingForRateLimit = heldBackRequests > 0
      return true
    }
  }

  private func update(_ change: (inout FetchProgress) -> Void) {
    updateIfChanged { progress in
      change(&progress)
      return true
    }
  }

  /// Applies `change`, and reports when it says something changed.
  private func updateIfChanged(_ change: (inout FetchProgress) -> Bool) {
    lock.withLock {
      if change(&progress) { report(progress) }
    }
  }
}
