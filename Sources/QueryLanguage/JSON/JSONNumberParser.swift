/// Parses JSON number text to the `Double` that `Double(String)` gives.
enum JSONNumberParser {
  typealias Pointer = UnsafePointer<UInt8>

  /// Exact powers of ten: every one up to 1e22 is a `Double` without rounding.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// Parses `first..<last`; nil when it is not a number.
  ///
  /// Fast path (Clinger): a significand of at most 2^53 and a decimal
  /// exponent within ±22 are both exact doubles, so one multiplication or
  /// division rounds correctly, as `Double(String)` does. Anything else goes
  /// to `Double(String)` itself.
  static func parse(_ first: Pointer, _ last: Pointer) -> Double? {
    var position = first
    let negative = position < last && position.pointee == UInt8(ascii: "-")
    if negative { position += 1 }
    var significand: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    var sawDigit = false
    while position < last, case let digit = position.pointee &- UInt8(ascii: "0"), digit < 10 {
      accumulate(digit, &significand, &significantDigits)
      sawDigit = true
      position += 1
    }
    if position < last, position.pointee == UInt8(ascii: ".") {
      position += 1
      while position < last, case let digit = position.pointee &- UInt8(ascii: "0"), digit < 10 {
        accumulate(digit, &significand, &significantDigits)
        exponent -= 1
        position += 1
      }
    }
    if position < last, position.pointee | 0x20 == UInt8(ascii: "e") {
      position += 1
      var exponentNegative = false
      if position < last, position.pointee == UInt8(ascii: "-") || position.pointee == UInt8(ascii: "+") {
        exponentNegative = position.pointee == UInt8(ascii: "-")
        position += 1
      }
      var written = 0
      var digits = 0
      while position < last, case let digit = position.pointee &- UInt8(ascii: "0"), digit < 10 {
        if written < 100_000 { written = written * 10 + Int(digit) }
        digits += 1
        position += 1
      }
      if digits == 0 { return slowParse(first, last) }
      exponent += exponentNegative ? -written : written
    }
    guard sawDigit, position == last, significantDigits <= 19 else { return slowParse(first, last) }
    if significand == 0 { return negative ? -0.0 : 0.0 }
    guard significand <= 1 << 53, (-22...22).contains(exponent) else {
      return slowParse(first, last)
    }
    var value = Double(significand)
    value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
    return negative ? -value : value
  }

  @inline(__always)
  private static func accumulate(_ digit: UInt8, _ significand: inout UInt64, _ count: inout Int) {
    if significand == 0 && digit == 0 { return }
    count += 1
    if count <= 19 { significand = significand &* 10 &+ UInt64(digit) }
  }

  private static func slowParse(_ first: Pointer, _ last: Pointer) -> Double? {
    Double(String(decoding: UnsafeBufferPointer(start: first, count: last - first), as: UTF8.self))
  }
}
