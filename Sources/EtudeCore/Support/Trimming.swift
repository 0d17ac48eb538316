import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in:)` without the round trip through an NSString (a tenth of reading
    /// `data/` went there): the scalars of `set` are dropped from both ends, as Foundation does.
    func trimmed(_ set: CharacterSet) -> String {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        return String(Substring(scalars[start..<end]))
    }
}
