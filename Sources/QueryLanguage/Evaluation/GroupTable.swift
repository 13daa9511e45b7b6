/// The groups of a `summarize`: keys in first-seen order, each with its
/// aggregates' running state. Worker threads build one per batch of records;
/// the calling thread merges them in input order, which keeps first-seen
/// order and the order of `list()`.
final class GroupTable: @unchecked Sendable {
  // Unchecked: a table is built by one thread, handed over once through the
  // record reader's ordered hand-off, and only then read or merged by another.
  let aggregates: [AggregateItem]
  let keys: [NamedExpression]
  private var index: [[HashKey]: Int] = [:]
  private var groupKeys: [[Value]] = []
  private var accumulators: [[Accumulator]] = []

  init(aggregates: [AggregateItem], keys: [NamedExpression]) {
    self.aggregates = aggregates
    self.keys = keys
  }

  func add(_ row: Row, _ evaluator: Evaluator) throws {
    var keyValues: [Value] = []
    keyValues.reserveCapacity(keys.count)
    for key in keys { keyValues.append(try evaluator.evaluate(key.expression, row)) }
    let group = self.group(for: keyValues)
    for (position, item) in aggregates.enumerated() {
      var arguments: [Value] = []
      for argument in item.arguments { arguments.append(try evaluator.evaluate(argument, row)) }
      accumulators[group][position].add(arguments)
    }
  }

  /// Folds in a table built over later records.
  func merge(_ later: GroupTable) {
    for (keyValues, laterAccumulators) in zip(later.groupKeys, later.accumulators) {
      let group = self.group(for: keyValues)
      for (accumulator, laterOne) in zip(accumulators[group], laterAccumulators) {
        accumulator.merge(laterOne)
      }
    }
  }

  private func group(for keyValues: [Value]) -> Int {
    let hashKey = keyValues.map(HashKey.init)
    if let known = index[hashKey] { return known }
    let group = groupKeys.count
    index[hashKey] = group
    groupKeys.append(keyValues)
    accumulators.append(aggregates.map { $0.aggregate.makeAccumulator() })
    return group
  }

  /// One record per group: the keys, then the aggregates. Without `by`,
  /// exactly one record, also over no input.
  func records() -> [Object] {
    if keys.isEmpty && groupKeys.isEmpty { _ = group(for: []) }
    return zip(groupKeys, accumulators).map { keyValues, groupAccumulators in
      var record = Object()
      for (key, value) in zip(keys, keyValues) { record.set(key.name, value) }
      for (item, accumulator) in zip(aggregates, groupAccumulators) {
        record.set(item.name, accumulator.result())
      }
      return record
    }
  }
}
