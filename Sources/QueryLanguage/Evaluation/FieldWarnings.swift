/// Warnings for field paths that no record has (LANGUAGE.md §8): not errors,
/// since the API may omit a field, but a typo is likelier.
extension Script {
  /// A warning for each path, in stages that read records as they came from
  /// `conversations`, that `catalog` does not know, naming the nearest known path.
  public func fieldWarnings(_ catalog: FieldCatalog) -> [Diagnostic] {
    guard catalog.recordCount > 0 else { return [] }
    var warnings: [Diagnostic] = []
    for statement in statements {
      let pipeline: Pipeline
      switch statement {
      case .pipeline(let inner), .let(_, let inner): pipeline = inner
      case .dotCommand: continue
      }
      guard pipeline.source == .conversations else { continue }
      let stages = pipeline.stages.map(\.stage)
      let window = (stages.firstIndex { $0.changesShape } ?? stages.count - 1) + 1
      for expression in stages.prefix(window).flatMap(\.expressions) {
        expression.forEachRootPath { steps, flatName, range in
          let path = catalogPath(steps)
          if catalog.field(path) != nil || flatName.map({ catalog.field($0) != nil }) == true { return }
          warnings.append(
            Diagnostic("no record has the field '\(path)'", at: range, severity: .warning)
              .suggesting(nearestName(to: path, in: catalog.paths)))
        }
      }
    }
    return warnings
  }
}

/// A path as the catalog names it: keys joined by dots, any index as `[*]`.
func catalogPath(_ steps: [PathStep]) -> String {
  var path = ""
  for step in steps {
    switch step {
    case .key(let key): path += path.isEmpty ? key : ".\(key)"
    case .index, .each: path += "[*]"
    }
  }
  return path
}

extension Stage {
  /// Every expression the stage evaluates.
  var expressions: [Expression] {
    func named(_ items: [SelectItem]) -> [Expression] {
      items.compactMap { item in
        if case .named(let named) = item { return named.expression }
        return nil
      }
    }
    switch self {
    case .where(let condition): return [condition]
    case .select(let items), .distinct(let items): return named(items)
    case .extend(let items): return items.map(\.expression)
    case .sort(let keys): return keys.map(\.expression)
    case .top(_, let key): return [key.expression]
    case .expand(_, let expression, _): return [expression]
    case .summarize(let aggregates, let keys): return aggregates.flatMap(\.arguments) + keys.map(\.expression)
    case .take, .skip, .count: return []
    }
  }
}

extension Expression {
  /// Calls `body` for each path from the current record, however deep.
  func forEachRootPath(_ body: ([PathStep], String?, SourceRange) -> Void) {
    func visitSteps(_ steps: [PathStep]) {
      for case .index(let index) in steps { index.forEachRootPath(body) }
    }
    switch kind {
    case .literal, .record: break
    case .rootPath(let steps, let flatName):
      body(steps, flatName, range)
      visitSteps(steps)
    case .slot(_, _, _, let original): original.forEachRootPath(body)
    case .path(let base, let steps):
      base.forEachRootPath(body)
      visitSteps(steps)
    case .unary(_, let operand), .not(let operand), .isNull(let operand, _), .matches(let operand, _):
      operand.forEachRootPath(body)
    case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right),
      .inArray(let left, let right, _):
      left.forEachRootPath(body)
      right.forEachRootPath(body)
    case .inList(let left, let list, _):
      left.forEachRootPath(body)
      for element in list { element.forEachRootPath(body) }
    case .call(_, let arguments):
      for argument in arguments { argument.forEachRootPath(body) }
    }
  }
}
