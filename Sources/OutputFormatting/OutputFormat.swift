/// The formats dcq writes results in.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, ndjson, csv, tsv
}
