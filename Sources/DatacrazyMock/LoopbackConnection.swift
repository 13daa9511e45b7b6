import Foundation

/// One accepted connection: reads request heads (and skips their bodies),
/// writes the replies, until the client closes, asks to close, or a fault
/// ends it.
struct LoopbackConnection {
  /// A head longer than this is refused.
  static let maximumHeadLength = 64 * 1024

  let file: Int32
  let respond: LoopbackServer.Respond
  /// Bytes received and not yet consumed by a request.
  private var pending: [UInt8] = []
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

  init(file: Int32, respond: @escaping LoopbackServer.Respond) {
    self.file = file
    self.respond = respond
  }

  /// Serves requests until the connection should close; the caller closes it.
  mutating func serve() {
    while let headLength = readHead() {
      guard let head = RequestHead(pending[..<headLength]) else {
        write(.error(400, "Malformed request", code: "BAD_REQUEST"), keepAlive: false)
        return
      }
      // Skips the body, which no route reads.
      let requestLength = headLength + 4 + head.bodyLength
      while pending.count < requestLength {
        guard receive() else { return }
      }
      pending.removeFirst(requestLength)
      switch respond(head) {
      case .answer(let answer):
        guard write(answer, keepAlive: head.keepAlive), head.keepAlive else { return }
      case .drop:
        return
      case .truncate(let answer):
        write(answer, keepAlive: false, sending: answer.body.count / 2)
        return
      }
    }
  }

  /// Reads until `pending` holds a whole head and returns its length (up to
  /// its empty line); nil when the connection closed or the head is too long.
  private mutating func readHead() -> Int? {
    var searched = 0
    while true {
      if pending.count >= 4 {
        for end in max(0, searched - 3)...(pending.count - 4)
        where pending[end] == 13 && pending[end + 1] == 10 && pending[end + 2] == 13 && pending[end + 3] == 10
        {
          return end
        }
      }
      searched = pending.count
      if pending.count > Self.maximumHeadLength {
        write(.error(431, "Request header fields too large", code: "HEADERS_TOO_LARGE"), keepAlive: false)
        return nil
      }
      guard receive() else { return nil }
    }
  }

  /// Appends what arrives next to `pending`; false at the end of the stream.
  private mutating func receive() -> Bool {
    let received = buffer.withUnsafeMutableBytes {
      SocketCalls.receive(file, into: $0.baseAddress!, count: $0.count)
    }
    guard received > 0 else { return false }
    pending.append(contentsOf: buffer[0..<received])
    return true
  }

  /// Writes `answer` with its whole `Content-Length` but only `sending`
  /// bytes of its body (all by default); false when the client is gone.
  @discardableResult
  private func write(_ answer: MockAnswer, keepAlive: Bool, sending: Int? = nil) -> Bool {
    var head = "HTTP/1.1 \(answer.status) \(Self.reason(answer.status))\r\n"
    head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(answer.body.count)\r\n"
    for (name, value) in answer.headers { head += "\(name): \(value)\r\n" }
    if !keepAlive { head += "Connection: close\r\n" }
    head += "\r\n"
    let body = answer.body.prefix(sending ?? answer.body.count)
    // A small answer goes out in one piece; a page's bytes are not copied again.
    if body.count <= 16 * 1024 {
      var whole = Data(head.utf8)
      whole.append(body)
      return whole.withUnsafeBytes { SocketCalls.sendAll(file, $0) }
    }
    guard Data(head.utf8).withUnsafeBytes({ SocketCalls.sendAll(file, $0) }) else { return false }
    return body.withUnsafeBytes { SocketCalls.sendAll(file, $0) }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 429: "Too Many Requests"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    default: "Status \(status)"
    }
  }
}
