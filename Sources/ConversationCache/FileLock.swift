#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a lock file (created 0600), held until
/// `release()`. `flock` locks belong to an open file description, so two
/// opens of one file conflict even inside one process, and the kernel drops
/// the lock when the process dies. The descriptor is close-on-exec: a pager
/// or other child never inherits the lock.
final class FileLock {
  private var descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Takes the lock, or returns nil at once when someone else holds it.
  static func attempt(_ path: String) throws(CacheError) -> FileLock? {
    try acquire(path, wait: false)
  }

  /// Takes the lock, waiting for it as long as it takes.
  static func wait(_ path: String) throws(CacheError) -> FileLock {
    guard let lock = try acquire(path, wait: true) else { preconditionFailure("a blocking flock returned") }
    return lock
  }

  private static func acquire(_ path: String, wait: Bool) throws(CacheError) -> FileLock? {
    let descriptor = try FileModes.openFile(path, flags: O_RDWR, action: "open the lock file")
    while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(descriptor)
      if code == EWOULDBLOCK { return nil }
      throw .system("lock", path, code: code)
    }
    return FileLock(descriptor: descriptor)
  }

  /// Releases the lock; later calls do nothing.
  func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
