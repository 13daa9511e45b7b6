import QueryLanguage
import Testing

@testable import OutputFormatting

/// Whole records still in their input text, as `RecordReader` hands them
/// over: their columns are found with `JSONText`'s own member lookup.
@Suite struct JSONRecordTests {
  /// A record over a real `JSONBuffer`, kept alive by the suite.
  let buffer = JSONBuffer(
    bytes: Array(
      #"{"id":"c1","n":1.50,"tags":["a"],"contact":{"name":"Z\u00e9","platform":"WHATSAPP"}}"#.utf8)
  )
  var record: Value { .json(JSONText(start: buffer.base, count: buffer.count)) }

  @Test func csvTakesTheRecordsOwnKeys() {
    #expect(
      output(OutputOptions(format: .csv), statements: [[record]]) == """
        id,n,tags,contact
        c1,1.50,"[""a""]","{""name"":""Zé"",""platform"":""WHATSAPP""}"

        """)
  }

  @Test func tableFollowsDottedColumnsIntoTheRecord() throws {
    let text = try output(OutputOptions(format: .table)) { writer in
      try writer.begin(columns: ["id", "contact.name", "n", "absent.path"])
      try writer.write(record)
      try writer.end()
    }
    #expect(
      text == """
        id  contact.name     n  absent.path
        ──  ────────────  ────  ───────────
        c1  Zé            1.50
        1 row

        """)
  }

  @Test func jsonAndNDJSONKeepTheInputText() {
    #expect(
      output(OutputOptions(format: .ndjson), statements: [[record]])
        == #"{"id":"c1","n":1.50,"tags":["a"],"contact":{"name":"Zé","platform":"WHATSAPP"}}"#
        + "\n")
    #expect(
      output(OutputOptions(format: .json), statements: [[record]]) == """
        [
          {
            "id": "c1",
            "n": 1.50,
            "tags": [
              "a"
            ],
            "contact": {
              "name": "Zé",
              "platform": "WHATSAPP"
            }
          }
        ]

        """)
  }

  /// Cell text decodes strings as `JSONText.string` does.
  @Test(arguments: [
    #""plain""#, #""caf\u00e9 \/ \"x\" \n\t\\""#, #""\ud83d\ude00""#, #""日本 😀""#, #""""#,
  ])
  func stringsDecodeAsTheReaderDoes(literal: String) throws {
    let buffer = JSONBuffer(bytes: Array(literal.utf8))
    let text = JSONText(start: buffer.base, count: buffer.count)
    let decoded = try #require(text.string)
    #expect(CellText.text(.json(text)) == decoded)
    #expect(JSONWriter.compact(.json(text)) == JSONWriter.compact(.string(decoded)))
  }
}
