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

  private static func literal(_ text: String, name: String) throws -> Value {
    guard let value = Value.literal(text) else {
      throw Failure.usage(
        "-p \(name): '\(text)' is not a literal (a number, string, duration, true, false or null)")
    }
    return value
  }
}
