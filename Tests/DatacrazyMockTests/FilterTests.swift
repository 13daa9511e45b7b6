import DatacrazyMock
import Testing

@Suite struct FilterTests {
  static let records: [[UInt8]] = [
    #"{"id":"1","name":"Ana Souza","contact":{"name":"Ana","externalInfo":{"tagIds":"t1,t2","stageIds":"s1"}},"currentDepartment":{"id":"d1"},"instance":{"id":"i1"},"attendants":[{"id":"u1"},{"id":"u2"}],"status":"opened","finished":false}"#,
    #"{"id":"2","name":"Bruno","contact":{"name":"BRUNO LIMA","externalInfo":{"tagIds":"t3","stageIds":"s2,s1"}},"currentDepartment":{"id":"d2"},"instance":{"id":"i2"},"attendants":[{"id":"u3"}],"status":"waiting"}"#,
    #"{"id":"3","name":"Carla \u00dcnal","contact":{"name":"x","externalInfo":{"tagIds":""}},"currentDepartment":{"id":"d1"},"instance":{"id":"i2"},"attendants":[]}"#,
    #"{"id":"4","name":"Ana Finished","contact":{"externalInfo":{"tagIds":"t1"}},"currentDepartment":{"id":"d1"},"status":"finished","finished":true}"#,
    #"{"id":"5","name":"Edu","finished":"true"}"#,
  ].map { Array($0.utf8) }

  @Test(arguments: [
    ("", ["1", "2", "3", "5"]),
    ("filter[departments]=d1", ["1", "3"]),
    ("filter[departments]=d1,d2", ["1", "2", "3"]),
    ("filter[departments]=d1&filter[departments]=d2", ["1", "2", "3"]),
    ("filter[departments]=d9", []),
    ("filter[departments]=", ["1", "2", "3", "5"]),
    ("filter[instances]=i2", ["2", "3"]),
    ("filter[attendants]=u2", ["1"]),
    ("filter[attendants]=u3,u1", ["1", "2"]),
    ("filter[tags]=t2", ["1"]),
    ("filter[tags]=t3,t1", ["1", "2"]),
    ("filter[stages]=s1", ["1", "2"]),
    ("filter[status]=waiting", ["2"]),
    ("filter[status]=opened,waiting", ["1", "2"]),
    ("search=ana", ["1"]),
    ("search=LIMA", ["2"]),
    ("search=%C3%BCNAL", ["3"]),
    ("search=bruno+lima", ["2"]),
    ("filter[departments]=d1&search=carla", ["3"]),
    ("filter%5Binstances%5D=i1%2Ci2&filter[attendants]=u3", ["2"]),
    ("filter[openWindow]=all", ["1", "2", "3", "5"]),
    ("filter[opened]=false", ["4"]),
    ("filter[opened]=false&filter[tags]=t1&search=finished", ["4"]),
    ("filter[opened]=false&filter[departments]=d2", []),
  ])
  func filtersSelectTheMatchingRecords(query: String, expected: [String]) async throws {
    try await withServer(.init(records: Self.records)) { _, client in
      let page = try await client.get("take=100&" + query)
      #expect(page.status == 200)
      #expect(page.ids == expected)
      #expect(page.count == expected.count)
    }
  }

  @Test func aRecordThatIsNotJSONIsStillServedAndTheOthersStillFiltered() async throws {
    let records = Self.records + [Array(#"{"id":"6","finished":true, oops"#.utf8), Array("  ".utf8)]
    try await withServer(.init(records: records)) { _, client in
      let open = try await client.get("take=100&filter[departments]=d1")
      #expect(open.ids == ["1", "3"])
      let finished = try await client.get("take=100&filter[opened]=false")
      // Served as configured, so this page is not JSON.
      #expect(
        finished.text
          == #"{"count":2,"data":[{"id":"4","name":"Ana Finished","contact":{"externalInfo":{"tagIds":"t1"}},"currentDepartment":{"id":"d1"},"status":"finished","finished":true},{"id":"6","finished":true, oops]}"#
      )
    }
  }
}
