/// A growable byte buffer that the generator writes JSON text into.
///
/// Raw memory rather than `[UInt8]`: every write is one capacity check and a
/// copy, with no uniqueness check, which keeps 200 MB of output within a
/// fraction of a second. Noncopyable, so the memory has one owner.
struct ByteWriter: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 1 << 16) {
    self.capacity = max(capacity, 64)
    self.base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// The bytes written so far.
  func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }

  /// A copy of the bytes written so far.
  var bytes: [UInt8] {
    withBytes { Array($0) }
  }

  mutating func removeAll() {
    count = 0
  }

  /// Room for `extra` more bytes.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(toFit: extra) }
  }

  private mutating func grow(toFit extra: Int) {
    var newCapacity = capacity * 2
    while newCapacity < count + extra { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  mutating func byte(_ value: UInt8) {
    reserve(1)
    base[count] = value
    count += 1
  }

  /// Writes text as it is: callers pass JSON punctuation and keys.
  @inline(__always)
  mutating func raw(_ text: StaticString) {
    let length = text.utf8CodeUnitCount
    reserve(length)
    (base + count).update(from: text.utf8Start, count: length)
    count += length
  }

  /// Writes bytes as they are (already valid JSON text).
  @inline(__always)
  mutating func raw(_ bytes: [UInt8]) {
    let length = bytes.count
    reserve(length)
    bytes.withUnsafeBufferPointer { source in
      (base + count).update(from: source.baseAddress!, count: length)
    }
    count += length
  }

  /// Writes a non-negative `value` as exactly `width` decimal digits, zero-padded.
  @inline(__always)
  mutating func digits(_ value: Int64, width: Int) {
    reserve(width)
    var rest = value
    var index = count + width - 1
    while index >= count {
      base[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
      rest /= 10
      index -= 1
    }
    count += width
  }

  /// Writes a decimal integer.
  mutating func integer(_ value: Int64) {
    if value < 0 {
      byte(UInt8(ascii: "-"))
      integer(0 - value)
      return
    }
    var width = 1
    var limit: Int64 = 10
    while width < 19 && value >= limit {
      width += 1
      limit &*= 10
    }
    digits(value, width: width)
  }

  /// Writes the low `nibbles` hex digits of `value`, lowercase unless asked.
  @inline(__always)
  mutating func hex(_ value: UInt64, nibbles: Int, uppercase: Bool = false) {
    let letterBase: UInt8 = uppercase ? 55 : 87
    reserve(nibbles)
    var rest = value
    var index = count + nibbles - 1
    while index >= count {
      let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
      base[index] = nibble < 10 ? 48 + nibble : letterBase + nibble
      rest >>= 4
      index -= 1
    }
    count += nibbles
  }
}
