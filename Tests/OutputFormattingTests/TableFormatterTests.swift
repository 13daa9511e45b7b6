import QueryLanguage
import Testing

@testable import OutputFormatting

@Suite struct TableFormatterTests {
  static func table(
    _ records: [Value], columns: [String]? = nil, header: Bool = true, color: Bool = false,
    width: Int? = nil
  ) -> String {
    var table = TableFormatter(columns: columns, header: header, color: color, width: width)
    for record in records { table.add(record) }
    return table.rendered()
  }

  /// The text without ANSI SGR sequences.
  static func plain(_ text: String) -> String {
    var result = ""
    var inEscape = false
    for scalar in text.unicodeScalars {
      if scalar == "\u{1B}" {
        inEscape = true
      } else if inEscape {
        if scalar == "m" { inEscape = false }
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static let departments: [Value] = [
    object(["id": .number(1), "name": .string("Pós-vendas"), "n": .number(12)]),
    object(["id": .number(2), "name": .string("日本"), "n": .number(3.5)]),
  ]

  @Test func alignsWideCharactersAndNumbers() {
    #expect(
      Self.table(Self.departments) == """
        id  name          n
        ──  ──────────  ───
         1  Pós-vendas   12
         2  日本        3.5
        2 rows

        """)
  }

  @Test func emojiAndCombiningMarksTakeTheirColumns() {
    let records = [
      object(["who": .string("😀 ok"), "x": .bool(true)]),
      object(["who": .string("Jose\u{301}"), "x": .bool(false)]),
      object(["who": .string("👨‍👩‍👧"), "x": .null]),
    ]
    #expect(
      Self.table(records) == """
        who    x
        ─────  ─────
        😀 ok  true
        José   false
        👨‍👩‍👧
        3 rows

        """)
  }

  @Test func everyValueType() {
    let record = object([
      "s": .string("Pós"), "n": .number(3), "b": .bool(true), "z": .null,
      "t": .timestamp(1_750_713_539_068), "d": .duration(90000), "a": .array([.number(1)]),
      "j": json("1.50"),
    ])
    #expect(
      Self.table([record]) == """
        s    n  b     z  t                             d  a       j
        ───  ─  ────  ─  ────────────────────────  ─────  ───  ────
        Pós  3  true     2025-06-23T21:18:59.068Z  1m30s  [1]  1.50
        1 row

        """)
  }

  @Test func controlCharactersAreShownEscaped() {
    let records = [object(["note": .string("a\nb\tc\u{1B}")])]
    #expect(Self.table(records, header: false) == "a\\nb\\tc\\u001b\n1 row\n")
  }

  @Test func headerOff() {
    #expect(
      Self.table(Self.departments, header: false) == """
        1  Pós-vendas   12
        2  日本        3.5
        2 rows

        """)
  }

  @Test func zeroRows() {
    #expect(Self.table([], columns: ["id", "name"]) == "id  name\n──  ────\n0 rows\n")
    #expect(Self.table([]) == "0 rows\n")
  }

  @Test func columnsFirstSeenLaterAreAppended() {
    let records = [object(["a": .number(1)]), object(["b": .string("x"), "a": .number(2)])]
    #expect(Self.table(records) == "a  b\n─  ─\n1\n2  x\n2 rows\n")
  }

  @Test func givenColumnsFollowPathsAndSkipOtherKeys() {
    let record = object([
      "id": .string("c1"), "contact": object(["name": .string("Ana")]), "extra": .number(1),
    ])
    #expect(
      Self.table([record], columns: ["id", "contact.name", "missing"])
        == "id  contact.name  missing\n──  ────────────  ───────\nc1  Ana\n1 row\n")
  }

  @Test func nonObjectRecordShowsAlone() {
    // A column of text and numbers is left-aligned; numbers alone go right.
    #expect(Self.table([.string("x"), .number(2)]) == "value\n─────\nx\n2\n2 rows\n")
    #expect(Self.table([.number(10), .number(2)]) == "value\n─────\n   10\n    2\n2 rows\n")
  }

  /// The default columns of whole conversations in a 40-column terminal.
  static let conversations: [Value] = [
    object([
      "id": .string("6853c1a2e4b0a1b2c3d4e5f6"), "name": .string("Pedido 1234"),
      "contact.name": .string("Maria Silva"), "contact.platform": .string("WHATSAPP"),
      "currentDepartment.name": .string("Pós-vendas"),
      "lastMessageDate": .timestamp(1_750_713_539_068),
      "finished": .bool(false),
    ]),
    object([
      "id": .string("6853c1a2e4b0a1b2c3d4e5f7"), "name": .string("Troca"),
      "contact.name": .string("日本の顧客"), "contact.platform": .string("INSTAGRAM"),
      "currentDepartment.name": .null, "lastMessageDate": .timestamp(1_750_000_000_000),
      "finished": .bool(true),
    ]),
  ]

  @Test func cutToFortyColumns() {
    let rendered = Self.table(Self.conversations, width: 40)
    #expect(
      rendered == """
        id           name         contact.na…  …
        ───────────  ───────────  ───────────  …
        6853c1a2e4…  Pedido 1234  Maria Silva  …
        6853c1a2e4…  Troca        日本の顧客   …
        2 rows

        """)
    for line in rendered.split(separator: "\n") {
      #expect(TerminalWidth.of(String(line)) <= 40)
    }
  }

  @Test func cutShrinksTheWidestColumnsFirst() {
    let rendered = Self.table(
      Self.departments + [object(["name": .string(String(repeating: "x", count: 40))])], width: 25)
    #expect(
      rendered == """
        id  name                n
        ──  ────────────────  ───
         1  Pós-vendas         12
         2  日本              3.5
            xxxxxxxxxxxxxxx…
        3 rows

        """)
  }

  @Test func notATerminalIsNeverCut() {
    let rendered = Self.table(Self.conversations)
    #expect(
      rendered.split(separator: "\n")[2].hasPrefix(
        "6853c1a2e4b0a1b2c3d4e5f6  Pedido 1234  Maria Silva"))
  }

  @Test func colourMarksHeaderNumbersAndBooleans() {
    let records = [object(["name": .string("a"), "n": .number(12), "ok": .bool(true), "z": .null])]
    let coloured = Self.table(records, color: true)
    #expect(
      coloured == """
        \u{1B}[1mname\u{1B}[0m   \u{1B}[1mn\u{1B}[0m  \u{1B}[1mok\u{1B}[0m    \u{1B}[1mz\u{1B}[0m
        \u{1B}[2m────\u{1B}[0m  \u{1B}[2m──\u{1B}[0m  \u{1B}[2m────\u{1B}[0m  \u{1B}[2m─\u{1B}[0m
        a     \u{1B}[36m12\u{1B}[0m  \u{1B}[33mtrue\u{1B}[0m
        \u{1B}[2m1 row\u{1B}[0m

        """)
    #expect(!Self.table(records).contains("\u{1B}"))
  }

  @Test(arguments: [nil, 40, 25] as [Int?])
  func colourDoesNotChangeWidths(width: Int?) {
    let records = Self.conversations + Self.departments
    #expect(
      Self.plain(Self.table(records, color: true, width: width))
        == Self.table(records, width: width))
  }

  @Test(
    arguments: [
      ([5, 5], 20, [5, 5], false), ([30, 10], 30, [18, 10], false),
      ([20, 20, 20], 30, [9, 9, 8], false),
      ([20, 20, 20, 20, 20, 20], 40, [11, 11, 11], true), ([3, 50, 2], 30, [3, 21, 2], false),
    ] as [([Int], Int, [Int], Bool)])
  func layout(natural: [Int], limit: Int, widths: [Int], hidden: Bool) {
    let result = TableFormatter.layout(natural: natural, limit: limit)
    #expect(result.widths == widths)
    #expect(result.hidden == hidden)
  }

  @Test(arguments: [
    ("Pós-vendas", 5, "Pós-…", 5), ("日本語", 4, "日…", 3), ("abc", 1, "…", 1), ("😀😀", 3, "😀…", 3),
  ])
  func cut(text: String, width: Int, expected: String, used: Int) {
    let result = TableFormatter.cut(text, width: width)
    #expect(result.text == expected)
    #expect(result.width == used)
  }
}
