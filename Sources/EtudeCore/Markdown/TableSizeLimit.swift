/// Refuses a GFM table that would expand far beyond what was written.
///
/// libcmark-gfm pads every row to the width of the header, so a 4 000-column header over
/// 4 000 one-cell rows (34 KB of Markdown) makes 16 million cells: minutes of parsing and
/// tens of megabytes of HTML. Later libcmark-gfm releases stop a table once it has padded
/// more than 0x80000 cells (`MAX_AUTOCOMPLETED_CELLS` in `extensions/table.c`); the system's
/// 0.29.0.gfm.6 has no such limit, and cutting a table silently would lose rows, so the
/// Markdown is scanned before it is parsed and a table over `maximumCells` is an error.
/// This version also splits each row in time quadratic in its cells (it appends each cell
/// to the end of a linked list), whether or not the row fits the header, so a row may have
/// at most `maximumColumns` cells. And each line that looks like a delimiter row under a
/// paragraph makes it read the whole paragraph again (`a|b` and `:-:` alternating over
/// 80 KB take 20 s), so a block may hold at most `maximumDelimiterRows` such lines. The
/// scan is conservative: it may count a few lines more than cmark puts in a table, never fewer.
enum TableSizeLimit {
    /// At most this many cells (columns × rows, header included) in one table.
    static let maximumCells = 100_000
    /// At most this many cells in one row of a table, header and delimiter row included.
    static let maximumColumns = 1_000
    /// At most this many lines like a delimiter row (`|---|`, `:-:`) from a table's header
    /// to the next blank line.
    static let maximumDelimiterRows = 100

    /// A table over the limit: its first line (1-based in the scanned text) and its size.
    struct Oversized: Equatable {
        var line: Int
        var columns: Int
        var rows: Int
        /// The line of the row with the most cells, and their number.
        var widestLine: Int
        var widestCells: Int
        /// The line after which there are too many delimiter rows, if there is one.
        var extraDelimiterLine: Int?
        var cells: Int { columns * rows }
        var isTooWide: Bool { widestCells > maximumColumns }
        var isOverLimit: Bool { isTooWide || cells > maximumCells || extraDelimiterLine != nil }

        /// Each limit passed, with the line to report it at: the row too wide, the table's
        /// first line for its cells, the delimiter row one too many.
        var problems: [(line: Int, message: String)] {
            var problems: [(line: Int, message: String)] = []
            if isTooWide {
                problems.append((widestLine, "this table row has \(MarkdownLines.grouped(widestCells)) cells; Étude accepts at most "
                    + "\(MarkdownLines.grouped(maximumColumns)) columns per table: split it into narrower tables"))
            }
            if cells > maximumCells {
                problems.append((line, "this table would have \(MarkdownLines.grouped(cells)) cells (\(MarkdownLines.grouped(columns)) columns × "
                    + "\(MarkdownLines.grouped(rows)) rows, counting the header and every line up to the next blank line); "
                    + "Étude accepts at most \(MarkdownLines.grouped(maximumCells)) cells per table: split it into smaller tables, "
                    + "or end it with a blank line"))
            }
            if let extraDelimiterLine {
                problems.append((extraDelimiterLine, "too many lines like a table's delimiter row (such as '|---|' or ':-:') since "
                    + "the last blank line: this one is over the \(maximumDelimiterRows) Étude accepts, as each makes libcmark-gfm "
                    + "read the paragraph above again; add blank lines, or write a backslash before the line's first character"))
            }
            // In line order; at one line, in the order above.
            return problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        }
    }

    /// Every table of `markdown` over a limit, in reading order.
    static func oversizedTables(in markdown: String) -> [Oversized] {
        let lines = MarkdownLines.scan(markdown)
        var found: [Oversized] = []
        var index = 0
        while index < lines.count {
            guard !lines[index].isCode, index > 0, !lines[index - 1].isBlank, !lines[index - 1].isCode,
                  let columns = delimiterColumns(lines[index].content) else {
                index += 1
                continue
            }
            // The header, the delimiter row, then every line up to a blank line or a fence.
            var end = index + 1
            while end < lines.count, !lines[end].isBlank, !lines[end].isCode { end += 1 }
            var table = Oversized(line: index, columns: columns, rows: end - index, widestLine: index, widestCells: 0)
            var delimiterRows = 0
            for row in (index - 1)..<end {
                let cells = cellCount(lines[row].content)
                if cells > table.widestCells { (table.widestLine, table.widestCells) = (row + 1, cells) }
                // A table may start at any delimiter row of the block, if an earlier header did
                // not fit its own: the widest one counts.
                if row >= index, let columns = delimiterColumns(lines[row].content) {
                    table.columns = max(table.columns, columns)
                    delimiterRows += 1
                    if delimiterRows == maximumDelimiterRows + 1 { table.extraDelimiterLine = row + 1 }
                }
            }
            if table.isOverLimit { found.append(table) }
            index = end
        }
        return found
    }

    /// The number of cells of a delimiter row (`| --- | :-: |`), or nil for any other line.
    private static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var hasPipeOrColon = false
        var hasDash = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"), UInt8(ascii: ":"): hasPipeOrColon = true
            case UInt8(ascii: "-"): hasDash = true
            case 0x20, 0x09, 0x0B, 0x0C: continue
            default: return nil
            }
        }
        // Dashes alone underline a heading or make a rule; `:-:` alone opens a one-column table.
        guard hasDash, hasPipeOrColon else { return nil }
        return cellCount(line)
    }

    /// The cells of a row, at most: cells lie between pipes, and a leading or trailing pipe
    /// opens or closes no cell. Escaped pipes are counted too, which only overestimates.
    private static func cellCount(_ line: ArraySlice<UInt8>) -> Int {
        var columns = line.reduce(1) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }
        if line.first == UInt8(ascii: "|") { columns -= 1 }
        if line.last == UInt8(ascii: "|") && line.count > 1 { columns -= 1 }
        return max(columns, 1)
    }
}
