import Testing

@testable import QueryLanguage

/// Each case: an expression over `sample`, and its result as compact JSON.
@Suite struct ExpressionTests {
  static let sample = object([
    "name": .string("Patrick Almeida"),
    "count": .number(3),
    "hidden": .string("false"),
    "finished": .bool(true),
    "zero": .number(0),
    "empty": .string(""),
    "nothing": .null,
    "dept": object(["name": .string("Pós-vendas")]),
    "tags": .array([.string("a"), .string("b"), .null]),
    "attendants": .array([object(["id": .string("x1")]), object(["id": .string("x2")]), object([:])]),
    "created": .string("2025-06-23T21:18:59.068Z"),
    "contact.name": .string("flat key"),
    "contact": object(["name": .string("nested")]),
    "my-field": object(["x": .number(7)]),
  ])

  static let cases: [(String, String)] = [
    // Literals and truthiness.
    ("42", "42"), ("-3", "-3"), ("2.5", "2.5"), ("1e3", "1000"), ("true", "true"), ("null", "null"),
    ("\"a\\tb\"", "\"a\\tb\""), ("'it\\'s'", "\"it's\""), ("\"\\u00e9\"", "\"é\""),
    ("not zero", "false"), ("not empty", "false"), ("not nothing", "true"), ("not hidden", "false"),
    ("not missing", "true"),
    // Paths.
    ("dept.name", "\"Pós-vendas\""), ("dept.missing.deeper", "null"), ("name.first", "null"),
    ("tags[0]", "\"a\""), ("tags[-1]", "null"), ("tags[-2]", "\"b\""), ("tags[5]", "null"),
    ("attendants[*].id", "[\"x1\",\"x2\",null]"), ("name[*]", "null"), ("attendants[1].id", "\"x2\""),
    ("contact.name", "\"flat key\""), ("`my-field`.x", "7"), ("`count`", "3"), ("count", "3"),
    // Equality.
    ("1 == 1.0", "true"), ("null == null", "true"), ("null == 0", "false"), ("\"1\" == 1", "false"),
    ("null != 1", "true"), ("\"Pós\" == \"Po\\u0301s\"", "true"), ("tags == [\"a\", \"b\", null]", "true"),
    ("date(created) == \"2025-06-23T21:18:59.068Z\"", "true"),
    ("date(created) == \"2025-06-23T18:18:59.068-03:00\"", "true"),
    ("date(created) == \"not a date\"", "false"),
    ("date(\"2025-06-23\") == \"2025-06-23T00:00:00Z\"", "true"),
    // Case-insensitive equality.
    ("name =~ \"patrick almeida\"", "true"), ("name !~ \"PATRICK ALMEIDA\"", "false"), ("1 !~ \"a\"", "true"),
    ("1 =~ 1", "false"),
    // Ordering.
    ("1 < 2", "true"), ("\"a\" < \"b\"", "true"), ("\"b\" <= \"a\"", "false"), ("null < 1", "false"),
    ("1 < \"2\"", "false"), ("2d > 1d", "true"), ("date(created) > \"2025-06-01\"", "true"),
    ("date(created) < \"junk\"", "false"), ("\"É\" > \"E\"", "true"),
    // in.
    ("2 in (1, 2, 3)", "true"), ("4 not in (1, 2, 3)", "true"), ("\"a\" in tags", "true"),
    ("null in tags", "true"),
    ("\"a\" in name", "false"), ("\"a\" not in name", "true"), ("tags in (tags)", "true"),
    // contains and friends.
    ("name contains \"patrick\"", "true"), ("name !contains \"PATRICK\"", "false"),
    ("tags contains \"b\"", "true"),
    ("nothing contains \"a\"", "false"), ("count contains 3", "false"), ("name startswith \"pat\"", "true"),
    ("name endswith \"MEIDA\"", "true"), ("dept.name contains \"PÓS\"", "true"),
    ("nothing startswith \"a\"", "false"),
    // matches.
    ("name matches \"^Pat\"", "true"), ("name matches \"^pat\"", "false"),
    ("name matches \"(?i)^pat\"", "true"),
    ("name matches \"Alm\"", "true"), ("count matches \"3\"", "false"),
    // is null.
    ("nothing is null", "true"), ("missing is null", "true"), ("name is not null", "true"),
    ("zero is null", "false"),
    // Arithmetic.
    ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("7 % 3", "1"), ("-7 % 3", "-1"), ("7 % -3", "1"),
    ("1 / 0", "null"),
    ("1 % 0", "null"), ("\"a\" + \"b\"", "\"ab\""), ("1 + \"a\"", "null"), ("null + 1", "null"),
    ("-count", "-3"),
    ("-name", "null"), ("10 / 4", "2.5"), ("0.1 + 0.2", "0.30000000000000004"),
    ("string(date(\"2025-06-23\") + 1d)", "\"2025-06-24T00:00:00.000Z\""),
    ("string(date(\"2025-06-23\") - 1h)", "\"2025-06-22T23:00:00.000Z\""),
    ("seconds(date(\"2025-06-23T00:01:00Z\") - date(\"2025-06-23\"))", "60"),
    ("hours(1d + 12h)", "36"), ("minutes(90s - 30s)", "1"), ("seconds(-(1m))", "-60"), ("1h * 2", "null"),
    // Boolean operators.
    ("true and null", "false"), ("null or 0", "true"), ("not (1 == 1)", "false"), ("zero and empty", "true"),
    ("not 1 == 2", "true"),
    // Functions.
    ("lower(\"ÀÉ\")", "\"àé\""), ("upper(\"ção\")", "\"ÇÃO\""), ("trim(\"  x \\t\")", "\"x\""),
    ("lower(1)", "null"),
    ("len(\"Pós\")", "3"), ("len(tags)", "3"), ("len(dept)", "1"), ("len(1)", "null"), ("len(\"👍🏽\")", "1"),
    ("split(\"a,b\", \",\")", "[\"a\",\"b\"]"), ("split(\"\", \",\")", "[]"),
    ("split(\"a,,b\", \",\")", "[\"a\",\"\",\"b\"]"),
    ("split(1, \",\")", "null"), ("join(tags, \"-\")", "\"a-b-null\""), ("join(\"x\", \",\")", "null"),
    ("join([1, true, \"s\"], \"|\")", "\"1|true|s\""), ("coalesce(nothing, missing, 5)", "5"),
    ("coalesce(nothing)", "null"), ("bool(hidden)", "false"), ("bool(\"TRUE\")", "true"), ("bool(1)", "null"),
    ("bool(finished)", "true"), ("number(\" 42 \")", "42"), ("number(\"1e3\")", "1000"),
    ("number(\"abc\")", "null"),
    ("number(\"0x10\")", "null"), ("number(\"01\")", "null"), ("number(count)", "3"),
    ("number(true)", "null"),
    ("string(42)", "\"42\""), ("string(tags)", "\"[\\\"a\\\",\\\"b\\\",null]\""), ("string(\"s\")", "\"s\""),
    ("string(null)", "\"null\""), ("string(now())", "\"2025-06-30T12:00:00.000Z\""),
    ("string(ago(1d))", "\"2025-06-29T12:00:00.000Z\""), ("ago(1)", "null"), ("date(\"junk\")", "null"),
    ("string(date(\"2025-06-23T21:18:59Z\"))", "\"2025-06-23T21:18:59.000Z\""),
    ("day(created)", "\"2025-06-23\""), ("day(created, \"America/Sao_Paulo\")", "\"2025-06-23\""),
    ("day(\"2025-06-23T01:00:00Z\", \"America/Sao_Paulo\")", "\"2025-06-22\""),
    ("week(\"2025-06-23\")", "\"2025-W26\""), ("week(\"2021-01-03\")", "\"2020-W53\""),
    ("week(\"2024-12-30\")", "\"2025-W01\""), ("month(created)", "\"2025-06\""), ("hour(created)", "21"),
    ("hour(created, \"America/Sao_Paulo\")", "18"), ("day(1)", "null"), ("day(\"junk\")", "null"),
    ("hours(90m)", "1.5"), ("minutes(1)", "null"), ("if(finished, \"done\", \"open\")", "\"done\""),
    ("if(nothing, 1, 2)", "2"), ("round(2.5)", "3"), ("round(-2.5)", "-3"), ("round(1.23456, 2)", "1.23"),
    ("round(\"1\")", "null"), ("round(1.5, -1)", "null"), ("round(7, 0)", "7"), ("[1, \"a\"]", "[1,\"a\"]"),
    (".name", "\"Patrick Almeida\""),
  ]

  @Test(arguments: cases)
  func evaluates(_ expression: String, _ expected: String) throws {
    #expect(try evaluate(expression, Self.sample).json == expected, "\(expression)")
  }

  @Test func wholeRecordIsDot() throws {
    #expect(try evaluate(".", object(["a": .number(1)])).json == "{\"a\":1}")
  }

  @Test func parametersStandForLiterals() throws {
    let parameters: [String: Value] = ["min": .number(2), "phone": .string("5547999")]
    #expect(try evaluate("count > $min", Self.sample, parameters: parameters).json == "true")
    #expect(try evaluate("$phone == \"5547999\"", parameters: parameters).json == "true")
  }

  @Test func unknownZoneInADynamicArgumentIsAQueryError() {
    #expect(throws: Diagnostic.self) { try evaluate("day(created, name)", Self.sample) }
  }
}
