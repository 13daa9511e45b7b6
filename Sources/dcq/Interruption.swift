import Foundation
import Synchronization

/// Cancels a sync on Ctrl-C while it runs.
///
/// A plain `sigaction` handler that counts, and a task that watches the
/// count: a dispatch signal source would install its own handler later, on
/// another thread, and could take SIGINT from the REPL after `stop()`.
final class Interruption {
  private var previous = sigaction()
  private let watcher: Task<Void, Never>

  init(_ action: @escaping @Sendable () -> Void) {
    let start = syncInterrupts.load(ordering: .relaxed)
    var handler = sigaction()
    handler.__sigaction_handler.sa_handler = { _ in syncInterrupts.wrappingAdd(1, ordering: .relaxed) }
    sigemptyset(&handler.sa_mask)
    handler.sa_flags = SA_RESTART
    sigaction(SIGINT, &handler, &previous)
    watcher = Task {
      while !Task.isCancelled {
        if syncInterrupts.load(ordering: .relaxed) != start { return action() }
        try? await Task.sleep(for: .milliseconds(50))
      }
    }
  }

  /// Ctrl-C does what it did before (ends dcq, or clears the REPL's line).
  func stop() {
    watcher.cancel()
    sigaction(SIGINT, &previous, nil)
  }
}

/// Ctrl-Cs seen while a sync runs.
private let syncInterrupts = Atomic<Int>(0)

/// Set once, from any thread.
final class StopSignal: Sendable {
  private let value = Atomic<Bool>(false)
  func set() { value.store(true, ordering: .relaxed) }
  var isSet: Bool { value.load(ordering: .relaxed) }
}
