/// A stage of the language. The table `StageSpec.all` drives parsing,
/// "did you mean", completion and `.help`.
public struct StageSpec: Sendable {
  public let name: String
  public let aliases: [String]
  public let syntax: String
  public let summary: String
  let parse: @Sendable (inout Parser) throws(Diagnostic) -> Stage

  /// The stage called `name` (or one of its aliases), in any case.
  public static func named(_ name: String) -> StageSpec? {
    let lowered = name.lowercased()
    return all.first { $0.name == lowered || $0.aliases.contains(lowered) }
  }

  /// Every name a stage answers to.
  public static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }

  public static let all: [StageSpec] = [
    StageSpec(
      name: "where", aliases: [], syntax: "where EXPR", summary: "keeps records for which EXPR is true"
    ) { parser throws(Diagnostic) in .where(try parser.expression()) },
    StageSpec(
      name: "select", aliases: [], syntax: "select ITEM, ...",
      summary: "one record per record with the items given: EXPR, NAME = EXPR or *"
    ) { parser throws(Diagnostic) in .select(try parser.selectItems(allowingAll: true)) },
    StageSpec(
      name: "extend", aliases: [], syntax: "extend NAME = EXPR, ...",
      summary: "adds fields at the end of the record (or replaces them in place)"
    ) { parser throws(Diagnostic) in .extend(try parser.namedExpressions()) },
    StageSpec(
      name: "sort", aliases: ["order"], syntax: "sort by EXPR [asc|desc], ...",
      summary: "stable sort, ascending by default, nulls last"
    ) { parser throws(Diagnostic) in
      try parser.expectWord("by")
      return .sort(try parser.sortKeys())
    },
    StageSpec(
      name: "take", aliases: ["limit"], syntax: "take N", summary: "the first N records"
    ) { parser throws(Diagnostic) in .take(try parser.count()) },
    StageSpec(name: "skip", aliases: [], syntax: "skip N", summary: "drops the first N records") {
      parser throws(Diagnostic) in .skip(try parser.count())
    },
    StageSpec(
      name: "top", aliases: [], syntax: "top N by EXPR [asc|desc]",
      summary: "sort by EXPR desc | take N"
    ) { parser throws(Diagnostic) in
      let count = try parser.count()
      try parser.expectWord("by")
      return .top(count, try parser.sortKey(defaultDescending: true))
    },
    StageSpec(
      name: "distinct", aliases: [], syntax: "distinct EXPR, ...",
      summary: "one record per distinct combination, in first-seen order"
    ) { parser throws(Diagnostic) in .distinct(try parser.selectItems(allowingAll: false)) },
    StageSpec(name: "count", aliases: [], syntax: "count", summary: "one record {\"count\": N}") { _ in
      .count
    },
    StageSpec(
      name: "expand", aliases: [], syntax: "expand PATH | expand NAME = EXPR",
      summary: "one record per element of an array"
    ) { parser throws(Diagnostic) in try parser.expandStage() },
    StageSpec(
      name: "summarize", aliases: [], syntax: "summarize AGG, ... [by KEY, ...]",
      summary: "one record per key combination: the keys, then the aggregates"
    ) { parser throws(Diagnostic) in try parser.summarizeStage() },
  ]
}
