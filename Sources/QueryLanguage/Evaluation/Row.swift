/// A record flowing through a pipeline, with the values the reader already
/// found in it while it is still a record exactly as read.
public struct Row: Sendable {
  public var value: Value
  /// The reader's slots for this record; nil once a stage made a new record.
  var slots: SlotView?

  public init(_ value: Value) {
    self.value = value
    self.slots = nil
  }

  init(_ value: Value, slots: SlotView?) {
    self.value = value
    self.slots = slots
  }
}

/// One record's slots inside its batch's slot array.
struct SlotView: Sendable {
  let all: [JSONText?]
  let base: Int

  subscript(slot: Int) -> JSONText? { all[base + slot] }
}
