import ConversationCache
import Foundation

/// A sync running in a task of its own while the REPL answers from the old
/// cache; the REPL's thread polls for its end, or waits for it.
final class BackgroundSync: @unchecked Sendable {
  // Unchecked: `result` is written once, by the task, under `lock`; `task`
  // is set once, in init.
  private let lock = NSLock()
  private var result: Result<SyncEngine.Outcome, SyncEngine.Failure>?
  private let ended = DispatchSemaphore(value: 0)
  private var task: Task<Void, Never>?

  /// Hidden until someone waits for the sync.
  let bar = SyncProgressBar(enabled: isatty(STDERR_FILENO) == 1, shown: false)

  init(_ policy: SyncEngine.Policy, _ engine: SyncEngine) {
    task = Task { [self, bar] in
      let outcome: Result<SyncEngine.Outcome, SyncEngine.Failure>
      do throws(SyncEngine.Failure) {
        outcome = .success(try await engine.prepare(policy) { bar.update($0) })
      } catch {
        outcome = .failure(error)
      }
      lock.withLock { result = outcome }
      ended.signal()
    }
  }

  /// Stops the sync (Ctrl-C): it ends as cancelled, the cache as it was.
  func cancel() { task?.cancel() }

  /// The outcome once the sync has ended, else nil.
  var outcome: Result<SyncEngine.Outcome, SyncEngine.Failure>? { lock.withLock { result } }

  /// Waits for the end of the sync with its progress bar shown, until
  /// `stop()` says so; the outcome, or nil when it still runs.
  func wait(stop: () -> Bool) -> Result<SyncEngine.Outcome, SyncEngine.Failure>? {
    bar.show()
    defer { bar.hide() }
    while !stop() {
      if ended.wait(timeout: .now() + 0.05) == .success {
        ended.signal()
        return outcome
      }
    }
    return outcome
  }

  /// The same from a task, up to `limit`, without holding a thread.
  func wait(upTo limit: Duration) async -> Result<SyncEngine.Outcome, SyncEngine.Failure>? {
    bar.show()
    defer { bar.hide() }
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      if let outcome { return outcome }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return outcome
  }
}
