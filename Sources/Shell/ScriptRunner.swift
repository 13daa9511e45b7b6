import Foundation
import OutputFormatting
import QueryLanguage

/// Runs scripts: statements through the query session, dot-commands here.
/// One-liners, `-f` scripts, scripts on stdin and (later) each REPL entry.
public final class ScriptRunner {
  public let session: QuerySession
  public var timer = false
  /// `--no-header`: a format chosen by `.format` prints a header unless this is set.
  public var noHeader = false
  /// The cache, when the records come from it: for `.refresh`, `.cache`, `.offline`.
  public var cache: CacheControl?
  /// Threads that read records after a `.refresh`.
  public var workers = 2

  /// The REPL's field catalog once it is built (else nil, without waiting):
  /// statements are then checked for fields that no record has, first.
  public var warningCatalog: (() -> FieldCatalog?)?
  /// A field catalog built elsewhere (the REPL's, for completion), for `.fields`.
  public var catalogProvider: (() -> FieldCatalog?)?

  /// The REPL's last `count` history entries, for `.history`; nil outside the REPL.
  public var history: ((Int) -> [String])?
  /// Set by `.quit`: nothing more runs.
  public internal(set) var stopped = false
  private var output: FormattedOutput
  private let sink: ResultWriter.Sink
  private let errors: (String) -> Void
  private var catalog: FieldCatalog?
  /// Record sources replaced by newer ones, which earlier results may point into.
  private var retiredSources: [RecordSource] = []
  private var nestedRuns = 0
  /// The REPL keeps the last result for `.save`.
  private let keepsResults: Bool
  private var lastResult: (columns: [String]?, records: [Value])?

  /// `sink` receives result text, `errors` warnings and timings (stderr).
  public init(
    session: QuerySession, options: OutputOptions, keepsResults: Bool = false,
    sink: @escaping ResultWriter.Sink, errors: @escaping (String) -> Void
  ) {
    self.session = session
    self.sink = sink
    self.errors = errors
    self.keepsResults = keepsResults
    output = FormattedOutput(options: options, keepsResults: keepsResults, sink: sink)
  }

  /// Parses `source` whole, checks its dot-commands, then runs it statement
  /// by statement, stopping at the first failure.
  public func run(_ source: String) throws {
    try run(try parse(source))
  }

  /// Runs a script that `parse` made, statement by statement.
  public func run(_ script: Script) throws {
    let source = script.source
    if let catalog = warningCatalog?() {
      for warning in script.fieldWarnings(catalog) {
        let text = warning.rendered(source: source)
        errors(String(text.hasSuffix("\n") ? text.dropLast() : text[...]))
      }
    }
    for statement in script.statements {
      guard !stopped else { return }
      let started = ContinuousClock.now
      do {
        if case .dotCommand(let text, _) = statement {
          try runDotCommand(text)
          continue
        }
        try session.run(statement, output: output)
        if keepsResults, case .pipeline = statement { lastResult = output.lastResult }
      } catch let diagnostic as Diagnostic {
        throw ShellError.query(diagnostic, source: source)
      } catch let error as JSONInputError {
        throw ShellError.input(error.description)
      }
      if timer {
        let elapsed = ContinuousClock.now - started
        let milliseconds =
          Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        errors("time: \(formatNumber((milliseconds * 10).rounded() / 10)) ms")
      }
    }
    try output.end()
  }

  /// Parses `source` and checks that every dot-command exists, so a typo anywhere runs nothing.
  public func parse(_ source: String) throws -> Script {
    let script: Script
    do {
      script = try session.parse(source)
    } catch {
      throw ShellError.query(error, source: source)
    }
    for case .dotCommand(let text, let range) in script.statements {
      let name = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? text
      if DotCommand.named(name) == nil {
        let nameRange = SourceRange(range.start, range.start + name.unicodeScalars.count)
        let diagnostic = Diagnostic("unknown dot-command '\(name)'", at: nameRange)
          .suggesting(nearestName(to: name, in: DotCommand.all.map(\.name)))
        throw ShellError.query(diagnostic, source: source)
      }
    }
    return script
  }

  /// Warnings for fields that no record has, from a catalog of the records.
  public func fieldWarnings(_ script: Script) throws -> [String] {
    script.fieldWarnings(try fieldCatalog()).map { $0.rendered(source: script.source) }
  }

  func runDotCommand(_ text: String) throws {
    let parts = text.split(separator: " ", maxSplits: 1)
    let name = String(parts[0])
    let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
    guard let command = DotCommand.named(name) else {
      throw ShellError.usage("unknown dot-command '\(name)'")
    }
    try output.end()
    try command.run(self, argument)
  }

  // MARK: What the dot-commands do

  func print(_ text: String) {
    guard !text.isEmpty else { return }
    let line = text.hasSuffix("\n") ? text : text + "\n"
    try? Array(line.utf8).withUnsafeBytes { try sink($0) }
  }

  /// Starts the next results afresh, with no separator before them (each
  /// REPL entry), as wide as the terminal is now.
  public func startOver(width: Int? = nil) {
    var options = output.options
    if let width { options.terminalWidth = width }
    output = FormattedOutput(options: options, keepsResults: keepsResults, sink: sink)
  }

  func requireCache(_ command: String) throws -> CacheControl {
    guard let cache else {
      throw ShellError.usage("\(command): these records come from a file (--input), not from the cache")
    }
    return cache
  }

  /// `.refresh`: syncs and swaps the session's records for the new ones.
  func refresh() throws {
    let buffer: JSONBuffer
    do {
      buffer = try requireCache(".refresh").refresh()
    } catch let error as ShellError {
      throw error
    } catch {
      throw ShellError.usage(".refresh: \(error)")
    }
    replaceRecords(with: buffer)
    if let description = try? cache?.describe() { print(description) }
  }

  /// Swaps the session's records for `buffer`'s (after a sync).
  public func replaceRecords(with buffer: JSONBuffer) {
    // `let` results and the last result may still point into the old
    // records (and the compact columns of their source): keep them alive.
    retiredSources.append(session.source)
    session.source = CachingRecordSource(JSONRecordSource(buffer: buffer, workers: workers))
    catalog = nil
    onRefresh?()
  }

  /// Called after the records were replaced (the REPL reloads its field catalog).
  public var onRefresh: (() -> Void)?

  /// `.save FILE`: the last result, in the format the extension names, in a new 0600 file.
  func save(to argument: String) throws {
    let path = FileNames.expanded(argument)
    guard let result = lastResult else { throw ShellError.usage(".save: no result yet; run a query first") }
    let formats: [String: OutputFormat] = [
      "csv": .csv, "tsv": .tsv, "json": .json, "ndjson": .ndjson, "jsonl": .ndjson, "txt": .table,
    ]
    let pathExtension = (path as NSString).pathExtension.lowercased()
    guard let format = formats[pathExtension] else {
      throw ShellError.usage(".save: name a .csv, .tsv, .json, .ndjson or .txt file")
    }
    var bytes: [UInt8] = []
    var writer = ResultWriter(options: OutputOptions(format: format)) { bytes.append(contentsOf: $0) }
    try writer.begin(columns: result.columns)
    for record in result.records { try writer.write(record) }
    try writer.end()
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw ShellError.usage(".save: cannot write \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    fchmod(descriptor, 0o600)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw ShellError.usage(".save: cannot write \(path)") }
    let count = result.records.count
    errors("saved \(count) \(count == 1 ? "record" : "records") to \(path)")
  }

  /// The format results are printed in now.
  var format: OutputFormat { output.options.format }

  func setFormat(_ format: OutputFormat) throws {
    try output.end()
    var options = output.options
    options.format = format
    options.header = !noHeader
    output = FormattedOutput(options: options, keepsResults: keepsResults, sink: sink)
  }

  func bindParameter(_ argument: String) throws {
    let words = argument.split(separator: " ", maxSplits: 1)
    guard words.count == 2, let value = Value.literal(String(words[1])) else {
      throw ShellError.usage(".param needs NAME LITERAL, e.g. .param since 7d")
    }
    session.parameters[String(words[0])] = value
  }

  func listParameters() throws {
    try writeRecords(
      columns: ["name", "value"],
      session.parameters.sorted { $0.key < $1.key }.map { [.string("$" + $0.key), $0.value] })
  }

  func explain(_ query: String) throws {
    guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ShellError.usage(".explain needs a query: .explain where finished | count")
    }
    do {
      for statement in try session.parse(query).statements { print(statement.explained) }
    } catch let diagnostic as Diagnostic {
      throw ShellError.query(diagnostic, source: query)
    }
  }

  func fields(prefix: String) throws {
    let catalog = try fieldCatalog()
    let total = max(catalog.recordCount, 1)
    let rows = catalog.fields.filter { $0.path.hasPrefix(prefix) }.map { field -> [Value] in
      let share = (Double(field.records) * 1000 / Double(total)).rounded() / 10
      var example = field.example.map(stringify) ?? ""
      if example.count > 40 { example = String(example.prefix(39)) + "…" }
      return [
        .string(field.path), .string(field.types.joined(separator: ", ")), .string("\(formatNumber(share))%"),
        .string(example),
      ]
    }
    try writeRecords(columns: ["path", "types", "share", "example"], rows)
  }

  func help(topic: String) throws {
    print(HelpText.text(topic: topic))
  }

  func runFile(_ argument: String) throws {
    let path = FileNames.expanded(argument)
    guard nestedRuns < 16 else { throw ShellError.usage(".run nests deeper than 16 scripts") }
    guard let data = FileManager.default.contents(atPath: path),
      let source = String(data: data, encoding: .utf8)
    else { throw ShellError.usage("cannot read script '\(path)'") }
    nestedRuns += 1
    defer { nestedRuns -= 1 }
    try run(source)
  }

  private func fieldCatalog() throws -> FieldCatalog {
    if let catalog { return catalog }
    if let provided = catalogProvider?() { return provided }
    do {
      let built = try FieldCatalog.build(from: session.source)
      catalog = built
      return built
    } catch let error as JSONInputError {
      throw ShellError.input(error.description)
    }
  }

  private func writeRecords(columns: [String], _ rows: [[Value]]) throws {
    try output.begin(columns: columns)
    for row in rows { try output.write(.object(Object(keys: columns, values: row))) }
    try output.end()
  }
}
