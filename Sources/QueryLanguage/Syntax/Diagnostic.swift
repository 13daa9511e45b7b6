/// A query error or warning with the place in the source it is about.
///
/// Rendered as LANGUAGE.md §8 shows:
/// ```
/// error: unknown stage 'wher' at 1:1
///   wher finished | count
///   ^~~~
///   did you mean 'where'?
/// ```
public struct Diagnostic: Error, Sendable, Equatable {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var message: String
  public var range: SourceRange
  /// Lines printed under the caret, such as "did you mean 'where'?".
  public var notes: [String]

  public init(
    _ message: String, at range: SourceRange, notes: [String] = [], severity: Severity = .error
  ) {
    self.severity = severity
    self.message = message
    self.range = range
    self.notes = notes
  }

  /// Adds a "did you mean" note when `suggestion` is non-nil.
  public func suggesting(_ suggestion: String?) -> Diagnostic {
    guard let suggestion else { return self }
    var copy = self
    copy.notes.append("did you mean '\(suggestion)'?")
    return copy
  }

  /// The 1-based line and column (in characters) where the diagnostic starts.
  public func location(in source: String) -> (line: Int, column: Int) {
    let scalars = Array(source.unicodeScalars)
    let start = min(range.start, scalars.count)
    var line = 1
    var lineStart = 0
    for index in 0..<start where scalars[index] == "\n" {
      line += 1
      lineStart = index + 1
    }
    let prefix = String(String.UnicodeScalarView(scalars[lineStart..<start]))
    return (line, prefix.count + 1)
  }

  /// The whole text: header, source line, caret line and notes.
  public func rendered(source: String) -> String {
    let scalars = Array(source.unicodeScalars)
    let start = min(range.start, scalars.count)
    let (line, column) = location(in: source)
    var lineStart = start
    while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
    var lineEnd = start
    while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
    let text = String(String.UnicodeScalarView(scalars[lineStart..<lineEnd]))
    let underlined = String(
      String.UnicodeScalarView(scalars[start..<min(max(range.end, start), lineEnd)]))
    let width = max(1, underlined.count)
    var output = "\(severity.rawValue): \(message) at \(line):\(column)\n"
    output += "  " + text.replacingTabs() + "\n"
    output += "  " + String(repeating: " ", count: column - 1) + "^"
    output += String(repeating: "~", count: width - 1) + "\n"
    for note in notes { output += "  \(note)\n" }
    return output
  }
}

extension String {
  fileprivate func replacingTabs() -> String {
    String(map { $0 == "\t" ? " " : $0 })
  }
}

/// The known name nearest to `name` (case-insensitively), if within edit distance 2.
public func nearestName(to name: String, in candidates: some Sequence<String>) -> String? {
  let target = Array(name.lowercased())
  var best: (name: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(target, Array(candidate.lowercased()))
    if distance <= 2, distance < (best?.distance ?? Int.max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// Levenshtein distance, counting a swap of two neighbours as one edit.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous2 = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], previous2[j - 2] + 1)
      }
    }
    (previous2, previous, current) = (previous, current, previous2)
  }
  return previous[b.count]
}
