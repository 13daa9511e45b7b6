import ConversationCache
import DatacrazyMock
import Foundation
import QueryLanguage
import Shell

/// The cache behind a REPL session: `.refresh`, `.cache`, `.cache clear`, `.offline`.
final class SessionCache: CacheControl, @unchecked Sendable {
  // Unchecked: used from the REPL's thread only; the sync it starts runs in a
  // Task that this thread waits for.
  private let records: CachedRecords
  private let store: ConversationStore
  private let engine: SyncEngine
  /// The demo's embedded API, kept running for `.refresh`.
  private let demoServer: DatacrazyMockServer?
  var offline: Bool

  init(records: CachedRecords, store: ConversationStore, engine: SyncEngine, demoServer: DatacrazyMockServer?)
  {
    self.records = records
    self.store = store
    self.engine = engine
    self.demoServer = demoServer
    offline = records.command.offline
  }

  func refresh() throws -> JSONBuffer {
    let records = self.records
    let engine = self.engine
    let store = self.store
    let offline = self.offline
    return try waitFor { try await records.refresh(engine, store: store, offline: offline) }
  }

  func describe() throws -> String {
    guard let metadata = try store.metadata() else { return "cache: \(store.folder.path): empty" }
    return """
      cache: \(store.folder.path)
        \(metadata.records) conversations from \(metadata.apiURL)
        synced \(SyncProgressBar.format(seconds: engine.age(of: metadata).seconds)) ago, \
      in \(SyncProgressBar.format(seconds: metadata.duration.seconds)) (\(metadata.requests) requests)
      """
  }

  func clear() throws { try store.clear() }

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
