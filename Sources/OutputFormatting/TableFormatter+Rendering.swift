/// Laying out and writing the table: widths, cutting, alignment, colour.
extension TableFormatter {
  /// Columns separate by this many spaces.
  static let gap = 2
  /// A column shrinks to no less than this (or its own width, when smaller)
  /// before columns are left out.
  static let minimumWidth = 8
  static let ellipsis = "…"

  /// ANSI SGR sequences: widths are always measured without them.
  enum Style: String {
    case bold = "\u{1B}[1m"
    case dim = "\u{1B}[2m"
    case number = "\u{1B}[36m"
    case boolean = "\u{1B}[33m"
    static let reset = "\u{1B}[0m"
  }

  /// The table as text.
  public func rendered() -> String {
    var bytes: [UInt8] = []
    render(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the table and its `N rows` line, every line ending in a newline.
  public func render(to output: inout [UInt8]) {
    if !columns.isEmpty {
      let headerCells = columns.map { Self.displayCell(Array($0.utf8), kind: .text) }
      var natural = header ? headerCells.map(\.width) : Array(repeating: 0, count: columns.count)
      var numeric = Array(repeating: false, count: columns.count)
      var textual = Array(repeating: false, count: columns.count)
      for row in rows {
        for (index, cell) in row.enumerated() {
          natural[index] = max(natural[index], cell.width)
          switch cell.kind {
          case .empty: break
          case .number, .duration: numeric[index] = true
          case .bool, .text: textual[index] = true
          }
        }
      }
      let rightAligned = zip(numeric, textual).map { $0 && !$1 }
      let (widths, hidden) = Self.layout(natural: natural, limit: width)
      let writeLine = { (cells: [Cell], style: (Cell) -> Style?, output: inout [UInt8]) in
        self.appendLine(
          cells, widths: widths, rightAligned: rightAligned, hidden: hidden, style: style,
          to: &output)
      }
      if header {
        writeLine(headerCells, { _ in .bold }, &output)
        let rule = widths.map {
          Cell(text: String(repeating: "─", count: $0), width: $0, kind: .text)
        }
        writeLine(rule, { _ in .dim }, &output)
      }
      for row in rows {
        writeLine(row, Self.style(of:), &output)
      }
    }
    let count = rows.count == 1 ? "1 row" : "\(rows.count) rows"
    appendStyled(count, .dim, to: &output)
    output.append(0x0A)
  }

  /// The widths to give columns of `natural` widths within `limit` columns,
  /// and whether columns on the right were left out.
  static func layout(natural: [Int], limit: Int?) -> (widths: [Int], hidden: Bool) {
    let total = natural.reduce(0, +) + gap * max(natural.count - 1, 0)
    guard let limit, total > limit else { return (natural, false) }
    let floors = natural.map { min($0, minimumWidth) }
    // Leave out columns from the right until the rest fit at their floors.
    var shown = natural.count
    func needed(_ shown: Int) -> Int {
      floors[..<shown].reduce(0, +) + gap * (shown - 1) + (shown < natural.count ? gap + 1 : 0)
    }
    while shown > 1, needed(shown) > limit { shown -= 1 }
    let hidden = shown < natural.count
    let budget = max(limit - gap * (shown - 1) - (hidden ? gap + 1 : 0), shown)
    var widths = Array(natural[..<shown])
    guard widths.reduce(0, +) > budget else { return (widths, hidden) }
    // Shrink the widest columns first: find the largest cap that fits, then
    // hand the columns left over one each, from the left.
    var cap = widths.max() ?? 0
    while cap > 0, widths.reduce(0, { $0 + min($1, cap) }) > budget { cap -= 1 }
    var spare = budget - widths.reduce(0, { $0 + min($1, cap) })
    for index in widths.indices {
      if widths[index] > cap {
        widths[index] = cap + (spare > 0 ? 1 : 0)
        spare -= 1
      }
    }
    return (widths, hidden)
  }

  /// `text` cut to at most `width` columns, ending in `…` when cut; with
  /// the columns it takes.
  static func cut(_ text: String, width: Int) -> (text: String, width: Int) {
    guard width > 0 else { return ("", 0) }
    var result = ""
    var used = 0
    for character in text {
      let next = TerminalWidth.of(character)
      if used + next > width - 1 { break }
      result.append(character)
      used += next
    }
    return (result + ellipsis, used + 1)
  }

  private static func style(of cell: Cell) -> Style? {
    switch cell.kind {
    case .number, .duration: .number
    case .bool: .boolean
    case .empty, .text: nil
    }
  }

  private func appendLine(
    _ cells: [Cell], widths: [Int], rightAligned: [Bool], hidden: Bool,
    style: (Cell) -> Style?, to output: inout [UInt8]
  ) {
    let start = output.count
    for (index, width) in widths.enumerated() {
      if index > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: Self.gap)) }
      let cell = index < cells.count ? cells[index] : .empty
      var (text, used) = (cell.text, cell.width)
      if used > width { (text, used) = Self.cut(text, width: width) }
      let padding = repeatElement(UInt8(ascii: " "), count: width - used)
      if rightAligned[index] { output.append(contentsOf: padding) }
      if !text.isEmpty { appendStyled(text, style(cell), to: &output) }
      if !rightAligned[index] { output.append(contentsOf: padding) }
    }
    if hidden {
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: Self.gap))
      appendStyled(Self.ellipsis, .dim, to: &output)
    }
    while output.count > start, output.last == UInt8(ascii: " ") { output.removeLast() }
    output.append(0x0A)
  }

  private func appendStyled(_ text: String, _ style: Style?, to output: inout [UInt8]) {
    guard color, let style else { return output.append(contentsOf: text.utf8) }
    output.append(contentsOf: style.rawValue.utf8)
    output.append(contentsOf: text.utf8)
    output.append(contentsOf: Style.reset.utf8)
  }
}
