/// Turns query text into tokens. Newlines inside brackets are dropped; the
/// parser decides which of the others end a statement.
public struct Lexer {
  private let scalars: [Unicode.Scalar]
  private var position = 0
  private var depth = 0

  public init(_ source: String) {
    scalars = Array(source.unicodeScalars)
  }

  /// All tokens, ending with `.end`.
  public static func tokens(of source: String) throws(Diagnostic) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  /// The rest of the line from `start` (a dot-command's text); the next token starts after it.
  public mutating func restOfLine(from start: Int) -> (text: String, range: SourceRange) {
    position = start
    while let scalar = peek(), scalar != "\n" { position += 1 }
    return (text(start, position), SourceRange(start, position))
  }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let index = position + offset
    return index < scalars.count ? scalars[index] : nil
  }

  public mutating func next() throws(Diagnostic) -> Token {
    skipBlanksAndComments()
    let start = position
    guard let scalar = peek() else {
      return Token(kind: .end, range: SourceRange(start, start))
    }
    if scalar == "\n" {
      position += 1
      return Token(kind: .newline, range: SourceRange(start, position))
    }
    if scalar.isIdentifierStart {
      while let next = peek(), next.isIdentifierPart { position += 1 }
      return Token(kind: .identifier(text(start, position)), range: SourceRange(start, position))
    }
    if scalar.isDigit { return try number() }
    switch scalar {
    case "\"", "'": return try string(quote: scalar)
    case "`": return try quotedIdentifier()
    case "$":
      position += 1
      guard let next = peek(), next.isIdentifierStart else {
        throw Diagnostic(
          "expected a parameter name after '$'", at: SourceRange(start, position))
      }
      while let next = peek(), next.isIdentifierPart { position += 1 }
      return Token(
        kind: .parameter(text(start + 1, position)), range: SourceRange(start, position))
    default:
      return try symbol()
    }
  }

  private mutating func skipBlanksAndComments() {
    while let scalar = peek() {
      if scalar == " " || scalar == "\t" || scalar == "\r" || (scalar == "\n" && depth > 0) {
        position += 1
      } else if scalar == "#" {
        while let next = peek(), next != "\n" { position += 1 }
      } else {
        return
      }
    }
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(scalars[start..<end]))
  }

  private mutating func symbol() throws(Diagnostic) -> Token {
    let start = position
    let two = peek(1) == nil ? "" : text(start, start + 2)
    let symbol: Token.Symbol
    if two == "!c" || two == "!C" {
      var end = start + 1
      while end < scalars.count, scalars[end].isIdentifierPart { end += 1 }
      guard text(start + 1, end).lowercased() == "contains" else {
        throw Diagnostic(
          "unexpected '!'", at: SourceRange(start, start + 1),
          notes: ["expected '!=', '!~' or '!contains'; for negation use 'not'"])
      }
      position = end
      return Token(kind: .symbol(.notContains), range: SourceRange(start, end))
    } else if let match = Token.Symbol(rawValue: two), match != Token.Symbol.notContains {
      symbol = match
      position += 2
    } else if let match = Token.Symbol(rawValue: String(scalars[start])) {
      symbol = match
      position += 1
    } else {
      throw Diagnostic(
        "unexpected character '\(scalars[start].escaped(asASCII: false))'",
        at: SourceRange(start, start + 1))
    }
    switch symbol {
    case .leftParen, .leftBracket: depth += 1
    case .rightParen, .rightBracket: depth = max(0, depth - 1)
    default: break
    }
    return Token(kind: .symbol(symbol), range: SourceRange(start, position))
  }

  private mutating func number() throws(Diagnostic) -> Token {
    let start = position
    while let next = peek(), next.isDigit { position += 1 }
    if peek() == ".", let after = peek(1), after.isDigit {
      position += 1
      while let next = peek(), next.isDigit { position += 1 }
    }
    if let e = peek(), e == "e" || e == "E" {
      var offset = 1
      if let sign = peek(1), sign == "+" || sign == "-" { offset = 2 }
      if let digit = peek(offset), digit.isDigit {
        position += offset
        while let next = peek(), next.isDigit { position += 1 }
      }
    }
    let numberEnd = position
    guard let value = Double(text(start, numberEnd)) else {
      throw Diagnostic("invalid number", at: SourceRange(start, numberEnd))
    }
    guard let next = peek(), next.isIdentifierStart else {
      return Token(kind: .number(value), range: SourceRange(start, numberEnd))
    }
    while let next = peek(), next.isIdentifierPart { position += 1 }
    let unit = text(numberEnd, position)
    guard let milliseconds = durationUnits[unit] else {
      throw Diagnostic(
        "unknown duration unit '\(unit)'", at: SourceRange(start, position),
        notes: ["expected one of ms, s, m, h, d, w right after the number"])
    }
    return Token(kind: .duration(value * milliseconds), range: SourceRange(start, position))
  }

  private mutating func string(quote: Unicode.Scalar) throws(Diagnostic) -> Token {
    let start = position
    position += 1
    var value = String.UnicodeScalarView()
    while true {
      guard let scalar = peek() else {
        throw Diagnostic("unterminated string", at: SourceRange(start, start + 1))
      }
      position += 1
      if scalar == quote { break }
      if scalar != "\\" {
        value.append(scalar)
        continue
      }
      value.append(try escape(stringStart: start))
    }
    return Token(kind: .string(String(value)), range: SourceRange(start, position))
  }

  private mutating func escape(stringStart: Int) throws(Diagnostic) -> Unicode.Scalar {
    let escapeStart = position - 1
    guard let scalar = peek() else {
      throw Diagnostic("unterminated string", at: SourceRange(stringStart, stringStart + 1))
    }
    position += 1
    switch scalar {
    case "\"", "'", "\\", "/": return scalar
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "u":
      let first = try hexQuad(escapeStart: escapeStart)
      if (0xD800..<0xDC00).contains(first), peek() == "\\", peek(1) == "u" {
        position += 2
        let second = try hexQuad(escapeStart: escapeStart)
        if (0xDC00..<0xE000).contains(second),
          let combined = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        {
          return combined
        }
        throw Diagnostic("invalid surrogate pair", at: SourceRange(escapeStart, position))
      }
      guard let result = Unicode.Scalar(first) else {
        throw Diagnostic("invalid \\u escape", at: SourceRange(escapeStart, position))
      }
      return result
    default:
      throw Diagnostic(
        "invalid escape '\\\(scalar)'", at: SourceRange(escapeStart, position),
        notes: ["expected one of \\\" \\' \\\\ \\n \\t \\uXXXX"])
    }
  }

  private mutating func hexQuad(escapeStart: Int) throws(Diagnostic) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let scalar = peek(), let digit = scalar.hexValue else {
        throw Diagnostic(
          "invalid \\u escape", at: SourceRange(escapeStart, position),
          notes: ["expected four hexadecimal digits after \\u"])
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private mutating func quotedIdentifier() throws(Diagnostic) -> Token {
    let start = position
    position += 1
    while let scalar = peek(), scalar != "`", scalar != "\n" { position += 1 }
    guard peek() == "`" else {
      throw Diagnostic("unterminated backticked name", at: SourceRange(start, start + 1))
    }
    position += 1
    let name = text(start + 1, position - 1)
    guard !name.isEmpty else {
      throw Diagnostic("empty backticked name", at: SourceRange(start, position))
    }
    return Token(kind: .quotedIdentifier(name), range: SourceRange(start, position))
  }
}

private let durationUnits: [String: Double] = [
  "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
]

extension Unicode.Scalar {
  var isDigit: Bool { ("0"..."9").contains(self) }
  var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
  var isIdentifierPart: Bool { isIdentifierStart || isDigit }
  var hexValue: UInt32? {
    switch self {
    case "0"..."9": return value - 48
    case "a"..."f": return value - 87
    case "A"..."F": return value - 55
    default: return nil
    }
  }
}
