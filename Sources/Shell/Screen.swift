import Foundation

/// Where the REPL's results go: written, or paged when taller than the terminal.
public struct Screen: Sendable {
  let rows: @Sendable () -> Int
  /// The terminal's width now, read at each entry; nil when it is not a terminal.
  let columns: @Sendable () -> Int?
  let pages: Bool

  public init(
    rows: @escaping @Sendable () -> Int, columns: @escaping @Sendable () -> Int? = { nil }, pages: Bool
  ) {
    self.rows = rows
    self.columns = columns
    self.pages = pages
  }

  func show(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    if pages, Pager.isTaller(bytes, than: rows()), Pager.show(bytes) { return }
    FileHandle.standardOutput.write(Data(bytes))
  }
}

/// Collects an entry's output.
final class OutputBuffer: @unchecked Sendable {
  // Unchecked: written by the REPL's thread only (the runner's sink), read after each entry.
  private var bytes: [UInt8] = []
  func append(_ chunk: UnsafeRawBufferPointer) { bytes.append(contentsOf: chunk) }
  func append(text: String) { bytes.append(contentsOf: text.utf8) }
  func take() -> [UInt8] {
    defer { bytes = [] }
    return bytes
  }
}
