import Foundation
import Testing

@testable import ConversationCache

@Suite struct AccountNameTests {
  /// FIPS 180-4 examples and `sha256sum` of runs of "a" around the block and
  /// padding boundaries (55/56 bytes: one block or two; 64, 119/120 ...).
  static let vectors: [(input: [UInt8], digest: String)] = [
    (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (Array("é€😀".utf8), "df9226927fd572c1ee66eec85de1bb139497614899f36e4e90474cb71f6ef9d0"),
  ]
  static let runsOfA: [(count: Int, digest: String)] = [
    (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (1, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"),
    (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
  ]

  @Test func digestsMatchKnownVectors() {
    for (input, digest) in Self.vectors {
      #expect(SHA256.hex(of: input) == digest)
    }
    for (count, digest) in Self.runsOfA {
      #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: count)) == digest, "\(count) × a")
    }
  }

  @Test func digestDoesNotDependOnHowTheInputIsSplit() {
    let input = [UInt8](repeating: UInt8(ascii: "a"), count: 200)
    let whole = SHA256.hex(of: input)
    for split in [0, 1, 63, 64, 65, 130, 200] {
      var hash = SHA256()
      hash.update(input[..<split])
      hash.update(input[split...])
      let hex = hash.finish().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
      #expect(hex == whole, "split at \(split)")
    }
  }

  @Test func accountNameIsTheHashOfURLNewlineToken() {
    let name = ConversationStore.accountName(apiURL: "https://api.g1.datacrazy.io", token: "secret-token")
    // printf 'https://api.g1.datacrazy.io\nsecret-token' | sha256sum
    #expect(name == "bd4d24de83ba7241059e1571d955365b08d21dfab71a30e548b146a78720b742")
    #expect(!name.contains("secret"))
    #expect(name.count == 64 && name.allSatisfy { "0123456789abcdef".contains($0) })
  }

  @Test func accountNamesDifferByURLAndByToken() {
    let names = [
      ConversationStore.accountName(apiURL: "https://a.test", token: "t1"),
      ConversationStore.accountName(apiURL: "https://a.test", token: "t2"),
      ConversationStore.accountName(apiURL: "https://b.test", token: "t1"),
      // The separator keeps "ab" + "c" apart from "a" + "bc".
      ConversationStore.accountName(apiURL: "https://a.test/x", token: "y"),
      ConversationStore.accountName(apiURL: "https://a.test/", token: "xy"),
    ]
    #expect(Set(names).count == names.count)
  }

  @Test(arguments: [
    (["DCQ_CACHE_DIR": "/c/d", "XDG_CACHE_HOME": "/x", "HOME": "/h"], "/c/d"),
    (["DCQ_CACHE_DIR": "", "XDG_CACHE_HOME": "/x", "HOME": "/h"], "/x/dcq"),
    (["XDG_CACHE_HOME": "relative", "HOME": "/h"], "/h/.cache/dcq"),
    (["HOME": "/h"], "/h/.cache/dcq"),
  ])
  func defaultDirectoryFollowsTheEnvironment(environment: [String: String], expected: String) {
    let directory = ConversationStore.defaultDirectory(environment: environment)
    #expect(directory?.standardizedFileURL.path(percentEncoded: false).trimmingSuffix("/") == expected)
  }

  @Test func noDefaultDirectoryWithoutHome() {
    #expect(ConversationStore.defaultDirectory(environment: [:]) == nil)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }

  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) && count > 1 ? String(dropLast(suffix.count)) : self
  }
}
