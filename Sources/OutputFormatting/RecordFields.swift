import QueryLanguage

/// Reads the fields of a record that csv, tsv and table show as columns.
enum RecordFields {
  /// The name of the single column of records that are not objects.
  static let valueColumn = "value"

  /// The record's keys in order, or nil when it is not an object.
  static func keys(of record: Value) -> [String]? {
    switch record {
    case .object(let object):
      return object.keys
    case .json(let text) where RawJSON.kind(of: RawJSON.bytes(of: text)) == .object:
      return text.members().map(\.key)
    default:
      return nil
    }
  }

  /// Whether the record is an object (columns are looked up in it) rather
  /// than a value shown alone in the first column.
  static func isObject(_ record: Value) -> Bool {
    switch record {
    case .object: true
    case .json(let text): RawJSON.kind(of: RawJSON.bytes(of: text)) == .object
    default: false
    }
  }

  /// The record's field `column`, null when absent.
  ///
  /// A column's whole name is a key first, as LANGUAGE.md §4 reads paths;
  /// when no key has that name, a dotted name is followed as a path through
  /// nested objects (`contact.name`), so a whole conversation shows the
  /// default columns even when the caller did not flatten it.
  static func value(of record: Value, column: String) -> Value {
    if let direct = member(of: record, column) { return direct }
    guard column.utf8.contains(UInt8(ascii: ".")) else { return .null }
    var current = record
    for part in column.split(separator: ".", omittingEmptySubsequences: false) {
      guard let next = member(of: current, String(part)) else { return .null }
      current = next
    }
    return current
  }

  private static func member(of value: Value, _ key: String) -> Value? {
    switch value {
    case .object(let object):
      return object[key]
    case .json(let text) where RawJSON.kind(of: RawJSON.bytes(of: text)) == .object:
      return text.member(key).map(Value.json)
    default:
      return nil
    }
  }
}
