import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One HTTP exchange over a bare socket, to see exactly what the server sent
/// (URLSession hides a short body or a silent close behind an error).
enum RawHTTP {
  /// Sends `request` to 127.0.0.1:`port` and returns every byte received
  /// until the server closes. The blocking socket calls run on a thread of
  /// their own: on the cooperative pool they could starve the server itself.
  static func exchange(port: UInt16, request: String) async throws -> [UInt8] {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Result { try blockingExchange(port: port, request: request) })
      }
    }
  }

  private static func blockingExchange(port: UInt16, request: String) throws -> [UInt8] {
    #if canImport(Glibc)
      let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard socket >= 0 else { throw Failure(step: "socket") }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw Failure(step: "connect") }
    let bytes = Array(request.utf8)
    guard send(socket, bytes, bytes.count, 0) == bytes.count else { throw Failure(step: "send") }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count > 0 {
        received += buffer[0..<count]
      } else if count == 0 || errno == ECONNRESET {
        return received
      } else {
        throw Failure(step: "recv (errno \(errno))")
      }
    }
  }

  /// A GET of the conversations that asks the server to close afterwards.
  static func get(port: UInt16, query: String = "take=100") async throws -> (head: String, body: [UInt8]) {
    let received = try await exchange(
      port: port,
      request: "GET /api/v1/conversations?\(query) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    let separator = Array("\r\n\r\n".utf8)
    guard let end = received.indices.first(where: { received[$0...].starts(with: separator) }) else {
      return (String(decoding: received, as: UTF8.self), [])
    }
    return (String(decoding: received[..<end], as: UTF8.self), Array(received[(end + 4)...]))
  }

  /// The `Content-Length` of a response head.
  static func contentLength(_ head: String) -> Int? {
    for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
      return Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
    }
    return nil
  }

  struct Failure: Error {
    let step: String
  }
}
