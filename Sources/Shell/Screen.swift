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

  /// Writes an entry's output in the order it came: results to stdout (through
  /// the pager when they are taller than the terminal), warnings and timings
  /// to stderr, as CLI.md wants, the ones made before the results first.
  func show(_ chunks: [OutputBuffer.Chunk]) {
    let results = chunks.filter { !$0.isError }.flatMap(\.bytes)
    guard pages, Pager.isTaller(results, than: rows()) else {
      for chunk in chunks { write(chunk) }
      return
    }
    let firstResult = chunks.firstIndex { !$0.isError } ?? chunks.endIndex
    for chunk in chunks[..<firstResult] { write(chunk) }
    if !Pager.show(results) { FileHandle.standardOutput.write(Data(results)) }
    for chunk in chunks[firstResult...] where chunk.isError { write(chunk) }
  }

  private func write(_ chunk: OutputBuffer.Chunk) {
    (chunk.isError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(chunk.bytes))
  }
}

/// Collects an entry's output: results, and the warnings and timings between them.
final class OutputBuffer: @unchecked Sendable {
  // Unchecked: written by the REPL's thread only (the runner's sink), read after each entry.
  struct Chunk {
    var isError: Bool
    var bytes: [UInt8]
  }

  private var chunks: [Chunk] = []

  func append(_ bytes: UnsafeRawBufferPointer) { append(Array(bytes), isError: false) }
  func append(error text: String) { append(Array(text.utf8), isError: true) }

  private func append(_ bytes: [UInt8], isError: Bool) {
    if chunks.last?.isError == isError {
      chunks[chunks.count - 1].bytes += bytes
    } else {
      chunks.append(Chunk(isError: isError, bytes: bytes))
    }
  }

  func take() -> [Chunk] {
    defer { chunks = [] }
    return chunks
  }
}
