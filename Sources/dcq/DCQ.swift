import ArgumentParser
import Foundation
import OutputFormatting
import QueryLanguage
import Shell

/// The `dcq` command: parses flags, wires the parts together, maps errors to exit codes.
@main
struct DCQ: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "dcq",
    abstract: "Query the conversations of a Datacrazy account.",
    discussion: discussion,
    version: "dcq \(version)")

  /// What `--help` (and the man page) says after the options' summary.
  static let discussion = """
    With no query, no -f and nothing piped in, dcq opens its interactive shell
    on a terminal: readline editing, history, Tab completion of stages, fields
    and values, and dot-commands (.help lists them).

    Examples:
      dcq --demo                      the shell, on a built-in demo account
      dcq --demo 'where not finished | summarize n = count() by p = contact.platform'
      DATACRAZY_TOKEN=... dcq 'where not finished | count'
      dcq --input conversations.json --csv 'select id, who = contact.name'
      dcq -f report.dcq -p dept=Comercial -p top:=5
      dcq --ndjson 'where finished' | jq .id

    A query is a pipeline of stages over the conversations:
      where contact.platform == "WHATSAPP" and not finished
      | summarize open = count() by dept = currentDepartment.name
      | sort by open desc
    A statement ends at a new line or ';'; a line that ends or starts with |
    continues it. 'let NAME = PIPELINE' names a result that later statements
    start from; '#' starts a comment; $NAME is a parameter bound with -p.
    Paths reach nested fields: contact.name, attendants[0].id, attendants[*].id,
    `odd-key`. contains and =~ ignore case; timestamps compare with dates
    ("2025-06-01") and with ago(2h).

    \(HelpText.language(width: 79))

    \(HelpText.operators)

    Records come from the account's cache, kept in step with the API: a cache
    older than --max-age is synced first (the shell syncs in the background
    and answers from the old cache meanwhile); --refresh always syncs;
    --offline never calls the API.

    Environment:
      DATACRAZY_TOKEN     the API token (never printed or logged)
      DATACRAZY_API_URL   the API (default https://api.g1.datacrazy.io)
      DCQ_CACHE_DIR       the cache (default $XDG_CACHE_HOME/dcq, ~/.cache/dcq)
      DCQ_HISTORY         the shell's history (default ~/.local/state/dcq/history)
      DCQ_RATE_LIMIT      requests per window, N/WINDOW (default 60/60s), or off
      DCQ_PAGE_SIZE       conversations per request (default 100)
      DCQ_TZ              the zone of day(), week(), month(), hour() (default UTC)
      DCQ_NOW             fixes now(), for reproducible scripts
      DCQ_THREADS         threads that read records (default: one per core)
      PAGER               pages tall results on a terminal (default less -FRSX)
      NO_COLOR            no colour

    Exit status (sysexits): 0 success, 64 usage, 65 query error, 66 input
    error, 69 API unavailable, 74 cache, 77 no token or token refused,
    130 interrupted.
    """

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
