/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny, fast generator whose
/// output depends only on its seed, so the same seed gives the same data on
/// every machine. The system generator is never used.
///
/// Only integer arithmetic is used here and by every caller: `log`/`exp`
/// from a platform's libm may differ in the last bit between machines.
struct SeededRandom {
  private var state: UInt64

  init(state: UInt64) {
    self.state = state
  }

  /// A generator for one item of one stream (a record, a contact, the
  /// catalog): streams are independent, and item `i` never depends on how
  /// many items come before it.
  init(seed: UInt64, stream: Stream, index: Int) {
    let streamSeed = Self.mix(seed ^ Self.mix(stream.rawValue &* 0x9E37_79B9_7F4A_7C15))
    self.state = Self.mix(streamSeed &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
  }

  enum Stream: UInt64 {
    case catalog = 1
    case plan
    case record
    case contact
  }

  /// The SplitMix64 finaliser: a bijection that scatters nearby inputs.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// A number in `0..<bound` (`bound > 0`), by the multiply-high method.
  mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A number in `range`.
  mutating func inRange(_ range: ClosedRange<Int64>) -> Int64 {
    let width = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
    if width == 0 { return Int64(bitPattern: next()) }
    return range.lowerBound &+ Int64(bitPattern: next().multipliedFullWidth(by: width).high)
  }

  /// True `perMille` times in a thousand.
  mutating func chance(_ perMille: Int) -> Bool {
    below(1000) < perMille
  }

  /// An index drawn with the given relative weights.
  mutating func weighted(_ weights: [Int]) -> Int {
    var roll = below(weights.reduce(0, +))
    for (index, weight) in weights.enumerated() {
      if roll < weight { return index }
      roll -= weight
    }
    return weights.count - 1
  }

  /// An element of a non-empty array.
  mutating func element<T>(of array: [T]) -> T {
    array[below(array.count)]
  }
}
