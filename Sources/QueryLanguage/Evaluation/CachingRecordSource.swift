import Dispatch
import Synchronization

/// Records read once and kept: where each record is, and the values of every
/// path a query has asked for so far. Later statements of a session that read
/// only known paths skip the scan of the input altogether.
public final class CachingRecordSource: RecordSource, Sendable {
  private let base: JSONRecordSource
  private let known = Mutex(Known())
  private static let batchSize = 8192

  private struct Known: @unchecked Sendable {
    // Unchecked: JSONText points into `base.buffer`, which this source keeps alive.
    var records: [JSONText]?
    var columns: [[String]: [JSONText?]] = [:]
    /// The compact copies that columns point into.
    var arenas: [JSONBuffer] = []
  }

  /// A column whose values take at most this many bytes is copied into one
  /// compact buffer: later statements then read it from a few megabytes
  /// instead of touching a page of the input per record.
  private static let compactLimit = 64 << 20

  public init(_ base: JSONRecordSource) {
    self.base = base
  }

  public func read<T: Sendable>(
    paths: PathTrie, process: @escaping @Sendable (RecordBatch) -> T, consume: (T) throws -> Bool
  ) throws {
    let (records, columns) = try recordsAndColumns(for: paths.paths)
    let slotCount = columns.count
    let batches = stride(from: 0, to: records.count, by: Self.batchSize).map {
      $0..<min($0 + Self.batchSize, records.count)
    }
    let wave = max(1, base.workers) * 2
    for waveStart in stride(from: 0, to: batches.count, by: wave) {
      let ranges = Array(batches[waveStart..<min(waveStart + wave, batches.count)])
      let results = Mutex([T?](repeating: nil, count: ranges.count))
      DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
        let range = ranges[index]
        var slots: [JSONText?] = []
        slots.reserveCapacity(range.count * slotCount)
        for record in range {
          for column in columns { slots.append(column[record]) }
        }
        let batch = RecordBatch(records: Array(records[range]), slots: slots, slotCount: slotCount)
        let result = process(batch)
        results.withLock { $0[index] = result }
      }
      for result in results.withLock({ $0 }) {
        guard try consume(result!) else { return }
      }
    }
  }

  /// Every record and a column per path, scanning the input once for whatever is not known yet.
  private func recordsAndColumns(for paths: [[String]]) throws -> ([JSONText], [[JSONText?]]) {
    let missing = known.withLock { known in
      known.records == nil ? paths : paths.filter { known.columns[$0] == nil }
    }
    if !missing.isEmpty || known.withLock({ $0.records == nil }) {
      var trie = PathTrie()
      for path in missing { _ = trie.slot(for: path) }
      var records: [JSONText] = []
      var columns = [[JSONText?]](repeating: [], count: missing.count)
      try base.read(paths: trie) {
        $0
      } consume: { batch in
        records += batch.records
        for (slot, _) in missing.enumerated() {
          for index in 0..<batch.records.count { columns[slot].append(batch.slot(slot, ofRecord: index)) }
        }
        return true
      }
      var arenas: [JSONBuffer] = []
      for (slot, path) in missing.enumerated() where !path.isEmpty {
        if let (arena, compact) = Self.compacted(columns[slot]) {
          arenas.append(arena)
          columns[slot] = compact
        }
      }
      known.withLock { known in
        known.records = records
        for (path, column) in zip(missing, columns) { known.columns[path] = column }
        known.arenas += arenas
      }
    }
    return known.withLock { known in (known.records!, paths.map { known.columns[$0]! }) }
  }

  /// `column`'s values copied into one buffer, each followed by a zero byte
  /// (which ends every scan of a value, as the padding ends a buffer's);
  /// nil when they are too many bytes.
  private static func compacted(_ column: [JSONText?]) -> (JSONBuffer, [JSONText?])? {
    var total = 0
    for text in column { total += (text?.count ?? 0) + 1 }
    guard total <= compactLimit else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(total)
    var offsets: [Int] = []
    offsets.reserveCapacity(column.count)
    for text in column {
      offsets.append(bytes.count)
      if let text { bytes.append(contentsOf: text.bytes) }
      bytes.append(0)
    }
    let arena = JSONBuffer(bytes: bytes)
    let compact = zip(column, offsets).map { text, offset in
      text.map { JSONText(start: arena.base + offset, count: $0.count) }
    }
    return (arena, compact)
  }
}
