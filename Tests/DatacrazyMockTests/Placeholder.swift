import Testing
@Test func placeholderDatacrazyMockTests() { #expect(Bool(true)) }
