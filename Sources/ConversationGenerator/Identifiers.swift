/// A MongoDB ObjectId, as the API's ids are: 4 bytes of creation time in
/// seconds (so `6808cd89...` was made on 2025-04-23T11:22:49Z, as in the
/// reference record), then 5 bytes per process and a 3-byte counter.
struct ObjectID: Equatable {
  var seconds: UInt32
  /// The low 8 bytes: 5 bytes of process value, then the counter.
  var tail: UInt64

  /// An id made at `milliseconds` whose tail is unique for each `serial`:
  /// the counter holds its low 24 bits and the process value the rest,
  /// mixed with `process`, so distinct serials never give the same id.
  init(milliseconds: Int64, process: UInt64, serial: Int) {
    self.seconds = UInt32(truncatingIfNeeded: floorDivide(milliseconds, by: 1000))
    let serialBits = UInt64(truncatingIfNeeded: serial)
    let processBits = (process ^ (serialBits >> 24)) & 0xFF_FFFF_FFFF
    self.tail = processBits << 24 | (serialBits &+ process >> 40) & 0xFF_FFFF
  }
}

/// A random (version 4) UUID.
struct UUIDValue {
  var high: UInt64
  var low: UInt64

  init(_ random: inout SeededRandom) {
    high = random.next() & ~0xF000 | 0x4000
    low = random.next() & ~(0xC000 << 48) | (0x8000 << 48)
  }
}

/// A proleptic Gregorian date (H. Hinnant's `civil_from_days` and
/// `days_from_civil`), without Foundation.
struct CivilDate {
  var year: Int64
  var month: Int64
  var day: Int64

  init(year: Int64, month: Int64, day: Int64) {
    self.year = year
    self.month = month
    self.day = day
  }

  init(daysSinceEpoch days: Int64) {
    let shifted = days + 719_468
    let era = floorDivide(shifted, by: 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  var daysSinceEpoch: Int64 {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = floorDivide(shiftedYear, by: 400)
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// 0 for Sunday through 6 for Saturday.
  static func weekday(daysSinceEpoch days: Int64) -> Int {
    let sinceSunday = days + 4  // 1970-01-01 was a Thursday
    return Int(sinceSunday - floorDivide(sinceSunday, by: 7) * 7)
  }
}
