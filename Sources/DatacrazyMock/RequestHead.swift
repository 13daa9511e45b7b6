/// The head of one HTTP/1.1 request: what the mock answers from.
struct RequestHead: Equatable {
  var method: String
  /// The path as sent, still percent-encoded.
  var path: String
  /// The query string as sent (after `?`), still percent-encoded.
  var query: String
  /// Header names lowercased, in the order sent.
  var headers: [(name: String, value: String)]
  /// Whether the connection stays open after the answer.
  var keepAlive: Bool
  /// Bytes of body that follow the head (`Content-Length`).
  var bodyLength: Int

  static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
    lhs.method == rhs.method && lhs.path == rhs.path && lhs.query == rhs.query
      && lhs.headers.elementsEqual(rhs.headers, by: { $0 == $1 }) && lhs.keepAlive == rhs.keepAlive
      && lhs.bodyLength == rhs.bodyLength
  }

  /// The value of header `name` (lowercase), the last one if repeated.
  func header(_ name: String) -> String? {
    headers.last { $0.name == name }?.value
  }

  /// Parses the bytes of a head without its final empty line; nil when
  /// they are not an HTTP/1.x request head.
  init?(_ bytes: some Collection<UInt8>) {
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\r\n", omittingEmptySubsequences: false)
    let requestLine = lines.first?.split(separator: " ", omittingEmptySubsequences: true) ?? []
    guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { return nil }
    method = String(requestLine[0])
    let target = requestLine[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    path = String(target[0])
    query = target.count > 1 ? String(target[1]) : ""
    headers = []
    for line in lines.dropFirst() where !line.isEmpty {
      guard let colon = line.firstIndex(of: ":") else { return nil }
      headers.append(
        (
          line[..<colon].trimmingSpaces.lowercased(),
          String(line[line.index(after: colon)...].trimmingSpaces)
        ))
    }
    let connection = headers.last { $0.name == "connection" }?.value.lowercased() ?? ""
    keepAlive =
      requestLine[2] == "HTTP/1.0" ? connection.contains("keep-alive") : !connection.contains("close")
    let length = headers.last { $0.name == "content-length" }?.value ?? "0"
    guard let bodyLength = Int(length), bodyLength >= 0,
      headers.last(where: { $0.name == "transfer-encoding" }) == nil
    else { return nil }
    self.bodyLength = bodyLength
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
