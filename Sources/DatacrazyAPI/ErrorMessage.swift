import QueryLanguage

/// Turns what a server said into text fit for the user: the body's `message`
/// only, one line, short, and without the token.
enum ErrorMessage {
  /// Characters kept of a message.
  static let maximumLength = 200

  /// The `message` of a JSON error body (`{"message": "...", "code": ...}`),
  /// made safe; nil when the body has none. A list of messages is joined
  /// with `; `; a nested error object gives its own `message`.
  static func from(body: some Collection<UInt8>, token: String) -> String? {
    guard !body.isEmpty else { return nil }
    let buffer = JSONBuffer(bytes: body)
    // JSONText never reads outside its bytes, so an unvalidated body is safe here.
    var start = 0
    var end = buffer.count
    while start < end, isWhitespace(buffer.base[start]) { start += 1 }
    while end > start, isWhitespace(buffer.base[end - 1]) { end -= 1 }
    let top = JSONText(start: buffer.base + start, count: end - start)
    let found = withExtendedLifetime(buffer) { () -> String? in
      guard let message = top.member("message") else { return nil }
      return text(of: message, depth: 0)
    }
    return found.flatMap { sanitized($0, token: token) }
  }

  private static func text(of value: JSONText, depth: Int) -> String? {
    switch value.kind {
    case .string:
      return value.string
    case .array:
      let parts = value.elements().compactMap { $0.string }
      return parts.isEmpty ? nil : parts.joined(separator: "; ")
    case .object where depth < 2:
      return value.member("message").flatMap { text(of: $0, depth: depth + 1) }
    default:
      return nil
    }
  }

  /// The first line of `text`, without the token, control characters or
  /// runs of spaces, cut to `maximumLength` characters; nil when nothing is left.
  static func sanitized(_ text: String, token: String) -> String? {
    var text = text
    if !token.isEmpty { text = text.replacing(token, with: "[token]") }
    // A stack trace starts on the next line: keep the first.
    let firstLine = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" }.first ?? ""
    let cleaned = oneLine(String(firstLine))
    guard !cleaned.isEmpty else { return nil }
    guard cleaned.count > maximumLength else { return cleaned }
    return String(cleaned.prefix(maximumLength - 1)) + "…"
  }

  /// `text` with control characters as spaces, runs of spaces as one, trimmed.
  static func oneLine(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control || scalar == " " {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.append(" ") }
      pendingSpace = false
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}
