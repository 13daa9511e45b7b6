extension JSONText {
  /// The value fully decoded: strings unescaped, numbers parsed, arrays and
  /// objects built member by member (a repeated key keeps its first position
  /// and takes the last value, like `member(_:)`).
  public func decoded() -> Value {
    decoded(depth: 0)
  }

  private func decoded(depth: Int) -> Value {
    switch kind {
    case .null: return .null
    case .bool: return .bool(bool ?? false)
    case .number: return number.map(Value.number) ?? .null
    case .string: return .string(string ?? "")
    case .array:
      // Validated text is at most 512 deep; deeper text was not validated
      // and is left undecoded rather than recursed into.
      guard depth < 512 else { return .json(self) }
      return .array(elements().map { $0.decoded(depth: depth + 1) })
    case .object:
      guard depth < 512 else { return .json(self) }
      var object = Object()
      for (key, value) in members() { object.set(key, value.decoded(depth: depth + 1)) }
      return .object(object)
    }
  }
}
