import Testing
@Test func placeholderConversationCacheTests() { #expect(Bool(true)) }
