// Calls `serve()` rather than `main()` or `run()`: in top-level code both
// resolve to ArgumentParser's synchronous versions.
do {
  let command = try DatacrazyMockCommand.parse()
  try await command.serve()
} catch {
  DatacrazyMockCommand.exit(withError: error)
}
