/// The bookkeeping of one pass, apart from the network: which pages to ask
/// for next, and which arrived pages can be taken, in order.
///
/// It reproduces what one-page-at-a-time paging would read: start at
/// `skip` 0; a page moves `skip` on by its length (the server's maximum page
/// may be lower than `take`); the pass ends when `skip` reaches `count` or a
/// page comes back empty. Ahead of that cursor, up to `concurrency` pages
/// are requested at once, spaced by the first page's length; a page that
/// comes back shorter than the space leaves a gap, which is requested next.
struct PagerState {
  struct Request: Equatable {
    var skip: Int
    var take: Int
  }

  let take: Int
  let concurrency: Int
  /// The records taken so far, in order.
  private(set) var conversations: [FetchedConversation] = []
  /// The API's `count` on the latest page taken.
  private(set) var count: Int?
  /// The `count` on the pass's first page.
  private(set) var firstCount: Int?
  private(set) var ended = false
  /// Where one-page-at-a-time paging would ask next.
  private(set) var cursor = 0
  /// The distance between pages requested ahead.
  private var stride: Int
  /// The next page to request ahead of the cursor.
  private var nextPlanned = 0
  private var pending: Set<Int> = []
  private var arrived: [Int: Page] = [:]
  private var tookFirstPage = false

  init(take: Int, concurrency: Int) {
    self.take = max(1, take)
    self.concurrency = max(1, concurrency)
    stride = self.take
  }

  /// Files the answer to the request at `skip`, and takes what is now in order.
  mutating func received(_ page: Page, at skip: Int) {
    pending.remove(skip)
    arrived[skip] = page
    takeArrivedPages()
  }

  private mutating func takeArrivedPages() {
    while !ended, let skip = arrived.keys.min(), skip <= cursor {
      let page = arrived.removeValue(forKey: skip)!
      if let pageCount = page.count { count = pageCount }
      if !tookFirstPage {
        tookFirstPage = true
        firstCount = page.count
        // A short first page that does not end the pass shows the server's maximum page.
        if !page.conversations.isEmpty && page.conversations.count < take {
          stride = page.conversations.count
        }
      }
      guard !page.conversations.isEmpty else {
        ended = true
        break
      }
      conversations.append(contentsOf: page.conversations)
      cursor = max(cursor, skip + page.conversations.count)
      if let count, cursor >= count { ended = true }
    }
    if ended { arrived.removeAll() }
  }

  /// The requests to send now; they count as pending until `received`.
  mutating func nextRequests() -> [Request] {
    guard !ended else { return [] }
    var requests: [Request] = []
    func send(_ skip: Int, _ take: Int) {
      pending.insert(skip)
      requests.append(Request(skip: skip, take: take))
    }
    guard let count else {
      // Without a count nothing can be planned: one page at a time.
      if pending.isEmpty { send(cursor, take) }
      return requests
    }
    nextPlanned = max(nextPlanned, cursor)
    if cursor < nextPlanned && !pending.contains(cursor) && pending.count < concurrency {
      // A gap before pages already asked for: ask for just the gap, so the
      // pages after it still line up.
      let after = pending.union(arrived.keys).filter { $0 > cursor }.min() ?? nextPlanned
      send(cursor, min(take, after - cursor))
    }
    while pending.count < concurrency && nextPlanned < count {
      send(nextPlanned, take)
      nextPlanned += stride
    }
    return requests
  }

  /// Whether requests are out: false only when the pass has ended.
  var isWaiting: Bool { !pending.isEmpty }
}
