import QueryLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that could not be read as input, with the reason in words.
public struct InputFileError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "cannot read \(path): \(reason)" }
}

/// Why a mapping failed: an errno value.
public struct MapFailure: Error {
  public let code: Int32
  public init(code: Int32) { self.code = code }
}

/// Input files in memory the way the JSON reader wants them: followed by
/// zero bytes, so its scanners need no bounds checks.
public enum MappedFile {
  /// Maps the file at `path` read-only. An anonymous zero-filled region of
  /// the file's size plus padding is mapped first, and the file is laid over
  /// its start with `MAP_FIXED`: the bytes after the file's end are zeros
  /// (the kernel zero-fills the rest of the file's last page, and the pages
  /// after it are the anonymous ones). Anything else (a pipe, `/dev/stdin`,
  /// an empty file) is read into memory instead.
  public static func map(path: String) throws -> JSONBuffer {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw error(path, errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw error(path, errno) }
    if status.st_mode & S_IFMT == S_IFDIR { throw error(path, EISDIR) }
    // Files with no size to map (empty, or generated like /proc's) are read.
    guard status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
      return try readAll(descriptor, path: path)
    }

    do {
      return try map(descriptor: descriptor, size: Int(status.st_size))
    } catch {
      throw self.error(path, error.code)
    }
  }

  /// Maps `size` bytes of the open regular file `descriptor` over a
  /// zero-filled region: the bytes after its end are zeros (the kernel
  /// zero-fills the rest of the file's last page, and the pages after it are
  /// the anonymous ones). Nothing is read: pages come in as they are touched,
  /// and the mapping stays valid if the file is removed later.
  public static func map(descriptor: Int32, size: Int) throws(MapFailure) -> JSONBuffer {
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    let length = (size + JSONBuffer.padding + pageSize - 1) / pageSize * pageSize
    guard let region = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      region != MAP_FAILED
    else { throw MapFailure(code: errno) }
    let file = mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, descriptor, 0)
    guard file == region else {
      let code = errno
      munmap(region, length)
      throw MapFailure(code: code)
    }
    // The address travels as an integer: a raw pointer is not Sendable, and
    // the closure runs once, when the buffer is freed.
    let address = Int(bitPattern: region)
    return JSONBuffer(
      adopting: UnsafePointer(region.assumingMemoryBound(to: UInt8.self)), count: size
    ) {
      munmap(UnsafeMutableRawPointer(bitPattern: address), length)
    }
  }

  /// Reads all of standard input.
  public static func readStandardInput() throws -> JSONBuffer {
    try readAll(STDIN_FILENO, path: "standard input")
  }

  /// Reads `descriptor` to its end into memory followed by zero padding.
  private static func readAll(_ descriptor: Int32, path: String) throws -> JSONBuffer {
    var capacity = 1 << 16
    var count = 0
    guard var storage = malloc(capacity + JSONBuffer.padding) else { throw error(path, ENOMEM) }
    while true {
      if count == capacity {
        capacity *= 2
        guard let grown = realloc(storage, capacity + JSONBuffer.padding) else {
          free(storage)
          throw error(path, ENOMEM)
        }
        storage = grown
      }
      let got = read(descriptor, storage + count, capacity - count)
      if got > 0 {
        count += got
      } else if got == 0 {
        break
      } else if errno != EINTR {
        let code = errno
        free(storage)
        throw error(path, code)
      }
    }
    memset(storage + count, 0, JSONBuffer.padding)
    let address = Int(bitPattern: storage)
    return JSONBuffer(
      adopting: UnsafePointer(storage.assumingMemoryBound(to: UInt8.self)), count: count
    ) {
      free(UnsafeMutableRawPointer(bitPattern: address))
    }
  }

  private static func error(_ path: String, _ code: Int32) -> InputFileError {
    let reason: String
    switch code {
    case ENOENT: reason = "no such file"
    case EISDIR: reason = "is a directory"
    case EACCES, EPERM: reason = "permission denied"
    default: reason = String(cString: strerror(code))
    }
    return InputFileError(path: path, reason: reason)
  }
}
