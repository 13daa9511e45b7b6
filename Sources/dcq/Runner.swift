import Foundation
import OutputFormatting
import QueryLanguage

/// One run of dcq: reads the script and the input, runs each statement, prints.
struct Runner {
  let command: DCQ
  let environment = ProcessInfo.processInfo.environment

  func run() throws {
    let (source, sourceName) = try readScript()
    let parameters = try ParameterBinding.parse(command.params)
    let clock = try makeClock()
    let timeZone = try defaultTimeZone()

    let script: Script
    do {
      script = try Parser.parse(source, parameters: parameters)
    } catch {
      throw Failure.query(error, source: source)
    }
    if command.check { return }
    let output = StandardOutput()
    defer { output.flush() }
    if command.explain {
      for statement in script.statements {
        Array(statement.explained.utf8).withUnsafeBytes(output.write)
      }
      return
    }

    let records = try openInput()
    let session = QuerySession(
      source: JSONRecordSource(buffer: records.buffer, workers: workerCount),
      parameters: parameters, clock: clock, defaultTimeZone: timeZone)
    let formatted = FormattedOutput(options: command.outputOptions, output: output)
    for statement in script.statements {
      if case .dotCommand(let text, _) = statement {
        throw Failure.usage("dot-commands such as '\(text)' are not available yet")
      }
      do {
        try session.run(statement, output: formatted)
      } catch let diagnostic as Diagnostic {
        output.flush()
        throw Failure.query(diagnostic, source: source)
      } catch let error as JSONInputError {
        output.flush()
        throw Failure.input("\(records.name): \(error.description)")
      }
    }
    _ = sourceName
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
    if isatty(STDIN_FILENO) == 1 {
      throw Failure.usage("the REPL is not available yet: give a query, or -f FILE")
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

  private func openInput() throws -> (buffer: JSONBuffer, name: String) {
    guard let input = command.input else {
      if command.demo || command.offline {
        throw Failure.usage("--demo and the API cache are not available yet: use --input FILE")
      }
      throw Failure.noToken(
        "no token: set DATACRAZY_TOKEN, or query a file with --input FILE (--demo comes soon)")
    }
    do {
      if input == "-" { return (try MappedFile.readStandardInput(), "stdin") }
      return (try MappedFile.map(path: input), input)
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
