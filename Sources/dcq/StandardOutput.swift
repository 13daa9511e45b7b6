import Foundation

/// Buffered writes to stdout. A closed pipe ends dcq at once, quietly (exit 0
/// is not claimed: the shell sees the usual SIGPIPE-like status 141).
final class StandardOutput {
  private var buffer: [UInt8] = []
  private let limit = 1 << 16

  init() { buffer.reserveCapacity(limit * 2) }

  func write(_ bytes: UnsafeRawBufferPointer) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= limit { flush() }
  }

  func flush() {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        // EPIPE and friends: the reader is gone; stop quietly.
        exit(141)
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
