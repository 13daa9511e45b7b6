/// A run of consecutive records read from the input, in input order.
///
/// `@unchecked Sendable` is safe: `JSONText` values point into an immutable
/// buffer that the reader's caller keeps alive.
public struct RecordBatch: @unchecked Sendable {
  public let records: [JSONText]
  /// `slots[i * slotCount + s]`: the value at slot `s` of record `i`, nil when absent.
  public let slots: [JSONText?]
  public let slotCount: Int
  public init(records: [JSONText], slots: [JSONText?], slotCount: Int) {
    self.records = records
    self.slots = slots
    self.slotCount = slotCount
  }

  /// The value at `slot` of record `index`, nil when absent.
  public func slot(_ slot: Int, ofRecord index: Int) -> JSONText? {
    slots[index * slotCount + slot]
  }
}

/// Input that is not JSON of the accepted shapes, with where the fault is.
public struct JSONInputError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public let line: Int
  public let column: Int
  public init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }
  public var description: String { "\(message) at line \(line), column \(column)" }
}
