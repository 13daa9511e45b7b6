extension Value {
  /// The value with JSON scalars decoded into their typed cases; JSON objects
  /// and arrays stay in their text (use `elementsIfArray` / `memberValue`).
  public var resolved: Value {
    guard case .json(let text) = self else { return self }
    switch text.kind {
    case .null: return .null
    case .bool: return .bool(text.bool ?? false)
    case .number: return .number(text.number ?? 0)
    case .string: return .string(text.string ?? "")
    case .array, .object: return self
    }
  }

  /// The value with every JSON text, however deep, decoded; JSON numbers stay
  /// in their text so they print exactly as the input wrote them.
  public var materialized: Value {
    switch self {
    case .json(let text):
      switch text.kind {
      case .array: return .array(text.elements().map { Value.json($0).materialized })
      case .object:
        var object = Object()
        for (key, value) in text.members() { object.set(key, Value.json(value).materialized) }
        return .object(object)
      case .number: return self
      default: return resolved
      }
    case .array(let elements): return .array(elements.map(\.materialized))
    case .object(let object):
      return .object(Object(keys: object.keys, values: object.values.map(\.materialized)))
    default: return self
    }
  }

  public var isNull: Bool {
    switch self {
    case .null: return true
    case .json(let text): return text.kind == .null
    default: return false
    }
  }

  /// `false` and `null` are false; everything else is true, as in jq.
  public var isTruthy: Bool {
    switch self {
    case .null: return false
    case .bool(let value): return value
    case .json(let text):
      switch text.kind {
      case .null: return false
      case .bool: return text.bool ?? false
      default: return true
      }
    default: return true
    }
  }

  public var string: String? {
    switch self {
    case .string(let value): return value
    case .json(let text): return text.string
    default: return nil
    }
  }

  public var number: Double? {
    switch self {
    case .number(let value): return value
    case .json(let text): return text.number
    default: return nil
    }
  }

  /// The elements when the value is an array (decoded one level).
  public var elementsIfArray: [Value]? {
    switch self {
    case .array(let elements): return elements
    case .json(let text) where text.kind == .array: return text.elements().map(Value.json)
    default: return nil
    }
  }

  /// Members when the value is an object (decoded one level).
  public var objectIfObject: Object? {
    switch self {
    case .object(let object): return object
    case .json(let text) where text.kind == .object:
      var object = Object()
      for (key, value) in text.members() { object.set(key, .json(value)) }
      return object
    default: return nil
    }
  }

  /// The member `key` of an object value; nil when absent or not an object.
  public func member(_ key: String) -> Value? {
    switch self {
    case .object(let object): return object[key]
    case .json(let text): return text.member(key).map(Value.json)
    default: return nil
    }
  }

  /// The type name used in messages and `.fields`.
  public var typeName: String {
    switch resolved {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    case .timestamp: return "timestamp"
    case .duration: return "duration"
    case .json(let text): return text.kind == .array ? "array" : "object"
    }
  }
}
