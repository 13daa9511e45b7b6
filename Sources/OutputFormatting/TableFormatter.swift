import QueryLanguage

/// Lays records out as an aligned table for a terminal.
///
/// Columns are separated by two spaces; a header row (bold with colour) and a
/// rule of `─` under it; numbers and durations right-aligned, everything
/// else left; null empty; newlines, tabs and other control characters in
/// cells shown as `\n`, `\t`, `\u001b`. Widths are counted in terminal
/// columns (`TerminalWidth`). Given a terminal width, the table is cut to
/// it: the widest columns shrink first and cut cells end in `…`; when even
/// narrow columns do not fit, the last ones are left out and a `…` column
/// says so. A `N rows` line follows the table.
///
/// ```
/// id  name        n
/// ──  ──────────  ──
/// 1   Pós-vendas  12
/// 2   日本         3
/// 2 rows
/// ```
///
/// The table needs every row to know its widths, so it holds them all until
/// `render(to:)`.
public struct TableFormatter {
  /// One cell's display text (control characters already escaped).
  struct Cell {
    var text: String
    var width: Int
    var kind: CellText.Kind

    static let empty = Cell(text: "", width: 0, kind: .empty)
  }

  public private(set) var columns: [String]
  /// Whether the columns grow with keys first seen in later records.
  private let growsColumns: Bool
  private var columnIndex: [String: Int] = [:]
  var rows: [[Cell]] = []
  let header: Bool
  let color: Bool
  let width: Int?

  /// A table of `columns`, or, when nil, of the keys of the records in the
  /// order first seen. `width` is the terminal's width to cut the table to;
  /// nil (not a terminal) never cuts.
  public init(columns: [String]?, header: Bool = true, color: Bool = false, width: Int? = nil) {
    self.columns = columns ?? []
    self.growsColumns = columns == nil
    self.header = header
    self.color = color
    self.width = width
    for (index, column) in self.columns.enumerated() where columnIndex[column] == nil {
      columnIndex[column] = index
    }
  }

  /// The number of records added.
  public var rowCount: Int { rows.count }

  /// Adds one record as a row. A record that is not an object shows in the
  /// first column (named `value` when the table chooses its columns).
  public mutating func add(_ record: Value) {
    var scratch: [UInt8] = []
    guard RecordFields.isObject(record) else {
      if columns.isEmpty, growsColumns { addColumn(RecordFields.valueColumn) }
      rows.append([Self.cell(record, scratch: &scratch)])
      return
    }
    if growsColumns, let keys = RecordFields.keys(of: record) {
      for key in keys where columnIndex[key] == nil { addColumn(key) }
    }
    var row: [Cell] = []
    row.reserveCapacity(columns.count)
    for column in columns {
      row.append(Self.cell(RecordFields.value(of: record, column: column), scratch: &scratch))
    }
    rows.append(row)
  }

  private mutating func addColumn(_ name: String) {
    columnIndex[name] = columns.count
    columns.append(name)
  }

  /// The cell of `value`: its table text, escaped for display.
  static func cell(_ value: Value, scratch: inout [UInt8]) -> Cell {
    scratch.removeAll(keepingCapacity: true)
    let kind = CellText.append(value, durations: .units, to: &scratch)
    if kind == .empty { return .empty }
    return displayCell(scratch, kind: kind)
  }

  /// A cell showing `bytes` with control characters made visible.
  static func displayCell(_ bytes: [UInt8], kind: CellText.Kind) -> Cell {
    let text: String
    if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) {
      var visible = ""
      for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        switch scalar.value {
        case 0x0A: visible += "\\n"
        case 0x09: visible += "\\t"
        case 0x0D: visible += "\\r"
        case 0..<0x20, 0x7F..<0xA0:
          let hex = String(scalar.value, radix: 16)
          visible += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: visible.unicodeScalars.append(scalar)
        }
      }
      text = visible
    } else {
      text = String(decoding: bytes, as: UTF8.self)
    }
    return Cell(text: text, width: TerminalWidth.of(text), kind: kind)
  }
}
