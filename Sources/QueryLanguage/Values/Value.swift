/// A value of the query language: what a path, an operator or a function gives.
///
/// JSON values read from the input stay in their input text (`.json`) until a
/// query needs them decoded, so a record costs nothing for the fields a query
/// never reads. Timestamps and durations never come from JSON directly.
public enum Value: Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([Value])
  case object(Object)
  /// Milliseconds since 1970-01-01T00:00:00Z.
  case timestamp(Double)
  /// A length of time in milliseconds.
  case duration(Double)
  /// A JSON value still in its input text; `resolved` decodes its scalars.
  case json(JSONText)
}

/// A JSON object's members, in their input (or query) order.
///
/// Records are small (tens of keys), so lookups scan linearly: cheaper than
/// hashing every key of every record.
public struct Object: Sendable {
  public private(set) var keys: [String]
  public private(set) var values: [Value]

  public init() {
    keys = []
    values = []
  }

  public init(keys: [String], values: [Value]) {
    precondition(keys.count == values.count)
    self.keys = keys
    self.values = values
  }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  public func index(of key: String) -> Int? {
    keys.firstIndex(of: key)
  }

  /// The value of `key`, or nil when the object has no such member.
  public subscript(key: String) -> Value? {
    guard let index = index(of: key) else { return nil }
    return values[index]
  }

  /// Sets `key`: an existing member keeps its position, a new one goes last.
  public mutating func set(_ key: String, _ value: Value) {
    if let index = index(of: key) {
      values[index] = value
    } else {
      keys.append(key)
      values.append(value)
    }
  }

  public var members: Zip2Sequence<[String], [Value]> { zip(keys, values) }
}
