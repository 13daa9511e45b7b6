/// Expressions, lowest precedence first (LANGUAGE.md §5).
extension Parser {
  public mutating func expression() throws(Diagnostic) -> Expression {
    try nested { parser throws(Diagnostic) in try parser.disjunction() }
  }

  /// Runs `body` one level deeper, refusing trees deeper than `maximumDepth`.
  mutating func nested(_ body: (inout Parser) throws(Diagnostic) -> Expression) throws(Diagnostic)
    -> Expression
  {
    depth += 1
    defer { depth -= 1 }
    // The outermost expression is depth 1; each bracket or operand inside adds one.
    if depth > Parser.maximumDepth + 1 {
      throw Diagnostic("nesting deeper than \(Parser.maximumDepth)", at: try peek().range)
    }
    return try body(&self)
  }

  mutating func disjunction() throws(Diagnostic) -> Expression {
    var left = try conjunction()
    var chain = 0
    while try atWord("or") {
      try advance()
      let right = try conjunction()
      left = try chained(&chain, Expression(.or(left, right), left.range.union(right.range)))
    }
    return left
  }

  mutating func conjunction() throws(Diagnostic) -> Expression {
    var left = try negation()
    var chain = 0
    while try atWord("and") {
      try advance()
      let right = try negation()
      left = try chained(&chain, Expression(.and(left, right), left.range.union(right.range)))
    }
    return left
  }

  /// A left-deep chain counts toward the depth limit too, so evaluation never recurses too far.
  func chained(_ chain: inout Int, _ expression: Expression) throws(Diagnostic) -> Expression {
    chain += 1
    if depth + chain > Parser.maximumDepth {
      throw Diagnostic("nesting deeper than \(Parser.maximumDepth)", at: expression.range)
    }
    return expression
  }

  mutating func negation() throws(Diagnostic) -> Expression {
    guard try atWord("not") else { return try comparison() }
    let start = try advance().range
    return try nested { parser throws(Diagnostic) in
      let operand = try parser.negation()
      return Expression(.not(operand), start.union(operand.range))
    }
  }

  mutating func comparison() throws(Diagnostic) -> Expression {
    let left = try additive()
    guard let result = try comparisonTail(left) else { return left }
    if try isComparisonAhead() {
      throw Diagnostic(
        "comparison operators do not chain", at: try peek().range,
        notes: ["write a < b and b < c"])
    }
    return result
  }

  mutating func isComparisonAhead() throws(Diagnostic) -> Bool {
    let token = try peek()
    switch token.kind {
    case .symbol(let symbol):
      return [
        .equal, .notEqual, .matchesCaseless, .notMatchesCaseless, .less, .lessOrEqual, .greater,
        .greaterOrEqual, .notContains,
      ].contains(symbol)
    case .identifier(let word):
      let lowered = word.lowercased()
      if lowered == "not" { return try peek(1).isWord("in") }
      return ["in", "is", "contains", "startswith", "endswith", "matches"].contains(lowered)
    default: return false
    }
  }

  mutating func comparisonTail(_ left: Expression) throws(Diagnostic) -> Expression? {
    let token = try peek()
    let binary: BinaryOperator?
    switch token.kind {
    case .symbol(.equal): binary = .equal
    case .symbol(.notEqual): binary = .notEqual
    case .symbol(.matchesCaseless): binary = .matchesCaseless
    case .symbol(.notMatchesCaseless): binary = .notMatchesCaseless
    case .symbol(.less): binary = .less
    case .symbol(.lessOrEqual): binary = .lessOrEqual
    case .symbol(.greater): binary = .greater
    case .symbol(.greaterOrEqual): binary = .greaterOrEqual
    case .symbol(.notContains): binary = .notContains
    case .identifier(let word):
      switch word.lowercased() {
      case "contains": binary = .contains
      case "startswith": binary = .startsWith
      case "endswith": binary = .endsWith
      case "in":
        try advance()
        return try membership(left, negated: false)
      case "not" where try peek(1).isWord("in"):
        try advance()
        try advance()
        return try membership(left, negated: true)
      case "is":
        try advance()
        let negated = try atWord("not")
        if negated { try advance() }
        guard try atWord("null") else {
          throw try unexpected(expecting: "'null' after 'is\(negated ? " not" : "")'")
        }
        let end = try advance().range
        return Expression(.isNull(left, negated: negated), left.range.union(end))
      case "matches":
        try advance()
        return try regexMatch(left)
      default: return nil
      }
    default: return nil
    }
    guard let binary else { return nil }
    try advance()
    let right = try additive()
    return Expression(.binary(binary, left, right), left.range.union(right.range))
  }

  mutating func membership(_ left: Expression, negated: Bool) throws(Diagnostic) -> Expression {
    guard try atSymbol(.leftParen) else {
      let right = try additive()
      return Expression(.inArray(left, right, negated: negated), left.range.union(right.range))
    }
    let (elements, close) = try callArguments()
    return Expression(.inList(left, elements, negated: negated), left.range.union(close))
  }

  mutating func regexMatch(_ left: Expression) throws(Diagnostic) -> Expression {
    let token = try peek()
    let pattern: String
    switch token.kind {
    case .string(let text): pattern = text
    case .parameter(let name):
      guard case .string(let text) = try parameterValue(name, at: token.range) else {
        throw Diagnostic("matches needs a string", at: token.range)
      }
      pattern = text
    default: throw try unexpected(expecting: "a regular expression string after 'matches'")
    }
    try advance()
    let regex: Regex<AnyRegexOutput>
    do {
      regex = try Regex(pattern)
    } catch {
      throw Diagnostic(
        "invalid regular expression", at: token.range, notes: ["\(error)"])
    }
    return Expression(
      .matches(left, CompiledRegex(pattern: pattern, regex: regex)), left.range.union(token.range))
  }

  mutating func additive() throws(Diagnostic) -> Expression {
    var left = try multiplicative()
    var chain = 0
    while true {
      let binary: BinaryOperator
      if try atSymbol(.plus) {
        binary = .add
      } else if try atSymbol(.minus) {
        binary = .subtract
      } else {
        return left
      }
      try advance()
      let right = try multiplicative()
      left = try chained(&chain, Expression(.binary(binary, left, right), left.range.union(right.range)))
    }
  }

  mutating func multiplicative() throws(Diagnostic) -> Expression {
    var left = try unary()
    var chain = 0
    while true {
      let binary: BinaryOperator
      if try atSymbol(.star) {
        binary = .multiply
      } else if try atSymbol(.slash) {
        binary = .divide
      } else if try atSymbol(.percent) {
        binary = .remainder
      } else {
        return left
      }
      try advance()
      let right = try unary()
      left = try chained(&chain, Expression(.binary(binary, left, right), left.range.union(right.range)))
    }
  }

  mutating func unary() throws(Diagnostic) -> Expression {
    guard try atSymbol(.minus) else { return try postfix() }
    let start = try advance().range
    return try nested { parser throws(Diagnostic) in
      let operand = try parser.unary()
      let range = start.union(operand.range)
      switch operand.kind {
      case .literal(.number(let number)): return Expression(.literal(.number(-number)), range)
      case .literal(.duration(let length)): return Expression(.literal(.duration(-length)), range)
      default: return Expression(.unary(.negate, operand), range)
      }
    }
  }

  /// A primary followed by `.name`, `[index]` and `[*]` steps.
  mutating func postfix() throws(Diagnostic) -> Expression {
    var base = try primary()
    var steps: [PathStep] = []
    if case .rootPath(let rootSteps, _) = base.kind {
      steps = rootSteps
      base = Expression(.record, base.range)
    }
    var end = try previousEnd()
    while true {
      if try atSymbol(.dot) {
        try advance()
        let token = try peek()
        switch token.kind {
        case .identifier(let name), .quotedIdentifier(let name): steps.append(.key(name))
        default: throw try unexpected(expecting: "a field name after '.'")
        }
        end = try advance().range.end
      } else if try atSymbol(.leftBracket) {
        try advance()
        if try atSymbol(.star) {
          try advance()
          steps.append(.each)
        } else {
          steps.append(.index(try expression()))
        }
        guard try atSymbol(.rightBracket) else { throw try unexpected(expecting: "']'") }
        end = try advance().range.end
      } else {
        break
      }
    }
    if steps.isEmpty { return base }
    let range = SourceRange(base.range.start, end)
    guard case .record = base.kind else { return Expression(.path(base, steps), range) }
    let flatName = steps.count > 1 ? sourceText(range).filter { $0 != "`" } : nil
    return Expression(.rootPath(steps, flatName: flatName), range)
  }

  func previousEnd() throws(Diagnostic) -> Int { lastEnd }

  mutating func primary() throws(Diagnostic) -> Expression {
    let token = try peek()
    switch token.kind {
    case .number(let number):
      try advance()
      return Expression(.literal(.number(number)), token.range)
    case .duration(let length):
      try advance()
      return Expression(.literal(.duration(length)), token.range)
    case .string(let text):
      try advance()
      return Expression(.literal(.string(text)), token.range)
    case .parameter(let name):
      let value = try parameterValue(name, at: token.range)
      try advance()
      return Expression(.literal(value), token.range)
    case .quotedIdentifier(let name):
      try advance()
      return Expression(.rootPath([.key(name)], flatName: nil), token.range)
    case .symbol(.leftParen):
      try advance()
      let inner = try expression()
      guard try atSymbol(.rightParen) else { throw try unexpected(expecting: "')'") }
      let close = try advance().range
      return Expression(inner.kind, token.range.union(close))
    case .symbol(.leftBracket):
      try advance()
      var elements: [Expression] = []
      while !(try atSymbol(.rightBracket)) {
        if !elements.isEmpty { try expectSymbol(.comma, after: "an array element") }
        elements.append(try expression())
      }
      let close = try advance().range
      return Expression(.call(arrayConstructor, elements), token.range.union(close))
    case .symbol(.dot):
      try advance()
      let next = try peek()
      switch next.kind {
      case .identifier(let name) where next.range.start == token.range.end,
        .quotedIdentifier(let name) where next.range.start == token.range.end:
        try advance()
        return Expression(.rootPath([.key(name)], flatName: nil), token.range.union(next.range))
      default:
        return Expression(.record, token.range)
      }
    case .identifier(let word):
      return try identifierExpression(word, token)
    default:
      throw try unexpected(expecting: "an expression")
    }
  }

  mutating func identifierExpression(_ word: String, _ token: Token) throws(Diagnostic) -> Expression {
    let lowered = word.lowercased()
    if try peek(1).isSymbol(.leftParen) {
      return try call(word, token)
    }
    switch lowered {
    case "true", "false":
      try advance()
      return Expression(.literal(.bool(lowered == "true")), token.range)
    case "null":
      try advance()
      return Expression(.literal(.null), token.range)
    case _ where reservedWords.contains(lowered):
      throw Diagnostic(
        "expected an expression, found '\(word)'", at: token.range,
        notes: ["a field with this name is written `\(word)`"])
    default:
      try advance()
      return Expression(.rootPath([.key(word)], flatName: nil), token.range)
    }
  }

  mutating func call(_ word: String, _ token: Token) throws(Diagnostic) -> Expression {
    guard let function = Function.named(word) else {
      if Aggregate.named(word) != nil {
        throw Diagnostic(
          "aggregate '\(word)' is only allowed in summarize", at: token.range,
          notes: ["summarize n = \(word.lowercased())(...) by ..."])
      }
      throw Diagnostic("unknown function '\(word)'", at: token.range)
        .suggesting(nearestName(to: word, in: Function.all.map(\.name)))
    }
    try advance()
    let (arguments, close) = try callArguments()
    let range = token.range.union(close)
    guard function.arity.contains(arguments.count) else {
      throw Diagnostic(
        "\(function.name) takes \(describeArity(function.arity)), not \(arguments.count)",
        at: range, notes: ["usage: \(function.signature)"])
    }
    if ["day", "week", "month", "hour"].contains(function.name), arguments.count == 2,
      case .literal(.string(let zone)) = arguments[1].kind, !isKnownTimeZone(zone)
    {
      throw Diagnostic("unknown time zone '\(zone)'", at: arguments[1].range)
    }
    return Expression(.call(function, arguments), range)
  }

  /// `( expr, ... )`: returns the arguments and the range of the closing parenthesis.
  mutating func callArguments() throws(Diagnostic) -> ([Expression], SourceRange) {
    try expectSymbol(.leftParen)
    var arguments: [Expression] = []
    while !(try atSymbol(.rightParen)) {
      if !arguments.isEmpty {
        guard try atSymbol(.comma) else { throw try unexpected(expecting: "',' or ')'") }
        try advance()
      }
      arguments.append(try expression())
    }
    return (arguments, try advance().range)
  }
}

/// `[a, b]` array literals: a hidden function that collects its arguments.
let arrayConstructor = Function(
  name: "[]", arity: 0...Int.max, signature: "[a, b, ...]", summary: "an array"
) { args, _ in .array(args) }
