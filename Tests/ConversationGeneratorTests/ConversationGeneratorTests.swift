import ConversationGenerator
import Foundation
import Testing

@Test(arguments: ConversationGenerator.Format.allCases, [0, 1, 250])
func outputIsJSONOfItsFormat(format: ConversationGenerator.Format, count: Int) throws {
  let bytes = ConversationGenerator().data(count: count, format: format)
  let records: [Any]
  switch format {
  case .array:
    records = try #require(try parseJSON(bytes) as? [Any])
  case .page:
    let page = try #require(try parseJSON(bytes) as? [String: Any])
    #expect(page["count"] as? Int == count)
    records = try #require(page["data"] as? [Any])
  case .ndjson:
    records = try bytes.split(separator: UInt8(ascii: "\n")).map(parseJSON)
    #expect(bytes.filter { $0 == UInt8(ascii: "\n") }.count == count)
  }
  #expect(records.count == count)
  #expect(records.allSatisfy { $0 is [String: Any] })
  #expect(count == 0 && format == .ndjson ? bytes.isEmpty : bytes.last == UInt8(ascii: "\n"))
}

@Test func sameSeedGivesSameBytesAndAnotherSeedOthers() {
  let first = ConversationGenerator(seed: 9).data(count: 500, format: .ndjson)
  let again = ConversationGenerator(seed: 9).data(count: 500, format: .ndjson)
  let other = ConversationGenerator(seed: 10).data(count: 500, format: .ndjson)
  #expect(first == again)
  #expect(first != other)
  #expect(ConversationGenerator(seed: 9, base: 1_700_000_000_000).data(count: 500, format: .ndjson) != first)
}

/// The demo's data must be the same on every machine: this digest changes
/// only when the generator is changed on purpose. Update it then, together
/// with any expected outputs of examples that run against `--demo`.
@Test func demoDataHaveAFixedDigest() {
  let bytes = ConversationGenerator(seed: ConversationGenerator.demoSeed).data(count: 300, format: .ndjson)
  #expect(fnv1a(bytes) == 2_123_832_093_913_997_503)
}

@Test func streamedBlocksRecordsAndFormatsHoldTheSameRecords() throws {
  let generator = ConversationGenerator(seed: 3)
  let records = generator.records(count: 1500)
  var blocks = 0
  var streamed: [UInt8] = []
  generator.write(count: 1500, format: .ndjson) { block in
    blocks += 1
    streamed += block
  }
  #expect(blocks > 1, "1500 records span several 1 MB blocks")
  #expect(streamed == records.flatMap { $0 + [UInt8(ascii: "\n")] })

  let arrayLines = generator.data(count: 1500, format: .array).split(separator: UInt8(ascii: "\n"))
  #expect(arrayLines.first.map(Array.init) == Array("[".utf8))
  #expect(arrayLines.last.map(Array.init) == Array("]".utf8))
  let arrayRecords = arrayLines.dropFirst().dropLast().map { line in
    line.last == UInt8(ascii: ",") ? Array(line.dropLast()) : Array(line)
  }
  #expect(arrayRecords == records)
}

@Test func idsAreUniqueObjectIdsStampedWithTheirCreation() throws {
  let sample = try Sample(count: 5000)
  let ids = sample.strings("id")
  #expect(ids.count == 5000)
  #expect(Set(ids).count == ids.count)
  let hex = Set("0123456789abcdef")
  #expect(ids.allSatisfy { $0.count == 24 && $0.allSatisfy(hex.contains) })
  // As in the reference record: the first 4 bytes are createdAt in seconds.
  for (id, createdAt) in zip(ids, sample.strings("createdAt")) {
    let seconds = try #require(UInt32(id.prefix(8), radix: 16))
    #expect(Double(seconds) == (try #require(isoDate(createdAt))).timeIntervalSince1970.rounded(.down))
  }
}

@Test func recordsComeNewestFirstInsideTheWindowWithCoherentDates() throws {
  let sample = try Sample()
  let last = sample.strings("lastMessageDate")
  #expect(last.count == sample.records.count)
  #expect(zip(last, last.dropFirst()).allSatisfy { $0 >= $1 })
  #expect(last.allSatisfy { $0 >= "2025-04-01T00:00:00.000Z" && $0 < "2025-06-30T00:00:00.000Z" })

  let datePaths = [
    "createdAt", "updatedAt", "deletedAt", "lastMessageDate", "lastReceivedMessageDate",
    "lastSendedMessageDate", "contact.createdAt", "contact.updatedAt", "currentThread.startedAt",
    "currentThread.finishedAt", "instance.createdAt", "currentDepartment.createdAt",
  ]
  for path in datePaths {
    let dates = sample.strings(path)
    #expect(!dates.isEmpty, "\(path)")
    #expect(dates.allSatisfy { isoDate($0) != nil && $0.count == 24 }, "\(path)")
    #expect(dates.allSatisfy { $0 < "2025-06-30T00:00:00.000Z" }, "\(path)")
  }
  for record in sample.records {
    let created = try #require(record["createdAt"] as? String)
    let lastMessage = try #require(record["lastMessageDate"] as? String)
    let updated = try #require(record["updatedAt"] as? String)
    let contactCreated = try #require(value(at: "contact.createdAt", in: record) as? String)
    #expect(contactCreated <= created && created <= lastMessage && lastMessage <= updated)
  }
}

@Test func baseMovesEveryDate() throws {
  let base = ConversationGenerator.milliseconds(year: 2024, month: 1, day: 1)
  #expect(base == 1_704_067_200_000)
  let sample = try Sample(count: 300, base: base)
  #expect(sample.strings("lastMessageDate").allSatisfy { $0 >= "2023-10-03" && $0 < "2024-01-01" })
  #expect(sample.strings("updatedAt").allSatisfy { $0 < "2024-01-01" })
}

private func isoDate(_ text: String) -> Date? {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
  return formatter.date(from: text)
}
