import Foundation

/// A value shared between threads, reached only through `withLock`.
///
/// `@unchecked Sendable` is safe: `value` is read and written only while
/// `lock` is held, and `Value` never leaves the lock except as a copy the
/// caller's closure returns.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
