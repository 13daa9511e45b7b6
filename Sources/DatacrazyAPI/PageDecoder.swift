import QueryLanguage

/// Splits a page body `{"count": N, "data": [...]}` into its records with
/// the QueryLanguage reader: the whole body is validated, and each record
/// keeps its exact bytes (nothing is decoded and encoded again).
enum PageDecoder {
  enum Failure: Error, Equatable {
    /// Not JSON, or cut short: worth another attempt.
    case malformed(String)
    /// JSON, but not a page of conversations.
    case notAPage(String)
  }

  private static let paths: (trie: PathTrie, id: Int, updatedAt: Int) = {
    var trie = PathTrie()
    let id = trie.slot(for: ["id"])
    let updatedAt = trie.slot(for: ["updatedAt"])
    return (trie, id, updatedAt)
  }()

  static func decode(_ body: some Collection<UInt8>) throws(Failure) -> Page {
    guard !body.isEmpty else { throw .malformed("an empty body") }
    let buffer = JSONBuffer(bytes: body)
    return try withExtendedLifetime(buffer) { () throws(Failure) -> Page in
      try decode(buffer)
    }
  }

  private static func decode(_ buffer: JSONBuffer) throws(Failure) -> Page {
    let (trie, idSlot, updatedSlot) = paths
    var batches: [BatchOutput] = []
    do {
      try RecordReader.read(
        buffer, paths: trie, workers: 1,
        process: { batch in BatchOutput(batch, idSlot: idSlot, updatedSlot: updatedSlot) },
        consume: { output in
          batches.append(output)
          return true
        })
    } catch let error as JSONInputError {
      // The reader insists that records are objects; anything else it finds is bad JSON.
      let shape = error.message.hasPrefix("expected a conversation object")
      throw shape ? .notAPage(error.description) : .malformed(error.description)
    } catch {
      throw .malformed("\(error)")
    }

    // The body was validated: now check its shape.
    var start = 0
    while start < buffer.count, buffer.base[start] != UInt8(ascii: "{") {
      guard isWhitespace(buffer.base[start]) else { throw .notAPage("the body is not a JSON object") }
      start += 1
    }
    let top = JSONText(start: buffer.base + start, count: buffer.count - start)
    guard top.kind == .object, let data = top.member("data"), data.kind == .array else {
      throw .notAPage("it has no \"data\" array")
    }
    let dataStart = Int(bitPattern: data.start)
    let dataEnd = dataStart + data.count
    var conversations: [FetchedConversation] = []
    conversations.reserveCapacity(batches.reduce(0) { $0 + $1.conversations.count })
    for batch in batches {
      if let problem = batch.problem { throw .notAPage(problem) }
      guard batch.first >= dataStart, batch.end <= dataEnd else {
        throw .notAPage("it holds more than one JSON value")
      }
      conversations.append(contentsOf: batch.conversations)
    }
    return Page(count: try count(top.member("count")), conversations: conversations)
  }

  private static func count(_ value: JSONText?) throws(Failure) -> Int? {
    guard let value, value.kind != .null else { return nil }
    let number = value.number ?? value.string.flatMap(Double.init)
    guard let number, number >= 0, number < 1e15, number == number.rounded() else {
      throw .notAPage("its \"count\" is not a whole number: \(value.description.prefix(40))")
    }
    return Int(number)
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}

/// The conversations of one batch of records, and where the batch lies in
/// the body (addresses as integers: pointers are not Sendable).
private struct BatchOutput: Sendable {
  var conversations: [FetchedConversation] = []
  var problem: String?
  var first = Int.max
  var end = Int.min

  init(_ batch: RecordBatch, idSlot: Int, updatedSlot: Int) {
    conversations.reserveCapacity(batch.records.count)
    for (index, record) in batch.records.enumerated() {
      let address = Int(bitPattern: record.start)
      first = min(first, address)
      end = max(end, address + record.count)
      guard let id = Self.id(batch.slot(idSlot, ofRecord: index)) else {
        problem = "a record has no \"id\""
        return
      }
      let updatedAt = batch.slot(updatedSlot, ofRecord: index)?.string
      conversations.append(FetchedConversation(id: id, updatedAt: updatedAt, json: Array(record.bytes)))
    }
  }

  /// A string id, or a number's text as it stands.
  private static func id(_ value: JSONText?) -> String? {
    guard let value else { return nil }
    switch value.kind {
    case .string: return value.string
    case .number: return value.description
    default: return nil
    }
  }
}
