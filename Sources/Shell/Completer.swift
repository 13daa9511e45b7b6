import OutputFormatting
import QueryLanguage

/// What completion knows besides the line: the fields of the loaded records,
/// their few distinct values, the session's `let` names, and the files here.
public struct CompletionVocabulary: Sendable {
  /// Field paths as `FieldCatalog` names them (`contact.name`, `attendants[*].id`).
  public var fields: [String]
  /// Quoted-ready values of fields with few distinct values (`contact.platform` → `WHATSAPP`, ...).
  public var values: [String: [String]]
  public var letNames: [String]
  /// Names of files that start with a prefix (for `.run` and `.save`).
  public var files: @Sendable (String) -> [String]

  public init(
    fields: [String] = [], values: [String: [String]] = [:], letNames: [String] = [],
    files: @escaping @Sendable (String) -> [String] = { _ in [] }
  ) {
    self.fields = fields
    self.values = values
    self.letNames = letNames
    self.files = files
  }
}

/// Tab completion by context, from the lexer's tokens of the line before the
/// word being completed: a pure function, so it is tested as a table.
public enum Completer {
  /// Characters that end a word for completion (what readline is told).
  public static let wordBreaks = " \t\n|(),=<>!~+-*/%;"

  /// The completions of `word`, given the text before it on the line (or
  /// entry): whole replacement words, sorted, without duplicates.
  public static func complete(before: String, word: String, _ vocabulary: CompletionVocabulary) -> [String] {
    let candidates = self.candidates(before: before, word: word, vocabulary)
    var seen = Set<String>()
    return candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
  }

  static func candidates(before: String, word: String, _ vocabulary: CompletionVocabulary) -> [String] {
    let statement = currentStatement(before)
    let trimmed = statement.drop { $0 == " " || $0 == "\t" }
    if trimmed.hasPrefix(".") { return dotCommandArgument(String(trimmed), word: word, vocabulary) }
    guard let tokens = lexedTokens(statement) else { return [] }
    guard let last = tokens.last else {
      if word.hasPrefix(".") { return DotCommand.all.map(\.name) }
      return sourceWords(vocabulary)
    }
    let stage = currentStage(tokens)
    if last.isSymbol(.pipe) { return StageSpec.allNames }
    if tokens.count == 1, last.isWord("let") { return [] }
    if let stageName = stage.name, stage.tokens.isEmpty {
      switch stageName {
      case "sort", "order": return ["by"]
      case "take", "limit", "skip", "count": return []
      default: break
      }
    }
    if stage.name == "top", stage.tokens.count == 1 { return ["by"] }
    if last.isWord("is") { return ["null", "not"] }
    if last.isWord("not"), tokens.count >= 2, tokens[tokens.count - 2].isWord("is") { return ["null"] }
    if let values = valueContext(tokens, vocabulary) { return values }
    if endsExpression(last) {
      var words = ["and", "or", "not", "in", "is", "contains", "startswith", "endswith", "matches"]
      switch stage.name {
      case "sort", "order", "top": words += ["asc", "desc"]
      case "summarize": words += ["by"]
      default: break
      }
      if tokens.count == 1, case .identifier(let name) = last.kind, !isStage(name) {
        return []  // a source (`open`), waiting for `|`
      }
      return words
    }
    if stage.name == nil, tokens.count == 1, case .symbol(.assign) = last.kind {
      return sourceWords(vocabulary)
    }
    if case .symbol(.assign) = last.kind, tokens.count == 3, tokens[0].isWord("let") {
      return sourceWords(vocabulary)
    }
    return expressionWords(word: word, fields: visibleFields(tokens, vocabulary), stage: stage.name)
  }

  // MARK: Contexts

  /// Words that may start a statement: stages, `let`, sources.
  static func sourceWords(_ vocabulary: CompletionVocabulary) -> [String] {
    StageSpec.allNames + ["conversations", "let"] + vocabulary.letNames
  }

  static func expressionWords(word: String, fields: [String], stage: String?) -> [String] {
    var words = nextSegments(of: fields, matching: word)
    words += Function.all.map { $0.name + "(" }
    if stage == "summarize" { words += Aggregate.all.map { $0.name + "(" } }
    words += ["true", "false", "null", "not"]
    return words
  }

  /// Paths that start with `word`, cut one segment past what is typed:
  /// `cont` → `contact`, `contact.` → `contact.name`, `contact.platform`, ...
  static func nextSegments(of fields: [String], matching word: String) -> [String] {
    let typedSegments = word.filter { $0 == "." }.count
    return fields.filter { $0.hasPrefix(word) }.map { path in
      var segments = 0
      var end = path.endIndex
      for index in path.indices where path[index] == "." {
        if segments == typedSegments {
          end = index
          break
        }
        segments += 1
      }
      return String(path[..<end])
    }
  }

  /// After `PATH ==`, `PATH !=`, `PATH in (` (or a comma inside that list):
  /// the field's values, quoted.
  static func valueContext(_ tokens: [Token], _ vocabulary: CompletionVocabulary) -> [String]? {
    var index = tokens.count - 1
    let last = tokens[index]
    if last.isSymbol(.equal) || last.isSymbol(.notEqual) {
      index -= 1
    } else if last.isSymbol(.leftParen) || last.isSymbol(.comma) {
      // Walk back over a list `in ("a", "b",` to the `in`.
      var position = index
      while position >= 0, !tokens[position].isSymbol(.leftParen) { position -= 1 }
      guard position >= 1, tokens[position - 1].isWord("in") else { return nil }
      index = position - 2
    } else {
      return nil
    }
    guard index >= 0, let path = pathText(tokens, endingAt: index) else { return nil }
    guard let values = vocabulary.values[path] else { return nil }
    return values.map { quoted($0) }
  }

  /// The text of the path that ends at token `end`: `contact.platform`, `tags[*]`.
  static func pathText(_ tokens: [Token], endingAt end: Int) -> String? {
    var parts: [String] = []
    var index = end
    while index >= 0 {
      switch tokens[index].kind {
      case .identifier(let name), .quotedIdentifier(let name): parts.insert(name, at: 0)
      default: return nil
      }
      guard index >= 2, tokens[index - 1].isSymbol(.dot) else { break }
      parts.insert(".", at: 0)
      index -= 2
    }
    return parts.isEmpty ? nil : parts.joined()
  }

  static func quoted(_ value: String) -> String {
    var text = ""
    appendJSONString(value, to: &text)
    return text
  }

  /// Fields a stage can read: the records' own until a `select`, `summarize`,
  /// `distinct` or `count` made new records, then the names those gave, plus
  /// names added by `extend` or `expand NAME =`.
  static func visibleFields(_ tokens: [Token], _ vocabulary: CompletionVocabulary) -> [String] {
    var fields = vocabulary.fields
    var stages: [[Token]] = [[]]
    var depth = 0
    for token in tokens {
      if token.isSymbol(.leftParen) || token.isSymbol(.leftBracket) { depth += 1 }
      if token.isSymbol(.rightParen) || token.isSymbol(.rightBracket) { depth = max(0, depth - 1) }
      if token.isSymbol(.pipe), depth == 0 {
        stages.append([])
      } else {
        stages[stages.count - 1].append(token)
      }
    }
    for stage in stages.dropLast() {
      guard case .identifier(let name)? = stage.first?.kind, let spec = StageSpec.named(name) else {
        continue
      }
      let items = topLevelItems(stage.dropFirst())
      switch spec.name {
      case "select", "distinct": fields = items.compactMap(itemName)
      case "summarize": fields = items.compactMap(itemName)
      case "count": fields = ["count"]
      case "extend", "expand": fields += items.compactMap(itemName)
      default: break
      }
    }
    return fields
  }

  /// A stage's items, split at commas outside brackets (and at `by`).
  static func topLevelItems(_ tokens: ArraySlice<Token>) -> [ArraySlice<Token>] {
    var items: [ArraySlice<Token>] = []
    var depth = 0
    var start = tokens.startIndex
    for index in tokens.indices {
      let token = tokens[index]
      if token.isSymbol(.leftParen) || token.isSymbol(.leftBracket) { depth += 1 }
      if token.isSymbol(.rightParen) || token.isSymbol(.rightBracket) { depth = max(0, depth - 1) }
      if depth == 0, token.isSymbol(.comma) || token.isWord("by") {
        items.append(tokens[start..<index])
        start = index + 1
      }
    }
    items.append(tokens[start..<tokens.endIndex])
    return items
  }

  /// The output name of an item: `NAME = ...`, or a bare path's text.
  static func itemName(_ item: ArraySlice<Token>) -> String? {
    guard let first = item.first else { return nil }
    if item.count >= 2, item[item.startIndex + 1].isSymbol(.assign) {
      switch first.kind {
      case .identifier(let name), .quotedIdentifier(let name): return name
      default: return nil
      }
    }
    return pathText(Array(item), endingAt: item.count - 1).flatMap { $0.count == 0 ? nil : $0 }
  }

  static func dotCommandArgument(_ text: String, word: String, _ vocabulary: CompletionVocabulary) -> [String]
  {
    let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard text.contains(" ") || text.contains("\t") else { return DotCommand.all.map(\.name) }
    let command = String(parts[0]).lowercased()
    let argument = parts.count > 1 ? String(parts[1]) : ""
    switch command {
    case ".format": return OutputFormat.allCases.map(\.rawValue)
    case ".timer", ".offline": return ["on", "off"]
    case ".cache": return ["clear"]
    case ".run", ".save": return vocabulary.files(word)
    case ".fields": return nextSegments(of: vocabulary.fields, matching: word)
    case ".help":
      return DotCommand.all.map(\.name) + StageSpec.allNames + Function.all.map(\.name)
        + Aggregate.all.map(\.name) + HelpText.keywords.map(\.name)
    case ".explain": return candidates(before: argument, word: word, vocabulary)
    default: return []
    }
  }

  // MARK: Tokens

  /// The text after the last `;` outside brackets and strings: the statement being typed.
  static func currentStatement(_ text: String) -> Substring {
    var depth = 0
    var quote: Character?
    var start = text.startIndex
    var index = text.startIndex
    var escaped = false
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == open {
          quote = nil
        }
      } else {
        switch character {
        case "\"", "'": quote = character
        case "(", "[": depth += 1
        case ")", "]": depth = max(0, depth - 1)
        case ";" where depth == 0: start = text.index(after: index)
        case "\n" where depth == 0:
          // A newline ends a statement unless the next line continues it with `|`.
          let rest = text[text.index(after: index)...].drop { $0 == " " || $0 == "\t" }
          if !rest.hasPrefix("|"), !text[..<index].trimmingTrailingBlanks.hasSuffix("|") {
            start = text.index(after: index)
          }
        case "#":
          while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
          continue
        default: break
        }
      }
      index = text.index(after: index)
    }
    return text[start...]
  }

  /// Tokens of `text`; nil when it does not lex (an unfinished string: nothing to offer).
  static func lexedTokens(_ text: Substring) -> [Token]? {
    var lexer = Lexer(String(text))
    var tokens: [Token] = []
    while true {
      guard let token = try? lexer.next() else { return nil }
      if token.kind == .end { return tokens }
      if token.kind != .newline { tokens.append(token) }
    }
  }

  /// The stage being typed: its name and the tokens after it.
  static func currentStage(_ tokens: [Token]) -> (name: String?, tokens: ArraySlice<Token>) {
    var depth = 0
    var start = 0
    for (index, token) in tokens.enumerated() {
      if token.isSymbol(.leftParen) || token.isSymbol(.leftBracket) { depth += 1 }
      if token.isSymbol(.rightParen) || token.isSymbol(.rightBracket) { depth = max(0, depth - 1) }
      if token.isSymbol(.pipe), depth == 0 { start = index + 1 }
    }
    guard start < tokens.count, case .identifier(let name) = tokens[start].kind,
      let spec = StageSpec.named(name)
    else { return (nil, tokens[start...]) }
    return (spec.name, tokens[(start + 1)...])
  }

  static func isStage(_ name: String) -> Bool { StageSpec.named(name) != nil }

  /// True after a token that can end an operand: a name, a literal, `)` or `]`.
  static func endsExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier(let name):
      let lowered = name.lowercased()
      if ["true", "false", "null"].contains(lowered) { return true }
      return !reservedWords.contains(lowered) && !isStage(name) && !["by", "asc", "desc"].contains(lowered)
    case .quotedIdentifier, .string, .number, .duration, .parameter: return true
    case .symbol(.rightParen), .symbol(.rightBracket): return true
    default: return false
    }
  }
}

extension Substring {
  fileprivate var trimmingTrailingBlanks: Substring {
    var text = self
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
