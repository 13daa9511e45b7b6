import OutputFormatting
import QueryLanguage

/// A dot-command. The table `DotCommand.all` drives dispatch, `.help`,
/// "did you mean" and (in the REPL) completion.
public struct DotCommand: Sendable {
  public let name: String
  public let arguments: String
  public let summary: String
  let run: @Sendable (ScriptRunner, String) throws -> Void

  /// The command named `name` (with its dot), in any case.
  public static func named(_ name: String) -> DotCommand? {
    let lowered = name.lowercased()
    return all.first { $0.name == lowered }
  }

  public static let all: [DotCommand] = [
    DotCommand(name: ".help", arguments: "[topic]", summary: "commands, stages, functions; or one of them") {
      runner, argument in try runner.help(topic: argument)
    },
    DotCommand(
      name: ".fields", arguments: "[prefix]",
      summary: "field paths in the records: types, share of records, an example"
    ) { runner, argument in try runner.fields(prefix: argument) },
    DotCommand(
      name: ".format", arguments: "[FMT]", summary: "table, json, ndjson, csv or tsv; or the current one"
    ) {
      runner, argument in
      if argument.isEmpty { return runner.print("format: \(runner.format.rawValue)") }
      guard let format = OutputFormat(rawValue: argument.lowercased()) else {
        throw ShellError.usage(
          ".format needs one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      try runner.setFormat(format)
    },
    DotCommand(name: ".param", arguments: "NAME LITERAL", summary: "binds $NAME (.param since 7d)") {
      runner, argument in try runner.bindParameter(argument)
    },
    DotCommand(name: ".params", arguments: "", summary: "the bound parameters") { runner, _ in
      try runner.listParameters()
    },
    DotCommand(name: ".lets", arguments: "", summary: "the names bound by let") { runner, _ in
      runner.print(runner.session.letNames.sorted().joined(separator: "\n"))
    },
    DotCommand(name: ".explain", arguments: "QUERY", summary: "how QUERY is parsed, stage by stage") {
      runner, argument in try runner.explain(argument)
    },
    DotCommand(name: ".timer", arguments: "[on|off]", summary: "print each statement's time") {
      runner, argument in
      if argument.isEmpty { return runner.print("timer: \(runner.timer ? "on" : "off")") }
      runner.timer = try onOff(argument, command: ".timer")
    },
    DotCommand(name: ".run", arguments: "FILE", summary: "run the script in FILE") { runner, argument in
      try runner.runFile(argument)
    },
    DotCommand(name: ".history", arguments: "[N]", summary: "the last N entries (default 20)") {
      runner, argument in
      guard let history = runner.history else { throw ShellError.usage(".history is for the REPL") }
      let count = argument.isEmpty ? 20 : Int(argument) ?? -1
      guard count >= 0 else { throw ShellError.usage(".history needs a number") }
      runner.print(history(count).joined(separator: "\n"))
    },
    DotCommand(
      name: ".save", arguments: "FILE", summary: "the last result to FILE (.csv .tsv .json .ndjson .txt)"
    ) {
      runner, argument in
      guard !argument.isEmpty else { throw ShellError.usage(".save needs a file name") }
      try runner.save(to: argument)
    },
    DotCommand(name: ".refresh", arguments: "", summary: "sync the cache now and use the new records") {
      runner, _ in try runner.refresh()
    },
    DotCommand(
      name: ".cache", arguments: "[clear]", summary: "the cache: where, how many, how old; or clear it"
    ) {
      runner, argument in
      let cache = try runner.requireCache(".cache")
      switch argument.lowercased() {
      case "": runner.print(try cache.describe())
      case "clear":
        try cache.clear()
        runner.print("cache cleared (this session keeps the records it loaded)")
      default: throw ShellError.usage(".cache takes nothing, or clear")
      }
    },
    DotCommand(name: ".offline", arguments: "[on|off]", summary: "whether .refresh may call the API") {
      runner, argument in
      let cache = try runner.requireCache(".offline")
      if argument.isEmpty { return runner.print("offline: \(cache.offline ? "on" : "off")") }
      cache.offline = try onOff(argument, command: ".offline")
    },
    DotCommand(name: ".quit", arguments: "", summary: "stop (leave the REPL, end the script)") {
      runner, _ in runner.stopped = true
    },
    DotCommand(name: ".exit", arguments: "", summary: "the same as .quit") { runner, _ in
      runner.stopped = true
    },
  ]
}

private func onOff(_ argument: String, command: String) throws -> Bool {
  switch argument.lowercased() {
  case "on": return true
  case "off": return false
  default: throw ShellError.usage("\(command) needs on or off")
  }
}
