/// How results are written: the format and what the terminal allows.
public struct OutputOptions: Sendable, Equatable {
  public var format: OutputFormat
  /// Whether table, csv and tsv start with a header row.
  public var header: Bool
  /// Whether a table may use ANSI colour; the caller decides (a terminal,
  /// no `NO_COLOR`, no `--no-color`).
  public var color: Bool
  /// The terminal's width in columns to cut a table to; nil when stdout is
  /// not a terminal, and the table is never cut.
  public var terminalWidth: Int?

  public init(
    format: OutputFormat, header: Bool = true, color: Bool = false, terminalWidth: Int? = nil
  ) {
    self.format = format
    self.header = header
    self.color = color
    self.terminalWidth = terminalWidth
  }
}
