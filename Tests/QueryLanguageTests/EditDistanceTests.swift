import Testing

@testable import QueryLanguage

@Suite struct EditDistanceTests {
  @Test(arguments: [
    ("where", "where", 0), ("wher", "where", 1), ("whree", "where", 1), ("selct", "select", 1),
    ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3),
  ])
  func distance(_ a: String, _ b: String, _ expected: Int) {
    #expect(editDistance(Array(a), Array(b)) == expected)
  }

  @Test func nearestNameIgnoresCaseAndStopsAtTwo() {
    #expect(nearestName(to: "WHER", in: ["where", "select"]) == "where")
    #expect(nearestName(to: "xyzzy", in: ["where", "select"]) == nil)
  }
}
