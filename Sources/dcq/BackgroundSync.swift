import ConversationCache
import Foundation

/// A sync running in a task of its own while the REPL answers from the old
/// cache; the REPL's thread polls for its end, or waits for it.
final class BackgroundSync: @unchecked Sendable {
  // Unchecked: `result` is written once, by the task, under `lock`.
  private let lock = NSLock()
  private var result: Result<SyncEngine.Outcome, SyncEngine.Failure>?
  private let ended = DispatchSemaphore(value: 0)

  init(_ policy: SyncEngine.Policy, _ engine: SyncEngine) {
    Task { [self] in
      let outcome: Result<SyncEngine.Outcome, SyncEngine.Failure>
      do throws(SyncEngine.Failure) {
        outcome = .success(try await engine.prepare(policy))
      } catch {
        outcome = .failure(error)
      }
      lock.withLock { result = outcome }
      ended.signal()
    }
  }

  /// The outcome once the sync has ended, else nil.
  var outcome: Result<SyncEngine.Outcome, SyncEngine.Failure>? { lock.withLock { result } }

  /// Waits for the end of the sync.
  func wait() -> Result<SyncEngine.Outcome, SyncEngine.Failure> {
    ended.wait()
    ended.signal()
    return outcome!
  }
}
