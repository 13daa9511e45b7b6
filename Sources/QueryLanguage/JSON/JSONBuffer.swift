/// JSON text in memory, followed by at least 64 zero bytes: a zero byte is
/// invalid anywhere in JSON, so scanners stop on it without bounds checks.
///
/// `@unchecked Sendable` is safe: the text is immutable after creation and
/// `release` runs once, in `deinit`, when no thread holds the buffer.
public final class JSONBuffer: @unchecked Sendable {
  public let base: UnsafePointer<UInt8>
  /// Bytes of JSON text, not counting the zero padding.
  public let count: Int
  private let release: @Sendable () -> Void

  /// Zero bytes every buffer has after its text.
  public static let padding = 64

  /// Copies `bytes` into a new padded buffer.
  public convenience init(bytes: some Collection<UInt8>) {
    let count = bytes.count
    let capacity = count + JSONBuffer.padding
    let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
    let text = raw.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
    let copied =
      bytes.withContiguousStorageIfAvailable { source in
        if let address = source.baseAddress { text.update(from: address, count: source.count) }
        return true
      } ?? false
    if !copied {
      var index = 0
      for byte in bytes.prefix(count) {
        text[index] = byte
        index += 1
      }
    }
    // The address travels as an integer: a raw pointer is not Sendable, and
    // the closure runs once, from deinit.
    let address = Int(bitPattern: raw)
    self.init(adopting: UnsafePointer(text), count: count) {
      UnsafeMutableRawPointer(bitPattern: address)?.deallocate()
    }
  }

  /// Copies the UTF-8 of `text` into a new padded buffer.
  public convenience init(_ text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// Adopts memory that already ends in zero padding (an mmap'd file laid
  /// over a zero-filled region); `release` unmaps it.
  public init(
    adopting base: UnsafePointer<UInt8>, count: Int, release: @escaping @Sendable () -> Void
  ) {
    self.base = base
    self.count = count
    self.release = release
  }

  deinit { release() }

  /// The 1-based line and column of byte `offset`; the column counts
  /// characters (UTF-8 lead bytes), not bytes.
  public func location(ofOffset offset: Int) -> (line: Int, column: Int) {
    let offset = min(max(offset, 0), count)
    var line = 1
    var lineStart = 0
    for index in 0..<offset where base[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    var column = 1
    for index in lineStart..<offset where base[index] & 0xC0 != 0x80 {
      column += 1
    }
    return (line, column)
  }
}
