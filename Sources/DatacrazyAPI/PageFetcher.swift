import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Fetches one page: waits for the pacer, sends, reads the answer, and tries
/// again on 429, 5xx, timeouts, dropped connections and broken bodies.
struct PageFetcher: Sendable {
  let endpoint: ConversationsEndpoint
  let transport: any HTTPTransport
  let limiter: RateLimiter
  let policy: RetryPolicy
  let tracker: ProgressTracker
  let log: (@Sendable (String) -> Void)?

  func page(skip: Int, take: Int, pass: ConversationPass) async throws(APIError) -> Page {
    let request = endpoint.request(skip: skip, take: take, pass: pass)
    let line = "GET " + endpoint.pathAndQuery(skip: skip, take: take, pass: pass)
    var lastFailure = RetryableFailure.network("no attempt was made")
    var attemptsMade = 0
    attempts: for attempt in 1...policy.maximumAttempts {
      attemptsMade = attempt
      try await limiter.acquire(heldBack: tracker.heldBack)
      tracker.requestSent()
      let started = ContinuousClock.now
      let outcome: AttemptOutcome
      var answer: String
      do {
        let (body, response) = try await transport.send(request)
        outcome = interpret(body: body, response: response)
        if case .retry(let failure, _) = outcome {
          answer = failure.shortText
        } else {
          answer = "\(response.statusCode)"
        }
      } catch {
        if Task.isCancelled { throw .cancelled }
        let failure = RetryableFailure(error, timeout: endpoint.timeout)
        answer = failure.shortText
        outcome = .retry(failure, retryAfter: nil)
      }
      let milliseconds = Int(((ContinuousClock.now - started).secondsValue * 1000).rounded())
      answer += ", \(milliseconds) ms, attempt \(attempt)/\(policy.maximumAttempts)"
      switch outcome {
      case .page(let page):
        log?("\(line) → \(answer)")
        tracker.received(records: page.conversations.count)
        return page
      case .fail(let error):
        log?("\(line) → \(answer)")
        throw error
      case .retry(let failure, let retryAfter):
        lastFailure = failure
        guard attempt < policy.attempts(for: failure) else {
          log?("\(line) → \(answer); giving up")
          break attempts
        }
        let wait = retryAfter ?? policy.backoff(afterFailures: attempt)
        log?("\(line) → \(answer); retrying in \(Self.seconds(wait))")
        if retryAfter != nil { await limiter.pause(until: .now + wait) }
        do { try await Task.sleep(for: wait) } catch { throw .cancelled }
      }
    }
    throw lastFailure.error(attempts: attemptsMade, host: endpoint.hostDescription)
  }

  /// `page` with its error as a value, for task groups (see `Pager.outcome`).
  func outcome(skip: Int, take: Int, pass: ConversationPass) async -> Result<Page, APIError> {
    do {
      return .success(try await page(skip: skip, take: take, pass: pass))
    } catch {
      return .failure(error)
    }
  }

  private enum AttemptOutcome {
    case page(Page)
    case fail(APIError)
    case retry(RetryableFailure, retryAfter: Duration?)
  }

  private func interpret(body: Data, response: HTTPURLResponse) -> AttemptOutcome {
    let status = response.statusCode
    func message() -> String? { ErrorMessage.from(body: body, token: endpoint.token) }
    switch status {
    case 200..<300:
      do throws(PageDecoder.Failure) {
        return .page(try PageDecoder.decode(body))
      } catch {
        switch error {
        case .malformed(let reason):
          return .retry(.brokenBody(status: status, String(reason.prefix(120))), retryAfter: nil)
        case .notAPage(let reason):
          return .fail(.badResponse(status: status, message: reason))
        }
      }
    case 401, 403:
      return .fail(.unauthorized(status: status, message: message()))
    case 429:
      let retryAfter = policy.retryAfter(response.value(forHTTPHeaderField: "Retry-After"))
      return .retry(.status(status, message: message()), retryAfter: retryAfter)
    case 408, 500...599:
      return .retry(.status(status, message: message()), retryAfter: nil)
    default:
      return .fail(.badResponse(status: status, message: message()))
    }
  }

  private static func seconds(_ duration: Duration) -> String {
    let value = duration.secondsValue
    if value < 1 { return "\(Int((value * 1000).rounded())) ms" }
    return value < 10 ? "\((value * 100).rounded() / 100) s" : "\(Int(value.rounded())) s"
  }
}
