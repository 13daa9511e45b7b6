// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "dcq",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "dcq", targets: ["dcq"]),
    .executable(name: "dcq-gen", targets: ["dcq-gen"]),
    .executable(name: "datacrazy-mock", targets: ["datacrazy-mock"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    .target(name: "QueryLanguage"),
    .target(name: "OutputFormatting", dependencies: ["QueryLanguage"]),
    .target(name: "ConversationGenerator"),
    .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
    .target(name: "Shell", dependencies: ["QueryLanguage", "OutputFormatting", "CReadline"]),
    .target(name: "DatacrazyAPI", dependencies: ["QueryLanguage"]),
    .target(name: "MappedFiles", dependencies: ["QueryLanguage"]),
    .target(
      name: "ConversationCache",
      dependencies: [
        "QueryLanguage", "DatacrazyAPI", "MappedFiles", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .target(
      name: "DatacrazyMock",
      dependencies: [
        "QueryLanguage", "ConversationGenerator", .product(name: "FlyingFox", package: "FlyingFox"),
      ]),
    .executableTarget(
      name: "datacrazy-mock",
      dependencies: [
        "DatacrazyMock", "ConversationGenerator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "dcq",
      dependencies: [
        "QueryLanguage", "OutputFormatting", "Shell", "DatacrazyAPI", "ConversationCache", "DatacrazyMock",
        "MappedFiles",
        "ConversationGenerator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "dcq-gen",
      dependencies: [
        "ConversationGenerator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(
      name: "QueryLanguageTests",
      dependencies: [
        "QueryLanguage", "ConversationGenerator",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "OutputFormattingTests", dependencies: ["OutputFormatting"]),
    .testTarget(name: "ShellTests", dependencies: ["Shell", "QueryLanguage"]),
    .testTarget(
      name: "DatacrazyAPITests", dependencies: ["DatacrazyAPI", "DatacrazyMock", "ConversationGenerator"]),
    .testTarget(
      name: "ConversationCacheTests",
      dependencies: [
        "ConversationCache", "DatacrazyAPI", "DatacrazyMock", "ConversationGenerator", "QueryLanguage",
      ]),
    .testTarget(name: "DatacrazyMockTests", dependencies: ["DatacrazyMock", "ConversationGenerator"]),
    .testTarget(name: "ConversationGeneratorTests", dependencies: ["ConversationGenerator"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["dcq", "dcq-gen", "datacrazy-mock"], resources: [.copy("Cases")]),
  ]
)
