import ConversationCache
import ConversationGenerator
import DatacrazyAPI
import DatacrazyMock
import Foundation
import QueryLanguage

/// Opens the records a query runs on when they come from the API: the
/// account's cache, synced first when the policy says so.
struct CachedRecords {
  let command: DCQ
  let settings: AccountSettings

  /// The cached records (synced first when too old), named for messages,
  /// and what `.refresh`, `.cache` and `.offline` reach in the REPL.
  func open() async throws -> (buffer: JSONBuffer, name: String, cache: SessionCache) {
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
    let outcome = try await prepare(engine)
    report(outcome, engine)
    guard let buffer = try cacheCall({ try store.records() }) else { throw Failure.emptyCache() }
    let cache = SessionCache(records: self, store: store, engine: engine, demoServer: demoServer)
    return (buffer, command.demo ? "the demo cache" : "the cache", cache)
  }

  /// `.refresh`: a forced sync (or, offline, none), then the records as they are.
  func refresh(_ engine: SyncEngine, store: ConversationStore, offline: Bool) async throws -> JSONBuffer {
    let outcome = try await prepare(engine, forced: !offline, offline: offline)
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

  /// Runs the sync policy, with a progress bar on a terminal and Ctrl-C
  /// stopping a sync (the old cache stays; exit 130).
  private func prepare(_ engine: SyncEngine, forced: Bool? = nil, offline: Bool? = nil) async throws
    -> SyncEngine.Outcome
  {
    var policy = SyncEngine.Policy()
    policy.offline = offline ?? command.offline
    policy.forced = forced ?? command.refresh
    if let text = command.maxAge {
      guard let age = DurationText.parse(text), age >= .zero else {
        throw Failure.usage("--max-age needs a duration such as 15m or 2h, not '\(text)'")
      }
      policy.maximumAge = age
    }
    let bar = SyncProgressBar(enabled: isatty(STDERR_FILENO) == 1 && !command.verbose)
    let task = Task { try await engine.prepare(policy) { bar.update($0) } }
    let interrupt = Interruption { task.cancel() }
    defer {
      interrupt.stop()
      bar.finish()
    }
    do {
      return try await task.value
    } catch let failure as SyncEngine.Failure {
      bar.finish()
      switch failure {
      case .emptyCache: throw Failure.emptyCache()
      case .cache(let error): throw Failure(status: 74, message: "cache: \(error)")
      case .api(.cancelled): throw Failure(status: 130, message: "interrupted: the cache is as it was")
      case .api(let error):
        switch error {
        case .unauthorized: throw Failure(status: 77, message: "\(error)")
        default: throw Failure(status: 69, message: "\(error)")
        }
      }
    }
  }

  private func report(_ outcome: SyncEngine.Outcome, _ engine: SyncEngine) {
    func say(_ text: String) { FileHandle.standardError.write(Data(("dcq: " + text + "\n").utf8)) }
    switch outcome {
    case .fresh: break
    case .synced(let metadata, let warnings):
      for warning in warnings { say("warning: \(warning)") }
      if command.verbose {
        say(
          "synced \(metadata.records) conversations in \(SyncProgressBar.format(seconds: metadata.duration.seconds))"
        )
      }
    case .stale(let metadata, let failure):
      say(
        "warning: could not sync (\(failure)); answering from the cache of "
          + "\(SyncProgressBar.format(seconds: engine.age(of: metadata).seconds)) ago")
    case .syncInProgress:
      say("another dcq is syncing this cache; answering from the cache as it is")
    }
  }
}

/// The built-in demo account of `--demo`: the same generated conversations on every machine.
enum DemoAccount {
  static let token = "demo"
  static let conversations = 3000

  static func server() -> DatacrazyMockServer {
    let records = ConversationGenerator(seed: ConversationGenerator.demoSeed).records(count: conversations)
    var configuration = DatacrazyMockServer.Configuration(records: records, token: token)
    configuration.maximumTake = 100
    return DatacrazyMockServer(configuration: configuration)
  }
}

/// Cancels a sync on Ctrl-C while it runs.
final class Interruption {
  private let source: DispatchSourceSignal
  private let previous: (@convention(c) (Int32) -> Void)?

  init(_ action: @escaping @Sendable () -> Void) {
    previous = signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler(handler: action)
    source.resume()
  }

  /// Ctrl-C does what it did before (ends dcq, or clears the REPL's line).
  func stop() {
    source.cancel()
    signal(SIGINT, previous)
  }
}
