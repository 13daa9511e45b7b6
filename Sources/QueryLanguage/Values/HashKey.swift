/// A value reduced to what `==` compares, so groups and distinct sets can hash it.
enum HashKey: Hashable {
  case null
  case bool(Bool)
  case number(Double)
  /// Swift's String hashes and compares by canonical equivalence, as `==` does.
  case string(String)
  case timestamp(Double)
  case duration(Double)
  case array([HashKey])
  case object([String: HashKey])

  init(_ value: Value) {
    switch value.resolved {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .number(let number): self = .number(number == 0 ? 0 : number)
    case .string(let text): self = .string(text)
    case .timestamp(let instant): self = .timestamp(instant)
    case .duration(let length): self = .duration(length)
    case let other:
      if let elements = other.elementsIfArray {
        self = .array(elements.map(HashKey.init))
      } else if let object = other.objectIfObject {
        var members: [String: HashKey] = [:]
        for (key, member) in object.members { members[key] = HashKey(member) }
        self = .object(members)
      } else {
        self = .null
      }
    }
  }
}
