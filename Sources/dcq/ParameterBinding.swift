import QueryLanguage

/// `-p NAME=VALUE` binds a string; `-p NAME:=LITERAL` a dcq literal.
enum ParameterBinding {
  static func parse(_ bindings: [String]) throws -> [String: Value] {
    var parameters: [String: Value] = [:]
    for binding in bindings {
      guard let equals = binding.firstIndex(of: "=") else {
        throw Failure.usage("-p needs NAME=VALUE or NAME:=LITERAL, got '\(binding)'")
      }
      var name = String(binding[..<equals])
      let text = String(binding[binding.index(after: equals)...])
      let isLiteral = name.hasSuffix(":")
      if isLiteral { name.removeLast() }
      guard isIdentifier(name) else {
        throw Failure.usage("-p: '\(name)' is not a parameter name")
      }
      parameters[name] = isLiteral ? try literal(text, name: name) : .string(text)
    }
    return parameters
  }

  private static func isIdentifier(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
    guard let first = scalars.first, isLetter(first) else { return false }
    return scalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
  }

  /// A single literal: a number, string, duration, boolean or null (a leading `-` allowed).
  private static func literal(_ text: String, name: String) throws -> Value {
    let tokens: [Token]
    do {
      tokens = try Lexer.tokens(of: text)
    } catch {
      throw Failure.usage("-p \(name): not a literal: \(error.message)")
    }
    var kinds = tokens.map(\.kind).filter { $0 != .end }
    var negate = false
    if kinds.first == .symbol(.minus) {
      negate = true
      kinds.removeFirst()
    }
    guard kinds.count == 1 else { throw Failure.usage("-p \(name): '\(text)' is not a single literal") }
    switch kinds[0] {
    case .number(let number): return .number(negate ? -number : number)
    case .duration(let length): return .duration(negate ? -length : length)
    case .string(let value) where !negate: return .string(value)
    case .identifier(let word) where !negate:
      switch word.lowercased() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null": return .null
      default: break
      }
    default: break
    }
    throw Failure.usage("-p \(name): '\(text)' is not a literal (a number, string, duration, true, false or null)")
  }
}
