import Testing

@testable import QueryLanguage

@Suite struct JSONTextTests {
  @Test(arguments: [
    ("null", JSONKind.null), ("true", .bool), ("false", .bool), ("-0", .number),
    ("\"x\"", .string), ("[]", .array), ("{}", .object),
  ])
  func kind(_ text: String, _ kind: JSONKind) {
    #expect(withJSON(text) { $0.kind } == kind)
  }

  @Test(arguments: [
    (#""plain""#, "plain"),
    (#""""#, ""),
    (#""a\"b\\c\/d""#, "a\"b\\c/d"),
    (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
    (#""caf\u00e9 \u00E9""#, "café é"),
    (#""São Paulo — Pós-vendas""#, "São Paulo — Pós-vendas"),
    (#""\ud83d\ude00 smile""#, "😀 smile"),
    (#""lone \ud83d here""#, "lone \u{FFFD} here"),
    (#""low \ude00 first""#, "low \u{FFFD} first"),
    (#""\ud83d\u0041""#, "\u{FFFD}A"),
    (#""\u0000""#, "\u{0}"),
  ])
  func string(_ json: String, _ expected: String) {
    #expect(withJSON(json) { $0.string } == expected)
  }

  @Test func stringOfNonString() {
    #expect(withJSON("12") { $0.string } == nil)
    #expect(withJSON("{}") { $0.string } == nil)
  }

  @Test func invalidUTF8IsRepaired() {
    let buffer = JSONBuffer(bytes: [0x22, 0x61, 0xFF, 0x62, 0x22])
    #expect(JSONText(start: buffer.base, count: buffer.count).string == "a\u{FFFD}b")
  }

  @Test(arguments: [
    "0", "-0", "1", "-1", "1e3", "2.5E-3", "1E+2", "0.1", "123456789", "9007199254740993",
    "12345678901234567890123", "1.7976931348623157e308", "1e400", "-1e400", "1e-400",
    "4.9e-324", "0.30000000000000004", "3.141592653589793238462643383279", "100000000000000000000",
    "0.000001234", "1234.5678e-2", "-0.0e10", "9.999999999999999e22",
  ])
  func numberParsesLikeDouble(_ text: String) throws {
    let parsed = try #require(withJSON(text) { $0.number })
    let expected = try #require(Double(text))
    #expect(parsed.bitPattern == expected.bitPattern, "\(text)")
  }

  @Test func numbersAgreeWithDoubleOnManyInputs() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let mantissa = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63))
      let point = Int.random(in: 0...mantissa.count)
      var text = mantissa
      if point < mantissa.count, point > 0 {
        text.insert(".", at: text.index(text.startIndex, offsetBy: point))
      }
      if Bool.random() { text += "e\(Int.random(in: -30...30))" }
      if text.hasPrefix("0") && text.count > 1 && !text.hasPrefix("0.") { continue }
      let parsed = withJSON(text) { $0.number }
      #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func negativeZeroKeepsItsSign() throws {
    let zero = try #require(withJSON("-0") { $0.number })
    #expect(zero == 0 && zero.sign == .minus)
  }

  @Test func booleans() {
    #expect(withJSON("true") { $0.bool } == true)
    #expect(withJSON("false") { $0.bool } == false)
    #expect(withJSON("null") { $0.bool } == nil)
    #expect(withJSON("1") { $0.bool } == nil)
  }

  @Test func plainASCIIString() {
    let plain = withJSON(#""WHATSAPP""#) { text in
      text.plainASCIIString.map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(plain == "WHATSAPP")
    #expect(withJSON(#""Pós""#) { $0.plainASCIIString } == nil)
    #expect(withJSON(#""a\nb""#) { $0.plainASCIIString } == nil)
    #expect(withJSON("12") { $0.plainASCIIString } == nil)
    #expect(withJSON(#""""#) { $0.plainASCIIString?.count } == 0)
  }

  @Test func member() {
    let text =
      #"{ "id" : "a", "contact": {"name": "Ana", "tags": [1, {"x": "}"}]}, "n\u00e3o": 1, "x": 2, "x": [3] }"#
    withJSON(text) { object in
      #expect(object.member("id")?.description == #""a""#)
      #expect(object.member("contact")?.member("name")?.string == "Ana")
      #expect(object.member("não")?.number == 1)
      #expect(object.member("x")?.description == "[3]")
      #expect(object.member("missing") == nil)
      #expect(object.member("contact")?.member("tags")?.element(at: 1)?.member("x")?.string == "}")
    }
    #expect(withJSON("[1]") { $0.member("id") } == nil)
    #expect(withJSON("{}") { $0.member("id") } == nil)
  }

  @Test func members() {
    withJSON(#"{"a": 1, "b\tc": "x", "a": null}"#) { object in
      let members = object.members()
      #expect(members.map(\.key) == ["a", "b\tc", "a"])
      #expect(members.map(\.value.description) == ["1", #""x""#, "null"])
    }
    #expect(withJSON("[1]") { $0.members().isEmpty })
  }

  @Test func elements() {
    withJSON(#"[ 1, "two", [3, 4], {"five": 5}, null ]"#) { array in
      #expect(
        array.elements().map(\.description) == ["1", #""two""#, "[3, 4]", #"{"five": 5}"#, "null"])
      #expect(array.element(at: 0)?.number == 1)
      #expect(array.element(at: 2)?.element(at: -1)?.number == 4)
      #expect(array.element(at: -1)?.kind == .null)
      #expect(array.element(at: -5)?.number == 1)
      #expect(array.element(at: -6) == nil)
      #expect(array.element(at: 5) == nil)
    }
    #expect(withJSON("[]") { $0.elements().isEmpty })
    #expect(withJSON("[]") { $0.element(at: 0) } == nil)
    #expect(withJSON("{}") { $0.elements().isEmpty })
  }

  @Test func decoded() {
    let value = withJSON(#"{"a": [1, "x\u00e9", true, null], "b": {"c": -0.5}, "a": 2}"#) {
      $0.decoded()
    }
    guard case .object(let object) = value else {
      Issue.record("not an object: \(value)")
      return
    }
    #expect(object.keys == ["a", "b"])
    guard case .number(2) = object["a"], case .object(let inner) = object["b"],
      case .number(-0.5) = inner["c"]
    else {
      Issue.record("wrong members: \(object)")
      return
    }
    let array = withJSON(#"[1, "x\u00e9", true, null]"#) { $0.decoded() }
    guard case .array(let elements) = array, elements.count == 4, case .number(1) = elements[0],
      case .string("xé") = elements[1], case .bool(true) = elements[2], case .null = elements[3]
    else {
      Issue.record("wrong array: \(array)")
      return
    }
  }

  /// Text that was never validated must not crash or hang the accessors.
  @Test(arguments: [
    "{", "[", "{\"a", "{\"a\":", "{\"a\" 1}", "[1,", "\"abc", "\"\\", "\"\\u12", "{\"a\":[}", "[\"]",
    "{\"\\u00", "-", "tru", "{]", "[}", "{\"a\":1,,}",
  ])
  func malformedTextIsHarmless(_ text: String) {
    let count = withJSON(text) { value in
      _ = value.kind
      _ = value.member("a")
      _ = value.members()
      _ = value.elements()
      _ = value.element(at: -1)
      _ = value.string
      _ = value.number
      _ = value.plainASCIIString
      _ = value.decoded()
      return value.count
    }
    #expect(count == text.utf8.count)
  }
}
