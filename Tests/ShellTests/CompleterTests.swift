import QueryLanguage
import Testing

@testable import Shell

/// Completion as a pure function of (text before the word, the word, what is known).
@Suite struct CompleterTests {
  static let vocabulary = CompletionVocabulary(
    fields: [
      "id", "name", "finished", "contact", "contact.name", "contact.platform", "contact.externalInfo",
      "contact.externalInfo.tagIds", "attendants", "attendants[*].id", "currentDepartment",
      "currentDepartment.name", "lastMessageDate",
    ],
    values: [
      "contact.platform": ["WHATSAPP", "INSTAGRAM", "TELEGRAM"],
      "currentDepartment.name": ["Pós-vendas", "Comercial"],
    ],
    letNames: ["open", "backlog"],
    files: { prefix in ["report.dcq", "results.csv", "notes.txt"].filter { $0.hasPrefix(prefix) } })

  static let cases: [(before: String, word: String, expected: [String])] = [
    // Statement start: stages, sources, let names, dot-commands.
    ("", "wh", ["where"]),
    ("", "su", ["summarize"]),
    ("", "co", ["conversations", "count"]),
    ("", "op", ["open"]),
    ("", "le", ["let"]),
    ("", "ORD", []),
    ("", ".fo", [".format"]),
    ("", ".", DotCommand.all.map(\.name)),
    ("count; ", "wh", ["where"]),
    ("let x = ", "wh", ["where"]),
    ("let x = ", "ba", ["backlog"]),
    // After a pipe: stages.
    ("where finished | ", "s", ["select", "skip", "sort", "summarize"]),
    ("open | ", "ta", ["take"]),
    ("where finished\n| ", "co", ["count"]),
    ("where finished |\n  ", "ex", ["expand", "extend"]),
    // Fields, by segment.
    ("where ", "fin", ["finished"]),
    ("where ", "cont", ["contact"]),
    ("where ", "contact.", ["contact.externalInfo", "contact.name", "contact.platform"]),
    ("where ", "contact.externalInfo.", ["contact.externalInfo.tagIds"]),
    ("where ", "attendants", ["attendants", "attendants[*]"]),
    ("where not ", "fin", ["finished"]),
    ("where (", "na", ["name"]),
    ("select id, ", "last", ["lastMessageDate"]),
    ("select who = ", "contact.n", ["contact.name"]),
    ("sort by ", "name", ["name"]),
    ("summarize n = count() by ", "currentD", ["currentDepartment"]),
    // Functions and aggregates.
    ("where ", "low", ["lower("]),
    ("select ", "co", ["coalesce(", "contact"]),
    ("summarize n = ", "cou", ["count(", "countif("]),
    ("summarize n = ", "perc", ["percentile("]),
    ("where ", "perc", []),
    ("where lower(", "na", ["name"]),
    // Operators and keywords after an operand.
    ("where finished ", "an", ["and"]),
    ("where name ", "con", ["contains"]),
    ("where name ", "sta", ["startswith"]),
    ("where name is ", "nu", ["null"]),
    ("sort by name ", "de", ["desc"]),
    ("top 5 by name ", "as", ["asc"]),
    ("summarize n = count() ", "b", ["by"]),
    ("sort ", "", ["by"]),
    ("top 5 ", "", ["by"]),
    // Values of low-cardinality fields.
    ("where contact.platform == ", "", ["\"INSTAGRAM\"", "\"TELEGRAM\"", "\"WHATSAPP\""]),
    ("where contact.platform == ", "\"WH", ["\"WHATSAPP\""]),
    ("where contact.platform != ", "\"T", ["\"TELEGRAM\""]),
    ("where contact.platform in (", "\"I", ["\"INSTAGRAM\""]),
    ("where contact.platform in (\"INSTAGRAM\", ", "\"W", ["\"WHATSAPP\""]),
    ("where currentDepartment.name == ", "\"P", ["\"Pós-vendas\""]),
    ("where name == ", "\"", []),
    // Aliases from an earlier select or extend in the same pipeline.
    ("select who = contact.name | where ", "wh", ["who"]),
    ("select who = contact.name | where ", "contact", []),
    ("extend waiting = 1 | where ", "wai", ["waiting"]),
    ("extend waiting = 1 | where ", "fin", ["finished"]),
    (
      "summarize total = count() by dept = currentDepartment.name | sort by ", "",
      [
        "dept", "false", "not", "null", "total", "true",
      ] + Function.all.map { $0.name + "(" }
    ),
    ("count | where ", "co", ["coalesce(", "count"]),
    // Dot-command arguments.
    (".format ", "", ["csv", "json", "ndjson", "table", "tsv"]),
    (".format ", "n", ["ndjson"]),
    (".timer ", "o", ["off", "on"]),
    (".run ", "re", ["report.dcq", "results.csv"]),
    (".save ", "n", ["notes.txt"]),
    (".fields ", "contact.", ["contact.externalInfo", "contact.name", "contact.platform"]),
    (".help ", "summ", ["summarize"]),
    (".help ", "mat", ["matches"]),
    (".explain where ", "fin", ["finished"]),
    // Nothing sensible to offer.
    ("take ", "", []),
    ("where name == \"abc", "", []),
  ]

  @Test(arguments: cases)
  func completes(_ before: String, _ word: String, _ expected: [String]) {
    #expect(Completer.complete(before: before, word: word, Self.vocabulary) == expected.sorted())
  }
}
