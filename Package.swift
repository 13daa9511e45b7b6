// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "dcq",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "dcq", targets: ["dcq"]),
    .executable(name: "dcq-gen", targets: ["dcq-gen"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    .target(name: "QueryLanguage"),
    .target(name: "OutputFormatting", dependencies: ["QueryLanguage"]),
    .target(name: "ConversationGenerator"),
    .target(name: "Shell", dependencies: ["QueryLanguage", "OutputFormatting"]),
    .executableTarget(
      name: "dcq",
      dependencies: [
        "QueryLanguage", "OutputFormatting", "Shell",
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
    .testTarget(name: "ConversationGeneratorTests", dependencies: ["ConversationGenerator"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["dcq", "dcq-gen"], resources: [.copy("Cases")]),
  ]
)
