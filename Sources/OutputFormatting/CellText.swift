import QueryLanguage

/// The plain text of a value in a csv, tsv or table cell, before the
/// format's own quoting or escaping.
///
/// Null (and a non-finite number) is empty, strings are their text, arrays
/// and objects compact JSON, timestamps ISO 8601 UTC with milliseconds,
/// durations seconds (`90`) or, in a table, units (`1m30s`).
public enum CellText {
  /// What a cell holds, which decides its alignment and colour in a table.
  public enum Kind: Sendable, Equatable {
    case empty, bool, number, duration, text
  }

  /// How durations are written: as seconds, or in units (`3h25m10s`).
  public enum DurationStyle: Sendable {
    case seconds, units
  }

  /// Appends the cell text of `value` and returns its kind.
  @discardableResult
  public static func append(
    _ value: Value, durations: DurationStyle = .seconds, to output: inout [UInt8]
  ) -> Kind {
    switch value {
    case .null:
      return .empty
    case .bool(let flag):
      output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
      return .bool
    case .number(let number):
      return NumberText.append(number, to: &output) ? .number : .empty
    case .string(let string):
      output.append(contentsOf: string.utf8)
      return .text
    case .timestamp(let milliseconds):
      return TimestampText.append(milliseconds, to: &output) ? .text : .empty
    case .duration(let milliseconds):
      let written =
        durations == .units
        ? DurationText.appendUnits(milliseconds, to: &output)
        : DurationText.appendSeconds(milliseconds, to: &output)
      return written ? .duration : .empty
    case .array, .object:
      JSONWriter.appendCompact(value, to: &output)
      return .text
    case .json(let text):
      switch RawJSON.appendText(text, to: &output) {
      case .null: return .empty
      case .bool: return .bool
      case .number: return .number
      case .string, .array, .object: return .text
      }
    }
  }

  /// The cell text of `value`.
  public static func text(_ value: Value, durations: DurationStyle = .seconds) -> String {
    var bytes: [UInt8] = []
    append(value, durations: durations, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
