extension Value {
  /// A single dcq literal written alone (`-p n:=60000`, `.param since 7d`):
  /// a number, string, duration, `true`, `false` or `null`, a leading `-`
  /// allowed on numbers and durations; nil for anything else.
  public static func literal(_ text: String) -> Value? {
    guard let tokens = try? Lexer.tokens(of: text) else { return nil }
    var kinds = tokens.map(\.kind).filter { $0 != .end }
    var negate = false
    if kinds.first == .symbol(.minus) {
      negate = true
      kinds.removeFirst()
    }
    guard kinds.count == 1 else { return nil }
    switch kinds[0] {
    case .number(let number): return .number(negate ? -number : number)
    case .duration(let length): return .duration(negate ? -length : length)
    case .string(let value) where !negate: return .string(value)
    case .identifier(let word) where !negate:
      switch word.lowercased() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null": return .null
      default: return nil
      }
    default: return nil
    }
  }
}
