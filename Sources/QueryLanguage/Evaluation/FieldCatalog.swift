/// The field paths present in a set of records, for `.fields`, field
/// warnings and completion. Paths name nested members with dots and array
/// elements with `[*]`: `contact.name`, `attendants[*].id`.
public struct FieldCatalog: Sendable {
  public struct Field: Sendable {
    public let path: String
    /// Type names seen, in first-seen order.
    public fileprivate(set) var types: [String]
    /// Records that have the field (not null, or null: present either way).
    public fileprivate(set) var records: Int
    /// The first non-null value seen.
    public fileprivate(set) var example: Value?
    /// The distinct string values seen, in first-seen order, while there are
    /// at most `FieldCatalog.fewValues` of them; nil past that (or for non-strings).
    public fileprivate(set) var fewValues: [String]? = []
  }

  /// How many distinct values make a field's values worth completing.
  public static let fewValues = 20

  public private(set) var fields: [Field] = []
  public private(set) var recordCount = 0
  private var index: [String: Int] = [:]

  public init() {}

  /// Catalogs every record of `source`, on the source's worker threads.
  public static func build(from source: RecordSource) throws -> FieldCatalog {
    var catalog = FieldCatalog()
    try source.read(paths: PathTrie()) { batch in
      var partial = FieldCatalog()
      for record in batch.records { partial.add(record: .json(record)) }
      return partial
    } consume: { partial in
      catalog.merge(partial)
      return true
    }
    return catalog
  }

  public func field(_ path: String) -> Field? { index[path].map { fields[$0] } }

  public var paths: [String] { fields.map(\.path) }

  mutating func add(record: Value) {
    recordCount += 1
    var seen = Set<String>()
    visit(record, prefix: nil, seen: &seen)
  }

  private mutating func visit(_ value: Value, prefix: String?, seen: inout Set<String>) {
    if let prefix { note(prefix, value, seen: &seen) }
    if let object = value.objectIfObject {
      for (key, member) in object.members {
        visit(member, prefix: prefix.map { "\($0).\(key)" } ?? key, seen: &seen)
      }
    } else if let elements = value.elementsIfArray, let prefix {
      for element in elements { visit(element, prefix: prefix + "[*]", seen: &seen) }
    }
  }

  private mutating func note(_ path: String, _ value: Value, seen: inout Set<String>) {
    let position: Int
    if let known = index[path] {
      position = known
    } else {
      position = fields.count
      index[path] = position
      fields.append(Field(path: path, types: [], records: 0, example: nil))
    }
    if seen.insert(path).inserted { fields[position].records += 1 }
    let type = value.typeName
    if !fields[position].types.contains(type) { fields[position].types.append(type) }
    if fields[position].example == nil, !value.isNull { fields[position].example = value }
    if fields[position].fewValues != nil {
      if value.isNull { return }
      if let text = value.string {
        noteValue(text, at: position)
      } else {
        fields[position].fewValues = nil
      }
    }
  }

  private mutating func noteValue(_ text: String, at position: Int) {
    guard var values = fields[position].fewValues, !values.contains(text) else { return }
    values.append(text)
    fields[position].fewValues = values.count > Self.fewValues ? nil : values
  }

  mutating func merge(_ other: FieldCatalog) {
    recordCount += other.recordCount
    for field in other.fields {
      guard let position = index[field.path] else {
        index[field.path] = fields.count
        fields.append(field)
        continue
      }
      fields[position].records += field.records
      for type in field.types where !fields[position].types.contains(type) {
        fields[position].types.append(type)
      }
      if fields[position].example == nil { fields[position].example = field.example }
      if let values = field.fewValues {
        for value in values { noteValue(value, at: position) }
      } else {
        fields[position].fewValues = nil
      }
    }
  }
}
