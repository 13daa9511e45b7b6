import Foundation
import Shell

/// Buffered writes to stdout. A closed pipe ends dcq at once, quietly (with
/// the status 141 of a SIGPIPE). With a pager, output is held until the end
/// and goes through `$PAGER` (default `less -FRSX`) when it is taller than
/// the terminal.
final class StandardOutput {
  private var buffer: [UInt8] = []
  private let limit = 1 << 16
  private let pagingRows: Int?

  /// `pagingTallerThan`: the terminal's rows when output may be paged, else nil.
  init(pagingTallerThan rows: Int?) {
    pagingRows = rows
    buffer.reserveCapacity(limit * 2)
  }

  func write(_ bytes: UnsafeRawBufferPointer) {
    buffer.append(contentsOf: bytes)
    if pagingRows == nil, buffer.count >= limit { flush() }
  }

  /// Writes what is held: through the pager when it is taller than the terminal.
  func finish() {
    if let rows = pagingRows, Pager.isTaller(buffer, than: rows), Pager.show(buffer) {
      buffer.removeAll()
      return
    }
    flush()
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
