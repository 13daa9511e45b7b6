/// A lexical token of the query language.
public struct Token: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A bare identifier; keywords, stage and function names are recognised by the parser.
    case identifier(String)
    /// A backticked name: always a field name, never a keyword.
    case quotedIdentifier(String)
    case string(String)
    case number(Double)
    /// A duration literal, in milliseconds.
    case duration(Double)
    case parameter(String)
    case symbol(Symbol)
    case newline
    case end
  }

  public enum Symbol: String, Sendable, CaseIterable {
    case pipe = "|"
    case comma = ","
    case semicolon = ";"
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case dot = "."
    case assign = "="
    case equal = "=="
    case notEqual = "!="
    case matchesCaseless = "=~"
    case notMatchesCaseless = "!~"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case notContains = "!contains"
  }

  public var kind: Kind
  public var range: SourceRange

  /// The identifier's text when the token is a bare identifier.
  public var identifier: String? {
    if case .identifier(let name) = kind { return name }
    return nil
  }

  /// True when the token is the bare word `word`, in any case.
  public func isWord(_ word: String) -> Bool {
    guard let name = identifier else { return false }
    return name.lowercased() == word
  }

  public func isSymbol(_ symbol: Symbol) -> Bool {
    kind == .symbol(symbol)
  }
}

/// Words that can never be field names without backticks.
public let reservedWords: Set<String> = [
  "and", "or", "not", "in", "is", "null", "true", "false", "contains", "startswith", "endswith",
  "matches", "let",
]
