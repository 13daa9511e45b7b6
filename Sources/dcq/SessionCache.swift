import ConversationCache
import DatacrazyMock
import Foundation
import QueryLanguage
import Shell

/// The cache behind a REPL session: `.refresh`, `.cache`, `.cache clear`, `.offline`.
final class SessionCache: CacheControl, @unchecked Sendable {
  // Unchecked: used by one thread at a time (dcq's opening task, then the
  // REPL's thread); a background sync keeps its own state, under its lock,
  // and a `.refresh` sync runs in a Task that the REPL's thread waits for.
  private let records: CachedRecords
  private let store: ConversationStore
  private let engine: SyncEngine
  /// The demo's embedded API, kept running for `.refresh`.
  private let demoServer: DatacrazyMockServer?
  /// `.offline on` also stops a background sync that is still running.
  var offline: Bool {
    didSet { if offline { background?.cancel() } }
  }

  init(records: CachedRecords, store: ConversationStore, engine: SyncEngine, demoServer: DatacrazyMockServer?)
  {
    self.records = records
    self.store = store
    self.engine = engine
    self.demoServer = demoServer
    offline = records.command.offline
  }

  /// A sync started with the session, while the old cache answers.
  private var background: BackgroundSync?

  /// True while the background sync is the first: nothing was cached.
  private var firstSync = false

  func startBackgroundSync(_ policy: SyncEngine.Policy, first: Bool = false) {
    background = BackgroundSync(policy, engine)
    firstSync = first
  }

  /// Waits up to `limit` for the background sync, with its progress bar;
  /// its outcome (then it is over) or nil while it still runs.
  func waitForBackgroundSync(upTo limit: Duration) async -> Result<SyncEngine.Outcome, SyncEngine.Failure>? {
    // Ctrl-C meanwhile stops the sync, and dcq with it (no prompt yet).
    let interrupt = Interruption { [background] in background?.cancel() }
    defer { interrupt.stop() }
    guard let outcome = await background?.wait(upTo: limit) else { return nil }
    background = nil
    firstSync = false
    return outcome
  }

  var awaitsRecords: Bool { firstSync && background != nil }

  func waitForRecords(stop: () -> Bool) -> Bool {
    guard let background else { return true }
    return background.wait(stop: stop) != nil
  }

  func finishedBackgroundSync() -> (message: String, records: JSONBuffer?)? {
    guard let background, let outcome = background.outcome else { return nil }
    self.background = nil
    defer { firstSync = false }
    return take(outcome)
  }

  /// What to say of a background sync's outcome, and its records when it synced.
  private func take(_ outcome: Result<SyncEngine.Outcome, SyncEngine.Failure>) -> (
    message: String, records: JSONBuffer?
  ) {
    switch outcome {
    case .success(let outcome):
      let message = records.messages(for: outcome, engine, background: true).joined(separator: "\n")
      // A first sync may also end with records that another dcq wrote.
      let changed: Bool
      if case .synced = outcome { changed = true } else { changed = firstSync }
      guard changed, let buffer = try? store.records() else { return (message, nil) }
      return (message, buffer)
    case .failure(.api(.cancelled)):
      return ("dcq: the background sync stopped; answering from the cache as it was", nil)
    case .failure(let failure):
      let reason = CachedRecords.failure(failure).message
      if firstSync { return ("dcq: the first sync failed (\(reason)); .refresh tries again", nil) }
      return ("dcq: could not sync (\(reason)); answering from the cache as it was", nil)
    }
  }

  func refresh() throws -> JSONBuffer {
    // A background sync still running is this refresh's sync: wait for it.
    if let background {
      let stopped = StopSignal()
      let interrupt = Interruption { stopped.set() }
      let ended = background.wait(stop: { stopped.isSet })
      interrupt.stop()
      guard let ended else {
        throw Failure(status: 130, message: "stopped waiting; the sync goes on in the background")
      }
      self.background = nil
      defer { firstSync = false }
      let (message, buffer) = take(ended)
      FileHandle.standardError.write(Data((message + "\n").utf8))
      if let buffer { return buffer }
    }
    let records = self.records
    let engine = self.engine
    let store = self.store
    let offline = self.offline
    do {
      return try waitFor { try await records.refresh(engine, store: store, offline: offline) }
    } catch let failure as Failure where offline && failure.status == 74 {
      // The one-liner's advice (run without --offline) does not fit here.
      throw Failure(status: 74, message: "the cache is empty: .offline off, then .refresh, syncs it")
    }
  }

  func describe() throws -> String {
    guard let metadata = try store.metadata() else { return "cache: \(store.folder.path): empty" }
    let syncing = background == nil ? "" : "\n  syncing in the background"
    // The demo's server listens on a new port each run: its URL says nothing.
    let origin = demoServer == nil ? metadata.apiURL : "the demo account"
    return """
      cache: \(store.folder.path)
        \(metadata.records) conversations from \(origin)
        synced \(SyncProgressBar.format(seconds: engine.age(of: metadata).seconds)) ago, \
      in \(SyncProgressBar.format(seconds: metadata.duration.seconds)) (\(metadata.requests) requests)\(syncing)
      """
  }

  /// Stops a background sync first: it would fill the cache again.
  func clear() throws {
    background?.cancel()
    try store.clear()
  }

  /// Runs async work to its end from the REPL's own (non-pool) thread.
  private func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox<T>()
    Task {
      do {
        result.value = .success(try await work())
      } catch {
        result.value = .failure(error)
      }
      done.signal()
    }
    done.wait()
    return try result.value!.get()
  }
}

private final class ResultBox<T>: @unchecked Sendable {
  // Unchecked: written once by the task before it signals, read after the wait.
  var value: Result<T, Error>?
}
