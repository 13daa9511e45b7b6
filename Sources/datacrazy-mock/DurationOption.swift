import ArgumentParser

/// Parses `--latency` and the window of `--rate-limit`: a number with a
/// unit, `ms`, `s` or `m` (`50ms`, `1.5s`, `1m`).
enum DurationOption {
  static func parse(_ text: String) throws -> Duration {
    let units: [(suffix: String, milliseconds: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000)]
    for unit in units where text.hasSuffix(unit.suffix) {
      guard let number = Double(text.dropLast(unit.suffix.count)), number >= 0, number.isFinite else {
        break
      }
      return .microseconds(Int64((number * unit.milliseconds * 1000).rounded()))
    }
    throw ValidationError("'\(text)' is not a duration such as 50ms, 2s or 1m")
  }
}

/// `--rate-limit N/WINDOW`.
struct RateLimitOption {
  var count: Int
  var window: Duration

  static func parse(_ text: String) throws -> RateLimitOption {
    let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
    guard let count = Int(parts[0]), count >= 1 else {
      throw ValidationError("'\(text)' is not a rate limit such as 60/60s")
    }
    let window = parts.count > 1 ? try DurationOption.parse(parts[1]) : .seconds(60)
    guard window > .zero else { throw ValidationError("the rate limit's window must be longer than zero") }
    return RateLimitOption(count: count, window: window)
  }
}
