import Foundation
import MappedFiles
import OutputFormatting
import QueryLanguage
import Shell

/// One run of dcq: reads the script and the input, runs each statement, prints.
struct Runner {
  let command: DCQ
  let environment = ProcessInfo.processInfo.environment

  func run() async throws {
    if isInteractive { return try await runRepl() }
    let (source, _) = try readScript()
    let options = command.outputOptions
    let output = StandardOutput(pagingTallerThan: pagerRows(options))
    defer { output.finish() }
    // The records are opened only once the whole script has parsed.
    let session = QuerySession(
      source: EmptyRecordSource(), parameters: try ParameterBinding.parse(command.params),
      clock: try makeClock(),
      defaultTimeZone: try defaultTimeZone())
    let runner = ScriptRunner(
      session: session, options: options, sink: output.write,
      errors: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
    runner.noHeader = command.noHeader
    let script: Script
    do {
      script = try runner.parse(source)
    } catch let error as ShellError {
      throw Failure(status: 65, message: error.message)
    }
    if command.explain {
      print(script.statements.map(\.explained).joined(separator: "\n"), terminator: "")
      return
    }
    if command.check {
      // Field warnings need records: the file, or the cache as it is (never
      // a sync); with neither, parsing was the whole check.
      guard let records = try await recordsToCheckAgainst() else { return }
      session.source = JSONRecordSource(buffer: records.buffer, workers: workerCount)
      do {
        for warning in try runner.fieldWarnings(script) { FileHandle.standardError.write(Data(warning.utf8)) }
      } catch let error as ShellError {
        throw Failure(status: 65, message: error.message)
      }
      return
    }

    let records = try await openInput()
    guard let buffer = records.buffer else { throw Failure.emptyCache() }
    // A script of several statements keeps what it read for the next ones; one statement streams.
    let file = JSONRecordSource(buffer: buffer, workers: workerCount)
    let statements = script.statements.filter { if case .dotCommand = $0 { false } else { true } }.count
    session.source = statements > 1 ? CachingRecordSource(file) : file
    do {
      try runner.run(script)
    } catch let error as ShellError {
      output.finish()
      switch error {
      case .query: throw Failure(status: 65, message: error.message)
      case .input(let message): throw Failure.input("\(records.name): \(message)")
      case .usage(let message): throw Failure(status: 65, message: message)
      }
    }
  }

  /// Terminal rows past which a table goes through the pager, or nil for no pager.
  private func pagerRows(_ options: OutputOptions) -> Int? {
    guard !command.noPager, options.format == .table, isatty(STDOUT_FILENO) == 1 else { return nil }
    return TerminalSize.rows()
  }

  /// The REPL runs when stdin is a terminal and no query or script is given.
  private var isInteractive: Bool {
    command.query == nil && command.file == nil && isatty(STDIN_FILENO) == 1 && !command.check
      && !command.explain
  }

  private func runRepl() async throws {
    if command.input == "-" {
      throw Failure.usage("--input - reads records from stdin, which is the terminal: pipe them in")
    }
    let records = try await openInput(syncInBackground: true)
    let source: RecordSource =
      if let buffer = records.buffer {
        CachingRecordSource(JSONRecordSource(buffer: buffer, workers: workerCount))
      } else {
        NoRecordsYet()
      }
    let session = QuerySession(
      source: source,
      parameters: try ParameterBinding.parse(command.params), clock: try makeClock(),
      defaultTimeZone: try defaultTimeZone())
    var options = command.outputOptions
    if command.askedFormat == nil {
      options.format = .table
      options.header = !command.noHeader
    }
    let terminal = isatty(STDOUT_FILENO) == 1
    let screen = Screen(
      rows: { TerminalSize.rows() }, columns: { terminal ? TerminalSize.columns() : nil },
      pages: terminal && !command.noPager)
    FileHandle.standardError.write(
      Data("dcq \(DCQ.version): \(records.name). Type .help for help, Ctrl-D to leave.\n".utf8))
    if let note = records.backgroundNote { FileHandle.standardError.write(Data("dcq: \(note)\n".utf8)) }
    let repl = Repl(
      session: session, options: options, historyPath: HistoryFile.path(environment: environment),
      screen: screen,
      cache: records.cache, workers: workerCount)
    // The REPL blocks on the terminal (and on .refresh's sync): a thread of its own,
    // not one of the few that Swift's tasks share.
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      Thread.detachNewThread {
        repl.run()
        done.resume()
      }
    }
    withExtendedLifetime(records.buffer) {}
  }

  /// Threads that read and filter records: `DCQ_THREADS`, else one per core.
  private var workerCount: Int {
    let asked = environment["DCQ_THREADS"].flatMap(Int.init)
    return max(1, min(asked ?? ProcessInfo.processInfo.activeProcessorCount, 64))
  }

  /// The script: the query argument, `-f FILE`, or stdin when it is not a terminal.
  private func readScript() throws -> (String, String) {
    if let query = command.query { return (query, "query") }
    if let file = command.file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw Failure.input("cannot read script '\(file)'")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw Failure.input("script '\(file)' is not UTF-8 text")
      }
      return (text, file)
    }
    if command.input == "-" {
      throw Failure.usage("--input - reads records from stdin: give the query as an argument or with -f")
    }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure.input("the script on stdin is not UTF-8 text")
    }
    return (text, "stdin")
  }

  /// What `--check` warns against: the file of `--input`, else the cache
  /// as it is, if there is one.
  private func recordsToCheckAgainst() async throws -> (buffer: JSONBuffer, name: String)? {
    if command.input != nil {
      let records = try await openInput()
      return records.buffer.map { ($0, records.name) }
    }
    var offline = command
    offline.offline = true
    guard let settings = try? AccountSettings(environment: environment),
      let opened = try? await CachedRecords(command: offline, settings: settings).open()
    else { return nil }
    return opened.buffer.map { ($0, opened.name) }
  }

  /// The records: the file of `--input`, else the account's cache (synced
  /// first, or for the REPL in the background when an old cache can answer).
  private func openInput(syncInBackground: Bool = false) async throws -> (
    buffer: JSONBuffer?, name: String, cache: SessionCache?, backgroundNote: String?
  ) {
    guard let input = command.input else {
      let opened = try await CachedRecords(
        command: command, settings: try AccountSettings(environment: environment)
      )
      .open(syncInBackground: syncInBackground)
      return (opened.buffer, opened.name, opened.cache, opened.backgroundNote)
    }
    do {
      if input == "-" { return (try MappedFile.readStandardInput(), "stdin", nil, nil) }
      return (try MappedFile.map(path: input), input, nil, nil)
    } catch {
      throw Failure.input("\(error)")
    }
  }

  /// `now()`: `DCQ_NOW` when set, else the clock, read at each statement's start.
  private func makeClock() throws -> @Sendable () -> Double {
    if let fixed = environment["DCQ_NOW"], !fixed.isEmpty {
      guard let instant = parseDate(fixed) else {
        throw Failure.usage("DCQ_NOW is not a date: '\(fixed)'")
      }
      return { instant }
    }
    return { (Date().timeIntervalSince1970 * 1000).rounded() }
  }

  private func defaultTimeZone() throws -> String? {
    guard let zone = environment["DCQ_TZ"], !zone.isEmpty else { return nil }
    guard isKnownTimeZone(zone) else { throw Failure.usage("DCQ_TZ: unknown time zone '\(zone)'") }
    return zone
  }
}
