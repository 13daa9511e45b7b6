import Testing

@testable import QueryLanguage

@Suite struct JSONInputErrorTests {
  @Test(arguments: [
    ("[{\"a\": }]", "unexpected character '}' at line 1, column 8"),
    ("[{\"a\": 1,}]", "trailing comma at line 1, column 9"),
    ("[{\"a\": 1},]", "trailing comma at line 1, column 10"),
    ("[{\"a\": [1,]}]", "trailing comma at line 1, column 10"),
    ("[{\"a\" 1}]", "unexpected character '1' at line 1, column 7"),
    ("[{a: 1}]", "unexpected character 'a' at line 1, column 3"),
    ("[{\"a\": 1} {\"b\": 2}]", "unexpected character '{' at line 1, column 11"),
    ("[{\"a\": 1}", "unexpected end of input at line 1, column 10"),
    ("[{\"a\": [1, 2}]", "unexpected character '}' at line 1, column 13"),
    ("{\"a\": \"abc", "unterminated string at line 1, column 7"),
    ("{\"a\": \"ab\\", "unterminated string at line 1, column 7"),
    ("{\"a\": \"a\\qb\"}", "invalid escape at line 1, column 9"),
    ("{\"a\": \"\\u12x4\"}", "invalid escape at line 1, column 8"),
    ("{\"a\": \"tab\there\"}", "control character U+0009 in string at line 1, column 11"),
    ("{\"a\": \"line\nbreak\"}", "control character U+000A in string at line 1, column 12"),
    ("{\"a\": 01}", "invalid number at line 1, column 8"),
    ("{\"a\": 1.}", "invalid number at line 1, column 9"),
    ("{\"a\": -}", "invalid number at line 1, column 8"),
    ("{\"a\": 1e}", "invalid number at line 1, column 9"),
    ("{\"a\": .5}", "unexpected character '.' at line 1, column 7"),
    ("{\"a\": +1}", "unexpected character '+' at line 1, column 7"),
    ("{\"a\": tru}", "invalid literal at line 1, column 7"),
    ("{\"a\": nul}", "invalid literal at line 1, column 7"),
    ("{\"a\": True}", "unexpected character 'T' at line 1, column 7"),
    ("{\"a\": 1x}", "unexpected character 'x' at line 1, column 8"),
    ("{\"a\": 'x'}", "unexpected character ''' at line 1, column 7"),
    ("{\"név\": \"é\", ü}", "unexpected character 'ü' at line 1, column 14"),
    (
      "[{\"id\": 1},\n {\"id\": 2},\n 3]",
      "expected a conversation object, found a number at line 3, column 2"
    ),
    ("[[]]", "expected a conversation object, found an array at line 1, column 2"),
    ("[\"x\"]", "expected a conversation object, found a string at line 1, column 2"),
    ("[null]", "expected a conversation object, found null at line 1, column 2"),
    ("[true]", "expected a conversation object, found a boolean at line 1, column 2"),
    ("42", "expected a conversation object, found a number at line 1, column 1"),
    ("\n  \"text\"", "expected a conversation object, found a string at line 2, column 3"),
    ("{\"id\": 1}\nnull", "expected a conversation object, found null at line 2, column 1"),
    (
      "{\"count\": 1, \"data\": [{}, 5]}",
      "expected a conversation object, found a number at line 1, column 27"
    ),
    ("{\"data\": [{}, 5]}", "expected a conversation object, found a number at line 1, column 15"),
    ("{\"count\": 1, \"data\": [{}]", "unexpected end of input at line 1, column 26"),
    ("]", "unexpected character ']' at line 1, column 1"),
    ("{\"id\": 1}}", "unexpected character '}' at line 1, column 10"),
    ("nope", "invalid literal at line 1, column 1"),
    ("[{\"a\": 1}\u{0}]", "unexpected character U+0000 at line 1, column 10"),
    ("{\"a\": 1}\r\n{\"b\" : [1, 2,\r\n  3,, 4]}", "unexpected character ',' at line 3, column 5"),
  ])
  func malformedInput(_ input: String, _ expected: String) {
    #expect(readError(input) == expected)
    // The same faults with paths being collected.
    #expect(readError(input, paths: [["a"], ["id"], ["b"]]) == expected)
  }

  @Test func theErrorCarriesItsParts() throws {
    do {
      _ = try readJSON("[\n{\"a\": }]")
      Issue.record("no error")
    } catch let error as JSONInputError {
      #expect(error == JSONInputError(message: "unexpected character '}'", line: 2, column: 7))
    }
  }

  /// Depth counts from the top-level value: a record in an array is at 2.
  @Test func nestingUpTo512IsAccepted() throws {
    let inner = String(repeating: "[", count: 510) + String(repeating: "]", count: 510)
    #expect(try readJSON("[{\"a\": \(inner)}]").records.count == 1)
    #expect(try readJSON("[{\"a\": \(inner)}]", paths: [["a"]]).records.count == 1)
    let objects = String(repeating: "{\"a\": ", count: 511) + "1" + String(repeating: "}", count: 511)
    #expect(try readJSON(objects, paths: [["a", "a", "a"]]).records.count == 1)
    #expect(try readJSON(objects).records.count == 1)
  }

  @Test func nestingOf513IsAnError() {
    let inner = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
    #expect(readError("[{\"a\": \(inner)}]") == "nesting deeper than 512 at line 1, column 518")
    let objects = String(repeating: "{\"a\": ", count: 513) + "1" + String(repeating: "}", count: 513)
    let expected = "nesting deeper than 512 at line 1, column \(512 * 6 + 1)"
    #expect(readError(objects) == expected)
    #expect(readError(objects, paths: [["a", "a"]]) == expected)
    #expect(readError(objects, paths: [Array(repeating: "a", count: 600)]) == expected)
  }

  @Test func deepInputEndsInAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(readError("{\"a\": \(deep)") == "nesting deeper than 512 at line 1, column 518")
    #expect(readError(deep) == "expected a conversation object, found an array at line 1, column 2")
    let objects = String(repeating: "{\"a\":", count: 100_000)
    #expect(readError(objects, paths: [Array(repeating: "a", count: 100_000)]) != nil)
  }

  @Test func locationCountsCharactersNotBytes() {
    let buffer = JSONBuffer("ab\nçã😀x")
    #expect(buffer.location(ofOffset: 0) == (1, 1))
    #expect(buffer.location(ofOffset: 3) == (2, 1))
    #expect(buffer.location(ofOffset: 7) == (2, 3))
    #expect(buffer.location(ofOffset: 11) == (2, 4))
    #expect(buffer.location(ofOffset: 12) == (2, 5))
  }
}
