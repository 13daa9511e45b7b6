import ArgumentParser
import Foundation
import OutputFormatting
import QueryLanguage

/// The `dcq` command: parses flags, wires the parts together, maps errors to exit codes.
@main
struct DCQ: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "dcq",
    abstract: "Query the conversations of a Datacrazy account.",
    discussion: """
      Examples:
        dcq --input conversations.json 'where not finished | count'
        dcq --input conversations.json --csv 'select id, who = contact.name'
        dcq -f report.dcq -p dept=Comercial

      The query language is described in LANGUAGE.md; exit codes follow sysexits:
      64 usage, 65 query error, 66 input error, 69 API unavailable, 74 cache,
      77 no token or refused, 130 interrupted.
      """,
    version: "dcq \(version)")

  @Argument(help: "The query (a one-liner script).")
  var query: String?

  @Option(name: [.short, .customLong("file")], help: "Run the script in FILE.")
  var file: String?

  @Option(
    name: [.short, .customLong("param")],
    help: ArgumentHelp("Bind $NAME: NAME=VALUE (a string) or NAME:=LITERAL.", valueName: "binding"))
  var params: [String] = []

  @Option(help: "Output format: table, json, ndjson, csv or tsv.")
  var format: OutputFormat?

  @Flag(help: "Shorthand for --format table.") var table = false
  @Flag(help: "Shorthand for --format json.") var json = false
  @Flag(help: "Shorthand for --format ndjson.") var ndjson = false
  @Flag(help: "Shorthand for --format csv.") var csv = false
  @Flag(help: "Shorthand for --format tsv.") var tsv = false

  @Flag(help: "No header row in table, csv and tsv.") var noHeader = false

  @Option(
    name: [.short, .customLong("input")],
    help: "Query a local JSON file (an array, an API page, or NDJSON of either); - reads stdin.")
  var input: String?

  @Flag(help: "Never call the API; use the cache as it is.") var offline = false
  @Flag(help: "Sync the cache before running, whatever its age.") var refresh = false
  @Option(help: "Sync first when the cache is older than this (default 15m).") var maxAge: String?
  @Flag(help: "Run against the built-in demo account.") var demo = false
  @Flag(help: "Parse and check only; run nothing.") var check = false
  @Flag(help: "Print the plan of each statement instead of running it.") var explain = false
  @Flag(help: "No colour (also NO_COLOR).") var noColor = false
  @Flag(help: "Never page output.") var noPager = false
  @Flag(name: [.short, .long], help: "Log requests to stderr (never the token).") var verbose = false

  func validate() throws {
    let shorthands = [table, json, ndjson, csv, tsv].filter { $0 }.count
    if shorthands > 1 || (shorthands == 1 && format != nil) {
      throw ValidationError("give one output format")
    }
    if query != nil && file != nil {
      throw ValidationError("give either a query or --file, not both")
    }
  }

  /// The format named by `--format` or a shorthand, if any.
  var askedFormat: OutputFormat? {
    format ?? (table ? .table : json ? .json : ndjson ? .ndjson : csv ? .csv : tsv ? .tsv : nil)
  }

  /// The format asked for, or the default: table on a terminal, else tsv without a header.
  var outputOptions: OutputOptions {
    let asked = askedFormat
    let terminal = isatty(STDOUT_FILENO) == 1
    let environment = ProcessInfo.processInfo.environment
    let color = terminal && !noColor && environment["NO_COLOR"].map(\.isEmpty) ?? true
    return OutputOptions(
      format: asked ?? (terminal ? .table : .tsv),
      header: !noHeader && (asked != nil || terminal),
      color: color,
      terminalWidth: terminal ? TerminalSize.columns() : nil)
  }

  func run() async throws {
    do {
      try await Runner(command: self).run()
    } catch let failure as Failure {
      failure.report()
      throw ExitCode(failure.status)
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
