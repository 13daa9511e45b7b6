import Testing
@Test func placeholderConversationGeneratorTests() { #expect(1 + 1 == 2) }
