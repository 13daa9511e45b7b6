import QueryLanguage
import Testing

@testable import OutputFormatting

@Suite struct JSONWriterTests {
  @Test(
    arguments: [
      (Value.null, "null"), (.bool(true), "true"), (.bool(false), "false"), (.number(3), "3"),
      (.string("Pós-vendas"), "\"Pós-vendas\""), (.string("a/b"), "\"a/b\""),
      (.string("q\"b\\n\n\t\r\u{8}\u{c}\u{1}\u{1b}"), #""q\"b\\n\n\t\r\b\f\u0001\u001b""#),
      (.string("del\u{7f}"), "\"del\u{7f}\""),
      (.string("日本 😀"), "\"日本 😀\""),
      (.array([]), "[]"), (.object(Object()), "{}"),
      (.array([.number(1), .string("x"), .null]), #"[1,"x",null]"#),
      (object(["b": .number(2), "a": .array([.object(Object())])]), #"{"b":2,"a":[{}]}"#),
      (.timestamp(1_750_713_539_068), #""2025-06-23T21:18:59.068Z""#),
      (.duration(90000), "90"), (.duration(1500), "1.5"),
    ] as [(Value, String)])
  func compact(value: Value, expected: String) {
    #expect(JSONWriter.compact(value) == expected)
  }

  @Test func indentedNestedValues() {
    let value = object([
      "id": .string("c1"), "tags": .array([]), "meta": .object(Object()),
      "attendants": .array([
        object(["id": .number(1), "roles": .array([.string("a"), .string("b")])])
      ]),
      "matrix": .array([.array([]), .array([.number(1)])]),
      "last": .null,
    ])
    #expect(
      JSONWriter.indented(value) == """
        {
          "id": "c1",
          "tags": [],
          "meta": {},
          "attendants": [
            {
              "id": 1,
              "roles": [
                "a",
                "b"
              ]
            }
          ],
          "matrix": [
            [],
            [
              1
            ]
          ],
          "last": null
        }
        """)
  }

  @Test func indentedScalarsAndEmpties() {
    #expect(JSONWriter.indented(.number(1.5)) == "1.5")
    #expect(JSONWriter.indented(.array([])) == "[]")
    #expect(JSONWriter.indented(.object(Object())) == "{}")
    #expect(JSONWriter.indented(.array([.null])) == "[\n  null\n]")
  }

  // `.json` values: copied from their input text.

  @Test(arguments: [
    ("1.50", "1.50"), ("-0", "-0"), ("1E+2", "1E+2"),
    ("12345678901234567890", "12345678901234567890"),
    ("true", "true"), ("null", "null"), (#""plain""#, #""plain""#),
    (#""caf\u00e9 \/ \"x\" \n""#, #""café / \"x\" \n""#),
    (#""\ud83d\ude00 \u0001 \u005c""#, #""😀 \u0001 \\""#),
    (#""\ud800 lone""#, "\"\u{FFFD} lone\""),
    (#" { "a" : [ 1 , 2.0 ] , "b" : { } , "c" : [ ] } "#, #"{"a":[1,2.0],"b":{},"c":[]}"#),
    (#"[{"k":"v"},[]]"#, #"[{"k":"v"},[]]"#),
  ])
  func compactJSONText(input: String, expected: String) {
    #expect(JSONWriter.compact(json(input)) == expected)
  }

  @Test func indentedJSONTextMatchesDecodedLayout() {
    let input = #"{"id":"c1","n":1.50,"tags":[],"meta":{ },"list":[1,{"x":[2]}],"s":"a\u0041"}"#
    let expected = """
      {
        "id": "c1",
        "n": 1.50,
        "tags": [],
        "meta": {},
        "list": [
          1,
          {
            "x": [
              2
            ]
          }
        ],
        "s": "aA"
      }
      """
    #expect(JSONWriter.indented(json(input)) == expected)
    // Nested inside a computed object, at the object's level.
    #expect(
      JSONWriter.indented(object(["r": json(#"{"a":[1]}"#)])) == """
        {
          "r": {
            "a": [
              1
            ]
          }
        }
        """)
  }
}
