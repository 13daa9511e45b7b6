import ConversationGenerator
import DatacrazyAPI
import DatacrazyMock
import Foundation
import Testing

@testable import ConversationCache

/// The sync policy against a real mock server over 127.0.0.1 and a real cache folder.
@Suite struct SyncEngineTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("dcq-sync-\(UUID().uuidString)", isDirectory: true)

  func records(_ count: Int) -> [[UInt8]] {
    ConversationGenerator(seed: 7).records(count: count)
  }

  func engine(_ server: DatacrazyMockServer, token: String = "t", store: ConversationStore) async throws
    -> SyncEngine
  {
    var configuration = APIConfiguration(baseURL: await server.baseURL, token: token)
    configuration.rateLimit = nil
    configuration.maximumAttempts = 2
    let client = DatacrazyClient(configuration: configuration)
    return SyncEngine(store: store, client: client, apiURL: "\(await server.baseURL)")
  }

  @Test func syncsWhenEmptyThenAnswersFromTheCacheWhileYoung() async throws {
    let server = DatacrazyMockServer(configuration: .init(records: records(250), token: "t"))
    _ = try await server.start()
    defer { Task { await server.stop() } }
    let store = try ConversationStore.open(directory: folder, name: "a")
    let sync = try await engine(server, store: store)

    guard case .synced(let metadata, _) = try await sync.prepare(.init()) else {
      Issue.record("expected a sync")
      return
    }
    #expect(metadata.records == 250)
    let requests = await server.statistics.requests
    guard case .fresh = try await sync.prepare(.init()) else {
      Issue.record("expected the cache to be fresh")
      return
    }
    #expect(await server.statistics.requests == requests)

    var forced = SyncEngine.Policy()
    forced.forced = true
    guard case .synced = try await sync.prepare(forced) else {
      Issue.record("expected --refresh to sync")
      return
    }
    #expect(await server.statistics.requests > requests)
  }

  @Test func offlineWithAnEmptyCacheFails() async throws {
    let store = try ConversationStore.open(directory: folder, name: "b")
    let sync = SyncEngine(store: store, client: nil, apiURL: "http://127.0.0.1:9")
    var offline = SyncEngine.Policy()
    offline.offline = true
    await #expect(throws: SyncEngine.Failure.self) { try await sync.prepare(offline) }
  }

  @Test func aFailingAPIFallsBackToTheOldCacheUnlessForced() async throws {
    let good = DatacrazyMockServer(configuration: .init(records: records(120), token: "t"))
    _ = try await good.start()
    let store = try ConversationStore.open(directory: folder, name: "c")
    _ = try await engine(good, store: store).prepare(.init())
    await good.stop()

    var failing = DatacrazyMockServer.Configuration(records: records(300), token: "t")
    failing.faults.serverErrors = 1
    let bad = DatacrazyMockServer(configuration: failing)
    _ = try await bad.start()
    defer { Task { await bad.stop() } }
    let sync = try await engine(bad, store: store)
    var stale = SyncEngine.Policy()
    stale.maximumAge = .zero
    guard case .stale(let metadata, _) = try await sync.prepare(stale) else {
      Issue.record("expected the old cache to answer")
      return
    }
    #expect(metadata.records == 120)

    var forced = SyncEngine.Policy()
    forced.forced = true
    await #expect(throws: SyncEngine.Failure.self) { try await sync.prepare(forced) }
    #expect(try store.metadata()?.records == 120)
  }

  @Test func aWrongTokenIsRefused() async throws {
    let server = DatacrazyMockServer(configuration: .init(records: records(10), token: "right"))
    _ = try await server.start()
    defer { Task { await server.stop() } }
    let store = try ConversationStore.open(directory: folder, name: "d")
    let sync = try await engine(server, token: "wrong", store: store)
    do {
      _ = try await sync.prepare(.init())
      Issue.record("expected a failure")
    } catch {
      guard case .api(.unauthorized) = error else {
        Issue.record("expected unauthorized, got \(error)")
        return
      }
    }
    #expect(try store.metadata() == nil)
  }

  @Test func anOldCacheAnswersDuringASyncThatIsDueButNotForced() async throws {
    let server = DatacrazyMockServer(configuration: .init(records: records(30), token: "t"))
    _ = try await server.start()
    defer { Task { await server.stop() } }
    let store = try ConversationStore.open(directory: folder, name: "e")
    let sync = try await engine(server, store: store)
    var due = SyncEngine.Policy()
    due.maximumAge = .zero
    #expect(try sync.cacheThatAnswersDuringSync(due) == nil, "nothing cached yet")

    _ = try await sync.prepare(.init())
    #expect(try sync.cacheThatAnswersDuringSync(.init()) == nil, "young enough")
    #expect(try sync.cacheThatAnswersDuringSync(due)?.records == 30)
    var forced = due
    forced.forced = true
    #expect(try sync.cacheThatAnswersDuringSync(forced) == nil)
    var offline = due
    offline.offline = true
    #expect(try sync.cacheThatAnswersDuringSync(offline) == nil)
    let withoutClient = SyncEngine(store: store, client: nil, apiURL: "\(await server.baseURL)")
    #expect(try withoutClient.cacheThatAnswersDuringSync(due) == nil)
  }
}
