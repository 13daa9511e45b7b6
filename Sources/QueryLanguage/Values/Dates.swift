/// Reads the date forms of LANGUAGE.md §5 into milliseconds since the epoch:
/// `2025-06-23T21:18:59.068Z`, `2025-06-23T21:18:59Z`, either with a `±hh:mm`
/// offset instead of `Z`, or a bare `2025-06-23` (midnight UTC).
public func parseDate(_ text: String) -> Double? {
  var utf8 = text.utf8.makeIterator()
  var bytes: [UInt8] = []
  bytes.reserveCapacity(32)
  while let byte = utf8.next() {
    bytes.append(byte)
    if bytes.count > 40 { return nil }
  }
  return parseDate(bytes: bytes)
}

func parseDate(bytes: [UInt8]) -> Double? {
  var index = 0
  func digits(_ count: Int) -> Int? {
    guard index + count <= bytes.count else { return nil }
    var value = 0
    for offset in 0..<count {
      let byte = bytes[index + offset]
      guard byte >= 48, byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    index += count
    return value
  }
  func expect(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }
  guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D),
    let day = digits(2), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
  else { return nil }
  let days = Double(daysFromCivil(year, month, day))
  if index == bytes.count { return days * 86_400_000 }
  guard expect(0x54) || expect(0x74), let hour = digits(2), expect(0x3A), let minute = digits(2),
    expect(0x3A), let second = digits(2), hour < 24, minute < 60, second < 61
  else { return nil }
  var milliseconds = 0.0
  if expect(0x2E) {
    var scale = 100.0
    var count = 0
    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
      milliseconds += Double(bytes[index] - 48) * scale
      scale /= 10
      index += 1
      count += 1
    }
    guard count > 0 else { return nil }
  }
  var offsetMinutes = 0
  if expect(0x5A) || expect(0x7A) {
  } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
    let sign = bytes[index] == 0x2D ? -1 : 1
    index += 1
    guard let hours = digits(2), expect(0x3A), let minutes = digits(2), hours < 24, minutes < 60
    else { return nil }
    offsetMinutes = sign * (hours * 60 + minutes)
  } else {
    return nil
  }
  guard index == bytes.count else { return nil }
  let seconds = Double(hour * 3600 + minute * 60 + second - offsetMinutes * 60)
  return days * 86_400_000 + seconds * 1000 + milliseconds.rounded()
}

private func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

private func daysIn(_ month: Int, _ year: Int) -> Int {
  switch month {
  case 2: return isLeap(year) ? 29 : 28
  case 4, 6, 9, 11: return 30
  default: return 31
  }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
  let y = month <= 2 ? year - 1 : year
  let era = (y >= 0 ? y : y - 399) / 400
  let yearOfEra = y - era * 400
  let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
  let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/// The civil date of a day count since 1970-01-01.
func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
  let z = days + 719_468
  let era = (z >= 0 ? z : z - 146_096) / 146_097
  let dayOfEra = z - era * 146_097
  let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
  let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
  let mp = (5 * dayOfYear + 2) / 153
  let day = dayOfYear - (153 * mp + 2) / 5 + 1
  let month = mp < 10 ? mp + 3 : mp - 9
  return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/// `2025-06-23T21:18:59.068Z`: a timestamp as ISO 8601 UTC with milliseconds.
public func formatTimestamp(_ milliseconds: Double) -> String {
  TimestampText.text(milliseconds) ?? "null"
}

func floorDivide(_ a: Int, _ b: Int) -> (Int, Int) {
  let quotient = a >= 0 ? a / b : (a - b + 1) / b
  return (quotient, a - quotient * b)
}

func pad(_ value: Int, _ width: Int) -> String {
  let text = String(abs(value))
  let padded = String(repeating: "0", count: max(0, width - text.count)) + text
  return value < 0 ? "-" + padded : padded
}
