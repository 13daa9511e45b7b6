/// How dcq writes a computed number (`.number`, and durations as seconds).
///
/// An integral value within ±2^53 prints with no fraction (`3`, not `3.0`;
/// `-0` prints `0`); any other finite number prints in the shortest form that
/// reads back to the same double (`0.1`, `1e+21`, `9.007199254740994e+15`),
/// which is also valid JSON. Non-finite numbers have no text: callers write
/// them as null.
public enum NumberText {
  /// The largest magnitude below which every integer is exactly representable.
  static let exactIntegerLimit = 9_007_199_254_740_992.0

  /// Appends the text of `value`; returns false, appending nothing, when
  /// `value` is not finite.
  @discardableResult
  public static func append(_ value: Double, to output: inout [UInt8]) -> Bool {
    guard value.isFinite else { return false }
    // Integral test by conversion, not `rounded()`: that calls libm, which
    // an executable importing only the standard library does not link.
    if abs(value) <= exactIntegerLimit, Double(Int64(value)) == value {
      appendInteger(Int64(value), to: &output)
      return true
    }
    appendShortest(value, to: &output)
    return true
  }

  /// The text of `value`, nil when it is not finite.
  public static func text(_ value: Double) -> String? {
    var bytes: [UInt8] = []
    guard append(value, to: &bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
    if value == 0 {
      output.append(UInt8(ascii: "0"))
      return
    }
    if value < 0 { output.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64) = (0, 0)
    var count = 0
    // At most 16 digits (2^53 has 16): build them in reverse in two words.
    withUnsafeMutableBytes(of: &digits) { buffer in
      while magnitude > 0 {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) {
        output.append(buffer[index])
      }
    }
  }

  /// Swift's `description` is the shortest round-tripping form; only its
  /// exponent is tidied (`1e-05` → `1e-5`, as JavaScript writes it).
  private static func appendShortest(_ value: Double, to output: inout [UInt8]) {
    let text = value.description
    var afterExponentSign = false
    var skippingZeros = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: "e") {
        afterExponentSign = true
        output.append(byte)
        continue
      }
      if afterExponentSign {
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
          output.append(byte)
          skippingZeros = true
          continue
        }
        afterExponentSign = false
        skippingZeros = true
      }
      if skippingZeros {
        if byte == UInt8(ascii: "0") { continue }
        skippingZeros = false
      }
      output.append(byte)
    }
  }
}
