/// How dcq writes a timestamp: ISO 8601 in UTC with milliseconds,
/// `2025-06-23T21:18:59.068Z`.
///
/// Pure arithmetic (no Foundation, no time zone database), so it is cheap and
/// safe on any thread. Years outside 0000–9999 take the extended form
/// `+010000`/`-000001`, as JavaScript writes them.
public enum TimestampText {
  /// JavaScript's range of dates, ±100,000,000 days around 1970.
  static let limit = 8.64e15
  static let millisecondsPerDay: Int64 = 86_400_000

  /// Appends the text of `milliseconds` (since 1970-01-01T00:00:00Z); returns
  /// false, appending nothing, when it is not finite or out of range.
  @discardableResult
  public static func append(_ milliseconds: Double, to output: inout [UInt8]) -> Bool {
    guard milliseconds.isFinite, abs(milliseconds) <= limit else { return false }
    // Rounded half away from zero without libm (see `NumberText`).
    var total = Int64(milliseconds)
    let fraction = milliseconds - Double(total)
    if fraction >= 0.5 { total += 1 } else if fraction <= -0.5 { total -= 1 }
    var days = total / millisecondsPerDay
    var inDay = total % millisecondsPerDay
    if inDay < 0 {
      days -= 1
      inDay += millisecondsPerDay
    }
    let (year, month, day) = civilFromDays(Int(days))
    if year < 0 || year > 9999 {
      output.append(year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      appendDigits(UInt64(year.magnitude), count: 6, to: &output)
    } else {
      appendDigits(UInt64(year), count: 4, to: &output)
    }
    output.append(UInt8(ascii: "-"))
    appendDigits(UInt64(month), count: 2, to: &output)
    output.append(UInt8(ascii: "-"))
    appendDigits(UInt64(day), count: 2, to: &output)
    output.append(UInt8(ascii: "T"))
    appendDigits(UInt64(inDay / 3_600_000), count: 2, to: &output)
    output.append(UInt8(ascii: ":"))
    appendDigits(UInt64(inDay / 60_000 % 60), count: 2, to: &output)
    output.append(UInt8(ascii: ":"))
    appendDigits(UInt64(inDay / 1000 % 60), count: 2, to: &output)
    output.append(UInt8(ascii: "."))
    appendDigits(UInt64(inDay % 1000), count: 3, to: &output)
    output.append(UInt8(ascii: "Z"))
    return true
  }

  /// The text of `milliseconds`, nil when it is not finite or out of range.
  public static func text(_ milliseconds: Double) -> String? {
    var bytes: [UInt8] = []
    guard append(milliseconds, to: &bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func appendDigits(_ value: UInt64, count: Int, to output: inout [UInt8]) {
    var divisor: UInt64 = 1
    for _ in 1..<count { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      output.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }
}
