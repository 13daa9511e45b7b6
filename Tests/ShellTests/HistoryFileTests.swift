import Testing

@testable import Shell

@Suite struct HistoryFileTests {
  @Test(arguments: [
    ("count", "count"),
    ("take 1 |\n#2 keep the id\nselect id", "take 1 |\n #2 keep the id\nselect id"),
    ("#1 the first\ncount", " #1 the first\ncount"),
    ("# a comment\ncount", "# a comment\ncount"),
    ("where x == \"#1\"", "where x == \"#1\""),
  ])
  func linesThatLookLikeTimestampsAreIndented(_ entry: String, _ stored: String) {
    #expect(HistoryFile.storable(entry) == stored)
  }
}
