import Foundation
import Testing

@testable import ConversationCache

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct SyncLockTests {
  let root = TemporaryFolder("lock")

  /// Whether another open file description can take `path`'s flock now.
  func canLock(_ path: String) -> Bool {
    let descriptor = open(path, O_RDWR)
    guard descriptor >= 0 else { return true }
    defer { close(descriptor) }
    return flock(descriptor, LOCK_EX | LOCK_NB) == 0
  }

  @Test func theLockIsExclusiveWhileTheBodyRuns() async throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    let other = try ConversationStore.open(directory: root.url, name: "account")
    let path = store.syncLockPath
    let result = try await store.withSyncLock { () async throws -> String in
      #expect(!canLock(path))
      let nested = try await other.withSyncLock { "ran" }
      #expect(nested == nil)
      return "done"
    }
    #expect(result == "done")
    #expect(canLock(path))
    #expect(mode(path) == 0o600)
    #expect(try await other.withSyncLock { 1 } == 1)
  }

  @Test func theLockIsReleasedWhenTheBodyThrows() async throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    await #expect(throws: InjectedFailure.self) {
      _ = try await store.withSyncLock { () async throws -> Int in throw InjectedFailure() }
    }
    #expect(canLock(store.syncLockPath))
  }

  @Test func anotherProcessCannotTakeTheLock() async throws {
    let flockTool = "/usr/bin/flock"
    try #require(FileManager.default.isExecutableFile(atPath: flockTool))
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    func tryInChild() throws -> Int32 {
      let child = Process()
      child.executableURL = URL(fileURLWithPath: flockTool)
      child.arguments = ["--nonblock", "--conflict-exit-code", "3", store.syncLockPath, "true"]
      try child.run()
      child.waitUntilExit()
      return child.terminationStatus
    }
    let heldStatus = try await store.withSyncLock { try tryInChild() }
    #expect(heldStatus == 3)
    #expect(try tryInChild() == 0)
  }

  @Test func locksOfDifferentCachesAreIndependent() async throws {
    defer { root.remove() }
    let first = try ConversationStore.open(directory: root.url, name: "a")
    let second = try ConversationStore.open(directory: root.url, name: "b")
    let both = try await first.withSyncLock { try await second.withSyncLock { true } }
    #expect(both == .some(.some(true)))
  }

  @Test func aReplaceDoesNotNeedTheSyncLock() async throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    let records = try await store.withSyncLock { () async throws -> Int? in
      try store.replace(with: sampleRecords(2), metadata: sampleMetadata(records: 2))
      return try store.metadata()?.records
    }
    #expect(records == 2)
  }
}
