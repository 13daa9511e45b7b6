import Testing

/// One end-to-end case of `Cases/cases.txt`: how to run dcq, and what it must print.
struct Case: Sendable, CustomTestStringConvertible {
  /// The text after `###`, unique in the file.
  var name: String
  /// The line of the `###` header, for failure messages.
  var line: Int
  /// The program to run: `dcq` unless the case names another (`command:`).
  var command = "dcq"
  var arguments: [String] = []
  /// Variables set on top of the runner's defaults (`env:`).
  var environment: [String: String] = [:]
  /// Variables removed from the child's environment (`unset:`).
  var unset: [String] = []
  /// Bytes for the child's stdin; nil gives it /dev/null.
  var stdin: String?
  /// Files written into the case's working directory before it runs (`--- file NAME`).
  var files: [CaseFile.Written] = []
  var exitStatus: Int32 = 0
  var checks: [OutputCheck] = []

  var testDescription: String { name }
  var location: String { "cases.txt:\(line): \(name)" }

  /// The checks of one stream; a case without a stdout check expects an empty stdout.
  var effectiveChecks: [OutputCheck] {
    if checks.contains(where: { $0.stream == .stdout }) { return checks }
    return [OutputCheck(stream: .stdout, mode: .exact, text: "")] + checks
  }
}

/// What one `--- stdout ...` or `--- stderr ...` block asserts.
struct OutputCheck: Sendable {
  enum Stream: String, Sendable { case stdout, stderr }
  enum Mode: String, Sendable {
    /// The whole stream equals the block.
    case exact
    /// Every non-empty line of the block occurs somewhere in the stream.
    case contains
    /// No non-empty line of the block occurs anywhere in the stream.
    case lacks
    /// Every non-empty line of the block is a regular expression found in the stream.
    case matches
  }

  var stream: Stream
  var mode: Mode
  var text: String

  var lines: [String] {
    text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }

  /// A description of how `actual` breaks this check, or nil when it holds.
  func failure(in actual: String) -> String? {
    switch mode {
    case .exact:
      return actual == text ? nil : "\(stream) differs; \(Self.firstDifference(text, actual))"
    case .contains:
      let missing = lines.filter { !actual.contains($0) }
      return missing.isEmpty ? nil : "\(stream) lacks \(missing)"
    case .lacks:
      let present = lines.filter { actual.contains($0) }
      return present.isEmpty ? nil : "\(stream) must not contain \(present)"
    case .matches:
      let missing = lines.filter { pattern in
        guard let regex = try? Regex(pattern) else { return true }
        return !actual.contains(regex)
      }
      return missing.isEmpty ? nil : "\(stream) matches none of \(missing)"
    }
  }

  /// The first line where two texts part, with invisible characters shown.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let wanted = index < expectedLines.count ? String(expectedLines[index]).debugDescription : "(end)"
      let got = index < actualLines.count ? String(actualLines[index]).debugDescription : "(end)"
      if wanted != got { return "line \(index + 1): expected \(wanted), got \(got)" }
    }
    return "no line differs"
  }
}
