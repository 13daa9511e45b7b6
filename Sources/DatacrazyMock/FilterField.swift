import QueryLanguage

/// A member of a record that the filters of `GET /api/v1/conversations`
/// read. The index keeps each record's value of each field as a `JSONText`
/// (a place in the records' buffer), found in the one pass that reads them
/// all; a filter decodes only the values it compares.
enum FilterField: Int, CaseIterable {
  /// `true` for a finished conversation; any other value, or none, is open.
  case finished
  /// The record's own `status` (`filter[status]`).
  case status
  /// `currentDepartment.id` (`filter[departments]`).
  case department
  /// `instance.id` (`filter[instances]`).
  case instance
  /// `attendants`, objects with an `id` or plain ids (`filter[attendants]`).
  case attendants
  /// `contact.externalInfo.tagIds`, a comma-separated string (`filter[tags]`).
  case tags
  /// `contact.externalInfo.stageIds`, likewise (`filter[stages]`).
  case stages
  /// `name` and `contact.name` (`search`).
  case name
  case contactName

  var path: [String] {
    switch self {
    case .finished: ["finished"]
    case .status: ["status"]
    case .department: ["currentDepartment", "id"]
    case .instance: ["instance", "id"]
    case .attendants: ["attendants"]
    case .tags: ["contact", "externalInfo", "tagIds"]
    case .stages: ["contact", "externalInfo", "stageIds"]
    case .name: ["name"]
    case .contactName: ["contact", "name"]
    }
  }

  /// The ids a value names: a string's comma-separated ids (`tagIds`), or the
  /// ids of an array's elements, each an id or an object with an `id`.
  static func identifiers(in value: JSONText?) -> [String] {
    guard let value else { return [] }
    if value.kind == .array {
      return value.elements().compactMap { $0.string ?? $0.member("id")?.string }
    }
    return identifiers(in: value.string)
  }

  /// `"a, b,,c"` → `["a", "b", "c"]`.
  static func identifiers(in list: String?) -> [String] {
    guard let list else { return [] }
    return list.split(separator: ",").compactMap { part in
      let trimmed = part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
      return trimmed.isEmpty ? nil : String(trimmed)
    }
  }
}
