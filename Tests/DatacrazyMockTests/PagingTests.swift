import ConversationGenerator
import DatacrazyMock
import Foundation
import Testing

@Suite struct PagingTests {
  static let records = ConversationGenerator(seed: 7).records(count: 240)

  /// The ids of the generated records, and which are finished.
  static let catalogue: [(id: String, finished: Bool)] = records.map { record in
    let object = try! JSONSerialization.jsonObject(with: Data(record)) as! [String: Any]
    return (object["id"] as! String, object["finished"] as? Bool == true)
  }

  @Test func pagingCoversEveryOpenRecordOnceWithTheTotalAsCount() async throws {
    let open = Self.catalogue.filter { !$0.finished }.map(\.id)
    try await withServer(.init(records: Self.records, token: "t")) { _, client in
      let (ids, counts) = try await client.pageAll(take: 17)
      #expect(ids == open)
      #expect(counts == [open.count])
    }
  }

  @Test func openAndFinishedPartitionTheRecords() async throws {
    try await withServer(.init(records: Self.records, token: "t")) { _, client in
      let open = try await client.pageAll("filter[opened]=true", take: 100).ids
      let finished = try await client.pageAll("filter%5Bopened%5D=false", take: 100).ids
      #expect(!open.isEmpty && !finished.isEmpty)
      #expect(open == Self.catalogue.filter { !$0.finished }.map(\.id))
      #expect(finished == Self.catalogue.filter(\.finished).map(\.id))
      #expect(Set(open).isDisjoint(with: finished))
      #expect(open.count + finished.count == Self.records.count)
    }
  }

  @Test func takeIsCappedAtTheMaximumAndDefaultsToTen() async throws {
    var configuration = DatacrazyMockServer.Configuration(records: Self.records)
    configuration.maximumTake = 25
    try await withServer(configuration) { _, client in
      #expect(try await client.get("take=1000").ids.count == 25)
      #expect(try await client.get("take=25").ids.count == 25)
      #expect(try await client.get("take=3").ids.count == 3)
      #expect(try await client.get("").ids.count == 10)
      #expect(try await client.get("take=0").ids.isEmpty)
      let count = try #require(try await client.get("take=0").count)
      let last = try await client.get("skip=\(count - 2)&take=25")
      #expect(last.ids.count == 2)
      #expect(last.count == count)
      #expect(try await client.get("skip=\(count + 50)&take=25").ids.isEmpty)
    }
  }

  @Test func recordsAreServedByteForByte() async throws {
    // Odd spacing, escapes and key order must come back unchanged.
    let records: [[UInt8]] = [
      #"{ "id" : "a1",  "name":"Jos\u00e9 \"Zé\"", "finished" :false }"#,
      #"{"name":"Ana","id":"a2","nested":{"k":[1, 2.50, -0e0]}}"#,
      "{\"id\":\"a3\",\"name\":\"Ünïcödé ✓\"}",
      #"{"id":"a4","finished":true}"#,
    ].map { Array($0.utf8) }
    try await withServer(.init(records: records)) { _, client in
      let open = try await client.get("take=100")
      let expected =
        "{\"count\":3,\"data\":["
        + records[0..<3].map { String(decoding: $0, as: UTF8.self) }
        .joined(separator: ",") + "]}"
      #expect(open.body == Array(expected.utf8))
      let finished = try await client.get("filter[opened]=false")
      #expect(finished.body == Array(#"{"count":1,"data":[{"id":"a4","finished":true}]}"#.utf8))
      #expect(open.headers["content-type"]?.hasPrefix("application/json") == true)
    }
  }

  @Test func generatedRecordsAreServedByteForByte() async throws {
    let openRecords = zip(Self.records, Self.catalogue).filter { !$0.1.finished }.map(\.0)
    try await withServer(.init(records: Self.records)) { _, client in
      let page = try await client.get("skip=5&take=4")
      let expected =
        Array("{\"count\":\(openRecords.count),\"data\":[".utf8)
        + Array(openRecords[5..<9].joined(separator: [UInt8(ascii: ",")])) + Array("]}".utf8)
      #expect(page.body == expected)
    }
  }

  @Test(arguments: ["skip=-1", "take=-5", "take=ten", "skip=", "take=1.5", "filter[opened]=maybe"])
  func badParametersAreRefusedWith400(query: String) async throws {
    try await withServer(.init(records: Self.records)) { server, client in
      let answer = try await client.get(query)
      #expect(answer.status == 400)
      #expect((answer.json["message"] as? String)?.isEmpty == false)
      #expect(await server.statistics.answered4xx == 1)
    }
  }

  @Test func otherPathsAndMethodsAreRefused() async throws {
    try await withServer(.init(records: Self.records)) { _, client in
      let missing = try await client.get(path: "/api/v1/leads")
      #expect(missing.status == 404)
      #expect(missing.json["code"] as? String == "NOT_FOUND")
      let deletion = try await client.get(method: "DELETE")
      #expect(deletion.status == 405)
    }
  }

  @Test func anEmptyServerAnswersAnEmptyPage() async throws {
    try await withServer(.init(records: [])) { _, client in
      let page = try await client.get()
      #expect(page.text == #"{"count":0,"data":[]}"#)
    }
  }
}
