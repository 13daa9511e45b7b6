import QueryLanguage

/// How dcq writes a duration (held in milliseconds).
///
/// Everywhere but in a table a duration is a number of seconds (`90000` ms →
/// `90`, `1500` ms → `1.5`). A table writes units, largest first, from the
/// largest non-zero unit on, without trailing zero units: `3h25m10s`,
/// `1h30m`, `7d`, `1h0m5s`, `1.5s`, `0s`, `-2h`.
public enum DurationText {
  /// The units above seconds, largest first.
  private static let units: [(size: Double, letter: UInt8)] = [
    (86_400_000, UInt8(ascii: "d")), (3_600_000, UInt8(ascii: "h")), (60_000, UInt8(ascii: "m")),
  ]

  /// Appends the duration as seconds; returns false, appending nothing,
  /// when it is not finite.
  @discardableResult
  public static func appendSeconds(_ milliseconds: Double, to output: inout [UInt8]) -> Bool {
    NumberText.append(milliseconds / 1000, to: &output)
  }

  /// Appends the duration in units (`3h25m10s`); returns false, appending
  /// nothing, when it is not finite.
  @discardableResult
  public static func appendUnits(_ milliseconds: Double, to output: inout [UInt8]) -> Bool {
    guard milliseconds.isFinite else { return false }
    var rest = abs(milliseconds)
    var amounts: [Double] = []
    amounts.reserveCapacity(units.count)
    for unit in units {
      let amount = wholePart(rest / unit.size)
      amounts.append(amount)
      rest -= amount * unit.size
    }
    let seconds = rest / 1000
    guard let first = amounts.firstIndex(where: { $0 != 0 }) else {
      // Less than a minute: always written in seconds, `0s` included.
      if milliseconds < 0, seconds != 0 { output.append(UInt8(ascii: "-")) }
      NumberText.append(seconds, to: &output)
      output.append(UInt8(ascii: "s"))
      return true
    }
    if milliseconds < 0 { output.append(UInt8(ascii: "-")) }
    let last = seconds != 0 ? units.count : amounts.lastIndex(where: { $0 != 0 })!
    for index in first...last {
      if index == units.count {
        NumberText.append(seconds, to: &output)
        output.append(UInt8(ascii: "s"))
      } else {
        NumberText.append(amounts[index], to: &output)
        output.append(units[index].letter)
      }
    }
    return true
  }

  /// The duration in units (`3h25m10s`), nil when it is not finite.
  public static func unitsText(_ milliseconds: Double) -> String? {
    var bytes: [UInt8] = []
    guard appendUnits(milliseconds, to: &bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The integral part of a non-negative number, without libm (see
  /// `NumberText`): from 2^52 on every double is integral.
  private static func wholePart(_ value: Double) -> Double {
    value >= 4_503_599_627_370_496 ? value : Double(Int64(value))
  }
}
