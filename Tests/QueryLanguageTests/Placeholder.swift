import Testing
@Test func placeholderQueryLanguageTests() { #expect(1 + 1 == 2) }
