import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends one HTTP request: URLSession in the client, a fake in tests.
protocol HTTPTransport: Sendable {
  /// The body and the response; throws `URLError` when no response came
  /// (unreachable, timed out, dropped), and stops promptly when the task is cancelled.
  func send(_ request: URLRequest) async throws -> (body: Data, response: HTTPURLResponse)
}

/// URLSession with an ephemeral configuration: no cookies, no cache, no
/// credentials stored on disk.
///
/// Not `URLSession.data(for:)`: on Linux (swift-corelibs-foundation, Swift
/// 6.3.1) its cancellation handler calls `URLSessionTask.cancel()`, which
/// waits for the session's queue while the Swift runtime holds the task's
/// status lock; a request finishing on that queue at the same moment waits
/// for the same lock, and both hang for good. Seen here when a task group
/// cancelled its other requests after a 401. So the data task is cancelled
/// from another queue, after the handler has returned.
final class URLSessionTransport: HTTPTransport {
  private let session: URLSession

  init(timeout: Duration) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout.secondsValue
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    session = URLSession(configuration: configuration)
  }

  deinit { session.invalidateAndCancel() }

  func send(_ request: URLRequest) async throws -> (body: Data, response: HTTPURLResponse) {
    let cancellation = DataTaskCancellation()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let task = session.dataTask(with: request) { body, response, error in
          if let error {
            continuation.resume(throwing: error)
          } else if let body, let response = response as? HTTPURLResponse {
            continuation.resume(returning: (body, response))
          } else {
            continuation.resume(throwing: URLError(.badServerResponse))
          }
        }
        task.resume()
        cancellation.started(task)
      }
    } onCancel: {
      cancellation.cancel()
    }
  }
}

/// Cancels a data task off the cancelling thread, whether the task starts
/// before or after the cancellation.
///
/// `@unchecked Sendable`: `lock` guards both fields; the data task is only
/// touched to cancel it, which URLSession allows from any thread.
private final class DataTaskCancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var task: URLSessionDataTask?
  private var cancelled = false

  func started(_ task: URLSessionDataTask) {
    let cancelNow = lock.withLock {
      self.task = task
      return cancelled
    }
    if cancelNow { Self.cancelLater(task) }
  }

  func cancel() {
    let task = lock.withLock {
      cancelled = true
      return self.task
    }
    if let task { Self.cancelLater(task) }
  }

  private static func cancelLater(_ task: URLSessionDataTask) {
    DispatchQueue.global().async { task.cancel() }
  }
}
