import Testing

@testable import DatacrazyAPI

@Suite struct ConversationMergerTests {
  @Test func aRepeatedIdKeepsItsFirstPositionAndTheLaterCopy() {
    var merger = ConversationMerger()
    merger.add(contentsOf: [
      conversation("a", updatedAt: "2025-06-01T10:00:00.000Z"),
      conversation("b", updatedAt: "2025-06-01T10:00:00.000Z"),
      conversation("c", updatedAt: "2025-06-01T10:00:00.000Z"),
    ])
    merger.add(conversation("a", updatedAt: "2025-06-01T09:59:59.999Z"))  // older: ignored
    merger.add(conversation("b", updatedAt: "2025-06-02T00:00:00.000Z"))  // newer: replaces, in place
    merger.add(conversation("d", updatedAt: nil))
    merger.add(conversation("d", updatedAt: "2025-01-01T00:00:00.000Z"))  // any date beats none
    #expect(merger.conversations.map(\.id) == ["a", "b", "c", "d"])
    #expect(
      merger.conversations.map(\.updatedAt) == [
        "2025-06-01T10:00:00.000Z", "2025-06-02T00:00:00.000Z", "2025-06-01T10:00:00.000Z",
        "2025-01-01T00:00:00.000Z",
      ])
    #expect(merger.duplicates == 3)
  }

  @Test func aTieKeepsTheFirstCopy() {
    var merger = ConversationMerger()
    let first = FetchedConversation(id: "a", updatedAt: "2025-06-01T10:00:00.000Z", json: Array("1".utf8))
    let second = FetchedConversation(id: "a", updatedAt: "2025-06-01T10:00:00.000Z", json: Array("2".utf8))
    merger.add(first)
    merger.add(second)
    #expect(merger.conversations.map(\.json) == [Array("1".utf8)])
  }

  @Test(arguments: [
    ("2025-06-01T10:00:00.001Z", "2025-06-01T10:00:00.000Z", true),
    ("2025-06-01T10:00:00.000Z", "2025-06-01T10:00:00.001Z", false),
    ("2025-06-01T10:00:01Z", "2025-06-01T10:00:00.500Z", true),  // no milliseconds: parsed
    ("2025-06-01T12:00:00.000+03:00", "2025-06-01T10:00:00.000Z", false),  // 09:00 UTC
    ("2025-06-01T08:00:00.000-03:00", "2025-06-01T10:00:00.000Z", true),  // 11:00 UTC
    ("2026-01-01T00:00:00.000Z", "not a date", true),
  ])
  func timestampsCompareByTheirInstant(candidate: String, current: String, later: Bool) {
    #expect(ConversationMerger.isLater(candidate, than: current) == later)
  }

  @Test func theWarningGivesBothNumbers() {
    let warning = DatacrazyClient.countWarning(distinct: 998, open: 600, finished: 400, duplicates: 2)
    #expect(
      warning
        == "the API counted 1000 conversations (600 open + 400 finished) but sent 998 distinct ones "
        + "(2 sent twice): the list changed while it was read; the next sync will catch up")
    #expect(DatacrazyClient.countWarning(distinct: 1000, open: 600, finished: 400, duplicates: 0) == nil)
    #expect(DatacrazyClient.countWarning(distinct: 7, open: nil, finished: 400, duplicates: 0) == nil)
  }
}
