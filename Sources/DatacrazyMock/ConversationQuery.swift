import Foundation

/// The query string of one `GET /api/v1/conversations`: paging, the
/// open/finished switch, the filters and the search.
///
/// ```
/// skip=100&take=100&filter[opened]=false&filter[departments]=d1,d2&search=ana
/// ```
/// Names and values may be percent-encoded (`filter%5Bopened%5D`); a list
/// filter given twice takes the ids of both; unknown parameters are ignored,
/// as `filter[openWindow]` is.
struct ConversationQuery: Equatable {
  var skip = 0
  var take: Int?
  /// `filter[opened]`: true (the default) for open conversations, false for finished ones.
  var opened = true
  var departments: Set<String>?
  var instances: Set<String>?
  var attendants: Set<String>?
  var tags: Set<String>?
  var stages: Set<String>?
  var statuses: Set<String>?
  /// `search`, lowercased; nil or empty matches every record.
  var search: String?

  /// A query string the API would refuse, with the message of its 400.
  struct Invalid: Error, Equatable {
    let message: String
  }

  /// Parses a raw (percent-encoded) query string.
  init(query: String) throws(Invalid) {
    for item in query.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      switch name {
      case "skip": skip = try Self.count(value, named: name)
      case "take": take = try Self.count(value, named: name)
      case "filter[opened]":
        switch value.lowercased() {
        case "true": opened = true
        case "false": opened = false
        default: throw Invalid(message: "filter[opened] must be true or false")
        }
      case "filter[departments]": Self.add(value, to: &departments)
      case "filter[instances]": Self.add(value, to: &instances)
      case "filter[attendants]": Self.add(value, to: &attendants)
      case "filter[tags]": Self.add(value, to: &tags)
      case "filter[stages]": Self.add(value, to: &stages)
      case "filter[status]": Self.add(value, to: &statuses)
      case "search": search = value.isEmpty ? nil : value.lowercased()
      default: continue
      }
    }
  }

  /// A whole number of at least zero.
  private static func count(_ value: String, named name: String) throws(Invalid) -> Int {
    guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else {
      let detail =
        value.hasPrefix("-") && Int(value) != nil ? "must not be negative" : "must be a whole number"
      throw Invalid(message: "\(name) \(detail)")
    }
    // Digits only: too many of them is still a count, just a huge one.
    return Int(value) ?? Int.max
  }

  /// Adds the comma-separated ids of `value`; an empty value filters nothing.
  private static func add(_ value: String, to set: inout Set<String>?) {
    let ids = FilterField.identifiers(in: value)
    guard !ids.isEmpty else { return }
    set = (set ?? []).union(ids)
  }

  /// Percent-decodes a query component, with `+` for a space (HTML forms).
  private static func decode(_ component: Substring) -> String {
    let spaced = component.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
