import Foundation
import Testing

@testable import ConversationCache

@Suite struct LatestCacheTests {
  let root = TemporaryFolder("latest")

  func sync(_ name: String, apiURL: String, at seconds: Double) throws {
    let store = try ConversationStore.open(directory: root.url, name: name)
    try store.replace(
      with: sampleRecords(1, tag: name),
      metadata: sampleMetadata(records: 1, apiURL: apiURL, finishedAt: seconds))
  }

  @Test func picksTheNewestCacheOfTheURL() throws {
    defer { root.remove() }
    let url = "https://api.example.test"
    try sync("older", apiURL: url, at: 1_000)
    try sync("newest", apiURL: url, at: 3_000)
    try sync("middle", apiURL: url, at: 2_000)
    try sync("otherURL", apiURL: "https://elsewhere.test", at: 9_000)
    _ = try ConversationStore.open(directory: root.url, name: "neverSynced")

    let latest = try #require(try ConversationStore.latest(directory: root.url, apiURL: url))
    #expect(latest.name == "newest")
    #expect(
      try latest.records()?.recordTexts() == [
        String(decoding: sampleRecords(1, tag: "newest")[0], as: UTF8.self)
      ])
    #expect(
      try ConversationStore.latest(directory: root.url, apiURL: "https://elsewhere.test")?.name == "otherURL")
    #expect(try ConversationStore.latest(directory: root.url, apiURL: "https://unknown.test") == nil)
  }

  @Test func theDemoCacheCountsOnlyForItsOwnURL() throws {
    defer { root.remove() }
    try sync("account", apiURL: "https://api.example.test", at: 1_000)
    try sync(ConversationStore.demoName, apiURL: "http://127.0.0.1:4567", at: 5_000)
    #expect(
      try ConversationStore.latest(directory: root.url, apiURL: "https://api.example.test")?.name == "account"
    )
    #expect(
      try ConversationStore.latest(directory: root.url, apiURL: "http://127.0.0.1:4567")?.name == "demo")
  }

  @Test func aMissingRootHasNoCache() throws {
    #expect(try ConversationStore.latest(directory: root.url, apiURL: "https://api.example.test") == nil)
    #expect(!FileManager.default.fileExists(atPath: root.path))
  }

  @Test func foldersWithoutADatabaseAndBrokenCachesArePassedOver() throws {
    defer { root.remove() }
    let url = "https://api.example.test"
    try sync("good", apiURL: url, at: 1_000)
    try FileManager.default.createDirectory(
      at: root.url.appendingPathComponent("stray"), withIntermediateDirectories: true)
    let broken = root.url.appendingPathComponent("broken", isDirectory: true)
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try Data("this is not SQLite, and it is long enough to have a header of sorts......".utf8)
      .write(to: broken.appendingPathComponent("cache.sqlite"))
    #expect(try ConversationStore.latest(directory: root.url, apiURL: url)?.name == "good")
  }
}
