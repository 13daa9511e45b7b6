import Foundation
import MappedFiles
import QueryLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file beside the database that holds the records: one JSON array of
/// each record's exact bytes, `[rec,\nrec,\n...]`, so dcq reads it the way it
/// reads `--input`. Each replace writes a new file under a new name, which the
/// database then names; a file is never changed after it is written.
enum RecordsFile {
  static let prefix = "records-"
  static let suffix = ".json"

  /// A fresh, unique file name.
  static func newName() -> String {
    prefix + UUID().uuidString.lowercased() + suffix
  }

  /// Whether `name` is one of ours (and a plain name, not a path).
  static func isRecordsFile(_ name: String) -> Bool {
    name.hasPrefix(prefix) && name.hasSuffix(suffix) && !name.contains("/")
      && name.utf8.count > prefix.utf8.count + suffix.utf8.count
  }

  /// Bytes gathered before each `write`.
  static let bufferSize = 4 << 20

  /// Writes `records` to the new file `path` (created 0600, never replacing
  /// a file) and flushes it to the disk.
  static func write(_ records: [[UInt8]], to path: String) throws(CacheError) {
    let descriptor = try FileModes.openFile(path, flags: O_WRONLY | O_EXCL, action: "create")
    defer { close(descriptor) }
    var writer = BufferedWriter(descriptor: descriptor, path: path, capacity: bufferSize)
    try writer.append(UInt8(ascii: "["))
    for (index, record) in records.enumerated() {
      if index > 0 {
        try writer.append(UInt8(ascii: ","))
        try writer.append(UInt8(ascii: "\n"))
      }
      try writer.append(record)
    }
    try writer.append(UInt8(ascii: "]"))
    try writer.append(UInt8(ascii: "\n"))
    try writer.flush()
    guard fsync(descriptor) == 0 else { throw .system("flush", path) }
  }

  /// Maps the records file at `path` as dcq maps `--input` files
  /// (`MappedFile.map(descriptor:size:)`); a mapping stays valid after a
  /// later replace removes the file. Only non-empty regular files qualify.
  static func map(_ path: String) throws(MapFailure) -> JSONBuffer {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw MapFailure(code: errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw MapFailure(code: errno) }
    guard status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { throw MapFailure(code: EINVAL) }

    return try MappedFile.map(descriptor: descriptor, size: Int(status.st_size))
  }
}

/// Gathers small writes into large ones.
private struct BufferedWriter: ~Copyable {
  let descriptor: Int32
  let path: String
  let capacity: Int
  private let buffer: UnsafeMutablePointer<UInt8>
  private var count = 0

  init(descriptor: Int32, path: String, capacity: Int) {
    self.descriptor = descriptor
    self.path = path
    self.capacity = capacity
    buffer = .allocate(capacity: capacity)
  }

  deinit { buffer.deallocate() }

  mutating func append(_ byte: UInt8) throws(CacheError) {
    if count == capacity { try flush() }
    buffer[count] = byte
    count += 1
  }

  mutating func append(_ bytes: [UInt8]) throws(CacheError) {
    if count + bytes.count > capacity { try flush() }
    if bytes.count >= capacity {
      try bytes.withUnsafeBufferPointer { (source) throws(CacheError) in
        try writeAll(source.baseAddress!, source.count)
      }
      return
    }
    bytes.withUnsafeBufferPointer { source in
      guard let start = source.baseAddress else { return }
      (buffer + count).update(from: start, count: source.count)
    }
    count += bytes.count
  }

  mutating func flush() throws(CacheError) {
    try writeAll(buffer, count)
    count = 0
  }

  private func writeAll(_ start: UnsafePointer<UInt8>, _ total: Int) throws(CacheError) {
    var written = 0
    while written < total {
      let result = write(descriptor, start + written, total - written)
      if result > 0 {
        written += result
      } else if result < 0 && errno == EINTR {
        continue
      } else {
        throw .system("write", path, code: result < 0 ? errno : EIO)
      }
    }
  }
}
