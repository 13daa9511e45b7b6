import Testing

@testable import Shell

/// When the REPL asks for another line (`  -> `) before it runs an entry.
@Suite struct EntryStateTests {
  @Test(arguments: [
    ("where finished |", true),
    ("where finished |  ", true),
    ("where finished", false),
    ("select a = (1 + 2", true),
    ("select a = [1, 2", true),
    ("select a = [1, (2)]", false),
    ("where name == \"Jo", true),
    ("where name == \"Jo\"", false),
    ("where name == \"a|\"", false),
    ("where finished # a comment |", false),
    ("where finished |\n| count", false),
    ("where finished |\n", true),
    (".format csv", false),
    (".explain where x |", false),
    ("let w = where (a", true),
    ("", false),
  ])
  func unfinished(_ text: String, _ expected: Bool) {
    #expect(EntryState.isUnfinished(text) == expected)
  }
}
