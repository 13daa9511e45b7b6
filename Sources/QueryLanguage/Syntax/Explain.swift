/// The text of `--explain` and `.explain`: each statement's source, then its
/// stages one per line, with every expression fully parenthesised so the
/// reader sees how it was grouped.
extension Statement {
  public var explained: String {
    switch self {
    case .dotCommand(let text, _): return "dot-command \(text)\n"
    case .pipeline(let pipeline): return pipeline.explained(header: "pipeline")
    case .let(let name, let pipeline): return pipeline.explained(header: "let \(name) =")
    }
  }
}

extension Pipeline {
  func explained(header: String) -> String {
    let sourceName: String =
      switch source {
      case .conversations: "conversations"
      case .name(let name): name
      }
    var lines = ["\(header) \(sourceName)"]
    for node in stages { lines.append("  | " + node.stage.explained) }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Stage {
  var explained: String {
    func items(_ items: [SelectItem]) -> String {
      items.map { item in
        switch item {
        case .all: return "*"
        case .named(let named): return "\(quotedName(named.name)) = \(named.expression.explained)"
        }
      }.joined(separator: ", ")
    }
    func named(_ items: [NamedExpression]) -> String {
      items.map { "\(quotedName($0.name)) = \($0.expression.explained)" }.joined(separator: ", ")
    }
    func key(_ key: SortKey) -> String { key.expression.explained + (key.descending ? " desc" : " asc") }
    switch self {
    case .where(let condition): return "where \(condition.explained)"
    case .select(let list): return "select \(items(list))"
    case .extend(let list): return "extend \(named(list))"
    case .sort(let keys): return "sort by " + keys.map(key).joined(separator: ", ")
    case .take(let count): return "take \(count)"
    case .skip(let count): return "skip \(count)"
    case .top(let count, let sortKey): return "top \(count) by \(key(sortKey))"
    case .distinct(let list): return "distinct \(items(list))"
    case .count: return "count"
    case .expand(let name, let expression, let replaces):
      return replaces != nil
        ? "expand \(expression.explained)" : "expand \(quotedName(name)) = \(expression.explained)"
    case .summarize(let aggregates, let keys):
      let aggregateText = aggregates.map {
        "\(quotedName($0.name)) = \($0.aggregate.name)(\($0.arguments.map(\.explained).joined(separator: ", ")))"
      }.joined(separator: ", ")
      return "summarize \(aggregateText)" + (keys.isEmpty ? "" : " by \(named(keys))")
    }
  }
}

/// A name as the language would write it: backticked unless a plain identifier.
func quotedName(_ name: String) -> String {
  let isIdentifier =
    name.unicodeScalars.first.map { $0.isIdentifierStart } == true
    && name.unicodeScalars.allSatisfy { $0.isIdentifierPart }
    && !reservedWords.contains(name.lowercased())
  return isIdentifier ? name : "`\(name)`"
}

extension Expression {
  /// The expression as text, with parentheses around every operation.
  public var explained: String {
    switch kind {
    case .literal(let value): return literalText(value)
    case .record: return "."
    case .rootPath(let steps, _): return stepsText(steps, root: true)
    case .path(let base, let steps): return base.explained + stepsText(steps, root: false)
    case .slot(_, _, _, let original): return original.explained
    case .unary(_, let operand): return "(-\(operand.explained))"
    case .binary(let op, let left, let right): return "(\(left.explained) \(op.rawValue) \(right.explained))"
    case .and(let left, let right): return "(\(left.explained) and \(right.explained))"
    case .or(let left, let right): return "(\(left.explained) or \(right.explained))"
    case .not(let operand): return "(not \(operand.explained))"
    case .inList(let left, let list, let negated):
      return
        "(\(left.explained) \(negated ? "not in" : "in") (\(list.map(\.explained).joined(separator: ", "))))"
    case .inArray(let left, let right, let negated):
      return "(\(left.explained) \(negated ? "not in" : "in") \(right.explained))"
    case .isNull(let operand, let negated):
      return "(\(operand.explained) is \(negated ? "not " : "")null)"
    case .matches(let operand, let regex):
      return "(\(operand.explained) matches \(literalText(.string(regex.pattern))))"
    case .call(let function, let arguments):
      let list = arguments.map(\.explained).joined(separator: ", ")
      return function.name == "[]" ? "[\(list)]" : "\(function.name)(\(list))"
    }
  }

  private func stepsText(_ steps: [PathStep], root: Bool) -> String {
    var text = ""
    for (index, step) in steps.enumerated() {
      switch step {
      case .key(let key): text += (index == 0 && root ? "" : ".") + quotedName(key)
      case .index(let position): text += "[\(position.explained)]"
      case .each: text += "[*]"
      }
    }
    return text
  }

  private func literalText(_ value: Value) -> String {
    switch value {
    case .duration(let length): return formatNumber(length) + "ms"
    case .timestamp(let instant): return "date(\"\(formatTimestamp(instant))\")"
    default: return value.compactJSON
    }
  }
}
