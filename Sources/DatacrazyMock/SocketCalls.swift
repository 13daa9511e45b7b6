#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX socket calls the server makes itself, one spelling for
/// every platform.
enum SocketCalls {
  /// Receives up to `count` bytes; 0 at the end of the stream or on an error.
  static func receive(_ file: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    while true {
      let received = recv(file, buffer, count, 0)
      if received >= 0 { return received }
      if errno != EINTR { return 0 }
    }
  }

  /// Sends all of `bytes`; false when the peer is gone.
  @discardableResult
  static func sendAll(_ file: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard var position = bytes.baseAddress else { return true }
    var remaining = bytes.count
    while remaining > 0 {
      #if canImport(Glibc) || canImport(Musl)
        let sent = send(file, position, remaining, Int32(MSG_NOSIGNAL))
      #else
        let sent = send(file, position, remaining, 0)
      #endif
      if sent < 0 {
        if errno == EINTR { continue }
        return false
      }
      position += sent
      remaining -= sent
    }
    return true
  }

  /// Makes an accepted connection answer without Nagle's delay (a response
  /// written in two parts would otherwise wait ~40 ms for the client's
  /// delayed ACK) and, on Darwin, without SIGPIPE.
  static func prepareConnection(_ file: Int32) {
    var on: Int32 = 1
    let size = socklen_t(MemoryLayout<Int32>.size)
    setsockopt(file, Int32(IPPROTO_TCP), TCP_NODELAY, &on, size)
    #if canImport(Darwin)
      setsockopt(file, SOL_SOCKET, SO_NOSIGPIPE, &on, size)
    #endif
  }

  /// Keeps `file` out of processes this one starts (a pager, a shell).
  static func closeOnExec(_ file: Int32) {
    _ = fcntl(file, F_SETFD, FD_CLOEXEC)
  }

  /// Wakes any thread blocked reading or writing `file`.
  static func shutDown(_ file: Int32) {
    _ = shutdown(file, Int32(SHUT_RDWR))
  }

  static func closeFile(_ file: Int32) {
    _ = close(file)
  }

  /// A pipe whose write end wakes a `waitForConnection`.
  static func makePipe() -> (read: Int32, write: Int32)? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    return (ends[0], ends[1])
  }

  static func wake(_ file: Int32) {
    var byte: UInt8 = 1
    _ = write(file, &byte, 1)
  }

  /// Waits until `listener` has a connection to accept (true) or `wake` is
  /// readable (false).
  static func waitForConnection(_ listener: Int32, wake: Int32) -> Bool {
    var files = [
      pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
    ]
    while true {
      let ready = poll(&files, 2, -1)
      if ready < 0 && errno == EINTR { continue }
      if ready < 0 || files[1].revents != 0 { return false }
      if files[0].revents != 0 { return true }
    }
  }
}
