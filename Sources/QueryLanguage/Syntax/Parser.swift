/// Parses a script (LANGUAGE.md §2) into statements. The whole script is
/// parsed before anything runs, so a syntax error anywhere runs nothing.
public struct Parser {
  var lexer: Lexer
  var lookahead: [Token] = []
  let source: String
  /// Bound parameters; a `.param` line binds one for the statements after it.
  var parameters: [String: Value]
  /// `let` names known so far: the session's and this script's.
  var letNames: Set<String>
  /// Guards against input that would nest the syntax tree too deep.
  var depth = 0
  /// Where the last consumed token ended.
  var lastEnd = 0
  static let maximumDepth = 256

  public init(source: String, parameters: [String: Value] = [:], knownLets: Set<String> = []) {
    self.source = source
    self.lexer = Lexer(source)
    self.parameters = parameters
    self.letNames = knownLets
  }

  /// Parses `source` into a script.
  public static func parse(
    _ source: String, parameters: [String: Value] = [:], knownLets: Set<String> = []
  ) throws(Diagnostic) -> Script {
    var parser = Parser(source: source, parameters: parameters, knownLets: knownLets)
    return Script(source: source, statements: try parser.statements())
  }

  // MARK: Tokens

  mutating func peek(_ offset: Int = 0) throws(Diagnostic) -> Token {
    while lookahead.count <= offset { lookahead.append(try lexer.next()) }
    return lookahead[offset]
  }

  @discardableResult
  mutating func advance() throws(Diagnostic) -> Token {
    let token = try peek()
    lookahead.removeFirst()
    lastEnd = token.range.end
    return token
  }

  mutating func atWord(_ word: String) throws(Diagnostic) -> Bool {
    try peek().isWord(word)
  }

  mutating func atSymbol(_ symbol: Token.Symbol) throws(Diagnostic) -> Bool {
    try peek().isSymbol(symbol)
  }

  mutating func expectWord(_ word: String) throws(Diagnostic) {
    guard try atWord(word) else { throw try unexpected(expecting: "'\(word)'") }
    try advance()
  }

  mutating func expectSymbol(_ symbol: Token.Symbol, after what: String? = nil) throws(Diagnostic) {
    guard try atSymbol(symbol) else {
      throw try unexpected(expecting: "'\(symbol.rawValue)'" + (what.map { " after \($0)" } ?? ""))
    }
    try advance()
  }

  /// "expected X, found Y" at the next token, with a keyword suggestion for a near-miss word.
  mutating func unexpected(expecting expected: String, suggestions: [String] = []) throws(Diagnostic)
    -> Diagnostic
  {
    let token = try peek()
    var diagnostic = Diagnostic(
      "expected \(expected), found \(describe(token))", at: token.range)
    if let word = token.identifier, !suggestions.isEmpty {
      diagnostic = diagnostic.suggesting(nearestName(to: word, in: suggestions))
    }
    return diagnostic
  }

  func describe(_ token: Token) -> String {
    switch token.kind {
    case .identifier(let name): return "'\(name)'"
    case .quotedIdentifier(let name): return "`\(name)`"
    case .string: return "a string"
    case .number, .duration: return "a number"
    case .parameter(let name): return "'$\(name)'"
    case .symbol(let symbol): return "'\(symbol.rawValue)'"
    case .newline: return "the end of the line"
    case .end: return "the end of the query"
    }
  }

  // MARK: Statements

  mutating func statements() throws(Diagnostic) -> [Statement] {
    var statements: [Statement] = []
    while true {
      let token = try peek()
      switch token.kind {
      case .end: return statements
      case .newline, .symbol(.semicolon): try advance()
      case .symbol(.dot):
        lookahead.removeAll()
        let (text, range) = lexer.restOfLine(from: token.range.start)
        try bindParameter(text, range)
        statements.append(.dotCommand(text, range: range))
      default:
        statements.append(try statement())
        let next = try peek()
        switch next.kind {
        case .end, .newline, .symbol(.semicolon): break
        default:
          throw try unexpected(
            expecting: "'|' or the end of the statement",
            suggestions: [
              "and", "or", "in", "is", "not", "contains", "startswith", "endswith", "matches", "by", "asc",
              "desc",
            ])
        }
      }
    }
  }

  mutating func statement() throws(Diagnostic) -> Statement {
    if try atWord("let") {
      let letToken = try advance()
      let nameToken = try peek()
      guard case .identifier(let name) = nameToken.kind, !reservedWords.contains(name.lowercased())
      else { throw try unexpected(expecting: "a name after 'let'") }
      if StageSpec.named(name) != nil {
        throw Diagnostic(
          "'\(name)' is a stage name and cannot be a let name", at: nameToken.range)
      }
      try advance()
      try expectSymbol(.assign, after: "'let \(name)'")
      let pipeline = try self.pipeline()
      letNames.insert(name)
      _ = letToken
      return .let(name: name, pipeline)
    }
    return .pipeline(try pipeline())
  }

  mutating func pipeline() throws(Diagnostic) -> Pipeline {
    let first = try peek()
    var source = PipelineSource.conversations
    var stages: [StageNode] = []
    guard case .identifier(let word) = first.kind else {
      throw try unexpected(expecting: "a stage or a source")
    }
    if StageSpec.named(word) != nil {
      stages.append(try stage())
    } else if word == "conversations" {
      try advance()
    } else if letNames.contains(word) {
      try advance()
      source = .name(word)
    } else {
      let candidates = StageSpec.allNames + ["conversations"] + letNames.sorted()
      throw Diagnostic("unknown stage '\(word)'", at: first.range)
        .suggesting(nearestName(to: word, in: candidates))
    }
    while try continuesWithPipe() {
      try advance()
      while try peek().kind == .newline { try advance() }
      stages.append(try stage())
    }
    return Pipeline(source: source, stages: stages, range: SourceRange(first.range.start, lastEnd))
  }

  /// True at a `|`, also when only newlines stand before it (a continued statement).
  mutating func continuesWithPipe() throws(Diagnostic) -> Bool {
    var offset = 0
    while try peek(offset).kind == .newline { offset += 1 }
    guard try peek(offset).isSymbol(.pipe) else { return false }
    lookahead.removeFirst(offset)
    return true
  }

  mutating func stage() throws(Diagnostic) -> StageNode {
    let token = try peek()
    guard case .identifier(let word) = token.kind else {
      throw try unexpected(expecting: "a stage name")
    }
    guard let spec = StageSpec.named(word) else {
      throw Diagnostic("unknown stage '\(word)'", at: token.range)
        .suggesting(nearestName(to: word, in: StageSpec.allNames))
    }
    try advance()
    let stage = try spec.parse(&self)
    return StageNode(stage: stage, name: spec.name, range: SourceRange(token.range.start, lastEnd))
  }

  // MARK: Stage parts

  /// A non-negative count: an integer literal, or a parameter holding one or a string of digits.
  mutating func count() throws(Diagnostic) -> Int {
    let token = try peek()
    var value: Value?
    switch token.kind {
    case .number(let number): value = .number(number)
    case .parameter(let name): value = try parameterValue(name, at: token.range)
    default: break
    }
    let number: Double? =
      switch value {
      case .number(let number): number
      case .string(let text) where !text.isEmpty && text.allSatisfy(\.isASCIIDigit): Double(text)
      default: nil
      }
    guard let number, number >= 0, number == number.rounded(), number < 1e15 else {
      throw try unexpected(expecting: "a count (a non-negative integer)")
    }
    try advance()
    return Int(number)
  }

  mutating func sortKeys() throws(Diagnostic) -> [SortKey] {
    var keys = [try sortKey(defaultDescending: false)]
    while try atSymbol(.comma) {
      try advance()
      keys.append(try sortKey(defaultDescending: false))
    }
    return keys
  }

  mutating func sortKey(defaultDescending: Bool) throws(Diagnostic) -> SortKey {
    let expression = try self.expression()
    var descending = defaultDescending
    if try atWord("asc") {
      try advance()
      descending = false
    } else if try atWord("desc") {
      try advance()
      descending = true
    }
    return SortKey(expression: expression, descending: descending)
  }

  mutating func selectItems(allowingAll: Bool) throws(Diagnostic) -> [SelectItem] {
    var items: [SelectItem] = []
    repeat {
      if !items.isEmpty { try advance() }
      if allowingAll, try atSymbol(.star) {
        try advance()
        items.append(.all)
      } else {
        items.append(.named(try namedExpression(requiringName: false)))
      }
    } while try atSymbol(.comma)
    return items
  }

  mutating func namedExpressions() throws(Diagnostic) -> [NamedExpression] {
    var items: [NamedExpression] = []
    repeat {
      if !items.isEmpty { try advance() }
      items.append(try namedExpression(requiringName: true))
    } while try atSymbol(.comma)
    return items
  }

  /// `NAME = EXPR`, or (when allowed) an expression named by its own text.
  mutating func namedExpression(requiringName: Bool) throws(Diagnostic) -> NamedExpression {
    if let name = try assignedName() {
      return NamedExpression(name: name, expression: try expression())
    }
    if requiringName { throw try unexpected(expecting: "NAME = EXPR") }
    let expression = try self.expression()
    return NamedExpression(name: name(of: expression), expression: expression)
  }

  /// Consumes `NAME =` when the next tokens are a name and a single `=`.
  mutating func assignedName() throws(Diagnostic) -> String? {
    guard try peek(1).isSymbol(.assign) else { return nil }
    let token = try peek()
    let name: String
    switch token.kind {
    case .identifier(let word) where !reservedWords.contains(word.lowercased()): name = word
    case .quotedIdentifier(let word): name = word
    default: return nil
    }
    try advance()
    try advance()
    return name
  }

  /// The output key of an unnamed item: a path as written without backticks,
  /// anything else by its trimmed source text.
  func name(of expression: Expression) -> String {
    let text = sourceText(expression.range).trimmingWhitespace()
    if case .rootPath = expression.kind { return text.filter { $0 != "`" } }
    return text
  }

  func sourceText(_ range: SourceRange) -> String {
    let scalars = source.unicodeScalars
    let start = scalars.index(scalars.startIndex, offsetBy: range.start)
    let end = scalars.index(start, offsetBy: range.end - range.start)
    return String(scalars[start..<end])
  }

  mutating func expandStage() throws(Diagnostic) -> Stage {
    if let name = try assignedName() {
      return .expand(name: name, try expression(), replacesPath: nil)
    }
    let expression = try self.expression()
    guard case .rootPath(let steps, _) = expression.kind, let keys = steps.keysOnly
    else {
      throw Diagnostic(
        "expand needs a field path or NAME = EXPR", at: expression.range,
        notes: ["expand attendants, or expand a = attendants[*].id"])
    }
    return .expand(name: keys.joined(separator: "."), expression, replacesPath: keys)
  }

  mutating func summarizeStage() throws(Diagnostic) -> Stage {
    var aggregates: [AggregateItem] = []
    repeat {
      if !aggregates.isEmpty { try advance() }
      aggregates.append(try aggregateItem())
    } while try atSymbol(.comma)
    var keys: [NamedExpression] = []
    if try atWord("by") {
      try advance()
      repeat {
        if !keys.isEmpty { try advance() }
        keys.append(try namedExpression(requiringName: false))
      } while try atSymbol(.comma)
    }
    return .summarize(aggregates, by: keys)
  }

  mutating func aggregateItem() throws(Diagnostic) -> AggregateItem {
    let explicitName = try assignedName()
    let token = try peek()
    guard case .identifier(let word) = token.kind, try peek(1).isSymbol(.leftParen) else {
      throw try unexpected(expecting: "an aggregate such as count() or avg(x)")
    }
    guard let aggregate = Aggregate.named(word) else {
      throw Diagnostic("unknown aggregate '\(word)'", at: token.range)
        .suggesting(nearestName(to: word, in: Aggregate.all.map(\.name)))
    }
    try advance()
    let (arguments, close) = try callArguments()
    let range = SourceRange(token.range.start, close.end)
    guard aggregate.arity.contains(arguments.count) else {
      throw Diagnostic(
        "\(aggregate.name) takes \(describeArity(aggregate.arity)), not \(arguments.count)",
        at: range, notes: ["usage: \(aggregate.signature)"])
    }
    let name = explicitName ?? sourceText(range).trimmingWhitespace()
    return AggregateItem(name: name, aggregate: aggregate, arguments: arguments)
  }

  /// `.param NAME LITERAL` binds `$NAME` for the statements that follow it.
  mutating func bindParameter(_ text: String, _ range: SourceRange) throws(Diagnostic) {
    let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard words.first?.lowercased() == ".param" else { return }
    guard words.count == 3, let value = Value.literal(String(words[2])) else {
      throw Diagnostic(
        "expected .param NAME LITERAL", at: range,
        notes: ["a literal is a number, string, duration, true, false or null: .param since 7d"])
    }
    parameters[String(words[1]).trimmingWhitespace()] = value
  }

  func parameterValue(_ name: String, at range: SourceRange) throws(Diagnostic) -> Value {
    guard let value = parameters[name] else {
      throw Diagnostic("unbound parameter '$\(name)'", at: range)
        .suggesting(nearestName(to: name, in: parameters.keys.sorted()))
    }
    return value
  }
}

func describeArity(_ arity: ClosedRange<Int>) -> String {
  func arguments(_ count: Int) -> String { count == 1 ? "1 argument" : "\(count) arguments" }
  if arity.lowerBound == arity.upperBound { return arguments(arity.lowerBound) }
  if arity.upperBound == Int.max { return "at least \(arguments(arity.lowerBound))" }
  return "\(arity.lowerBound) to \(arguments(arity.upperBound))"
}

extension [PathStep] {
  /// The key names when every step is a plain key.
  var keysOnly: [String]? {
    var keys: [String] = []
    for step in self {
      guard case .key(let key) = step else { return nil }
      keys.append(key)
    }
    return keys
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
