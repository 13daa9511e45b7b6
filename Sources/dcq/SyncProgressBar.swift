import DatacrazyAPI
import Foundation

/// A one-line progress bar on stderr while a sync runs (only on a terminal):
/// records so far, total, rate, ETA, and when the rate limit holds it back.
final class SyncProgressBar: @unchecked Sendable {
  // Unchecked: `lock` guards every mutable field; updates come from the client's tasks.
  private let lock = NSLock()
  private let started = ContinuousClock.now
  private var lastDrawn = ContinuousClock.now - .seconds(1)
  private var drawn = false
  let enabled: Bool
  /// False while nobody waits for the sync (the REPL's background sync):
  /// the bar then keeps its rate but draws nothing.
  private var shown: Bool
  private var last: FetchProgress?

  init(enabled: Bool, shown: Bool = true) {
    self.enabled = enabled
    self.shown = shown
  }

  /// Starts drawing, from the last progress seen.
  func show() {
    let progress = lock.withLock {
      shown = true
      lastDrawn = ContinuousClock.now - .seconds(1)
      return last
    }
    if let progress { update(progress) }
  }

  /// Clears the bar and draws nothing more until `show()`.
  func hide() {
    // One lock for both, so no update draws the bar again in between.
    lock.withLock {
      clear()
      shown = false
    }
  }

  func update(_ progress: FetchProgress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    last = progress
    guard shown else { return }
    let now = ContinuousClock.now
    guard now - lastDrawn >= .milliseconds(100) else { return }
    lastDrawn = now
    let seconds = max(0.001, (now - started).seconds)
    let rate = Double(progress.records) / seconds
    var line = "syncing \(progress.records)"
    if let expected = progress.expected, expected > 0 {
      let share = min(1, Double(progress.records) / Double(expected))
      let width = 20
      let filled = Int(share * Double(width))
      line =
        "syncing [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        + "] \(progress.records)/\(expected)"
      if rate > 0, progress.records < expected {
        line += "  ETA \(Self.format(seconds: Double(expected - progress.records) / rate))"
      }
    }
    line += "  \(Int(rate)) records/s"
    if progress.waitingForRateLimit { line += "  (waiting for the rate limit)" }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    drawn = true
  }

  /// Clears the bar.
  func finish() {
    lock.withLock { clear() }
  }

  /// Erases the bar's line; `lock` is held.
  private func clear() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }

  static func format(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total >= 3600 { return "\(total / 3600)h\(total / 60 % 60)m" }
    if total >= 60 { return "\(total / 60)m\(total % 60)s" }
    return "\(total)s"
  }
}

extension Duration {
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
