/// Writes realistic Datacrazy conversations shaped like the API's reference
/// record (`GET /api/v1/conversations`), with its quirks: fields absent on
/// some records, extra fields on others, `hidden` as a string, ids in
/// comma-separated strings, accented and decomposed names, descriptions
/// with quotes, tabs, newlines and `},{`. The same seed and base give the
/// same bytes on every machine: the generator has its own PRNG and uses
/// integer arithmetic only.
///
/// ```swift
/// let generator = ConversationGenerator(seed: ConversationGenerator.demoSeed)
/// let page = generator.data(count: 1000, format: .page)
/// ```
public struct ConversationGenerator: Sendable {
  /// The seed of `dcq --demo`'s data, and of `dcq-gen` unless told otherwise.
  public static let demoSeed: UInt64 = 42

  /// 2025-06-30T00:00:00.000Z, in milliseconds since 1970.
  public static let defaultBase: Int64 = 1_751_241_600_000

  /// How many days before the base the conversations' activity falls in.
  public static let windowDays: Int64 = 90

  /// The layout of the output. Records are compact JSON, one per line in
  /// every format.
  public enum Format: String, CaseIterable, Sendable {
    /// A JSON array: `[`, the records separated by `,` and a newline, `]`.
    case array
    /// An API page: `{"count": N, "data": [...]}`.
    case page
    /// One record per line.
    case ndjson
  }

  public let seed: UInt64
  /// The end of the activity, in milliseconds since 1970 (UTC): every date
  /// is before it, and last messages fall in the `windowDays` before it.
  public let base: Int64
  private let record: ConversationRecord

  public init(seed: UInt64 = demoSeed, base: Int64 = defaultBase) {
    self.seed = seed
    self.base = base
    let window = TimeWindow(end: base, days: Self.windowDays)
    record = ConversationRecord(seed: seed, window: window, catalog: Catalog(seed: seed, window: window))
  }

  /// Midnight UTC of a calendar date, in milliseconds since 1970: a `base`.
  public static func milliseconds(year: Int, month: Int, day: Int) -> Int64 {
    CivilDate(year: Int64(year), month: Int64(month), day: Int64(day)).daysSinceEpoch * TimeWindow.day
  }

  /// Writes `count` conversations, newest first by `lastMessageDate` (as
  /// the API lists them), laid out as `format`, handing the text to `sink`
  /// in blocks of about 1 MB. A block is valid only during its call.
  public func write(
    count: Int, format: Format, to sink: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    let blockSize = 1 << 20
    var writer = ByteWriter(capacity: blockSize + (1 << 16))
    switch format {
    case .array: writer.raw("[")
    case .page:
      writer.raw("{\"count\": ")
      writer.integer(Int64(count))
      writer.raw(", \"data\": [")
    case .ndjson: break
    }
    for (position, planned) in plan(count: count).enumerated() {
      if format != .ndjson { writer.raw(position == 0 ? "\n" : ",\n") }
      record.write(planned, into: &writer)
      if format == .ndjson { writer.byte(UInt8(ascii: "\n")) }
      if writer.count >= blockSize {
        try writer.withBytes(sink)
        writer.removeAll()
      }
    }
    switch format {
    case .array: writer.raw(count == 0 ? "]\n" : "\n]\n")
    case .page: writer.raw(count == 0 ? "]}\n" : "\n]}\n")
    case .ndjson: break
    }
    try writer.withBytes(sink)
  }

  /// The whole output of `write(count:format:to:)` in memory.
  public func data(count: Int, format: Format = .array) -> [UInt8] {
    var bytes: [UInt8] = []
    write(count: count, format: format) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Each conversation as compact JSON, newest first: for a server that
  /// pages through them.
  public func records(count: Int) -> [[UInt8]] {
    var writer = ByteWriter(capacity: 1 << 14)
    return plan(count: count).map { planned in
      writer.removeAll()
      record.write(planned, into: &writer)
      return writer.bytes
    }
  }

  /// Who each conversation is with and when its last message was, sorted
  /// newest first. Some contacts come back often: a quarter of the
  /// conversations go to the 2.5% "regulars".
  func plan(count: Int) -> [PlannedConversation] {
    let contacts = max(1, count * 3 / 4)
    let regulars = max(1, count / 40)
    let window = record.window
    var plans = (0..<max(0, count)).map { index in
      var random = SeededRandom(seed: seed, stream: .plan, index: index)
      let contact = random.chance(250) ? random.below(regulars) : random.below(contacts)
      let earliest = Contact.createdAt(number: contact, seed: seed, window: window)
      let last = window.activityTime(notBefore: earliest, random: &random)
      return PlannedConversation(index: index, contact: contact, lastMessage: last)
    }
    plans.sort {
      $0.lastMessage != $1.lastMessage ? $0.lastMessage > $1.lastMessage : $0.index < $1.index
    }
    return plans
  }
}
