import Foundation

/// A timestamp's calendar fields in some zone.
struct CivilTime {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  /// Days since 1970-01-01 of the local date.
  var dayNumber: Int
}

private let zoneCache = ZoneCache()

/// Known zones by name: `TimeZone(identifier:)` reads tzdata, so look each up once.
private final class ZoneCache: @unchecked Sendable {
  // Guarded by `lock`; the cache only ever grows.
  private let lock = NSLock()
  private var zones: [String: TimeZone?] = [:]

  func zone(_ name: String) -> TimeZone? {
    lock.lock()
    defer { lock.unlock() }
    if let known = zones[name] { return known }
    let zone = TimeZone(identifier: name)
    zones[name] = zone
    return zone
  }
}

/// True when `name` is an IANA zone this machine knows.
public func isKnownTimeZone(_ name: String) -> Bool {
  name == "UTC" || zoneCache.zone(name) != nil
}

func civilTime(_ instant: Double, zone name: String?) throws(FunctionError) -> CivilTime {
  var offsetSeconds = 0
  if let name, name != "UTC" {
    guard let zone = zoneCache.zone(name) else {
      throw FunctionError(message: "unknown time zone '\(name)'")
    }
    offsetSeconds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant / 1000))
  }
  let local = Int((instant / 1000).rounded(.down)) + offsetSeconds
  let (days, secondOfDay) = floorDivide(local, 86_400)
  let (year, month, day) = civilFromDays(days)
  return CivilTime(year: year, month: month, day: day, hour: secondOfDay / 3600, dayNumber: days)
}

/// The ISO 8601 week-numbering year and week of a date.
func isoWeek(_ time: CivilTime) -> (year: Int, week: Int) {
  // 1970-01-01 was a Thursday; ISO weekdays run Monday = 1 ... Sunday = 7.
  let weekday = floorDivide(time.dayNumber + 3, 7).1 + 1
  let thursday = time.dayNumber - weekday + 4
  let year = civilFromDays(thursday).year
  let firstDay = daysFromCivil(year, 1, 1)
  return (year, (thursday - firstDay) / 7 + 1)
}
