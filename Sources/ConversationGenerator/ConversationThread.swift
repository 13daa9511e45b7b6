/// A conversation's `currentThread`: one stretch of attendance, from the
/// moment it started to the moment an attendant finished it.
struct ConversationThread {
  let conversation: ObjectID
  let serial: Int
  let startedAt: Int64
  let finishedAt: Int64?
  let attendants: [ObjectID]
  let department: ObjectID?

  private static let codeLetters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)

  func write(into writer: inout ByteWriter, process: UInt64, random: inout SeededRandom) {
    writer.byte(UInt8(ascii: "{"))
    writer.firstKey("id")
    writer.objectID(ObjectID(milliseconds: startedAt, process: process, serial: serial))
    writer.key("code")
    writer.byte(UInt8(ascii: "\""))
    for _ in 0..<8 { writer.byte(random.element(of: Self.codeLetters)) }
    writer.byte(UInt8(ascii: "\""))
    writer.key("startedAt")
    writer.timestamp(startedAt)
    writer.key("finishedAt")
    writer.timestamp(finishedAt)
    writer.key("attendants")
    writer.byte(UInt8(ascii: "["))
    for (index, attendant) in attendants.enumerated() {
      if index > 0 { writer.byte(UInt8(ascii: ",")) }
      writer.objectID(attendant)
    }
    writer.byte(UInt8(ascii: "]"))
    writer.key("conversationId")
    writer.objectID(conversation)
    writer.key("department")
    if let department {
      writer.raw("{\"id\":")
      writer.objectID(department)
      writer.byte(UInt8(ascii: "}"))
    } else {
      writer.null()
    }
    writer.key("durationInMs")
    if let finishedAt {
      Self.writeLoosely(finishedAt - startedAt, into: &writer, random: &random)
    } else {
      writer.null()
    }
    writer.key("waitTimeInMs")
    if random.chance(30) {
      writer.null()
    } else {
      let wait = TimeWindow.duration(
        [
          (400, 5_000...120_000), (300, 120_000...900_000), (200, 900_000...2 * TimeWindow.hour),
          (100, 2 * TimeWindow.hour...12 * TimeWindow.hour),
        ], random: &random)
      Self.writeLoosely(wait, into: &writer, random: &random)
    }
    writer.byte(UInt8(ascii: "}"))
  }

  /// A number of milliseconds: usually a JSON number, sometimes a string of
  /// digits, since the API types these fields loosely.
  private static func writeLoosely(
    _ milliseconds: Int64, into writer: inout ByteWriter, random: inout SeededRandom
  ) {
    if random.chance(80) {
      writer.byte(UInt8(ascii: "\""))
      writer.integer(milliseconds)
      writer.byte(UInt8(ascii: "\""))
    } else {
      writer.integer(milliseconds)
    }
  }
}
