/// The span the conversations' activity falls in: the `days` before `end`
/// (milliseconds since 1970, UTC). Times follow a Brazilian working week:
/// busiest in business hours in Brasília time (UTC−3), quieter at weekends.
struct TimeWindow {
  static let day: Int64 = 86_400_000
  static let hour: Int64 = 3_600_000
  static let minute: Int64 = 60_000

  let start: Int64
  let end: Int64

  init(end: Int64, days: Int64) {
    self.end = end
    self.start = end - days * Self.day
  }

  /// Relative weights of the 24 hours of a day in Brasília time.
  private static let hourWeights = [
    1, 1, 1, 1, 1, 2, 4, 8, 14, 18, 18, 16, 12, 15, 17, 17, 16, 14, 11, 9, 8, 6, 4, 2,
  ]
  private static let brasiliaOffset = 3 * hour

  /// A moment of activity in `[max(earliest, start), end)`.
  func activityTime(notBefore earliest: Int64, random: inout SeededRandom) -> Int64 {
    let from = max(earliest, start)
    let firstDay = floorDivide(from - Self.brasiliaOffset, by: Self.day)
    let lastDay = floorDivide(end - 1 - Self.brasiliaOffset, by: Self.day)
    // The first and last days are cut short: draw again when the time falls
    // outside, rather than clamp, which would pile times up at the edges.
    for _ in 0..<8 {
      var day = random.inRange(firstDay...lastDay)
      var redraws = 0
      while redraws < 3 && CivilDate.weekday(daysSinceEpoch: day) % 6 == 0 && random.chance(600) {
        day = random.inRange(firstDay...lastDay)
        redraws += 1
      }
      let hour = Int64(random.weighted(Self.hourWeights))
      let time =
        day * Self.day + Self.brasiliaOffset + hour * Self.hour + random.inRange(0...Self.hour - 1)
      if time >= from && time < end { return time }
    }
    return random.inRange(from...end - 1)
  }

  /// A duration drawn from buckets, each `(perMille, range)`: the share of
  /// draws (out of 1000 in all) that fall uniformly in that range.
  static func duration(
    _ buckets: [(perMille: Int, range: ClosedRange<Int64>)], random: inout SeededRandom
  ) -> Int64 {
    var roll = random.below(1000)
    for bucket in buckets {
      if roll < bucket.perMille { return random.inRange(bucket.range) }
      roll -= bucket.perMille
    }
    return random.inRange(buckets[buckets.count - 1].range)
  }
}
