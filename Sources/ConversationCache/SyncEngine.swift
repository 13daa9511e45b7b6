import DatacrazyAPI
import Foundation

/// Keeps a cache in step with the API by the policy of CLI.md: use the cache
/// while it is young enough, else sync first; a failed sync that was not
/// forced falls back to the cache it has.
public struct SyncEngine: Sendable {
  /// When and whether to sync.
  public struct Policy: Sendable {
    /// A cache older than this is synced before a query.
    public var maximumAge: Duration = .seconds(15 * 60)
    /// `--refresh`: sync whatever the age; a failure is then an error.
    public var forced = false
    /// `--offline`: never call the API.
    public var offline = false
    public init() {}
  }

  /// What `prepare` did, for the messages on stderr.
  public enum Outcome: Sendable {
    /// The cache was young enough.
    case fresh(SyncMetadata)
    /// A sync ran and replaced the cache.
    case synced(SyncMetadata, warnings: [String])
    /// The sync failed; the older cache answers.
    case stale(SyncMetadata, failure: APIError)
    /// Another process is syncing; the cache answers as it is.
    case syncInProgress(SyncMetadata)
  }

  public enum Failure: Error, Sendable {
    /// `--offline` (or a failed sync) with nothing cached.
    case emptyCache
    /// The sync failed and there is nothing to fall back to, or it was forced.
    case api(APIError)
    case cache(CacheError)
  }

  let store: ConversationStore
  let client: DatacrazyClient?
  let apiURL: String
  let now: @Sendable () -> Date

  /// `client` may be nil only for offline use.
  public init(
    store: ConversationStore, client: DatacrazyClient?, apiURL: String,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.store = store
    self.client = client
    self.apiURL = apiURL
    self.now = now
  }

  /// Makes the cache ready to answer under `policy`.
  public func prepare(
    _ policy: Policy, progress: @escaping @Sendable (FetchProgress) -> Void = { _ in }
  ) async throws(Failure) -> Outcome {
    let cached = try metadata()
    if policy.offline || client == nil {
      guard let cached else { throw .emptyCache }
      return .fresh(cached)
    }
    if let cached, !policy.forced, age(of: cached) < policy.maximumAge {
      return .fresh(cached)
    }
    while true {
      let result: Result<Outcome, Failure>?
      do {
        result = try await store.withSyncLock { await self.sync(cached, policy, progress) }
      } catch let error as CacheError {
        throw .cache(error)
      } catch {
        throw .cache(.unusable("\(error)"))
      }
      if let result { return try result.get() }
      // Another process holds the lock: answer from what is cached, or wait for it.
      if let current = try metadata() { return .syncInProgress(current) }
      try? await Task.sleep(for: .milliseconds(200))
      if Task.isCancelled { throw .api(.cancelled) }
    }
  }

  /// The cache that can answer while the sync that `policy` calls for runs
  /// (the REPL syncs in the background): nil when no sync is due, nothing is
  /// cached, or the sync is forced (`--refresh` waits for it).
  public func cacheThatAnswersDuringSync(_ policy: Policy) throws(Failure) -> SyncMetadata? {
    guard !policy.offline, !policy.forced, client != nil, let cached = try metadata() else { return nil }
    return age(of: cached) >= policy.maximumAge ? cached : nil
  }

  /// The time since the end of the last successful sync.
  public func age(of metadata: SyncMetadata) -> Duration {
    .milliseconds(Int64(now().timeIntervalSince(metadata.finishedAt) * 1000))
  }

  private func sync(
    _ cached: SyncMetadata?, _ policy: Policy, _ progress: @escaping @Sendable (FetchProgress) -> Void
  )
    async -> Result<Outcome, Failure>
  {
    let started = ContinuousClock.now
    do {
      let fetched = try await client!.fetchAll(progress: progress)
      let metadata = SyncMetadata(
        apiURL: apiURL, finishedAt: now(), records: fetched.conversations.count,
        duration: ContinuousClock.now - started, requests: fetched.requests)
      try store.replace(with: fetched.conversations.map(\.json), metadata: metadata)
      return .success(.synced(metadata, warnings: fetched.warnings))
    } catch let error as APIError {
      switch error {
      case .unavailable where !policy.forced:
        // The cache as it was may still answer, with a warning giving its age.
        if let cached { return .success(.stale(cached, failure: error)) }
        return .failure(.api(error))
      default:
        return .failure(.api(error))
      }
    } catch let error as CacheError {
      return .failure(.cache(error))
    } catch {
      return .failure(.cache(.unusable("\(error)")))
    }
  }

  private func metadata() throws(Failure) -> SyncMetadata? {
    do {
      return try store.metadata()
    } catch {
      throw .cache(error)
    }
  }
}
