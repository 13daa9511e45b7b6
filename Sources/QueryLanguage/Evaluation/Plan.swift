/// A pipeline made ready to run: the paths to find in each record ahead of
/// time, the stages to run on worker threads, and the rest.
struct Plan: Sendable {
  /// Key paths the reader finds in each record.
  var paths = PathTrie()
  /// Leading streaming stages, run on worker threads right after reading.
  var workerStages: [Stage] = []
  /// Everything after them, run in order on the calling thread.
  var mainStages: [Stage] = []
  /// The default column set when the result is still whole conversations.
  var columns: [String]?

  /// The columns table, csv and tsv show for whole conversations.
  static let defaultColumns = [
    "id", "name", "contact.name", "contact.platform", "currentDepartment.name", "lastMessageDate",
    "finished",
  ]

  /// Plans `pipeline`; `readsSource` is false when its records come from a
  /// `let` (already in memory), `shape` says whether those are whole conversations.
  init(_ pipeline: Pipeline, readsSource: Bool, inputShape: Shape, printsWholeRecords: Bool) {
    var stages = pipeline.stages.map(\.stage)
    let shape = Shape.after(stages, from: inputShape)
    if case .conversations(let extra) = shape, !printsWholeRecords {
      let names = Plan.defaultColumns + extra.filter { !Plan.defaultColumns.contains($0) }
      columns = names
      stages.append(
        .select(
          names.map { name in
            let keys = extra.contains(name) ? [name] : name.split(separator: ".").map(String.init)
            let path = Expression(
              .rootPath(keys.map(PathStep.key), flatName: keys.count > 1 ? name : nil), SourceRange(0, 0))
            return .named(NamedExpression(name: name, expression: path))
          }))
    }
    if readsSource {
      let eligible = (stages.firstIndex { $0.changesShape } ?? stages.count - 1) + 1
      var trie = PathTrie()
      for index in 0..<min(eligible, stages.count) {
        stages[index] = stages[index].rewritingRootPaths { steps, flatName in
          Plan.slotted(steps, flatName, &trie)
        }
      }
      paths = trie
    }
    if columns == nil { columns = Plan.knownColumns(after: stages) }
    let split = stages.firstIndex { !StreamingStages.isStreaming($0) } ?? stages.count
    workerStages = Array(stages[..<split])
    mainStages = Array(stages[split...])
    self.resultShape = shape
  }

  var resultShape: Shape = .other

  /// The keys every result record has, in order, when the stages fix them
  /// (so csv and tsv can print a header even over no records); nil when
  /// they depend on the records (`select *`, whole conversations).
  static func knownColumns(after stages: [Stage]) -> [String]? {
    var columns: [String]?
    func adding(_ names: [String], to base: [String]) -> [String] {
      var result = base
      for name in names where !result.contains(name) { result.append(name) }
      return result
    }
    func names(_ items: [SelectItem]) -> [String]? {
      var result: [String] = []
      for item in items {
        guard case .named(let named) = item else { return nil }
        result = adding([named.name], to: result)
      }
      return result
    }
    for stage in stages {
      switch stage {
      case .select(let items), .distinct(let items): columns = names(items)
      case .count: columns = ["count"]
      case .summarize(let aggregates, let keys):
        columns = adding(aggregates.map(\.name), to: adding(keys.map(\.name), to: []))
      case .extend(let items): columns = columns.map { adding(items.map(\.name), to: $0) }
      case .expand(let name, _, let replaces):
        if replaces == nil { columns = columns.map { adding([name], to: $0) } }
      case .where, .sort, .take, .skip, .top: break
      }
    }
    return columns
  }

  /// A root path turned into a slot when it starts with plain keys.
  private static func slotted(_ steps: [PathStep], _ flatName: String?, _ paths: inout PathTrie)
    -> Expression.Kind?
  {
    var keys: [String] = []
    for step in steps {
      guard case .key(let key) = step else { break }
      keys.append(key)
    }
    guard !keys.isEmpty else { return nil }
    let slot = paths.slot(for: keys)
    let flatSlot = flatName != nil && steps.keysOnly != nil ? paths.slot(for: [flatName!]) : nil
    let original = Expression(.rootPath(steps, flatName: flatName), SourceRange(0, 0))
    return .slot(slot, flatSlot: flatSlot, rest: Array(steps[keys.count...]), original: original)
  }
}

/// What a pipeline's records are: whole conversations (with fields added by
/// `extend` or `expand NAME =`), or records a stage made.
enum Shape: Sendable, Equatable {
  case conversations(extra: [String])
  case other

  static func after(_ stages: [Stage], from start: Shape) -> Shape {
    var shape = start
    for stage in stages {
      guard case .conversations(var extra) = shape else { return .other }
      switch stage {
      case .select, .distinct, .count, .summarize: return .other
      case .extend(let items): extra += items.map(\.name)
      case .expand(let name, _, let replaces) where replaces == nil: extra.append(name)
      default: break
      }
      shape = .conversations(extra: extra)
    }
    return shape
  }
}

extension Stage {
  /// True for stages whose output records are not their input records.
  var changesShape: Bool {
    switch self {
    case .where, .sort, .take, .skip, .top: return false
    default: return true
    }
  }
}
