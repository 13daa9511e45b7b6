import Foundation

/// `GET /api/v1/conversations` without the transport: a query in, a page out.
struct ConversationsEndpoint: Sendable {
  let index: ConversationIndex
  /// The largest `take` honoured.
  let maximumTake: Int
  /// `take` when the query names none.
  let defaultTake: Int

  /// The page `{"count": N, "data": [...]}` for `query`: `count` is the number
  /// of matching records, `data` the records' configured bytes from `skip`.
  func page(for query: ConversationQuery) -> MockAnswer {
    let matching = self.matching(query)
    let take = min(max(query.take ?? defaultTake, 0), maximumTake)
    let start = min(query.skip, matching.count)
    let end = start + min(take, matching.count - start)
    let header = Array("{\"count\":\(matching.count),\"data\":[".utf8)
    var size = header.count + 2
    for position in start..<end { size += index.lengths[Int(matching[position])] + 1 }
    var body = Data(capacity: size)
    body.append(contentsOf: header)
    for position in start..<end {
      if position > start { body.append(UInt8(ascii: ",")) }
      body.append(index.bytes(of: Int(matching[position])))
    }
    body.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "}")])
    return MockAnswer(status: 200, body: body, records: end - start)
  }

  /// The indices of the records `query` selects, in the configured order.
  func matching(_ query: ConversationQuery) -> [Int32] {
    let candidates = query.opened ? index.open : index.finished
    let filtered =
      query.departments != nil || query.instances != nil || query.attendants != nil
      || query.tags != nil || query.stages != nil || query.statuses != nil || query.search != nil
    guard filtered else { return candidates }
    return candidates.filter { candidate in
      let record = Int(candidate)
      return matches(.department, of: record, query.departments)
        && matches(.instance, of: record, query.instances)
        && matchesAny(.attendants, of: record, query.attendants)
        && matchesAny(.tags, of: record, query.tags)
        && matchesAny(.stages, of: record, query.stages)
        && matches(.status, of: record, query.statuses)
        && matchesSearch(record, query.search)
    }
  }

  /// Whether the record's string value of `field` is one of `wanted` (nil wants anything).
  private func matches(_ field: FilterField, of record: Int, _ wanted: Set<String>?) -> Bool {
    guard let wanted else { return true }
    return index.value(field, of: record)?.string.map(wanted.contains) ?? false
  }

  /// Whether any id the record's value of `field` names is one of `wanted`.
  private func matchesAny(_ field: FilterField, of record: Int, _ wanted: Set<String>?) -> Bool {
    guard let wanted else { return true }
    return FilterField.identifiers(in: index.value(field, of: record)).contains(where: wanted.contains)
  }

  /// Whether `name` or `contact.name` holds `search` (already lowercased), ignoring case.
  private func matchesSearch(_ record: Int, _ search: String?) -> Bool {
    guard let search else { return true }
    return [FilterField.name, .contactName].contains { field in
      index.value(field, of: record)?.string?.lowercased().contains(search) ?? false
    }
  }
}
