import Foundation
import QueryLanguage
import Testing

@testable import ConversationCache

/// The store's contract, against an on-disk and an in-memory database.
@Suite struct ConversationStoreTests {
  let root = TemporaryFolder()

  @Test(arguments: DatabaseKind.allCases)
  func anEmptyCacheHasNoMetadataAndNoRecords(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    #expect(try store.metadata() == nil)
    #expect(try store.records() == nil)
  }

  @Test(arguments: DatabaseKind.allCases)
  func replaceStoresTheExactBytesAndTheMetadata(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    let records = sampleRecords(5)
    let metadata = sampleMetadata(records: 5)
    try store.replace(with: records, metadata: metadata)

    #expect(try store.metadata() == metadata)
    let buffer = try #require(try store.records())
    #expect(buffer.text == recordsFileText(records))
    #expect(try buffer.recordTexts() == records.map { String(decoding: $0, as: UTF8.self) })
    // The zero padding the JSON scanners rely on follows the text.
    #expect((0..<JSONBuffer.padding).allSatisfy { buffer.base[buffer.count + $0] == 0 })
  }

  @Test(arguments: DatabaseKind.allCases)
  func recordRowsLocateEachRecordInTheFile(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    var records = sampleRecords(3)
    records.append(Array(#"{"id":"caf\u00e9","updatedAt":null,"n":1}"#.utf8))
    records.append(Array(#"{"id":42}"#.utf8))
    try store.replace(with: records, metadata: sampleMetadata(records: records.count))
    let rows = try store.recordRows()
    #expect(rows.map(\.id) == ["a-0", "a-1", "a-2", "café", "42"])
    #expect(
      rows.map(\.updatedAt) == [
        "2025-06-01T10:00:00.000Z", "2025-06-02T10:00:00.000Z", "2025-06-03T10:00:00.000Z", nil, nil,
      ])
    let buffer = try #require(try store.records())
    for (row, record) in zip(rows, records) {
      let text = UnsafeBufferPointer(start: buffer.base + row.offset, count: row.length)
      #expect(Array(text) == record)
    }
  }

  @Test(arguments: DatabaseKind.allCases)
  func aSecondReplaceSwapsTheContentAndRemovesTheOldFile(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    try store.replace(with: sampleRecords(4, tag: "old"), metadata: sampleMetadata(records: 4))
    let oldFiles = recordsFiles(store)
    let oldBuffer = try #require(try store.records())
    #expect(oldFiles.count == 1)

    let newRecords = sampleRecords(2, tag: "new")
    let newMetadata = sampleMetadata(records: 2, finishedAt: 1_751_300_000)
    try store.replace(with: newRecords, metadata: newMetadata)
    #expect(try store.metadata() == newMetadata)
    #expect(try store.records()?.text == recordsFileText(newRecords))
    let newFiles = recordsFiles(store)
    #expect(newFiles.count == 1 && newFiles != oldFiles)
    // A buffer mapped before the replace still reads the old records.
    #expect(oldBuffer.text == recordsFileText(sampleRecords(4, tag: "old")))
    #expect(try store.recordRows().map(\.id) == ["new-0", "new-1"])
  }

  @Test(arguments: DatabaseKind.allCases)
  func replacingWithNoRecordsLeavesAnEmptyArray(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    try store.replace(with: [], metadata: sampleMetadata(records: 0))
    #expect(try store.metadata()?.records == 0)
    let buffer = try #require(try store.records())
    #expect(buffer.text == "[]\n")
    #expect(try buffer.recordTexts().isEmpty)
  }

  @Test(
    arguments: DatabaseKind.allCases,
    [ConversationStore.ReplaceStep.fileWritten, .rowsWritten])
  func aFailedReplaceLeavesThePreviousCacheWhole(kind: DatabaseKind, step: ConversationStore.ReplaceStep)
    throws
  {
    defer { root.remove() }
    let store = try kind.open(root.url)
    let records = sampleRecords(6, tag: "kept")
    let metadata = sampleMetadata(records: 6)
    try store.replace(with: records, metadata: metadata)
    let filesBefore = recordsFiles(store)

    #expect(throws: CacheError.self) {
      try store.replace(with: sampleRecords(3, tag: "lost"), metadata: sampleMetadata(records: 3)) {
        reached in
        if reached == step { throw InjectedFailure() }
      }
    }
    #expect(try store.metadata() == metadata)
    #expect(try store.records()?.text == recordsFileText(records))
    #expect(recordsFiles(store) == filesBefore)
    #expect(try store.recordRows().map(\.id) == (0..<6).map { "kept-\($0)" })
  }

  @Test(arguments: DatabaseKind.allCases)
  func recordsThatAreNotJSONObjectsAreRefused(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    let records = sampleRecords(2)
    try store.replace(with: records, metadata: sampleMetadata(records: 2))
    for bad in [#"{"id":"x""#, "", "1", #"{"id":1},{"id":2}"#] {
      #expect(throws: CacheError.self, "\(bad)") {
        try store.replace(with: [records[0], Array(bad.utf8)], metadata: sampleMetadata(records: 2))
      }
    }
    #expect(try store.records()?.text == recordsFileText(records))
    #expect(recordsFiles(store).count == 1)
  }

  @Test(arguments: DatabaseKind.allCases)
  func clearRemovesRowsMetadataAndTheRecordsFile(kind: DatabaseKind) throws {
    defer { root.remove() }
    let store = try kind.open(root.url)
    try store.replace(with: sampleRecords(3), metadata: sampleMetadata(records: 3))
    try store.clear()
    #expect(try store.metadata() == nil)
    #expect(try store.records() == nil)
    #expect(recordsFiles(store).isEmpty)
    #expect(try store.recordRows().isEmpty)
    // A cleared cache takes a new sync.
    try store.replace(with: sampleRecords(1), metadata: sampleMetadata(records: 1))
    #expect(try store.metadata()?.records == 1)
  }

  @Test func theCacheSurvivesReopening() throws {
    defer { root.remove() }
    let records = sampleRecords(3)
    do {
      let store = try ConversationStore.open(directory: root.url, name: "account")
      try store.replace(with: records, metadata: sampleMetadata(records: 3))
    }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    #expect(try store.metadata() == sampleMetadata(records: 3))
    #expect(try store.records()?.text == recordsFileText(records))
    #expect(try store.storedSchemaVersion() == CacheSchema.version)
  }

  @Test func openingRemovesOrphanRecordsFiles() throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    try store.replace(with: sampleRecords(2), metadata: sampleMetadata(records: 2))
    let current = recordsFiles(store)
    // What a crash between writing a new file and committing leaves.
    let orphan = store.folder.appendingPathComponent(RecordsFile.newName())
    try Data("[]".utf8).write(to: orphan)
    let unrelated = store.folder.appendingPathComponent("notes.txt")
    try Data("x".utf8).write(to: unrelated)

    let reopened = try ConversationStore.open(directory: root.url, name: "account")
    #expect(recordsFiles(reopened) == current)
    #expect(FileManager.default.fileExists(atPath: unrelated.path(percentEncoded: false)))
    #expect(try reopened.records()?.text == recordsFileText(sampleRecords(2)))
  }

  @Test func metadataKeepsMilliseconds() throws {
    defer { root.remove() }
    let store = try ConversationStore.open(directory: root.url, name: "account")
    let metadata = SyncMetadata(
      apiURL: "u", finishedAt: Date(timeIntervalSince1970: 1_751_241_600.123_456), records: 0,
      duration: .microseconds(1_500_700), requests: 1)
    try store.replace(with: [], metadata: metadata)
    let stored = try #require(try store.metadata())
    #expect(stored.finishedAt == Date(timeIntervalSince1970: 1_751_241_600.123))
    #expect(stored.duration == .milliseconds(1_501))
  }

  @Test func readersSeeWholeCachesWhileAnotherStoreReplaces() async throws {
    defer { root.remove() }
    // Separate stores (separate pools, descriptors and locks) stand in for processes.
    let writer = try ConversationStore.open(directory: root.url, name: "account")
    let versions = (0..<2).map { sampleRecords(40, tag: "v\($0)") }
    let texts = Set(versions.map(recordsFileText))
    try writer.replace(with: versions[0], metadata: sampleMetadata(records: 40))
    let readers = try (0..<2).map { _ in try ConversationStore.open(directory: root.url, name: "account") }

    try await withThrowingTaskGroup(of: Int.self) { group in
      group.addTask {
        for round in 1...30 {
          try writer.replace(with: versions[round % 2], metadata: sampleMetadata(records: 40))
        }
        return 0
      }
      for reader in readers {
        group.addTask {
          var reads = 0
          for _ in 0..<150 {
            let buffer = try #require(try reader.records())
            #expect(texts.contains(buffer.text))
            reads += 1
          }
          return reads
        }
      }
      var reads = 0
      for try await count in group { reads += count }
      #expect(reads == 300)
    }
    #expect(recordsFiles(writer).count == 1)
  }
}
