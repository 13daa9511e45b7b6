import ConversationGenerator
import Foundation

/// Generated conversations, as lines of NDJSON and parsed by Foundation.
struct Sample {
  let lines: [ArraySlice<UInt8>]
  let records: [[String: Any]]

  init(count: Int = 2000, seed: UInt64 = ConversationGenerator.demoSeed, base: Int64? = nil) throws {
    let generator =
      base.map { ConversationGenerator(seed: seed, base: $0) } ?? ConversationGenerator(seed: seed)
    let bytes = generator.data(count: count, format: .ndjson)
    lines = bytes.split(separator: UInt8(ascii: "\n"))
    records = try lines.map { line in
      guard let record = try parseJSON(line) as? [String: Any] else { throw SampleError.notAnObject }
      return record
    }
  }

  /// The values at a dotted path, one per record (nil where absent).
  func values(_ path: String) -> [Any?] {
    records.map { value(at: path, in: $0) }
  }

  /// The strings at a dotted path, skipping records where it is no string.
  func strings(_ path: String) -> [String] {
    values(path).compactMap { $0 as? String }
  }

  /// How many records have the path absent, null, and set.
  func presence(_ path: String) -> (absent: Int, null: Int, set: Int) {
    let found = values(path)
    let absent = found.filter { $0 == nil }.count
    let null = found.filter { $0 is NSNull }.count
    return (absent, null, found.count - absent - null)
  }

  enum SampleError: Error { case notAnObject }
}

func parseJSON(_ bytes: some Collection<UInt8>) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

func value(at path: String, in record: [String: Any]) -> Any? {
  var current: Any? = record
  for key in path.split(separator: ".") {
    current = (current as? [String: Any])?[String(key)]
  }
  return current
}

/// 64-bit FNV-1a: a digest that is the same on every machine.
func fnv1a(_ bytes: [UInt8]) -> UInt64 {
  bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}
