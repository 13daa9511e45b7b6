import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

public enum CacheError: Error, Sendable, CustomStringConvertible {
  /// The folder or database cannot be created, read or written.
  /// The message names the path and what failed, never the token.
  case unusable(String)

  public var description: String {
    switch self {
    case .unusable(let message): message
    }
  }
}

extension CacheError {
  /// A failed system call on `path`: "cannot create /x/y: permission denied".
  static func system(_ action: String, _ path: String, code: Int32 = errno) -> CacheError {
    .unusable("cannot \(action) \(path): \(reason(code))")
  }

  /// A failed database call. GRDB's own description may quote SQL; the
  /// message and result code are enough, and never hold bound values.
  static func database(_ action: String, _ path: String, _ error: any Error) -> CacheError {
    if let error = error as? CacheError { return error }
    let detail: String
    if let error = error as? DatabaseError {
      detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    } else {
      detail = "\(error)"
    }
    return .unusable("cannot \(action) \(path): \(detail)")
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file or folder"
    case EACCES, EPERM: "permission denied"
    case ENOTDIR: "a part of the path is not a folder"
    case EEXIST: "a file is in the way"
    case ENOSPC: "no space left on the device"
    case EROFS: "read-only file system"
    default: String(cString: strerror(code))
    }
  }
}
