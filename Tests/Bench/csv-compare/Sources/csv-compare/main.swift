import CSV
import Foundation
import SwiftCSV

/// One full pass over the export with each package, counting rows and fields, timed.
let path = CommandLine.arguments[1]
let url = URL(fileURLWithPath: path)

func time(_ name: String, _ body: () throws -> (Int, Int)) rethrows {
    let start = Date()
    let (rows, fields) = try body()
    print("\(name): \(String(format: "%.2f", Date().timeIntervalSince(start))) s (\(rows) rows, \(fields) fields)")
}

try time("yaslab/CSV.swift 2.5.2 (stream)") {
    let reader = try CSVReader(stream: InputStream(url: url)!, hasHeaderRow: true)
    var rows = 0, fields = 0
    while let row = reader.next() { rows += 1; fields += row.count }
    return (rows, fields)
}
try time("yaslab/CSV.swift 2.5.2 (whole string)") {
    let reader = try CSVReader(string: try String(contentsOf: url, encoding: .utf8), hasHeaderRow: true)
    var rows = 0, fields = 0
    while let row = reader.next() { rows += 1; fields += row.count }
    return (rows, fields)
}
try time("swiftcsv/SwiftCSV 0.10.0 (whole string)") {
    let csv = try EnumeratedCSV(url: url, delimiter: .comma, loadColumns: false)
    var rows = 0, fields = 0
    try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { row in rows += 1; fields += row.count }
    return (rows, fields)
}
