/// The stages that look at one row at a time and keep no state.
enum StreamingStages {
  static func isStreaming(_ stage: Stage) -> Bool {
    switch stage {
    case .where, .select, .extend, .expand: return true
    default: return false
    }
  }

  /// Applies `stage` to `row`, passing each result to `emit` (which returns false to stop).
  static func apply(
    _ stage: Stage, to row: Row, _ evaluator: Evaluator, emit: (Row) throws -> Bool
  ) throws {
    switch stage {
    case .where(let condition):
      if try evaluator.evaluate(condition, row).isTruthy { _ = try emit(row) }
    case .select(let items):
      _ = try emit(Row(.object(try select(items, row, evaluator))))
    case .extend(let items):
      var values: [Value] = []
      for item in items { values.append(try evaluator.evaluate(item.expression, row)) }
      var record = row.value.objectIfObject ?? Object()
      for (item, value) in zip(items, values) { record.set(item.name, value) }
      _ = try emit(Row(.object(record)))
    case .expand(let name, let expression, let replacesPath):
      guard let elements = try evaluator.evaluate(expression, row).elementsIfArray else { return }
      for element in elements {
        let record: Value
        if let path = replacesPath {
          record = replacing(path[...], in: row.value, with: element)
        } else {
          var object = row.value.objectIfObject ?? Object()
          object.set(name, element)
          record = .object(object)
        }
        guard try emit(Row(record)) else { return }
      }
    default:
      preconditionFailure("not a streaming stage")
    }
  }

  static func select(_ items: [SelectItem], _ row: Row, _ evaluator: Evaluator) throws -> Object {
    var record = Object()
    for item in items {
      switch item {
      case .all:
        for (key, value) in (row.value.objectIfObject ?? Object()).members { record.set(key, value) }
      case .named(let named):
        record.set(named.name, try evaluator.evaluate(named.expression, row))
      }
    }
    return record
  }

  /// `value` with the member at `path` set to `replacement`.
  static func replacing(_ path: ArraySlice<String>, in value: Value, with replacement: Value) -> Value {
    guard let key = path.first else { return replacement }
    var object = value.objectIfObject ?? Object()
    let inner = object[key] ?? .null
    object.set(key, replacing(path.dropFirst(), in: inner, with: replacement))
    return .object(object)
  }
}
