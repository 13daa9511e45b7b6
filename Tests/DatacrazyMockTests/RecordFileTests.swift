import DatacrazyMock
import Testing

@Suite struct RecordFileTests {
  static let records = [#"{"id":"1","a":[1, 2]}"#, #"{"id":"2","b":{"c":"\u00e9"}}"#]

  @Test(arguments: [
    "[\n" + records.joined(separator: ",\n") + "\n]",
    #"{"count":2,"data":["# + records.joined(separator: ",") + "]}",
    records.joined(separator: "\n") + "\n",
  ])
  func theRecordsOfAnArrayAPageOrNDJSONAreTheirExactBytes(text: String) throws {
    let read = try DatacrazyMockServer.records(fromJSON: Array(text.utf8))
    #expect(read == Self.records.map { Array($0.utf8) })
  }

  @Test func textThatIsNotJSONIsAnError() {
    #expect(throws: (any Error).self) {
      try DatacrazyMockServer.records(fromJSON: Array("[{\"id\":1},".utf8))
    }
  }
}
