import Foundation
import QueryLanguage
import Testing

@testable import ConversationCache

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
  let url: URL
  /// The path, without a trailing slash.
  var path: String {
    let path = url.path(percentEncoded: false)
    return path.hasSuffix("/") ? String(path.dropLast()) : path
  }

  init(_ label: String = "cache") {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("dcq-\(label)-\(UUID().uuidString)", isDirectory: true)
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The database kinds a store test runs against (GRDB runs one test body
/// against several). The records file and locks are files either way.
enum DatabaseKind: String, CaseIterable, CustomTestStringConvertible {
  case onDisk, inMemory
  var testDescription: String { rawValue }

  /// A store named `name` under `directory`.
  func open(_ directory: URL, name: String = "account") throws -> ConversationStore {
    switch self {
    case .onDisk:
      return try ConversationStore.open(directory: directory, name: name)
    case .inMemory:
      return try ConversationStore.openInMemory(directory: directory, name: name)
    }
  }
}

/// Small records with ids and updatedAt, one of them with an escaped id, a
/// nested object and non-ASCII text.
func sampleRecords(_ count: Int, tag: String = "a") -> [[UInt8]] {
  (0..<count).map { index in
    Array(
      """
      {"id":"\(tag)-\(index)","updatedAt":"2025-06-0\(index % 9 + 1)T10:00:00.000Z",\
      "name":"Conversa \(index) é","contact":{"name":"Ana \\"A\\"","platform":"WHATSAPP"},"n":\(index).50}
      """.utf8)
  }
}

func sampleMetadata(
  records: Int, apiURL: String = "https://api.example.test", finishedAt: Double = 1_751_241_600.123
)
  -> SyncMetadata
{
  SyncMetadata(
    apiURL: apiURL, finishedAt: Date(timeIntervalSince1970: finishedAt), records: records,
    duration: .milliseconds(2_345), requests: 7)
}

/// The text a records file holds for `records`.
func recordsFileText(_ records: [[UInt8]]) -> String {
  "[" + records.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",\n") + "]\n"
}

extension JSONBuffer {
  var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// Every record, read the way dcq reads input, as text.
  func recordTexts() throws -> [String] {
    var texts: [String] = []
    try RecordReader.read(
      self, paths: PathTrie(), workers: 1, process: { batch in batch.records.map(\.description) },
      consume: { batch in
        texts += batch
        return true
      })
    return texts
  }
}

/// The permission bits of `path` (not following a symbolic link).
func mode(_ path: String) -> mode_t? {
  var status = stat()
  guard lstat(path, &status) == 0 else { return nil }
  return status.st_mode & 0o7777
}

/// The names of the records files in a store's folder.
func recordsFiles(_ store: ConversationStore) -> [String] {
  store.files.map(\.lastPathComponent).filter { $0.hasPrefix("records-") }
}

struct InjectedFailure: Error {}
