import QueryLanguage
import Testing

@testable import OutputFormatting

/// One value as each format writes it.
struct FieldCase: Sendable, CustomTestStringConvertible {
  let value: Value
  let table: String
  let csv: String
  let tsv: String
  let json: String
  var testDescription: String { json }
}

@Suite struct FieldTests {
  static let cases: [FieldCase] = [
    FieldCase(value: .null, table: "", csv: "", tsv: "", json: "null"),
    FieldCase(value: .bool(true), table: "true", csv: "true", tsv: "true", json: "true"),
    FieldCase(value: .number(3.0), table: "3", csv: "3", tsv: "3", json: "3"),
    FieldCase(value: .number(-0.0), table: "0", csv: "0", tsv: "0", json: "0"),
    FieldCase(value: .number(0.1), table: "0.1", csv: "0.1", tsv: "0.1", json: "0.1"),
    FieldCase(value: .number(.infinity), table: "", csv: "", tsv: "", json: "null"),
    FieldCase(
      value: .string("Pós-vendas"), table: "Pós-vendas", csv: "Pós-vendas", tsv: "Pós-vendas",
      json: "\"Pós-vendas\""),
    FieldCase(value: .string("a,b"), table: "a,b", csv: "\"a,b\"", tsv: "a,b", json: "\"a,b\""),
    FieldCase(
      value: .string("say \"hi\""), table: "say \"hi\"", csv: "\"say \"\"hi\"\"\"",
      tsv: "say \"hi\"", json: #""say \"hi\"""#),
    FieldCase(
      value: .string("l1\nl2\tt\\x"), table: #"l1\nl2\tt\x"#, csv: "\"l1\nl2\tt\\x\"",
      tsv: #"l1\nl2\tt\\x"#, json: #""l1\nl2\tt\\x""#),
    FieldCase(
      value: .string("cr\r"), table: #"cr\r"#, csv: "\"cr\r\"", tsv: #"cr\r"#, json: #""cr\r""#),
    FieldCase(
      value: .string("esc\u{1B}[31m"), table: #"esc\u001b[31m"#, csv: "esc\u{1B}[31m",
      tsv: "esc\u{1B}[31m", json: #""esc\u001b[31m""#),
    FieldCase(value: .string(""), table: "", csv: "", tsv: "", json: #""""#),
    FieldCase(
      value: .array([.number(1), .string("x")]), table: #"[1,"x"]"#, csv: #""[1,""x""]""#,
      tsv: #"[1,"x"]"#, json: #"[1,"x"]"#),
    FieldCase(
      value: object(["a": .null, "b": .array([])]), table: #"{"a":null,"b":[]}"#,
      csv: #""{""a"":null,""b"":[]}""#, tsv: #"{"a":null,"b":[]}"#, json: #"{"a":null,"b":[]}"#),
    FieldCase(
      value: .timestamp(1_750_713_539_068), table: "2025-06-23T21:18:59.068Z",
      csv: "2025-06-23T21:18:59.068Z", tsv: "2025-06-23T21:18:59.068Z",
      json: #""2025-06-23T21:18:59.068Z""#),
    FieldCase(value: .duration(90000), table: "1m30s", csv: "90", tsv: "90", json: "90"),
    FieldCase(value: .duration(1500), table: "1.5s", csv: "1.5", tsv: "1.5", json: "1.5"),
    FieldCase(
      value: .duration(12_310_000), table: "3h25m10s", csv: "12310", tsv: "12310", json: "12310"),
    FieldCase(value: json("1.50"), table: "1.50", csv: "1.50", tsv: "1.50", json: "1.50"),
    FieldCase(value: json("false"), table: "false", csv: "false", tsv: "false", json: "false"),
    FieldCase(value: json("null"), table: "", csv: "", tsv: "", json: "null"),
    FieldCase(
      value: json(#""a\tb, \u00e9""#), table: #"a\tb, é"#, csv: "\"a\tb, é\"", tsv: #"a\tb, é"#,
      json: #""a\tb, é""#),
    FieldCase(
      value: json(#"{ "k" : [1, "v"] }"#), table: #"{"k":[1,"v"]}"#, csv: #""{""k"":[1,""v""]}""#,
      tsv: #"{"k":[1,"v"]}"#, json: #"{"k":[1,"v"]}"#),
  ]

  @Test(arguments: cases)
  func eachFormat(field: FieldCase) {
    var scratch: [UInt8] = []
    #expect(TableFormatter.cell(field.value, scratch: &scratch).text == field.table)
    #expect(text { CSVField.append(field.value, to: &$0) } == field.csv)
    #expect(text { TSVField.append(field.value, to: &$0) } == field.tsv)
    #expect(JSONWriter.compact(field.value) == field.json)
  }

  @Test(arguments: [
    ("plain", "plain"), ("café", "café"), ("São Paulo, SP", "\"São Paulo, SP\""),
    ("\"", "\"\"\"\""), ("a\r\nb", "\"a\r\nb\""), ("tab\tonly", "tab\tonly"), (" lead", " lead"),
  ])
  func csvQuoting(input: String, expected: String) {
    #expect(text { CSVField.append(input, to: &$0) } == expected)
  }

  @Test(arguments: [
    ("plain", "plain"), ("a\tb", #"a\tb"#), ("a\nb", #"a\nb"#), ("a\rb", #"a\rb"#),
    (#"C:\dir"#, #"C:\\dir"#), ("Pós,\"x\"", "Pós,\"x\""),
  ])
  func tsvEscaping(input: String, expected: String) {
    #expect(text { TSVField.append(input, to: &$0) } == expected)
  }
}
