// The JSON scan benchmark: the probe query of SWIFT-NOTES.md
// (`where contact.platform == "WHATSAPP" and not finished | select id, n = contact.name`)
// answered straight from the record reader's slots. Built by run.sh.
import QueryLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func seconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  print("usage: json-scan FILE [WORKERS [REPEATS]]")
  exit(64)
}
let path = arguments[1]
let workers = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

var paths = PathTrie()
let platform = paths.slot(for: ["contact", "platform"])
let finished = paths.slot(for: ["finished"])
let id = paths.slot(for: ["id"])
let name = paths.slot(for: ["contact", "name"])
let whatsapp = Array("WHATSAPP".utf8)

for _ in 0..<repeats {
  let start = seconds()
  let buffer = try MappedFile.map(path: path)
  var records = 0
  var rows: [(String, String)] = []
  try RecordReader.read(
    buffer, paths: paths, workers: workers,
    process: { batch in
      var rows: [(String, String)] = []
      for index in batch.records.indices {
        guard let value = batch.slot(platform, ofRecord: index)?.plainASCIIString,
          value.elementsEqual(whatsapp), batch.slot(finished, ofRecord: index)?.bool == false
        else { continue }
        rows.append(
          (
            batch.slot(id, ofRecord: index)?.string ?? "",
            batch.slot(name, ofRecord: index)?.string ?? ""
          ))
      }
      return (batch.records.count, rows)
    },
    consume: { (count: Int, batchRows: [(String, String)]) in
      records += count
      rows += batchRows
      return true
    })
  let elapsed = seconds() - start
  let megabytes = Double(buffer.count) / 1e6
  print(
    "\(workers) worker(s): \(records) records, \(rows.count) rows, "
      + "\(Int(elapsed * 1000)) ms, \(Int(megabytes / elapsed)) MB/s")
}
