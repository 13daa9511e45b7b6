/// Evaluates expressions against a row.
struct Evaluator: Sendable {
  let context: FunctionContext

  func evaluate(_ expression: Expression, _ row: Row) throws(Diagnostic) -> Value {
    switch expression.kind {
    case .literal(let value): return value
    case .record: return row.value
    case .rootPath(let steps, let flatName):
      if let flatName, let flat = row.value.member(flatName) { return flat }
      return try follow(row.value, steps[...], row)
    case .slot(let slot, let flatSlot, let rest, let original):
      guard let slots = row.slots else { return try evaluate(original, row) }
      if let flatSlot, let flat = slots[flatSlot] { return .json(flat) }
      guard let found = slots[slot] else { return .null }
      return rest.isEmpty ? .json(found) : try follow(.json(found), rest[...], row)
    case .path(let base, let steps):
      return try follow(try evaluate(base, row), steps[...], row)
    case .unary(.negate, let operand):
      switch try evaluate(operand, row).resolved {
      case .number(let number): return .number(-number)
      case .duration(let length): return .duration(-length)
      default: return .null
      }
    case .binary(let op, let left, let right):
      return try binary(op, try evaluate(left, row), try evaluate(right, row))
    case .and(let left, let right):
      guard try evaluate(left, row).isTruthy else { return .bool(false) }
      return .bool(try evaluate(right, row).isTruthy)
    case .or(let left, let right):
      if try evaluate(left, row).isTruthy { return .bool(true) }
      return .bool(try evaluate(right, row).isTruthy)
    case .not(let operand):
      return .bool(!(try evaluate(operand, row).isTruthy))
    case .inList(let left, let elements, let negated):
      let value = try evaluate(left, row)
      for element in elements where value.isEqual(to: try evaluate(element, row)) {
        return .bool(!negated)
      }
      return .bool(negated)
    case .inArray(let left, let right, let negated):
      let value = try evaluate(left, row)
      let found = try evaluate(right, row).elementsIfArray?.contains { value.isEqual(to: $0) } ?? false
      return .bool(found != negated)
    case .isNull(let operand, let negated):
      return .bool(try evaluate(operand, row).isNull != negated)
    case .matches(let operand, let compiled):
      guard let text = try evaluate(operand, row).string else { return .bool(false) }
      return .bool((try? compiled.regex.firstMatch(in: text)) != nil)
    case .call(let function, let arguments):
      var values: [Value] = []
      values.reserveCapacity(arguments.count)
      for argument in arguments { values.append(try evaluate(argument, row)) }
      do {
        return try function.body(values, context)
      } catch {
        throw Diagnostic(error.message, at: expression.range)
      }
    }
  }

  /// Applies path steps; after `[*]` the remaining steps apply to each element.
  func follow(_ start: Value, _ steps: ArraySlice<PathStep>, _ row: Row) throws(Diagnostic) -> Value {
    var current = start
    var index = steps.startIndex
    while index < steps.endIndex {
      switch steps[index] {
      case .key(let key):
        guard let member = current.member(key) else { return .null }
        current = member
      case .index(let expression):
        let position = try evaluate(expression, row)
        if let number = position.number {
          guard number == number.rounded(), abs(number) < 1e15 else { return .null }
          current = element(of: current, at: Int(number)) ?? .null
        } else if let key = position.string {
          current = current.member(key) ?? .null
        } else {
          return .null
        }
      case .each:
        guard let elements = current.elementsIfArray else { return .null }
        var mapped: [Value] = []
        mapped.reserveCapacity(elements.count)
        for element in elements {
          mapped.append(try follow(element, steps[(index + 1)...], row))
        }
        return .array(mapped)
      }
      index += 1
    }
    return current
  }

  func element(of value: Value, at position: Int) -> Value? {
    switch value {
    case .json(let text): return text.element(at: position).map(Value.json)
    case .array(let elements):
      let index = position < 0 ? elements.count + position : position
      return elements.indices.contains(index) ? elements[index] : nil
    default: return nil
    }
  }
}
