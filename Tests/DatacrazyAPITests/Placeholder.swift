import Testing
@Test func placeholderDatacrazyAPITests() { #expect(Bool(true)) }
