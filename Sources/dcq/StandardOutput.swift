import Foundation

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
    if let rows = pagingRows, buffer.lazy.filter({ $0 == 0x0A }).count >= rows, page() {
      buffer.removeAll()
      return
    }
    flush()
  }

  private func page() -> Bool {
    let environment = ProcessInfo.processInfo.environment
    let pager = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRSX"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", pager]
    let input = Pipe()
    process.standardInput = input
    do {
      try process.run()
    } catch {
      return false
    }
    signal(SIGPIPE, SIG_IGN)  // the reader may quit the pager early
    try? input.fileHandleForWriting.write(contentsOf: Data(buffer))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return true
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
