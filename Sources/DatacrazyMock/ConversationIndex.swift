import Foundation
import QueryLanguage

/// The configured records, laid end to end in one buffer, with each one's
/// place and the values the filters read: a page is then a few copies of
/// byte ranges, with nothing parsed or encoded per request.
struct ConversationIndex: Sendable {
  /// Every record's bytes, exactly as configured, each followed by a newline.
  let storage: JSONBuffer
  /// Where record `i` starts in `storage`, and how many bytes it has.
  let offsets: [Int]
  let lengths: [Int]
  /// `values[i * fieldCount + field]`: record `i`'s value of a `FilterField`,
  /// pointing into `storage`, nil when absent.
  private let values: [JSONText?]
  /// Indices of the open and of the finished records, in the configured order.
  let open: [Int32]
  let finished: [Int32]

  private static let fieldCount = FilterField.allCases.count

  init(records: [[UInt8]]) {
    var offsets: [Int] = []
    offsets.reserveCapacity(records.count)
    var total = 0
    for record in records {
      offsets.append(total)
      total += record.count + 1
    }
    storage = Self.concatenate(records, count: total, offsets: offsets)
    self.offsets = offsets
    lengths = records.map(\.count)
    let values = Self.readValues(storage, offsets: offsets, lengths: lengths)
    self.values = values
    var open: [Int32] = []
    var finished: [Int32] = []
    for index in offsets.indices {
      if values[index * Self.fieldCount + FilterField.finished.rawValue]?.bool == true {
        finished.append(Int32(index))
      } else {
        open.append(Int32(index))
      }
    }
    self.open = open
    self.finished = finished
  }

  /// Record `index`'s bytes, valid while `storage` lives.
  func bytes(of index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: storage.base + offsets[index], count: lengths[index])
  }

  /// Record `index`'s value of `field`, nil when it has none.
  func value(_ field: FilterField, of index: Int) -> JSONText? {
    values[index * Self.fieldCount + field.rawValue]
  }

  /// One buffer of the records, each followed by a newline (NDJSON), and the
  /// zero padding a `JSONBuffer` ends with.
  private static func concatenate(_ records: [[UInt8]], count: Int, offsets: [Int]) -> JSONBuffer {
    let capacity = count + JSONBuffer.padding
    let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
    let text = raw.bindMemory(to: UInt8.self, capacity: capacity)
    for (record, offset) in zip(records, offsets) {
      record.withUnsafeBufferPointer { source in
        if let address = source.baseAddress { (text + offset).initialize(from: address, count: source.count) }
      }
      (text + offset + record.count).initialize(to: UInt8(ascii: "\n"))
    }
    (text + count).initialize(repeating: 0, count: JSONBuffer.padding)
    // The address travels as an integer: a raw pointer is not Sendable, and
    // the closure runs once, from the buffer's deinit.
    let address = Int(bitPattern: raw)
    return JSONBuffer(adopting: UnsafePointer(text), count: count) {
      UnsafeMutableRawPointer(bitPattern: address)?.deallocate()
    }
  }

  /// Each record's field values: from one validating pass over all records
  /// on every core when each record is one JSON value, else record by record.
  private static func readValues(_ storage: JSONBuffer, offsets: [Int], lengths: [Int]) -> [JSONText?] {
    if let values = try? bulkValues(storage, offsets: offsets, lengths: lengths) { return values }
    var values: [JSONText?] = []
    values.reserveCapacity(offsets.count * fieldCount)
    for index in offsets.indices {
      var start = storage.base + offsets[index]
      var end = start + lengths[index]
      while start < end, isWhitespace(start.pointee) { start += 1 }
      while end > start, isWhitespace(end[-1]) { end -= 1 }
      // Not validated: the accessors never read outside the record's bytes.
      let record = JSONText(start: start, count: end - start)
      for field in FilterField.allCases {
        values.append(field.path.reduce(Optional(record)) { value, key in value?.member(key) })
      }
    }
    return values
  }

  private struct Misaligned: Error {}

  private static func bulkValues(_ storage: JSONBuffer, offsets: [Int], lengths: [Int]) throws
    -> [JSONText?]
  {
    var paths = PathTrie()
    let slots = FilterField.allCases.map { paths.slot(for: $0.path) }
    var values: [JSONText?] = []
    values.reserveCapacity(offsets.count * fieldCount)
    var records = 0
    try RecordReader.read(
      storage, paths: paths, workers: ProcessInfo.processInfo.activeProcessorCount,
      process: { $0 },
      consume: { batch in
        for (position, record) in batch.records.enumerated() {
          // Each configured record must be exactly one value read, in order.
          let start = record.start - storage.base
          guard records < offsets.count, start >= offsets[records],
            start + record.count <= offsets[records] + lengths[records]
          else { throw Misaligned() }
          for slot in slots { values.append(batch.slot(slot, ofRecord: position)) }
          records += 1
        }
        return true
      })
    guard records == offsets.count else { throw Misaligned() }
    return values
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}
