/// `GET /api/v1/conversations`, paged, paced and retried.
///
/// ```swift
/// let client = DatacrazyClient(configuration: configuration) { line in print(line) }
/// let result = try await client.fetchAll { progress in bar.update(progress) }
/// ```
public final class DatacrazyClient: Sendable {
  private let configuration: APIConfiguration
  private let transport: any HTTPTransport
  private let limiter: RateLimiter
  private let log: (@Sendable (String) -> Void)?

  /// `log` receives one line per request (never the token) when verbose.
  public convenience init(configuration: APIConfiguration, log: (@Sendable (String) -> Void)? = nil) {
    self.init(
      configuration: configuration, transport: URLSessionTransport(timeout: configuration.requestTimeout),
      log: log)
  }

  init(configuration: APIConfiguration, transport: any HTTPTransport, log: (@Sendable (String) -> Void)?) {
    self.configuration = configuration
    self.transport = transport
    self.limiter = RateLimiter(budget: configuration.rateLimit)
    self.log = log
  }

  /// Every conversation: the open ones, then `filter[opened]=false`, merged by id.
  /// Cancelling the task stops it promptly with `.cancelled`.
  public func fetchAll(progress: @escaping @Sendable (FetchProgress) -> Void = { _ in })
    async throws(APIError)
    -> FetchResult
  {
    let tracker = ProgressTracker(report: progress)
    do throws(APIError) {
      if Task.isCancelled { throw .cancelled }
      return try await fetchAll(tracker: tracker)
    } catch {
      throw Task.isCancelled ? .cancelled : error
    }
  }

  private func fetchAll(tracker: ProgressTracker) async throws(APIError) -> FetchResult {
    let fetcher = PageFetcher(
      endpoint: ConversationsEndpoint(configuration), transport: transport, limiter: limiter,
      policy: RetryPolicy(configuration), tracker: tracker, log: log)
    let take = max(1, configuration.pageSize)
    let concurrency = max(1, configuration.concurrentRequests)

    // Both passes' first pages at once: their counts give the total early.
    let (openFirst, finishedFirst) = try await firstPages(fetcher, take: take, concurrently: concurrency > 1)
    if let open = openFirst.count, let finished = finishedFirst.count { tracker.expect(open + finished) }

    var passes: [Pager.Pass] = []
    for (pass, first) in [(ConversationPass.open, openFirst), (.finished, finishedFirst)] {
      let pager = Pager(take: take, concurrency: concurrency) { skip, take throws(APIError) in
        try await fetcher.page(skip: skip, take: take, pass: pass)
      }
      passes.append(try await pager.run(first: first))
    }
    if Task.isCancelled { throw .cancelled }

    var merger = ConversationMerger(expectedCount: passes.reduce(0) { $0 + $1.conversations.count })
    for pass in passes { merger.add(contentsOf: pass.conversations) }
    var warnings: [String] = []
    if let warning = Self.countWarning(
      distinct: merger.conversations.count, open: passes[0].lastCount, finished: passes[1].lastCount,
      duplicates: merger.duplicates)
    {
      warnings.append(warning)
    }
    return FetchResult(conversations: merger.conversations, warnings: warnings, requests: tracker.requests)
  }

  private func firstPages(_ fetcher: PageFetcher, take: Int, concurrently: Bool) async throws(APIError)
    -> (open: Page, finished: Page)
  {
    guard concurrently else {
      let open = try await fetcher.page(skip: 0, take: take, pass: .open)
      return (open, try await fetcher.page(skip: 0, take: take, pass: .finished))
    }
    let results = await withTaskGroup(of: (ConversationPass, Result<Page, APIError>).self) { group in
      for pass in ConversationPass.allCases {
        // Not a do/catch in this closure: see `Pager.outcome`.
        group.addTask { (pass, await fetcher.outcome(skip: 0, take: take, pass: pass)) }
      }
      var results: [ConversationPass: Result<Page, APIError>] = [:]
      for await (pass, result) in group {
        results[pass] = result
        if case .failure = result { group.cancelAll() }
      }
      return results
    }
    // The error that came first in page order, unless one was only the cancellation of the other.
    let open = results[.open]!
    let finished = results[.finished]!
    switch (open, finished) {
    case (.success(let open), .success(let finished)): return (open, finished)
    case (.failure(let error), .success), (.success, .failure(let error)): throw error
    case (.failure(let first), .failure(let second)):
      if case .cancelled = first, !Task.isCancelled { throw second }
      throw first
    }
  }

  /// A warning when the distinct records differ from what the two passes' counts add up to.
  static func countWarning(distinct: Int, open: Int?, finished: Int?, duplicates: Int) -> String? {
    guard let open, let finished, distinct != open + finished else { return nil }
    var warning =
      "the API counted \(open + finished) conversations (\(open) open + \(finished) finished) "
      + "but sent \(distinct) distinct ones"
    if duplicates > 0 { warning += " (\(duplicates) sent twice)" }
    return warning + ": the list changed while it was read; the next sync will catch up"
  }
}
