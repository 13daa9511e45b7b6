import Foundation
import Testing

@testable import ConversationCache

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Failures are `CacheError.unusable`, naming the path and what failed.
@Suite struct CacheErrorTests {
  let root = TemporaryFolder("errors")

  func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as CacheError {
      return error.description
    } catch {
      return "not a CacheError: \(error)"
    }
  }

  @Test func aFileWhereTheCacheFolderGoes() throws {
    defer { root.remove() }
    try FileManager.default.createDirectory(at: root.url, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: root.url.appendingPathComponent("account"))
    let text = message { _ = try ConversationStore.open(directory: root.url, name: "account") }
    #expect(text == "cannot create the cache folder \(root.path)/account: a part of the path is not a folder")
  }

  @Test func aFileWhereTheCacheRootGoes() throws {
    defer { root.remove() }
    try FileManager.default.createDirectory(at: root.url, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: root.url.appendingPathComponent("file"))
    let directory = root.url.appendingPathComponent("file/dcq", isDirectory: true)
    let text = message { _ = try ConversationStore.open(directory: directory, name: "account") }
    #expect(text == "cannot use the cache folder \(root.path)/file/dcq: a part of the path is not a folder")
  }

  @Test func aDatabaseThatIsNotSQLite() throws {
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("account", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(String(repeating: "not a database ", count: 100).utf8).write(
      to: folder.appendingPathComponent("cache.sqlite"))
    let text = message { _ = try ConversationStore.open(directory: root.url, name: "account") }
    #expect(
      text == "cannot open the cache database \(root.path)/account/cache.sqlite: file is not a database")
  }

  @Test func aCacheWrittenByANewerSchema() throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    try store.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    let text = message { _ = try ConversationStore.open(directory: root.url, name: "account") }
    #expect(
      text
        == "\(root.path)/account/cache.sqlite was written by a newer dcq; remove the folder \(root.path)/account to start afresh"
    )
  }

  @Test(arguments: ["", ".", "..", ".hidden", "a/b"])
  func namesThatAreNotFolderNames(name: String) {
    let text = message { _ = try ConversationStore.open(directory: root.url, name: name) }
    #expect(text == "\"\(name)\" cannot name a cache folder")
  }

  @Test func aMissingRecordsFile() throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    try store.replace(with: sampleRecords(2), metadata: sampleMetadata(records: 2))
    let file = try #require(store.files.first { $0.lastPathComponent.hasPrefix("records-") })
    try FileManager.default.removeItem(at: file)
    let text = message { _ = try store.records() }
    #expect(text == "cannot map \(file.path(percentEncoded: false)): no such file or folder")
  }

  @Test(.disabled(if: geteuid() == 0, "root may write anywhere"))
  func anUnwritableCacheFolder() throws {
    defer {
      chmod(root.path + "/account", 0o700)
      root.remove()
    }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    try store.replace(with: sampleRecords(1), metadata: sampleMetadata(records: 1))
    chmod(root.path + "/account", 0o500)
    let text = message { try store.replace(with: sampleRecords(2), metadata: sampleMetadata(records: 2)) }
    #expect(text?.hasPrefix("cannot create \(root.path)/account/records-") == true, "\(text ?? "")")
    #expect(text?.hasSuffix(": permission denied") == true)
    #expect(try store.metadata()?.records == 1)
  }

  @Test func aReplaceIntoAVanishedFolderFails() throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account", kind: .inMemory)
    try FileManager.default.removeItem(at: store.folder)
    let text = message { try store.replace(with: sampleRecords(1), metadata: sampleMetadata(records: 1)) }
    #expect(text == "cannot open the lock file \(root.path)/account/replace.lock: no such file or folder")
    #expect(try store.metadata() == nil)
  }

  @Test func messagesNeverHoldTheToken() throws {
    defer { root.remove() }
    let token = "tok-SECRET-123"
    let name = ConversationStore.accountName(apiURL: "https://api.example.test", token: token)
    try FileManager.default.createDirectory(at: root.url, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: root.url.appendingPathComponent(name))
    let text = message { _ = try ConversationStore.open(directory: root.url, name: name) }
    #expect(text != nil)
    #expect(text?.contains(token) == false)
  }
}

extension ConversationStore {
  fileprivate static func open(directory: URL, name: String, kind: DatabaseKind) throws -> ConversationStore {
    try kind.open(directory, name: name)
  }
}
