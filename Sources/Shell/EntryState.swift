import QueryLanguage

/// Whether an entry goes on to another line: an open bracket or string, or a
/// line ending in `|`.
enum EntryState {
  static func isUnfinished(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix(".") && !text.contains("\n") { return false }
    var lexer = Lexer(text)
    var depth = 0
    var last: Token?
    while true {
      let token: Token
      do {
        token = try lexer.next()
      } catch {
        return error.message.hasPrefix("unterminated")
      }
      switch token.kind {
      case .end: return depth > 0 || last?.isSymbol(.pipe) == true
      case .symbol(.leftParen), .symbol(.leftBracket): depth += 1
      case .symbol(.rightParen), .symbol(.rightBracket): depth -= 1
      default: break
      }
      if token.kind != .newline { last = token }
    }
  }
}
