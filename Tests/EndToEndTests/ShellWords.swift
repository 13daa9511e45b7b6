/// Splits a line into words the way a POSIX shell does, for the `args:`, `env:`
/// and `unset:` lines of the case file: single quotes keep everything, double
/// quotes keep everything but `\"`, `\\` and `\$`, and outside quotes a
/// backslash keeps the next character. There is no expansion.
enum ShellWords {
  enum Failure: Error, Equatable { case unclosedQuote }

  static func split(_ line: String) throws(Failure) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case " ", "\t", "\n":
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case "'":
        inWord = true
        while true {
          guard let next = characters.next() else { throw .unclosedQuote }
          if next == "'" { break }
          word.append(next)
        }
      case "\"":
        inWord = true
        while true {
          guard let next = characters.next() else { throw .unclosedQuote }
          if next == "\"" { break }
          if next == "\\" {
            guard let escaped = characters.next() else { throw .unclosedQuote }
            if !"\"\\$".contains(escaped) { word.append("\\") }
            word.append(escaped)
          } else {
            word.append(next)
          }
        }
      case "\\":
        inWord = true
        if let escaped = characters.next() { word.append(escaped) }
      default:
        inWord = true
        word.append(character)
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// Whether `line` leaves a quote open, so that the next line continues it.
  static func leavesQuoteOpen(_ line: String) -> Bool {
    (try? split(line)) == nil
  }
}

/// Expands `{{N*TEXT}}` to TEXT repeated N times, so that a case can ask for
/// 100,000 nested brackets without committing them: `{{3*(}}1{{3*)}}` is
/// `(((1)))`.
enum Repetition {
  static func expand(_ text: String) -> String {
    text.replacing(/\{\{(\d+)\*(.*?)\}\}/) { match in
      String(repeating: String(match.output.2), count: Int(match.output.1) ?? 0)
    }
  }
}
