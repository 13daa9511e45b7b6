import Testing

@testable import DatacrazyMock

@Suite struct ConversationQueryTests {
  @Test func anEmptyQueryAsksForTheOpenConversationsFromTheStart() throws {
    let query = try ConversationQuery(query: "")
    #expect(query.skip == 0)
    #expect(query.take == nil)
    #expect(query.opened)
    #expect(query.departments == nil && query.search == nil)
  }

  @Test func namesAndValuesArePercentDecoded() throws {
    let query = try ConversationQuery(
      query: "skip=200&take=100&filter%5Bopened%5D=false&filter[tags]=a%2Cb&search=Jo%C3%A3o+Silva")
    #expect(query.skip == 200)
    #expect(query.take == 100)
    #expect(!query.opened)
    #expect(query.tags == ["a", "b"])
    #expect(query.search == "joão silva")
  }

  @Test func listsAreCommaSeparatedTrimmedAndMerged() throws {
    let query = try ConversationQuery(
      query: "filter[departments]=d1,%20d2,,&filter[departments]=d3&filter[instances]=&filter[stages]=s")
    #expect(query.departments == ["d1", "d2", "d3"])
    #expect(query.instances == nil)
    #expect(query.stages == ["s"])
  }

  @Test(arguments: [
    ("take=-1", "take must not be negative"),
    ("skip=-20", "skip must not be negative"),
    ("take=abc", "take must be a whole number"),
    ("skip=", "skip must be a whole number"),
    ("take=1e3", "take must be a whole number"),
    ("filter[opened]=yes", "filter[opened] must be true or false"),
  ])
  func badValuesAreRefusedWithAMessage(text: String, message: String) {
    #expect(throws: ConversationQuery.Invalid(message: message)) { try ConversationQuery(query: text) }
  }

  @Test func aHugeSkipIsStillACount() throws {
    #expect(try ConversationQuery(query: "skip=99999999999999999999999").skip == Int.max)
  }

  @Test func unknownParametersAreIgnored() throws {
    #expect(try ConversationQuery(query: "filter[openWindow]=all&foo&=x") == ConversationQuery(query: ""))
  }
}
