/// A function of the language. The table `Function.all` drives parsing,
/// arity checks, "did you mean", completion and `.help`.
public struct Function: Sendable {
  public let name: String
  public let arity: ClosedRange<Int>
  /// The call as shown in help: `split(s, sep)`.
  public let signature: String
  public let summary: String
  let body: @Sendable ([Value], FunctionContext) throws(FunctionError) -> Value

  /// The function named `name`, in any case.
  public static func named(_ name: String) -> Function? {
    let lowered = name.lowercased()
    return all.first { $0.name == lowered }
  }
}

/// What a function may read besides its arguments.
public struct FunctionContext: Sendable {
  /// `now()`, one value for the whole statement, in ms since the epoch.
  public var now: Double
  /// The zone of `day()` and friends when none is given (`DCQ_TZ`), nil for UTC.
  public var defaultTimeZone: String?

  public init(now: Double, defaultTimeZone: String? = nil) {
    self.now = now
    self.defaultTimeZone = defaultTimeZone
  }
}

/// A function's complaint about its arguments, placed at the call by the evaluator.
public struct FunctionError: Error, Sendable {
  public let message: String
}

extension Function {
  public static let all: [Function] = [
    Function(name: "lower", arity: 1...1, signature: "lower(s)", summary: "the string in lower case") {
      args, _ in args[0].string.map { .string($0.lowercased()) } ?? .null
    },
    Function(name: "upper", arity: 1...1, signature: "upper(s)", summary: "the string in upper case") {
      args, _ in args[0].string.map { .string($0.uppercased()) } ?? .null
    },
    Function(
      name: "trim", arity: 1...1, signature: "trim(s)",
      summary: "the string without surrounding white space"
    ) { args, _ in
      args[0].string.map { .string($0.trimmingWhitespace()) } ?? .null
    },
    Function(
      name: "len", arity: 1...1, signature: "len(x)",
      summary: "characters of a string, elements of an array, keys of an object"
    ) { args, _ in
      if let text = args[0].string { return .number(Double(text.count)) }
      if let elements = args[0].elementsIfArray { return .number(Double(elements.count)) }
      if let object = args[0].objectIfObject { return .number(Double(object.count)) }
      return .null
    },
    Function(
      name: "split", arity: 2...2, signature: "split(s, sep)",
      summary: "the pieces of a string between separators; \"\" gives []"
    ) { args, _ in
      guard let text = args[0].string, let separator = args[1].string else { return .null }
      if text.isEmpty { return .array([]) }
      if separator.isEmpty { return .array(text.map { .string(String($0)) }) }
      return .array(
        text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
    },
    Function(
      name: "join", arity: 2...2, signature: "join(arr, sep)",
      summary: "the elements, each as by string(), joined by sep"
    ) { args, _ in
      guard let elements = args[0].elementsIfArray else { return .null }
      let separator = args[1].string ?? stringify(args[1])
      return .string(elements.map(stringify).joined(separator: separator))
    },
    Function(
      name: "coalesce", arity: 1...Int.max, signature: "coalesce(a, b, ...)",
      summary: "the first argument that is not null"
    ) { args, _ in
      args.first { !$0.isNull } ?? .null
    },
    Function(
      name: "bool", arity: 1...1, signature: "bool(x)",
      summary: "true/false for booleans and the strings \"true\"/\"false\" (any case)"
    ) { args, _ in
      switch args[0].resolved {
      case .bool(let value): return .bool(value)
      case .string(let text):
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .null
        }
      default: return .null
      }
    },
    Function(
      name: "number", arity: 1...1, signature: "number(x)",
      summary: "numbers as they are; a string holding a JSON number, parsed"
    ) { args, _ in
      if case .number = args[0].resolved { return args[0] }
      guard let text = args[0].string else { return .null }
      return parseJSONNumber(text.trimmingWhitespace()).map(Value.number) ?? .null
    },
    Function(
      name: "string", arity: 1...1, signature: "string(x)",
      summary: "strings as they are, other values as compact JSON"
    ) { args, _ in .string(stringify(args[0])) },
    Function(name: "now", arity: 0...0, signature: "now()", summary: "the current timestamp") {
      _, context in .timestamp(context.now)
    },
    Function(name: "ago", arity: 1...1, signature: "ago(d)", summary: "now() - d") { args, context in
      guard case .duration(let length) = args[0] else { return .null }
      return .timestamp(context.now - length)
    },
    Function(
      name: "date", arity: 1...1, signature: "date(s)", summary: "the timestamp of a date string"
    ) { args, _ in
      timestamp(of: args[0]).map(Value.timestamp) ?? .null
    },
    calendarFunction("day", "the day \"2025-06-23\"") { parts in
      .string("\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))")
    },
    calendarFunction("week", "the ISO week \"2025-W26\"") { parts in
      let (year, week) = isoWeek(parts)
      return .string("\(pad(year, 4))-W\(pad(week, 2))")
    },
    calendarFunction("month", "the month \"2025-06\"") { parts in
      .string("\(pad(parts.year, 4))-\(pad(parts.month, 2))")
    },
    calendarFunction("hour", "the hour of the day, 0-23") { parts in .number(Double(parts.hour)) },
    durationFunction("hours", 3_600_000),
    durationFunction("minutes", 60_000),
    durationFunction("seconds", 1000),
    Function(
      name: "round", arity: 1...2, signature: "round(x[, digits])",
      summary: "a number rounded half away from zero, to digits decimals (default 0)"
    ) { args, _ in
      guard let number = args[0].number else { return .null }
      var digits = 0.0
      if args.count == 2 {
        guard let given = args[1].number, given == given.rounded(), (0...15).contains(given) else {
          return .null
        }
        digits = given
      }
      var scale = 1.0
      for _ in 0..<Int(digits) { scale *= 10 }
      return .number((number * scale).rounded(.toNearestOrAwayFromZero) / scale)
    },
    Function(
      name: "if", arity: 3...3, signature: "if(cond, a, b)", summary: "a if cond is true, else b"
    ) { args, _ in
      args[0].isTruthy ? args[1] : args[2]
    },
  ]

  private static func durationFunction(_ name: String, _ unit: Double) -> Function {
    Function(
      name: name, arity: 1...1, signature: "\(name)(d)",
      summary: "a duration in \(name), as a number"
    ) { args, _ in
      guard case .duration(let length) = args[0] else { return .null }
      return .number(length / unit)
    }
  }

  private static func calendarFunction(
    _ name: String, _ summary: String, _ body: @escaping @Sendable (CivilTime) -> Value
  ) -> Function {
    Function(
      name: name, arity: 1...2, signature: "\(name)(t[, tz])",
      summary: "\(summary), in zone tz or DCQ_TZ or UTC"
    ) { args, context throws(FunctionError) in
      var zone = context.defaultTimeZone
      if args.count == 2 {
        guard let name = args[1].string else { return .null }
        zone = name
      }
      guard let instant = timestamp(of: args[0]) else { return .null }
      return body(try civilTime(instant, zone: zone))
    }
  }
}

/// A timestamp, or a date string read as one.
func timestamp(of value: Value) -> Double? {
  switch value.resolved {
  case .timestamp(let instant): return instant
  case .string(let text): return parseDate(text)
  default: return nil
  }
}

extension String {
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}

/// A JSON number's value, nil if `text` is not exactly one JSON number.
func parseJSONNumber(_ text: String) -> Double? {
  var bytes = Array(text.utf8)[...]
  func digits() -> Int {
    var count = 0
    while let byte = bytes.first, byte >= 48, byte <= 57 {
      bytes = bytes.dropFirst()
      count += 1
    }
    return count
  }
  if bytes.first == 0x2D { bytes = bytes.dropFirst() }
  if bytes.first == 0x30 {
    bytes = bytes.dropFirst()
  } else if digits() == 0 {
    return nil
  }
  if bytes.first == 0x2E {
    bytes = bytes.dropFirst()
    if digits() == 0 { return nil }
  }
  if bytes.first == 0x65 || bytes.first == 0x45 {
    bytes = bytes.dropFirst()
    if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }
    if digits() == 0 { return nil }
  }
  guard bytes.isEmpty else { return nil }
  return Double(text)
}
