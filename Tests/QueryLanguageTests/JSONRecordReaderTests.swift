import Testing

@testable import QueryLanguage

@Suite struct JSONRecordReaderTests {
  @Test(arguments: [
    ("", [String]()),
    (" \n\t\r ", []),
    ("[]", []),
    (" [ ] ", []),
    (#"[{"id": 1}, {"id": 2}]"#, [#"{"id": 1}"#, #"{"id": 2}"#]),
    ("[\n  {\"id\": 1},\n  {}\n]\n", [#"{"id": 1}"#, "{}"]),
    (#"{"count": 2, "data": [{"id": 1}, {"id": 2}]}"#, [#"{"id": 1}"#, #"{"id": 2}"#]),
    (#"{"data": [{"id": 1}], "count": 9, "extra": {"x": [1]}}"#, [#"{"id": 1}"#]),
    (#"{"data": [{"id": 1}], "more": true}"#, [#"{"id": 1}"#]),
    (#"{"data": [], "count": 0}"#, []),
    (#"{"id": "c1", "data": [{"id": 1}]}"#, [#"{"id": "c1", "data": [{"id": 1}]}"#]),
    (#"{"id": "c1", "data": "x", "count": 1}"#, [#"{"id": "c1", "data": "x", "count": 1}"#]),
    (#"{"count": 1, "data": {"id": 1}}"#, [#"{"count": 1, "data": {"id": 1}}"#]),
    (#"{"id": "c1", "name": "Ana"}"#, [#"{"id": "c1", "name": "Ana"}"#]),
    ("{}", ["{}"]),
    ("\u{FEFF}[{\"id\": 1}]", [#"{"id": 1}"#]),
    ("{\"id\": 1}\n{\"id\": 2}\n{\"id\": 3}\n", [#"{"id": 1}"#, #"{"id": 2}"#, #"{"id": 3}"#]),
    ("{\"id\": 1}{\"id\": 2} {\"id\": 3}", [#"{"id": 1}"#, #"{"id": 2}"#, #"{"id": 3}"#]),
    ("[{\"id\": 1}]\n[{\"id\": 2}, {\"id\": 3}]\n[]\n", [#"{"id": 1}"#, #"{"id": 2}"#, #"{"id": 3}"#]),
    (
      "{\"count\": 1, \"data\": [{\"id\": 1}]}\n{\"count\": 2, \"data\": [{\"id\": 2}, {\"id\": 3}]}\n",
      [#"{"id": 1}"#, #"{"id": 2}"#, #"{"id": 3}"#]
    ),
    (
      "[{\"id\": 1}]\n{\"id\": 2}\n{\"count\": 1, \"data\": [{\"id\": 3}]}\n{\"id\": 4, \"data\": []}",
      [#"{"id": 1}"#, #"{"id": 2}"#, #"{"id": 3}"#, #"{"id": 4, "data": []}"#]
    ),
  ])
  func acceptedShapes(_ input: String, _ records: [String]) throws {
    #expect(try readJSON(input).records == records)
    #expect(try readJSON(input, paths: [["id"]]).records == records)
  }

  @Test func slots() throws {
    let input = #"""
      [
        {"id": "a", "contact": {"name": "Ana", "platform": "WHATSAPP"}, "finished": false},
        {"finished": true, "contact": {"platform": "INSTAGRAM"}, "id": "b"},
        {"id": "c", "contact": null},
        {"id": "d", "contact": {"name": {"first": "Bo"}}, "finished": [1, {"x": 2}]},
        {"i\u0064": "e", "con\u0074act": {"n\u00e1me": "escaped", "name": "plain"}},
        {"id": "f", "contact": {"name": "first"}, "contact": {"platform": "SMS"}, "id": "g"}
      ]
      """#
    let paths = [["contact", "platform"], ["finished"], ["id"], ["contact", "name"], ["contact"]]
    let result = try readJSON(input, paths: paths)
    #expect(
      result.slots == [
        [#""WHATSAPP""#, "false", #""a""#, #""Ana""#, #"{"name": "Ana", "platform": "WHATSAPP"}"#],
        [#""INSTAGRAM""#, "true", #""b""#, nil, #"{"platform": "INSTAGRAM"}"#],
        [nil, nil, #""c""#, nil, "null"],
        [nil, #"[1, {"x": 2}]"#, #""d""#, #"{"first": "Bo"}"#, #"{"name": {"first": "Bo"}}"#],
        [nil, nil, #""e""#, #""plain""#, #"{"n\u00e1me": "escaped", "name": "plain"}"#],
        [#""SMS""#, nil, #""g""#, nil, #"{"platform": "SMS"}"#],
      ])
  }

  @Test func keysWithEscapesInTheTrie() throws {
    let input = #"[{"a\"b": 1, "na\u00efve": 2, "tab\t": 3, "x": {"\u00e9": 4}}]"#
    let result = try readJSON(input, paths: [["a\"b"], ["naïve"], ["tab\t"], ["x", "é"], ["missing", "x"]])
    #expect(result.slots == [["1", "2", "3", "4", nil]])
  }

  @Test func theWholeRecordAsASlot() throws {
    let result = try readJSON(#"{"count": 1, "data": [{"id": 1}]} {"id": 2}"#, paths: [[], ["id"]])
    #expect(result.slots == [[#"{"id": 1}"#, "1"], [#"{"id": 2}"#, "2"]])
  }

  @Test func longKeysAreComparedWhole() throws {
    let input = #"[{"lastReceivedMessageDate": 1, "lastReceivedMessageDatf": 2, "lastSendedMessageDate": 3}]"#
    let result = try readJSON(
      input, paths: [["lastReceivedMessageDate"], ["lastSendedMessageDate"], ["lastReceived"]])
    #expect(result.slots == [["1", "3", nil]])
  }

  @Test func pageSlotsComeFromItsRecords() throws {
    let input = #"{"id": "page", "count": 1, "data": [{"id": "r"}]}"#
    #expect(try readJSON(input, paths: [["id"]]).slots == [[#""r""#]])
  }

  @Test func consumeReturningFalseStops() throws {
    let input = "[" + (0..<5000).map { #"{"id": \#($0)}"# }.joined(separator: ",") + "] {"
    var trie = PathTrie()
    _ = trie.slot(for: ["id"])
    var seen = 0
    // The input ends in a fault, which stopping early never reaches.
    try RecordReader.read(
      JSONBuffer(input), paths: trie, workers: 1, process: { $0.records.count },
      consume: { count in
        seen += count
        return false
      })
    #expect(seen == RecordReader.batchLimit)
  }

  @Test func recordsBeforeAFaultAreConsumed() {
    let input = "[" + (0..<3000).map { #"{"id": \#($0)}"# }.joined(separator: ",") + ", 7]"
    var seen = 0
    #expect(throws: JSONInputError.self) {
      try RecordReader.read(
        JSONBuffer(input), paths: PathTrie(), workers: 1, process: { $0.records.count },
        consume: { count in
          seen += count
          return true
        })
    }
    #expect(seen == 3000)
  }

  @Test func batchesAreBounded() throws {
    let input = "[" + Array(repeating: "{}", count: 2500).joined(separator: ",") + "]"
    #expect(try readJSON(input).batchSizes == [1024, 1024, 452])
  }

  @Test func pathTrieSlots() {
    var trie = PathTrie()
    #expect(trie.slot(for: ["contact", "platform"]) == 0)
    #expect(trie.slot(for: ["finished"]) == 1)
    #expect(trie.slot(for: ["contact"]) == 2)
    #expect(trie.slot(for: ["contact", "platform"]) == 0)
    #expect(trie.slot(for: []) == 3)
    #expect(trie.slotCount == 4)
  }
}
