import QueryLanguage

/// The text of `.help` (and of `dcq --help`), drawn from the tables of
/// stages, functions, aggregates and dot-commands.
public enum HelpText {
  static func text(topic: String) -> String {
    let topic = topic.trimmingCharacters(in: .whitespaces)
    if topic.isEmpty { return overview }
    if let command = DotCommand.named(topic) ?? DotCommand.named("." + topic) {
      return "\(command.name) \(command.arguments)\n  \(command.summary)"
    }
    if let stage = StageSpec.named(topic) {
      return "\(stage.syntax)\n  \(stage.summary)"
    }
    if let function = Function.named(topic) {
      return "\(function.signature)\n  \(function.summary)"
    }
    if let aggregate = Aggregate.named(topic) {
      return "\(aggregate.signature)  (in summarize)\n  \(aggregate.summary)"
    }
    if let keyword = keywords.first(where: { $0.name == topic.lowercased() }) {
      return "\(keyword.syntax)\n  \(keyword.summary)"
    }
    let names =
      DotCommand.all.map(\.name) + StageSpec.allNames + Function.all.map(\.name) + Aggregate.all.map(\.name)
      + keywords.map(\.name)
    let suggestion = nearestName(to: topic, in: names).map { " (did you mean '\($0)'?)" } ?? ""
    return "no help on '\(topic)'\(suggestion)"
  }

  /// Words of the language that are neither stages nor functions.
  static let keywords: [(name: String, syntax: String, summary: String)] = [
    ("let", "let NAME = PIPELINE", "names a result; later statements start from it: NAME | count"),
    ("conversations", "conversations | ...", "the records themselves, the implicit start of a pipeline"),
    ("contains", "a contains b, a !contains b", "substring, ignoring case; on an array, an element == b"),
    ("startswith", "a startswith b", "prefix, ignoring case"),
    ("endswith", "a endswith b", "suffix, ignoring case"),
    ("matches", "a matches \"regex\"", "a regular expression search (checked when the query is parsed)"),
    ("in", "a in (x, y, ...), a not in (...)", "equal (==) to one of the values; or an element of an array"),
    ("null", "a is null, a is not null", "absent fields are null; most operators give null on null"),
    ("and", "a and b, a or b, not a", "false and null are false, everything else true (0 and \"\" too)"),
    ("param", "$NAME", "a parameter: -p NAME=VALUE, -p NAME:=LITERAL, or .param NAME LITERAL"),
  ]

  static var overview: String {
    [
      language(),
      section(
        "Dot-commands:", DotCommand.all.map { ("\($0.name) \($0.arguments)", $0.summary) }),
      operators + " .help TOPIC tells more of one name.",
    ].joined(separator: "\n\n")
  }

  /// Stages, functions and aggregates, an entry each; summaries wrap to
  /// stay within `width` columns when one is given.
  public static func language(width: Int? = nil) -> String {
    [
      section("Stages (after |, or first):", StageSpec.all.map { ($0.syntax, $0.summary) }, width),
      section("Functions:", Function.all.map { ($0.signature, $0.summary) }, width),
      section("Aggregates (in summarize):", Aggregate.all.map { ($0.signature, $0.summary) }, width),
    ].joined(separator: "\n\n")
  }

  public static let operators =
    "Operators: or, and, not, == != =~ !~ < <= > >= in, not in, contains, !contains,\n"
    + "  startswith, endswith, matches \"regex\", is [not] null, + - * / %."

  private static func section(_ title: String, _ lines: [(String, String)], _ width: Int? = nil) -> String {
    let column = lines.map(\.0.count).max() ?? 0
    let indent = String(repeating: " ", count: column + 4)
    return title + "\n"
      + lines.map { name, summary in
        let wrapped = wrap(summary, width.map { max(20, $0 - column - 4) })
        return "  " + name.padding(toLength: column, withPad: " ", startingAt: 0) + "  "
          + wrapped.joined(separator: "\n" + indent)
      }
      .joined(separator: "\n")
  }

  /// `text` in lines of at most `width` characters, broken at spaces.
  private static func wrap(_ text: String, _ width: Int?) -> [String] {
    guard let width else { return [text] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    return lines + [line]
  }
}
