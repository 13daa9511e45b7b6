import ConversationCache
import DatacrazyAPI
import DatacrazyMock
import Foundation
import QueryLanguage

/// Opens the records a query runs on when they come from the API: the
/// account's cache, synced first when the policy says so.
struct CachedRecords {
  let command: DCQ
  let settings: AccountSettings

  /// What `open` gives: the records, their name for messages, and what
  /// `.refresh`, `.cache` and `.offline` reach in the REPL.
  struct Opened {
    /// Nil while the first sync runs in the background.
    var buffer: JSONBuffer?
    var name: String
    var cache: SessionCache
    /// Set when a sync runs in the background: what to tell the user.
    var backgroundNote: String?
  }

  /// The cached records, synced first when too old, unless `syncInBackground`
  /// (the REPL) and an old cache can answer meanwhile: then the sync runs in
  /// the background and the session takes its records when it ends.
  func open(syncInBackground: Bool = false) async throws -> Opened {
    var demoServer: DatacrazyMockServer?
    let store: ConversationStore
    var client: DatacrazyClient?
    var apiURL = settings.apiURL
    if command.demo {
      let server = DemoAccount.server()
      demoServer = server
      let port = try await server.start()
      apiURL = "http://127.0.0.1:\(port)"
      store = try openStore(name: "demo")
      client = makeClient(apiURL: apiURL, token: DemoAccount.token, rateLimit: nil)
    } else if let token = settings.token {
      store = try openStore(name: ConversationStore.accountName(apiURL: settings.apiURL, token: token))
      client = command.offline ? nil : makeClient(apiURL: apiURL, token: token, rateLimit: settings.rateLimit)
    } else if command.offline {
      guard
        let latest = try cacheCall({
          try ConversationStore.latest(directory: settings.cacheRoot, apiURL: apiURL)
        })
      else { throw Failure.emptyCache() }
      store = latest
    } else {
      throw Failure.noToken(
        "no token: set DATACRAZY_TOKEN (or try dcq --demo, or query a file with --input FILE)")
    }

    let engine = SyncEngine(store: store, client: client, apiURL: apiURL)
    let cache = SessionCache(records: self, store: store, engine: engine, demoServer: demoServer)
    let policy = try policy()
    var note: String?
    let name = command.demo ? "the demo cache" : "the cache"
    if syncInBackground,
      let cached = try await Self.syncCall({ try engine.cacheThatAnswersDuringSync(policy) })
    {
      cache.startBackgroundSync(policy)
      note =
        "the cache is \(SyncProgressBar.format(seconds: engine.age(of: cached).seconds)) old: syncing in "
        + "the background; until that ends, answers come from it"
    } else if syncInBackground, client != nil, !policy.offline, try cacheCall({ try store.metadata() }) == nil
    {
      // Nothing cached: a first sync that takes long goes on behind the prompt.
      cache.startBackgroundSync(policy, first: true)
      guard let outcome = await cache.waitForBackgroundSync(upTo: Self.firstSyncWait) else {
        note =
          "loading the account's conversations in the background; a query waits for them "
          + "(Ctrl-C stops waiting)"
        return Opened(buffer: nil, name: name, cache: cache, backgroundNote: note)
      }
      report(try outcome.mapError(Self.failure).get(), engine)
    } else {
      report(try await prepare(engine, policy), engine)
    }
    guard let buffer = try cacheCall({ try store.records() }) else { throw Failure.emptyCache() }
    return Opened(buffer: buffer, name: name, cache: cache, backgroundNote: note)
  }

  /// How long the REPL waits for a first sync before it shows the prompt
  /// and lets the sync go on in the background (`DCQ_FIRST_SYNC_WAIT`, for tests).
  static var firstSyncWait: Duration {
    let asked = ProcessInfo.processInfo.environment["DCQ_FIRST_SYNC_WAIT"].flatMap(DurationText.parse)
    return asked ?? .seconds(2)
  }

  /// `.refresh`: a forced sync (or, offline, none), then the records as they are.
  func refresh(_ engine: SyncEngine, store: ConversationStore, offline: Bool) async throws -> JSONBuffer {
    let outcome = try await prepare(engine, try policy(forced: !offline, offline: offline))
    report(outcome, engine)
    guard let buffer = try cacheCall({ try store.records() }) else { throw Failure.emptyCache() }
    return buffer
  }

  private func openStore(name: String) throws -> ConversationStore {
    try cacheCall { try ConversationStore.open(directory: settings.cacheRoot, name: name) }
  }

  /// Runs a cache call, turning its failure into exit status 74.
  private func cacheCall<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CacheError {
      throw Failure(status: 74, message: "cache: \(error)")
    }
  }

  private func makeClient(apiURL: String, token: String, rateLimit: (count: Int, window: Duration)?)
    -> DatacrazyClient
  {
    var configuration = APIConfiguration(baseURL: URL(string: apiURL)!, token: token)
    configuration.pageSize = settings.pageSize
    configuration.rateLimit = rateLimit
    configuration.userAgent = "dcq/\(DCQ.version)"
    let log: (@Sendable (String) -> Void)? =
      command.verbose
      ? { @Sendable line in FileHandle.standardError.write(Data(("dcq: " + line + "\n").utf8)) } : nil
    return DatacrazyClient(configuration: configuration, log: log)
  }

  /// The sync policy of the command line; `.refresh` forces a sync or, offline, none.
  func policy(forced: Bool? = nil, offline: Bool? = nil) throws -> SyncEngine.Policy {
    var policy = SyncEngine.Policy()
    policy.offline = offline ?? command.offline
    policy.forced = forced ?? command.refresh
    if let text = command.maxAge {
      guard let age = DurationText.parse(text), age >= .zero else {
        throw Failure.usage("--max-age needs a duration such as 15m or 2h, not '\(text)'")
      }
      policy.maximumAge = age
    }
    return policy
  }

  /// Runs the sync policy, with a progress bar on a terminal and Ctrl-C
  /// stopping a sync (the old cache stays; exit 130).
  private func prepare(_ engine: SyncEngine, _ policy: SyncEngine.Policy) async throws -> SyncEngine.Outcome {
    let bar = SyncProgressBar(enabled: isatty(STDERR_FILENO) == 1 && !command.verbose)
    let task = Task { try await engine.prepare(policy) { bar.update($0) } }
    let interrupt = Interruption { task.cancel() }
    defer {
      interrupt.stop()
      bar.finish()
    }
    return try await Self.syncCall { try await task.value }
  }

  /// Runs a sync-engine call, turning its failure into dcq's exit status.
  static func syncCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let failure as SyncEngine.Failure {
      throw Self.failure(failure)
    }
  }

  static func failure(_ failure: SyncEngine.Failure) -> Failure {
    switch failure {
    case .emptyCache: return Failure.emptyCache()
    case .cache(let error): return Failure(status: 74, message: "cache: \(error)")
    case .api(.cancelled): return Failure(status: 130, message: "interrupted: the cache is as it was")
    case .api(let error):
      if case .unauthorized = error { return Failure(status: 77, message: "\(error)") }
      return Failure(status: 69, message: "\(error)")
    }
  }

  private func report(_ outcome: SyncEngine.Outcome, _ engine: SyncEngine) {
    let lines = messages(for: outcome, engine, background: false)
    if !lines.isEmpty { FileHandle.standardError.write(Data(lines.joined(separator: "\n").utf8 + [0x0A])) }
  }

  /// What to say of a sync's outcome; a background sync always says that it synced.
  func messages(for outcome: SyncEngine.Outcome, _ engine: SyncEngine, background: Bool) -> [String] {
    var lines: [String] = []
    switch outcome {
    case .fresh: break
    case .synced(let metadata, let warnings):
      lines += warnings.map { "warning: \($0)" }
      let took = SyncProgressBar.format(seconds: metadata.duration.seconds)
      if background {
        lines.append("synced \(metadata.records) conversations in \(took); answers now come from them")
      } else if command.verbose {
        lines.append("synced \(metadata.records) conversations in \(took)")
      }
    case .stale(let metadata, let failure):
      lines.append(
        "warning: could not sync (\(failure)); answering from the cache of "
          + "\(SyncProgressBar.format(seconds: engine.age(of: metadata).seconds)) ago")
    case .syncInProgress:
      lines.append("another dcq is syncing this cache; answering from the cache as it is")
    }
    return lines.map { "dcq: " + $0 }
  }
}
