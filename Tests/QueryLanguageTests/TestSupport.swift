import Testing

@testable import QueryLanguage

/// A fixed `now()`: 2025-06-30T12:00:00.000Z.
let testNow = parseDate("2025-06-30T12:00:00.000Z")!

/// Evaluates `text` as an expression against `record`.
func evaluate(_ text: String, _ record: Value = .object(Object()), parameters: [String: Value] = [:])
  throws -> Value
{
  var parser = Parser(source: text, parameters: parameters)
  let expression = try parser.expression()
  let evaluator = Evaluator(context: FunctionContext(now: testNow))
  return try evaluator.evaluate(expression, Row(record))
}

/// The diagnostic that parsing `text` as a script gives, rendered.
func parseError(_ text: String, parameters: [String: Value] = [:]) -> String? {
  do {
    _ = try Parser.parse(text, parameters: parameters)
    return nil
  } catch {
    return error.rendered(source: text)
  }
}

/// An object from ordered pairs.
func object(_ pairs: KeyValuePairs<String, Value>) -> Value {
  .object(Object(keys: pairs.map(\.key), values: pairs.map(\.value)))
}

extension Value {
  /// Compact JSON, for comparing results as text.
  var json: String { compactJSON }
}
