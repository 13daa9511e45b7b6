import Testing

@testable import OutputFormatting

@Suite struct TerminalWidthTests {
  @Test(
    arguments: [
      ("", 0), ("abc", 3), ("Pós-vendas", 10), ("日本", 4), ("ｱ", 1), ("Ａ", 2), ("한국어", 6),
      ("😀", 2), ("a😀b", 4), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇧🇷", 2), ("❤️", 2), ("e\u{301}", 1),
      ("Po\u{0301}s", 3), ("\u{200B}", 0), ("→", 1), ("…", 1), ("─", 1),
    ] as [(String, Int)])
  func columns(text: String, expected: Int) {
    #expect(TerminalWidth.of(text) == expected)
  }
}
