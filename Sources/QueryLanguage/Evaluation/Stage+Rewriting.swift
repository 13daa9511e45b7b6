/// Rewrites the root paths of a stage's expressions (the planner turns them into slots).
typealias RootPathRewrite = ([PathStep], String?) -> Expression.Kind?

extension Stage {
  func rewritingRootPaths(_ rewrite: RootPathRewrite) -> Stage {
    func named(_ item: NamedExpression) -> NamedExpression {
      NamedExpression(name: item.name, expression: item.expression.rewritingRootPaths(rewrite))
    }
    func selected(_ item: SelectItem) -> SelectItem {
      if case .named(let inner) = item { return .named(named(inner)) }
      return item
    }
    func sortKey(_ key: SortKey) -> SortKey {
      SortKey(expression: key.expression.rewritingRootPaths(rewrite), descending: key.descending)
    }
    switch self {
    case .where(let condition): return .where(condition.rewritingRootPaths(rewrite))
    case .select(let items): return .select(items.map(selected))
    case .extend(let items): return .extend(items.map(named))
    case .sort(let keys): return .sort(keys.map(sortKey))
    case .top(let count, let key): return .top(count, sortKey(key))
    case .distinct(let items): return .distinct(items.map(selected))
    case .expand(let name, let expression, let replaces):
      return .expand(name: name, expression.rewritingRootPaths(rewrite), replacesPath: replaces)
    case .summarize(let aggregates, let keys):
      let rewritten = aggregates.map {
        AggregateItem(
          name: $0.name, aggregate: $0.aggregate,
          arguments: $0.arguments.map { $0.rewritingRootPaths(rewrite) })
      }
      return .summarize(rewritten, by: keys.map(named))
    case .take, .skip, .count: return self
    }
  }
}

extension Expression {
  func rewritingRootPaths(_ rewrite: RootPathRewrite) -> Expression {
    func child(_ expression: Expression) -> Expression { expression.rewritingRootPaths(rewrite) }
    func steps(_ steps: [PathStep]) -> [PathStep] {
      steps.map { step in
        if case .index(let index) = step { return .index(child(index)) }
        return step
      }
    }
    let kind: Kind
    switch self.kind {
    case .literal, .record, .slot: return self
    case .rootPath(let path, let flatName):
      let rewrittenSteps = steps(path)
      kind = rewrite(rewrittenSteps, flatName) ?? .rootPath(rewrittenSteps, flatName: flatName)
    case .path(let base, let path): kind = .path(child(base), steps(path))
    case .unary(let op, let operand): kind = .unary(op, child(operand))
    case .binary(let op, let left, let right): kind = .binary(op, child(left), child(right))
    case .and(let left, let right): kind = .and(child(left), child(right))
    case .or(let left, let right): kind = .or(child(left), child(right))
    case .not(let operand): kind = .not(child(operand))
    case .inList(let left, let list, let negated):
      kind = .inList(child(left), list.map(child), negated: negated)
    case .inArray(let left, let right, let negated):
      kind = .inArray(child(left), child(right), negated: negated)
    case .isNull(let operand, let negated): kind = .isNull(child(operand), negated: negated)
    case .matches(let operand, let regex): kind = .matches(child(operand), regex)
    case .call(let function, let arguments): kind = .call(function, arguments.map(child))
    }
    return Expression(kind, range)
  }
}
