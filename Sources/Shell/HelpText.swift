import QueryLanguage

/// The text of `.help`, drawn from the tables of stages, functions,
/// aggregates and dot-commands.
enum HelpText {
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
    let names =
      DotCommand.all.map(\.name) + StageSpec.allNames + Function.all.map(\.name) + Aggregate.all.map(\.name)
    let suggestion = nearestName(to: topic, in: names).map { " (did you mean '\($0)'?)" } ?? ""
    return "no help on '\(topic)'\(suggestion)"
  }

  static var overview: String {
    func section(_ title: String, _ lines: [(String, String)]) -> String {
      let width = lines.map(\.0.count).max() ?? 0
      return title + "\n"
        + lines.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        .joined(separator: "\n")
    }
    return [
      section("Stages (after |, or first):", StageSpec.all.map { ($0.syntax, $0.summary) }),
      section("Functions:", Function.all.map { ($0.signature, $0.summary) }),
      section("Aggregates (in summarize):", Aggregate.all.map { ($0.signature, $0.summary) }),
      section(
        "Dot-commands:", DotCommand.all.map { ("\($0.name) \($0.arguments)", $0.summary) }),
      "Operators: or, and, not, == != =~ !~ < <= > >= in, not in, contains, !contains, startswith,\n"
        + "  endswith, matches \"regex\", is [not] null, + - * / %. .help TOPIC tells more of one name.",
    ].joined(separator: "\n\n")
  }
}
