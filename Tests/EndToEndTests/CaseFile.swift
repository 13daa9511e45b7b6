import Foundation

/// Reads `Cases/cases.txt`: cases kept as data, one after another.
///
/// ```
/// ### where keeps finished conversations
/// args: --input small.json --ndjson 'where finished | select id'
/// env: DCQ_TZ=America/Sao_Paulo
/// exit: 0
/// --- stdout
/// {"id":"c1"}
/// --- stderr contains
/// warning
/// ```
///
/// Header lines: `args:` (split like a shell; a quote left open continues on
/// the next line), `env:` (NAME=VALUE words), `unset:` (names), `exit:`
/// (default 0), `command:` (a program in the working directory or beside dcq,
/// instead of dcq). Blocks, each running to the next block or case:
/// `--- stdin`, `--- file NAME [executable]` (written into the working
/// directory, which also holds every file of `Cases/inputs/`), and
/// `--- stdout|stderr [exact|contains|lacks|matches]`. A block ends with a
/// newline, except with `noeol`; trailing empty lines are dropped; `escaped`
/// reads `\t` `\r` `\n` `\e` `\\` in it. `{{N*TEXT}}` repeats TEXT N times
/// in args, stdin and files. A case with no stdout block expects no stdout.
/// Lines starting with `#` in a case's header part are comments; a line
/// starting with `## ` is a section heading, which also ends the case before it.
struct CaseFile: Sendable {
  struct Written: Sendable {
    var name: String
    var text: String
    var executable: Bool
  }

  var cases: [Case] = []
  /// Lines the reader did not understand, as `cases.txt:LINE: problem`.
  var problems: [String] = []

  static let directory: URL? = Bundle.module.url(forResource: "Cases", withExtension: nil)

  /// The case file of the test bundle, read once.
  static let shared: CaseFile = {
    guard let directory,
      let text = try? String(
        contentsOf: directory.appendingPathComponent("cases.txt"), encoding: .utf8)
    else { return CaseFile(problems: ["cases.txt: not found in the test bundle"]) }
    return CaseFile(parsing: text)
  }()

  init(cases: [Case] = [], problems: [String] = []) {
    self.cases = cases
    self.problems = problems
  }

  init(parsing text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < lines.count {
      if lines[index].hasPrefix("### ") {
        index = readCase(lines, from: index)
      } else {
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        if !line.isEmpty && !line.hasPrefix("#") {
          problems.append("cases.txt:\(index + 1): text outside a case")
        }
        index += 1
      }
    }
  }

  /// Reads the case whose `###` line is `lines[start]`; returns the index after it.
  private mutating func readCase(_ lines: [String], from start: Int) -> Int {
    var testCase = Case(
      name: String(lines[start].dropFirst(4)).trimmingCharacters(in: .whitespaces),
      line: start + 1)
    var index = start + 1
    func problem(_ text: String) { problems.append("cases.txt:\(index + 1): \(text)") }

    while index < lines.count, !Self.endsCase(lines[index]), Block(lines[index]) == nil {
      let line = lines[index]
      index += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        problem("expected 'key: value'")
        continue
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      var value = String(line[line.index(after: colon)...])
      while ShellWords.leavesQuoteOpen(value), index < lines.count {
        value += "\n" + lines[index]
        index += 1
      }
      guard let words = try? ShellWords.split(value) else {
        problem("unclosed quote")
        continue
      }
      switch key {
      case "args": testCase.arguments += words.map(Repetition.expand)
      case "command": testCase.command = words.first ?? "dcq"
      case "unset": testCase.unset += words
      case "env":
        for word in words {
          guard let equals = word.firstIndex(of: "=") else {
            problem("env: expected NAME=VALUE")
            continue
          }
          testCase.environment[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
      case "exit":
        guard let status = words.first.flatMap({ Int32($0) }) else {
          problem("exit: expected a number")
          continue
        }
        testCase.exitStatus = status
      default: problem("unknown key '\(key)'")
      }
    }

    while index < lines.count, !Self.endsCase(lines[index]) {
      guard let block = Block(lines[index]) else {
        problem("expected a '--- ' block")
        index += 1
        continue
      }
      index += 1
      var body: [String] = []
      while index < lines.count, !Self.endsCase(lines[index]), Block(lines[index]) == nil {
        body.append(lines[index])
        index += 1
      }
      while body.last?.isEmpty == true { body.removeLast() }
      var text = body.joined(separator: "\n")
      if !body.isEmpty && !block.modifiers.contains("noeol") { text += "\n" }
      if block.modifiers.contains("escaped") { text = Self.unescape(text) }
      if let problemText = apply(block, text: text, to: &testCase) { problem(problemText) }
    }
    cases.append(testCase)
    return index
  }

  private func apply(_ block: Block, text: String, to testCase: inout Case) -> String? {
    switch block.kind {
    case "stdin":
      testCase.stdin = Repetition.expand(text)
    case "file":
      guard let name = block.modifiers.first else { return "--- file needs a name" }
      testCase.files.append(
        Written(
          name: name, text: Repetition.expand(text),
          executable: block.modifiers.contains("executable")))
    default:
      let stream = OutputCheck.Stream(rawValue: block.kind)!
      let modes = block.modifiers.compactMap(OutputCheck.Mode.init(rawValue:))
      let known = Set(["escaped", "noeol"] + modes.map(\.rawValue))
      if modes.count > 1 || !known.isSuperset(of: block.modifiers) {
        return "unknown modifiers \(block.modifiers)"
      }
      testCase.checks.append(OutputCheck(stream: stream, mode: modes.first ?? .exact, text: text))
    }
    return nil
  }

  /// A case ends at the next case (`### `) or section heading (`## `).
  static func endsCase(_ line: String) -> Bool {
    line.hasPrefix("### ") || line.hasPrefix("## ")
  }

  /// `\t` `\r` `\n` `\e` `\\` in an `escaped` block.
  static func unescape(_ text: String) -> String {
    var result = ""
    var characters = text.makeIterator()
    while let character = characters.next() {
      guard character == "\\", let next = characters.next() else {
        result.append(character)
        continue
      }
      switch next {
      case "t": result.append("\t")
      case "r": result.append("\r")
      case "n": result.append("\n")
      case "e": result.append("\u{1B}")
      default: result.append(next)
      }
    }
    return result
  }
}

/// A `--- KIND MODIFIERS` line; only the four kinds start a block, so an output
/// line such as `--- ---` stays text.
private struct Block: Equatable {
  var kind: String
  var modifiers: [String]

  init?(_ line: String) {
    guard line.hasPrefix("--- ") else { return nil }
    let words = line.dropFirst(4).split(separator: " ").map(String.init)
    guard let kind = words.first, ["stdin", "stdout", "stderr", "file"].contains(kind) else {
      return nil
    }
    self.kind = kind
    modifiers = Array(words.dropFirst())
  }
}
