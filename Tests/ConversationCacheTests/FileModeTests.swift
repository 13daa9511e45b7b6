import Foundation
import Testing

@testable import ConversationCache

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Folder 0700 and every file 0600, whatever the umask.
@Suite(.serialized) struct FileModeTests {
  let root = TemporaryFolder("modes")

  /// Runs `body` with the process umask set to `mask`. The umask belongs to
  /// the whole process; a wider one meanwhile only widens other tests' new
  /// files, which nothing else here checks.
  func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
    let previous = umask(mask)
    defer { umask(previous) }
    return try body()
  }

  @Test func everyFileIsPrivateAfterAReplaceEvenWithAnOpenUmask() throws {
    defer { root.remove() }
    let store = try withUmask(0) {
      let store = try ConversationStore.open(directory: root.url, name: "account")
      try store.replace(with: sampleRecords(3), metadata: sampleMetadata(records: 3))
      try store.replace(with: sampleRecords(4), metadata: sampleMetadata(records: 4))
      _ = try store.withSyncLockSynchronously()
      return store
    }
    let names = store.files.map(\.lastPathComponent)
    for expected in ["cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm", "sync.lock", "replace.lock"] {
      #expect(names.contains(expected), "\(names)")
    }
    #expect(names.count(where: { $0.hasPrefix("records-") }) == 1)
    #expect(mode(root.path) == 0o700)
    #expect(mode(store.folder.path(percentEncoded: false)) == 0o700)
    for file in store.files {
      #expect(mode(file.path(percentEncoded: false)) == 0o600, "\(file.lastPathComponent)")
    }
  }

  @Test func aReaderInAnotherConnectionCreatesPrivateWALFiles() throws {
    defer { root.remove() }
    try withUmask(0) {
      do {
        let store = try ConversationStore.open(directory: root.url, name: "account")
        try store.replace(with: sampleRecords(3), metadata: sampleMetadata(records: 3))
      }
      // The last connection closed: SQLite removed -wal and -shm. A new
      // process (here, a new pool) makes them again.
      let store = try ConversationStore.open(directory: root.url, name: "account")
      #expect(try store.metadata()?.records == 3)
      for file in store.files {
        #expect(mode(file.path(percentEncoded: false)) == 0o600, "\(file.lastPathComponent)")
      }
    }
  }

  @Test func wideModesAreNarrowedOnOpen() throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    try store.replace(with: sampleRecords(1), metadata: sampleMetadata(records: 1))
    let folder = store.folder.path(percentEncoded: false)
    chmod(folder, 0o755)
    for file in store.files { chmod(file.path(percentEncoded: false), 0o644) }

    let reopened = try ConversationStore.open(directory: root.url, name: "account")
    #expect(mode(folder) == 0o700)
    for file in reopened.files {
      #expect(mode(file.path(percentEncoded: false)) == 0o600, "\(file.lastPathComponent)")
    }
  }

  @Test func anExistingCacheRootKeepsItsMode() throws {
    defer { root.remove() }
    try FileManager.default.createDirectory(at: root.url, withIntermediateDirectories: true)
    chmod(root.path, 0o750)
    let store = try ConversationStore.open(directory: root.url, name: "account")
    #expect(mode(root.path) == 0o750)
    #expect(mode(store.folder.path(percentEncoded: false)) == 0o700)
  }

  @Test func missingParentsOfTheRootAreCreatedPrivate() throws {
    defer { root.remove() }
    let nested = root.url.appendingPathComponent("a/b", isDirectory: true)
    _ = try withUmask(0) { try ConversationStore.open(directory: nested, name: "demo") }
    #expect(mode(root.path) == 0o700)
    #expect(mode(root.path + "/a") == 0o700)
    #expect(mode(root.path + "/a/b") == 0o700)
    #expect(mode(root.path + "/a/b/demo") == 0o700)
  }
}

extension ConversationStore {
  /// Takes and releases the sync lock, creating its file.
  fileprivate func withSyncLockSynchronously() throws -> Bool {
    let lock = try FileLock.attempt(syncLockPath)
    lock?.release()
    return lock != nil
  }
}
