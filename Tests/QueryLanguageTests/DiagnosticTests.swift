import Testing

@testable import QueryLanguage

@Suite struct DiagnosticTests {
  @Test func unknownStageSuggestsTheNearestOne() {
    #expect(
      parseError("wher finished | count") == """
        error: unknown stage 'wher' at 1:1
          wher finished | count
          ^~~~
          did you mean 'where'?

        """)
  }

  @Test func unknownStageAfterPipeOnASecondLine() {
    #expect(
      parseError("where finished\n| sumarize count()") == """
        error: unknown stage 'sumarize' at 2:3
          | sumarize count()
            ^~~~~~~~
          did you mean 'summarize'?

        """)
  }

  @Test func unknownFunctionSuggestsTheNearestOne() {
    #expect(
      parseError("where lowr(name) == \"x\"") == """
        error: unknown function 'lowr' at 1:7
          where lowr(name) == "x"
                ^~~~
          did you mean 'lower'?

        """)
  }

  @Test func wrongArityNamesTheFunction() {
    #expect(
      parseError("select split(name)") == """
        error: split takes 2 arguments, not 1 at 1:8
          select split(name)
                 ^~~~~~~~~~~
          usage: split(s, sep)

        """)
  }

  @Test func misspelledKeywordIsSuggested() {
    #expect(
      parseError("where finished adn hidden") == """
        error: expected '|' or the end of the statement, found 'adn' at 1:16
          where finished adn hidden
                         ^~~
          did you mean 'and'?

        """)
  }

  @Test func columnsCountCharactersNotBytes() {
    #expect(
      parseError("where name == \"Pós\" &") == """
        error: unexpected character '&' at 1:21
          where name == "Pós" &
                              ^

        """)
  }

  @Test func invalidRegexIsAParseError() throws {
    let rendered = try #require(parseError("where name matches \"(unclosed\""))
    #expect(rendered.hasPrefix("error: invalid regular expression at 1:20\n"))
    #expect(rendered.contains("                   ^~~~~~~~~~~\n"))
  }

  @Test func unboundParameterIsNamed() {
    #expect(
      parseError("where contact.id == $phon", parameters: ["phone": .string("1")]) == """
        error: unbound parameter '$phon' at 1:21
          where contact.id == $phon
                              ^~~~~
          did you mean 'phone'?

        """)
  }

  @Test func comparisonsDoNotChain() throws {
    let rendered = try #require(parseError("where 1 < 2 < 3"))
    #expect(rendered.hasPrefix("error: comparison operators do not chain at 1:13\n"))
  }

  @Test func deepNestingIsAnErrorNotACrash() throws {
    let query = "where " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let rendered = try #require(parseError(query))
    #expect(rendered.hasPrefix("error: nesting deeper than 256 at 1:"))
  }

  @Test func longOperatorChainsAreBounded() throws {
    let query = "where " + Array(repeating: "1", count: 5_000).joined(separator: " + ")
    let rendered = try #require(parseError(query))
    #expect(rendered.hasPrefix("error: nesting deeper than 256 at 1:"))
  }

  @Test func nesting256IsAllowedAnd257IsNot() throws {
    func nested(_ depth: Int) -> String {
      "where " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
    }
    #expect(parseError(nested(256)) == nil)
    let rendered = try #require(parseError(nested(257)))
    #expect(rendered.hasPrefix("error: nesting deeper than 256 at 1:"))
  }

  @Test func letNameMayNotBeAStageName() throws {
    let rendered = try #require(parseError("let count = where finished"))
    #expect(rendered.hasPrefix("error: 'count' is a stage name and cannot be a let name at 1:5\n"))
  }

  @Test func unterminatedStringPointsAtItsStart() {
    #expect(
      parseError("where name == \"abc") == """
        error: unterminated string at 1:15
          where name == "abc
                        ^

        """)
  }

  @Test func aggregateOutsideSummarize() throws {
    let rendered = try #require(parseError("where count() > 1"))
    #expect(rendered.hasPrefix("error: aggregate 'count' is only allowed in summarize at 1:7\n"))
  }

  @Test func unknownDurationUnit() throws {
    let rendered = try #require(parseError("where lastMessageDate > ago(7x)"))
    #expect(rendered.hasPrefix("error: unknown duration unit 'x' at 1:29\n"))
  }

  @Test func unknownTimeZoneLiteral() throws {
    let rendered = try #require(parseError("select day(createdAt, \"Mars/Olympus\")"))
    #expect(rendered.hasPrefix("error: unknown time zone 'Mars/Olympus' at 1:23\n"))
  }

  @Test func syntaxErrorAnywhereRunsNothing() {
    #expect(parseError("count\nwhere (") != nil)
  }
}
