/// Why `fetchAll` failed. No case ever holds the token, and messages are
/// single lines taken from the body's `message` only (never a stack trace).
public enum APIError: Error, Sendable, CustomStringConvertible {
  /// 401 or 403: the token is wrong or lacks rights.
  case unauthorized(status: Int, message: String?)
  /// Unreachable, or still failing (5xx, 429, timeouts) after the retries.
  case unavailable(String)
  /// A 2xx answer that is not a page of conversations, or another 4xx.
  case badResponse(status: Int, message: String?)
  case cancelled

  /// One line for the user, e.g. `the API rejected the token (HTTP 401): invalid token`.
  public var description: String {
    let text: String
    switch self {
    case .unauthorized(let status, let message):
      let what = status == 403 ? "the token lacks access to conversations" : "the API rejected the token"
      text = what + " (HTTP \(status))" + Self.suffix(message)
    case .unavailable(let reason):
      text = reason
    case .badResponse(let status, let message):
      let what =
        (200..<300).contains(status)
        ? "the API's answer is not a page of conversations" : "the API refused the request"
      text = what + " (HTTP \(status))" + Self.suffix(message)
    case .cancelled:
      text = "cancelled"
    }
    return ErrorMessage.oneLine(text)
  }

  private static func suffix(_ message: String?) -> String {
    guard let message, !message.isEmpty else { return "" }
    return ": " + message
  }
}
