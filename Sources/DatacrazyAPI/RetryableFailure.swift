import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Why an attempt failed in a way that another attempt may mend.
enum RetryableFailure: Sendable, Equatable {
  /// No connection: refused, unknown host, no network, TLS.
  case unreachable(String)
  /// Connected, but no usable answer: timed out, dropped.
  case network(String)
  /// 408, 429 or 5xx, with the body's message.
  case status(Int, message: String?)
  /// A 2xx whose body is not JSON or is cut short.
  case brokenBody(status: Int, String)

  init(_ error: any Error, timeout: Duration) {
    guard let error = error as? URLError else {
      self = .network("a network error")
      return
    }
    switch error.code {
    case .cannotConnectToHost: self = .unreachable("connection refused")
    case .cannotFindHost, .dnsLookupFailed: self = .unreachable("unknown host")
    case .notConnectedToInternet: self = .unreachable("no network connection")
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
      self = .unreachable("the TLS handshake failed")
    case .timedOut: self = .network("no answer within \(Int(timeout.secondsValue.rounded())) s")
    case .networkConnectionLost: self = .network("the connection was dropped")
    case .badServerResponse: self = .network("a malformed HTTP answer")
    case .cancelled: self = .network("the request was cancelled")
    default: self = .network("network error \(error.code.rawValue)")
    }
  }

  /// For the request log.
  var shortText: String {
    switch self {
    case .unreachable(let reason), .network(let reason): reason
    case .status(let status, _): "\(status)"
    case .brokenBody(let status, let reason): "\(status) with a broken body (\(reason))"
    }
  }

  /// The error once the attempts are used up.
  func error(attempts: Int, host: String) -> APIError {
    let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
    switch self {
    case .unreachable(let reason):
      return .unavailable("cannot reach \(host): \(reason) (\(tries))")
    case .network(let reason):
      return .unavailable("the API at \(host) keeps failing (\(tries)): \(reason)")
    case .status(429, let message):
      return .unavailable(
        "the API at \(host) keeps answering 429 Too Many Requests (\(tries))" + Self.suffix(message))
    case .status(let status, let message):
      return .unavailable(
        "the API at \(host) keeps failing (\(tries)): HTTP \(status)" + Self.suffix(message))
    case .brokenBody(let status, let reason):
      return .unavailable(
        "the API at \(host) keeps sending broken answers (\(tries)): HTTP \(status), \(reason)")
    }
  }

  private static func suffix(_ message: String?) -> String {
    guard let message, !message.isEmpty else { return "" }
    return ": " + message
  }
}
